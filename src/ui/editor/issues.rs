//! All engine issues in one panel; each jumps to its field.

use super::ctx::Ctx;
use crate::template::Level;
use leptos::prelude::*;

#[component]
pub fn IssuePanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // None until the first evaluation (see `Ctx::eval`).
    let issues = Memo::new(move |_| ctx.eval.with(|e| e.as_ref().map(|e| e.issues.clone())));
    let counts = move || {
        issues.with(|all| {
            let count = |level| all.iter().flatten().filter(|i| i.level == level).count();
            (count(Level::Error), count(Level::Warning))
        })
    };
    let checked = move || issues.with(Option::is_some);
    view! {
        <section class="issue-panel" aria-labelledby="issue-heading">
            <h2 id="issue-heading">
                "Kiểm tra số liệu "
                <Show when=checked>
                    <span class="badge error">{move || format!("{} lỗi", counts().0)}</span>
                    " "
                    <span class="badge warning">{move || format!("{} cảnh báo", counts().1)}</span>
                </Show>
            </h2>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || checked().then(|| { let (e, w) = counts(); format!("Có {e} lỗi và {w} cảnh báo.") })}
            </p>
            <Show when=checked fallback=|| view! { <p class="muted">"Đang kiểm tra số liệu…"</p> }>
            <Show when=move || issues.with(|i| i.as_ref().is_some_and(|i| !i.is_empty())) fallback=|| view! { <p class="ok-text">"Không phát hiện sai lệch."</p> }>
                <ul class="issues">
                    {move || issues.get().into_iter().flatten().map(|issue| {
                        let (is_error, is_notice) = (issue.level == Level::Error, issue.level == Level::Notice);
                        let kind = match issue.level {
                            Level::Error => "Lỗi",
                            Level::Warning => "Cảnh báo",
                            Level::Notice => "Lưu ý",
                        };
                        let label = format!("{kind}: {}", issue.message);
                        let rule = issue.rule.clone();
                        view! {
                            <li class:error=is_error class:warning=!is_error && !is_notice class:info=is_notice>
                                <button type="button" class="issue-link" on:click=move |_| ctx.jump_to_issue(&issue)>
                                    <span class="rule">{rule}</span>
                                    " "
                                    {label}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            </Show>
        </section>
    }
}
