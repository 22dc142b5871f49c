//! The outline as a checklist: each section with its completion, the
//! overall progress, and a button to the next missing item.

use super::ctx::{Ctx, GENERAL, SIGNING};
use crate::engine::Evaluation;
use leptos::prelude::*;

#[component]
pub fn Checklist() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let entries: Vec<(usize, String, String)> = ctx.report.with_untracked(|r| {
        ctx.template
            .walk()
            .into_iter()
            .filter(|(_, n)| n.applies_to(r.period.period_type))
            .map(|(depth, n)| (depth, n.id.clone(), crate::engine::node_title(n, r)))
            .collect()
    });
    // None until the first evaluation (see `Ctx::eval`).
    let overall = move || {
        ctx.eval.with(|e| {
            let p = &e.as_ref()?.progress;
            Some((p.percent(), p.done, p.total, p.next_missing.clone()))
        })
    };
    // Counted once per evaluation for every section, not scanned again by each item.
    let errors_by_node =
        Memo::new(move |_| ctx.eval.with(|e| e.as_ref().map(Evaluation::errors_by_node).unwrap_or_default()));
    let item = move |id: String, label: String, depth: usize| {
        let id_for_state = id.clone();
        let id_for_click = id.clone();
        let state = Memo::new(move |_| {
            ctx.eval.with(|e| e.as_ref().map(|e| e.progress.node(&id_for_state).map(|p| (p.done, p.total, p.started))))
        });
        let id_for_errors = id.clone();
        // A memo, so the badge is rebuilt only when its count changes, not on every evaluation.
        let errors = Memo::new(move |_| {
            errors_by_node.with(|m| m.iter().find(|(n, _)| *n == id_for_errors).map_or(0, |(_, count)| *count))
        });
        let current = move || ctx.current.get() == id;
        view! {
            <li class=format!("depth-{depth}")>
                <button type="button" class="check-item" aria-current=move || current().then_some("step")
                    on:click=move |_| ctx.current.set(id_for_click.clone())>
                    <span class="check-mark" aria-hidden="true">
                        {move || match state.get() {
                            None => "",
                            Some(Some((done, total, _))) if total > 0 && done == total => "✓",
                            Some(Some((_, _, true))) => "◐",
                            Some(_) => "○",
                        }}
                    </span>
                    <span class="check-title">{label}</span>
                    <span class="check-count">
                        {move || match state.get() {
                            Some(Some((done, total, _))) if total > 0 => format!("{done}/{total}"),
                            _ => String::new(),
                        }}
                        {move || {
                            let n = errors.get();
                            (n > 0).then(|| view! { <span class="badge error">{format!("{n} lỗi")}</span> })
                        }}
                    </span>
                </button>
            </li>
        }
    };
    view! {
        <nav class="checklist" aria-label="Các mục của báo cáo">
            <div class="overall">
                <p>
                    <Show when=move || overall().is_some() fallback=|| view! { <span class="muted">"Đang tính tiến độ…"</span> }>
                        <strong>{move || overall().map(|(percent, ..)| format!("Đã xong {percent}%"))}</strong>
                        <span class="muted">{move || overall().map(|(_, done, total, _)| format!(" ({done}/{total} mục bắt buộc)"))}</span>
                    </Show>
                </p>
                // Without a value while pending: the browser shows it as in progress.
                <progress max="100" value=move || overall().map(|o| o.0) aria-label="Tiến độ báo cáo"></progress>
                {move || overall().and_then(|o| o.3).map(|path| {
                    view! {
                        <button type="button" class="next-missing" on:click=move |_| ctx.jump_to(&path)>
                            "Mục còn thiếu tiếp theo →"
                        </button>
                    }
                })}
            </div>
            <ol>
                {item(GENERAL.into(), "Thông tin chung".into(), 1)}
                {entries.into_iter().map(|(depth, id, title)| item(id, title, depth)).collect_view()}
                {item(SIGNING.into(), "Ký tên, nơi nhận".into(), 1)}
            </ol>
        </nav>
    }
}
