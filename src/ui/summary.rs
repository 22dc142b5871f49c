//! "Tổng hợp": the level above drops many units' files and gets one table
//! with totals, the files set aside and why, a CSV for Excel, and a new
//! draft pre-filled with the sums.

use super::download::download;
use super::files::{quick_hashes, read_all, DropZone};
use super::marks::mark;
use super::on_demand::on_demand_fn;
use super::shared::new_id;
use super::storage_ui::open_store;
use crate::editor::drafts;
use crate::exchange::import::QuickHash;
use crate::exchange::summary::{merge_hashed, prepare, SetAside, Summary};
use crate::model::UnitProfile;
use leptos::prelude::*;
use std::sync::Arc;

on_demand_fn! {
    /// Tổng hợp from its own wasm chunk (see `on_demand`).
    pub fn summary_screen() -> AnyView {
        view! { <SummaryScreen /> }.into_any()
    }
}

#[component]
pub fn SummaryScreen() -> impl IntoView {
    let files = RwSignal::new(Vec::<(String, Vec<u8>)>::new());
    // `hashes[i]`: the browser's SHA-256 for `files[i]` (see `quick_hashes`).
    let hashes = StoredValue::new(Vec::<Option<QuickHash>>::new());
    let unread = RwSignal::new(Vec::<SetAside>::new());
    // Shared, not cloned, by the views: it holds every unit's report.
    let result = RwSignal::new(None::<Result<Arc<Summary>, Vec<SetAside>>>);
    let message = RwSignal::new(None::<(bool, String)>);
    super::later::after_first_paint(prepare);

    let add = Callback::new(move |list: Vec<web_sys::File>| {
        wasm_bindgen_futures::spawn_local(async move {
            let picked = read_all(list).await;
            mark("bcdv:files-read");
            let (mut read, mut refused) = (Vec::new(), Vec::new());
            for p in picked {
                match p.bytes {
                    Ok(bytes) => read.push((p.name, bytes)),
                    Err(e) => refused.push(SetAside { reason: e.message(&p.name), file: p.name }),
                }
            }
            let read_hashes = quick_hashes(&read).await;
            mark("bcdv:hashed");
            // One update each, not one per file: each would re-render the counts.
            hashes.update_value(|h| h.extend(read_hashes));
            unread.update(|u| u.extend(refused));
            files.update(|f| f.extend(read));
            let merged = files.with_untracked(|f| hashes.with_value(|h| merge_hashed(f, h, chrono::Utc::now())));
            result.set(Some(merged.map(Arc::new)));
            mark("bcdv:merged");
        });
    });
    let clear = move |_| {
        files.set(Vec::new());
        hashes.set_value(Vec::new());
        unread.set(Vec::new());
        result.set(None);
        message.set(None);
    };
    let set_aside = move || {
        let mut all = unread.get();
        result.with(|r| match r {
            Some(Err(reasons)) => all.extend(reasons.iter().cloned()),
            Some(Ok(s)) => all.extend(s.set_aside.iter().cloned()),
            None => {}
        });
        all
    };
    let export_csv = move |_| {
        let file = result.with_untracked(|r| match r {
            Some(Ok(s)) => {
                Some((format!("BCDV_TongHop_{}{}_{}.csv", s.year, s.period_type.code(), s.kind.code()), s.csv()))
            }
            _ => None,
        });
        if let Some((name, csv)) = file {
            if let Err(m) = download(&name, "text/csv;charset=utf-8", &csv) {
                message.set(Some((false, m)));
            }
        }
    };
    let create_report = move |_| {
        let id = new_id();
        let profile =
            open_store().ok().and_then(|s| s.load_profile::<UnitProfile>().ok().flatten()).unwrap_or_default();
        let Some(report) = result.with_untracked(|r| match r {
            Some(Ok(s)) => Some(s.to_report(&id, profile, chrono::Utc::now())),
            _ => None,
        }) else {
            return;
        };
        // Only what import accepts is stored (model::limits): else a backup could not restore it.
        let checked = crate::exchange::import::check_report(&report).map_err(|e| e.problem());
        let outcome = checked
            .and_then(|()| open_store().map_err(|e| e.message()))
            .and_then(|store| drafts::save_new(&store, &report, chrono::Utc::now()).map_err(|e| e.message()));
        match outcome {
            Ok(_) => {
                let _ = window().location().set_hash(&crate::route::Route::edit(&id).href());
            }
            Err(m) => message.set(Some((false, format!("Chưa tạo được báo cáo tổng hợp: {m}")))),
        }
    };

    view! {
        <section class="screen summary">
            <div class="screen-head"><h1>"Tổng hợp báo cáo các đơn vị"</h1></div>
            <p class="lead">
                "Chọn các tệp báo cáo (.json) do các xã, phường gửi lên, cùng loại và cùng kỳ. "
                "Số liệu được cộng lại; tỷ lệ được tính lại từ tổng số, không lấy trung bình."
            </p>
            <DropZone hint="Kéo thả các tệp vào đây, hoặc:" button="Chọn tệp báo cáo…" name="summary-files" on_files=add>
                <button type="button" on:click=clear disabled=move || files.with(Vec::is_empty) && unread.with(Vec::is_empty)>"Làm lại từ đầu"</button>
            </DropZone>
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, m)| view! { <p class="notice" class:ok=ok class:error=!ok>{m}</p> })}
                {move || {
                    let received = files.with(Vec::len) + unread.with(Vec::len);
                    (received > 0).then(|| {
                        let taken = result.with(|r| match r { Some(Ok(s)) => s.units.len(), _ => 0 });
                        view! { <p class="summary-count">{format!("Đã nhận {received} tệp: lấy {taken}, để riêng {}.", received - taken)}</p> }
                    })
                }}
            </div>
            {move || {
                let aside = set_aside();
                (!aside.is_empty()).then(|| view! {
                    <section class="panel" aria-labelledby="aside-heading">
                        <h2 id="aside-heading">"Tệp để riêng (không cộng vào)"</h2>
                        <ul class="set-aside">{aside.into_iter().map(|a| view! { <li>{a.reason}</li> }).collect_view()}</ul>
                    </section>
                })
            }}
            {move || match result.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).map(Arc::clone)) {
                Some(s) => view! { <SummaryTable summary=s on_csv=export_csv on_create=create_report /> }.into_any(),
                None => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn SummaryTable(
    summary: Arc<Summary>,
    #[prop(into)] on_csv: Callback<()>,
    #[prop(into)] on_create: Callback<()>,
) -> impl IntoView {
    let period = summary.period_type.name(summary.year);
    let period: String = period.chars().take(1).flat_map(char::to_uppercase).chain(period.chars().skip(1)).collect();
    let title = format!("{} – {} ({} đơn vị)", period, summary.kind.label(), summary.units.len());
    // One outline section at a time: 200 units × every indicator would be
    // ~150 000 cells, too slow to lay out on a tablet and unreadable anyway.
    let sections = summary.sections();
    let section = RwSignal::new(sections.first().map(|(id, _)| id.clone()).unwrap_or_default());
    // Each unit's rates and issues are worked out once the table is on
    // screen, a few units at a time so the page stays responsive.
    let checked: Arc<[RwSignal<bool>]> = summary.units.iter().map(|u| RwSignal::new(u.is_evaluated())).collect();
    {
        let (summary, checked) = (summary.clone(), checked.clone());
        wasm_bindgen_futures::spawn_local(async move {
            after_paint().await;
            let mut slice_started = now_ms();
            for (unit, flag) in summary.units.iter().zip(checked.iter()) {
                unit.evaluation();
                if flag.try_set(true).is_some() {
                    return; // the table is gone
                }
                if now_ms() - slice_started > SLICE_MS {
                    after_paint().await;
                    slice_started = now_ms();
                }
            }
            mark("bcdv:units-checked");
        });
    }
    let outline_notice = summary.outline_notice();
    let summary = StoredValue::new(summary);
    let body = move || {
        let node = section.get();
        summary.with_value(|s| table_of(s, &checked, &node))
    };
    view! {
        <section class="panel" aria-labelledby="table-heading">
            <h2 id="table-heading">{title}</h2>
            <p class="summary-outlines">{outline_notice}</p>
            <div class="exchange-actions">
                <button type="button" on:click=move |_| on_csv.run(())>"Xuất bảng ra Excel (CSV)"</button>
                <button type="button" class="primary" on:click=move |_| on_create.run(())>"Tạo báo cáo tổng hợp"</button>
            </div>
            <div class="field">
                <label for="summary-section">"Nhóm chỉ tiêu hiển thị (tệp CSV có đủ mọi chỉ tiêu)"</label>
                <select id="summary-section" name="summary-section" on:change=move |ev| section.set(event_target_value(&ev))>
                    {sections.into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                </select>
            </div>
            {body}
        </section>
    }
}

/// Longest run of unit checks between two frames (ms): the page keeps
/// answering taps while the table fills in.
const SLICE_MS: f64 = 40.0;

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

/// Resolves after the browser has painted the next frame.
async fn after_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    let task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(task).await;
}

/// The table of one section's columns, units × figures with totals. Rates
/// and issues of unit `i` appear once `checked[i]` is set.
fn table_of(summary: &Arc<Summary>, checked: &Arc<[RwSignal<bool>]>, node: &str) -> impl IntoView {
    let columns: Vec<_> = summary.columns.iter().filter(|c| c.node_id == node).cloned().collect();
    let header = columns.iter().map(|c| view! { <th scope="col">{c.label.clone()}</th> }).collect_view();
    // Each unit's outline version is named when the units wrote against several.
    let several_outlines = summary.outlines.len() > 1;
    let rows = summary
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let checked = checked[i];
            let cells = columns
                .iter()
                .map(|c| {
                    if c.summed {
                        view! { <td class="num">{summary.cell(u, c)}</td> }.into_any()
                    } else {
                        let (summary, c) = (summary.clone(), c.clone());
                        view! { <td class="num">{move || if checked.get() { summary.cell(&summary.units[i], &c) } else { "…".into() }}</td> }.into_any()
                    }
                })
                .collect_view();
            let summary = summary.clone();
            let check = move || {
                if !checked.get() {
                    return view! { <span class="muted">"Đang kiểm tra…"</span> }.into_any();
                }
                let u = &summary.units[i];
                let issues: Vec<String> = u.evaluation().issues.iter().map(|i| format!("{}: {}", i.rule, i.message)).collect();
                let (errors, warnings) = (u.errors(), u.warnings());
                view! {
                    {format!("{errors} lỗi, {warnings} cảnh báo")}
                    {(!issues.is_empty()).then(|| view! {
                        <details>
                            <summary>"Xem"</summary>
                            <ul>{issues.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        </details>
                    })}
                }
                .into_any()
            };
            view! {
                <tr>
                    <th scope="row">
                        {u.unit.clone()}<br /><span class="muted small">{u.file.clone()}</span>
                        {several_outlines.then(|| view! {
                            <br /><span class="muted small unit-outline">
                                {format!("Đề cương {} phiên bản {}", u.report.template.id, u.report.template.version)}
                            </span>
                        })}
                    </th>
                    {cells}
                    <td class="unit-check">{check}</td>
                </tr>
            }
        })
        .collect_view();
    let totals =
        columns.iter().map(|c| view! { <td class="num"><strong>{summary.total(c)}</strong></td> }).collect_view();
    view! {
            <div class="table-scroll">
                <table class="summary-table">
                    <caption class="visually-hidden">"Số liệu các đơn vị và tổng cộng"</caption>
                    <thead><tr><th scope="col">"Đơn vị"</th>{header}<th scope="col">"Kiểm tra"</th></tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr><th scope="row">"Tổng cộng"</th>{totals}<td></td></tr></tfoot>
                </table>
            </div>
    }
}
