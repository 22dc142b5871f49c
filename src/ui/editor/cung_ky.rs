//! "Lấy số liệu cùng kỳ": fill the cùng kỳ column from last year's report of
//! the same period, stored here or received as a file. Values the cadre
//! typed are replaced only after they confirm (each listed as typed → new),
//! and the replaced values can be put back until the message is dismissed.

use super::ctx::Ctx;
use crate::editor::drafts;
use crate::editor::input;
use crate::engine::{cung_ky_from_previous, cung_ky_replacements, merge_cung_ky, CungKyReplacement};
use crate::exchange::import::read_report_file;
use crate::model::{FieldPath, Report, Value};
use crate::ui::files::{from_input, read_all, Picked};
use crate::ui::on_demand::on_demand_fn;
use crate::ui::storage_ui::open_store;
use leptos::prelude::*;
use std::collections::BTreeMap;

on_demand_fn! {
    /// The report in a picked file of last year, checked like any import, or
    /// what is wrong with it. The import checks come from their own wasm chunk
    /// the first time (see `ui::on_demand`): the editor rarely needs them.
    fn read_previous(picked: Picked) -> Result<Report, String> {
        picked
            .bytes
            .and_then(|b| read_report_file(&picked.name, &b, chrono::Utc::now()))
            .map(|incoming| incoming.report)
            .map_err(|e| e.message(&picked.name))
    }
}

#[component]
pub fn CungKyPicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let (kind, own_id, wanted) =
        ctx.report.with_untracked(|r| (r.kind, r.id.clone(), r.period.period_type.name(r.cung_ky_year())));
    let own_id = StoredValue::new(own_id);
    let candidates = move || {
        open_store()
            .map(|s| s.list().0)
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d.kind == kind && d.id != own_id.get_value())
            .collect::<Vec<_>>()
    };
    // Last year's values waiting for the cadre's answer, with the typed
    // values they would replace.
    let asking = RwSignal::new(None::<(BTreeMap<String, Value>, Vec<CungKyReplacement>, String)>);
    // Typed values replaced by the last "take", restorable until dismissed.
    let undo = RwSignal::new(None::<BTreeMap<String, Value>>);
    let shown = move |key: &str, value: &Value| match ctx.template.indicator(key) {
        Some(found) => input::shown(&found.indicator.ty, value),
        None => value.as_text().unwrap_or_default(),
    };
    // Write cùng kỳ values through the editor's journaled edits.
    let write = move |values: &BTreeMap<String, Value>| {
        let before = ctx.report.with_untracked(|r| r.cung_ky.clone());
        let mut n = 0;
        for (key, value) in values.iter().filter(|(k, v)| before.get(*k) != Some(*v)) {
            ctx.set(FieldPath::cung_ky(key).to_string(), shown(key, value));
            n += 1;
        }
        ctx.generation.update(|g| *g += 1);
        n
    };
    let apply = move |taken: BTreeMap<String, Value>, replace_typed: bool, source: String| {
        let current = ctx.report.with_untracked(|r| r.cung_ky.clone());
        let replaced: BTreeMap<String, Value> = if replace_typed {
            cung_ky_replacements(ctx.template, &current, &taken).into_iter().map(|r| (r.key, r.typed)).collect()
        } else {
            BTreeMap::new()
        };
        let n = write(&merge_cung_ky(&current, &taken, replace_typed));
        let kept = if replace_typed { 0 } else { cung_ky_replacements(ctx.template, &current, &taken).len() };
        let mut text = format!("Đã lấy {n} số liệu cùng kỳ từ {source}.");
        if !replaced.is_empty() {
            let n = replaced.len();
            text.push_str(&format!(" Đã thay {n} số đã nhập tay; bấm «Khôi phục số đã nhập» để lấy lại."));
        }
        if kept > 0 {
            text.push_str(&format!(" Giữ nguyên {kept} số đã nhập tay."));
        }
        undo.set((!replaced.is_empty()).then_some(replaced));
        asking.set(None);
        message.set(Some((true, text)));
        open.set(false);
    };
    let take = move |previous: Report, source: String| {
        let current = ctx.report.get_untracked();
        match cung_ky_from_previous(ctx.template, &current, &previous) {
            Ok(taken) => {
                let replacements = cung_ky_replacements(ctx.template, &current.cung_ky, &taken);
                if replacements.is_empty() {
                    apply(taken, false, source);
                } else {
                    message.set(None);
                    asking.set(Some((taken, replacements, source)));
                }
            }
            Err(e) => message.set(Some((false, format!("Không dùng được {source}: {e}.")))),
        }
    };
    let answer = move |replace_typed: bool| {
        if let Some((taken, _, source)) = asking.get_untracked() {
            apply(taken, replace_typed, source);
        }
    };
    let restore = move |_| {
        if let Some(replaced) = undo.get_untracked() {
            let n = write(&replaced);
            undo.set(None);
            message.set(Some((true, format!("Đã khôi phục {n} số cùng kỳ đã nhập tay."))));
        }
    };
    let from_stored = move |id: String| match open_store()
        .map_err(|e| e.message())
        .and_then(|s| drafts::open(&s, &id).map_err(|e| e.message()))
    {
        Ok(o) => {
            let source = format!("báo cáo «{}»", o.report.name);
            take(o.report, source)
        }
        Err(m) => message.set(Some((false, m))),
    };
    let from_file = move |ev: leptos::ev::Event| {
        let list = from_input(&ev);
        wasm_bindgen_futures::spawn_local(async move {
            for picked in read_all(list).await {
                let name = picked.name.clone();
                match read_previous(picked).await.unwrap_or_else(|missing| Err(missing.message().to_string())) {
                    Ok(report) => take(report, format!("tệp «{name}»")),
                    Err(m) => message.set(Some((false, m))),
                }
            }
        });
    };
    view! {
        <div class="cung-ky-picker">
            <button type="button" aria-expanded=move || open.get().to_string() disabled=move || ctx.locked.get()
                on:click=move |_| open.update(|o| *o = !*o)>"Lấy số liệu cùng kỳ"</button>
            {move || message.get().map(|(ok, m)| view! {
                <div class="notice" class:ok=ok class:error=!ok role="status">
                    <p>{m}</p>
                    {move || undo.with(Option::is_some).then(|| view! {
                        <button type="button" on:click=restore>"Khôi phục số đã nhập"</button>
                    })}
                    <button type="button" on:click=move |_| { message.set(None); undo.set(None); }>"Đóng"</button>
                </div>
            })}
            {move || asking.get().map(|(_, replacements, source)| view! {
                <div class="notice warn cung-ky-confirm" role="alertdialog" aria-labelledby="cung-ky-confirm-title">
                    <p id="cung-ky-confirm-title">
                        {format!("Số liệu của {source} khác với {} số cùng kỳ bạn đã nhập tay:", replacements.len())}
                    </p>
                    <ul>
                        {replacements.into_iter().map(|r| {
                            let typed = shown(&r.key, &r.typed);
                            let taken = shown(&r.key, &r.taken);
                            view! { <li data-key=r.key>{format!("{}: {typed} → {taken}", r.label)}</li> }
                        }).collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| answer(true)>
                        "Thay bằng số của báo cáo năm trước"
                    </button>
                    <button type="button" class="primary" on:click=move |_| answer(false)>
                        "Giữ số đã nhập, chỉ điền ô trống"
                    </button>
                    <button type="button" on:click=move |_| asking.set(None)>"Hủy"</button>
                </div>
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
                                        {format!("{} ({})", d.name, d.period_type.name(d.year))}
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
