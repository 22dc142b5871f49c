use crate::storage::{local::LocalStore, DraftStore, DraftSummary};
use leptos::prelude::*;

/// Draft list: every saved report, or an empty state that says what to do.
#[component]
pub fn Home() -> impl IntoView {
    let (drafts, notices) = match LocalStore::open() {
        Ok(local) => {
            let (drafts, problems) = DraftStore::new(local).list();
            (drafts, problems.iter().map(|p| p.message()).collect::<Vec<_>>())
        }
        Err(e) => (Vec::new(), vec![e.message()]),
    };
    let empty = drafts.is_empty();

    view! {
        <section class="screen home">
            <div class="screen-head">
                <h1>"Báo cáo của đơn vị"</h1>
            </div>
            <div class="notices" role="status" aria-live="polite">
                {notices.into_iter().map(|n| view! { <p class="notice warn">{n}</p> }).collect_view()}
            </div>
            {if empty {
                view! {
                    <div class="empty-state">
                        <h2>"Chưa có báo cáo nào"</h2>
                        <p>
                            "Bắt đầu bằng một báo cáo mới: chọn loại (Đảng hoặc Chính quyền), kỳ báo cáo và năm. "
                            "Mọi thay đổi được lưu ngay trên máy này, kể cả khi không có mạng."
                        </p>
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <ul class="draft-list">
                        {drafts.into_iter().map(|d| view! { <DraftRow draft=d /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn DraftRow(draft: DraftSummary) -> impl IntoView {
    let period = crate::format::period_name(draft.period_type, draft.year);
    view! {
        <li class="draft">
            <a class="draft-open" href=format!("#/bao-cao/{}", draft.id)>
                <span class="draft-name">{draft.name.clone()}</span>
                <span class="draft-meta">{draft.unit.clone()} " · " {draft.kind.label()} " · " {period}</span>
            </a>
            <span class="draft-progress">{draft.progress} "%"</span>
        </li>
    }
}
