//! "Lấy số liệu cùng kỳ": fill the cùng kỳ column from last year's report of
//! the same period, stored here or received as a file.

use super::ctx::Ctx;
use crate::editor::drafts;
use crate::engine::cung_ky_from_previous;
use crate::exchange::import::read_report_file;
use crate::model::Report;
use crate::ui::files::{from_input, read_all};
use crate::ui::storage_ui::open_store;
use leptos::prelude::*;

#[component]
pub fn CungKyPicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let (kind, own_id, wanted) = ctx.report.with_untracked(|r| {
        (r.kind, r.id.clone(), crate::format::period_name(r.period.period_type, r.cung_ky_year()))
    });
    let own_id = StoredValue::new(own_id);
    let candidates = move || {
        open_store()
            .map(|s| s.list().0)
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.kind == kind && d.id != own_id.get_value())
            .collect::<Vec<_>>()
    };
    let take = move |previous: Report, source: String| {
        let current = ctx.report.get_untracked();
        match cung_ky_from_previous(ctx.template, &current, &previous) {
            Ok(values) => {
                let n = values.len();
                ctx.edit(move |r| r.cung_ky = values);
                ctx.generation.update(|g| *g += 1);
                message.set(Some((true, format!("Đã lấy {n} số liệu cùng kỳ từ {source}."))));
                open.set(false);
            }
            Err(e) => message.set(Some((false, format!("Không dùng được {source}: {e}.")))),
        }
    };
    let from_stored = move |id: String| {
        match open_store().map_err(|e| e.message()).and_then(|s| drafts::open(&s, &id).map_err(|e| e.message())) {
            Ok(o) => {
                let source = format!("báo cáo «{}»", o.report.name);
                take(o.report, source)
            }
            Err(m) => message.set(Some((false, m))),
        }
    };
    let from_file = move |ev: leptos::ev::Event| {
        let list = from_input(&ev);
        wasm_bindgen_futures::spawn_local(async move {
            for picked in read_all(list).await {
                let result = picked.bytes.and_then(|b| read_report_file(&picked.name, &b, chrono::Utc::now()));
                match result {
                    Ok(incoming) => take(incoming.report, format!("tệp «{}»", picked.name)),
                    Err(e) => message.set(Some((false, e.message(&picked.name)))),
                }
            }
        });
    };
    view! {
        <div class="cung-ky-picker">
            <button type="button" aria-expanded=move || open.get().to_string() disabled=move || ctx.locked.get()
                on:click=move |_| open.update(|o| *o = !*o)>"Lấy số liệu cùng kỳ"</button>
            {move || message.get().map(|(ok, m)| view! {
                <p class="notice" class:ok=ok class:error=!ok role="status">{m}</p>
            })}
            <Show when=move || open.get()>
                <div class="panel">
                    <p>{format!("Chọn báo cáo {wanted} (cùng loại, cùng kỳ, năm trước) trên máy này hoặc từ tệp:")}</p>
                    <ul class="plain">
                        {move || candidates().into_iter().map(|d| {
                            let id = d.id.clone();
                            view! {
                                <li>
                                    <button type="button" on:click=move |_| from_stored(id.clone())>
                                        {format!("{} ({})", d.name, crate::format::period_name(d.period_type, d.year))}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <label class="button file-button">
                        "Chọn tệp báo cáo năm trước…"
                        <input type="file" class="visually-hidden" name="cung-ky-file" accept=".json,application/json" on:change=from_file />
                    </label>
                </div>
            </Show>
        </div>
    }
}
