//! Import of report files and backups (picker or drag-and-drop), backup of
//! everything, and the conflict questions when a report already exists.
//! The panel is part of home; reading the picked files and making a backup
//! come from their own wasm chunks the first time (see `on_demand`), so the
//! panel is drawn with home and nothing moves when the code arrives.

use super::download::download;
use super::files::{read_all, DropZone, Picked};
use super::on_demand::on_demand_fn;
use super::shared::{new_id, APP_VERSION};
use super::storage_ui::open_store;
use crate::editor::drafts;
use crate::editor::import::{apply, classify, Applied, Choice, Existing};
use crate::exchange::backup::{backup_file_name, checked_backup, read_backup, BACKUP_SCHEMA};
use crate::exchange::import::{read_report_file_keeping, schema_of};
use crate::model::{Report, UnitProfile};
use crate::storage::DraftSummary;
use leptos::prelude::*;

#[derive(Clone, Debug)]
enum Outcome {
    Done { ok: bool, message: String },
    Conflict { file: String, report: Box<Report>, existing: DraftSummary },
}

#[derive(Clone, Debug)]
struct Line {
    id: usize,
    outcome: Outcome,
}

fn import_one(file: &str, report: Report) -> Outcome {
    let store = match open_store() {
        Ok(s) => s,
        Err(e) => return Outcome::Done { ok: false, message: e.message() },
    };
    match classify(&store, &report) {
        Existing::Different(existing) => {
            Outcome::Conflict { file: file.to_string(), report: Box::new(report), existing }
        }
        _ => finish(file, &report, Choice::Skip),
    }
}

fn finish(file: &str, report: &Report, choice: Choice) -> Outcome {
    let result = open_store().map_err(|e| e.message()).and_then(|store| {
        apply(&store, report, choice, new_id, chrono::Utc::now()).map_err(|e| match e {
            // Not the editor's advice ("Xuất tệp ngay"): nothing here to export.
            crate::storage::SaveError::Storage(crate::storage::StorageError::QuotaExceeded) => {
                "Bộ nhớ của trình duyệt đã đầy. Hãy xóa bớt báo cáo cũ (sau khi đã xuất tệp hoặc sao lưu) rồi nhập lại."
                    .to_string()
            }
            other => other.message(),
        })
    });
    match result {
        Ok(Applied::Stored { .. }) if choice == Choice::KeepBoth => Outcome::Done {
            ok: true,
            message: format!(
                "Tệp «{file}»: đã nhập báo cáo «{} (bản nhập)» thành bản mới, giữ nguyên bản cũ.",
                report.name
            ),
        },
        Ok(Applied::Stored { .. }) => {
            Outcome::Done { ok: true, message: format!("Tệp «{file}»: đã nhập báo cáo «{}».", report.name) }
        }
        Ok(Applied::Unchanged) => Outcome::Done {
            ok: true,
            message: format!("Tệp «{file}»: báo cáo «{}» đã có sẵn, không có gì thay đổi.", report.name),
        },
        Ok(Applied::Skipped) => Outcome::Done {
            ok: true,
            message: format!("Tệp «{file}»: đã bỏ qua, giữ nguyên bản trên máy."),
        },
        Err(m) => Outcome::Done { ok: false, message: format!("Tệp «{file}»: chưa nhập được. {m}") },
    }
}

/// Every outcome of one picked file (a backup gives one per report).
fn handle(picked: Picked) -> Vec<Outcome> {
    let name = picked.name;
    let bytes = match picked.bytes {
        Ok(b) => b,
        Err(e) => return vec![Outcome::Done { ok: false, message: e.message(&name) }],
    };
    if schema_of(&bytes).as_deref() == Some(BACKUP_SCHEMA) {
        return match read_backup(&name, &bytes) {
            Err(e) => vec![Outcome::Done { ok: false, message: e.message(&name) }],
            Ok(restored) => {
                let mut out = Vec::new();
                let stored_profile = open_store().ok().and_then(|s| s.load_profile::<UnitProfile>().ok().flatten());
                if stored_profile.unwrap_or_default() == UnitProfile::default()
                    && restored.profile != UnitProfile::default()
                {
                    let saved = open_store().and_then(|s| s.save_profile(&restored.profile));
                    out.push(Outcome::Done {
                        ok: saved.is_ok(),
                        message: match saved {
                            Ok(()) => format!("Tệp «{name}»: đã khôi phục thông tin đơn vị."),
                            Err(e) => format!("Tệp «{name}»: chưa khôi phục được thông tin đơn vị. {}", e.message()),
                        },
                    });
                }
                out.extend(restored.reports.into_iter().map(|r| import_one(&name, r)));
                out.extend(restored.refused.iter().map(|n| Outcome::Done { ok: false, message: n.message(&name) }));
                if out.is_empty() {
                    out.push(Outcome::Done {
                        ok: true,
                        message: format!("Tệp «{name}»: bản sao lưu không có báo cáo nào."),
                    });
                }
                out
            }
        };
    }
    match read_report_file_keeping(&name, &bytes, chrono::Utc::now()) {
        Ok(incoming) => {
            let outline = incoming.outline_missing.then(|| incoming.report.template.clone());
            let mut out = vec![import_one(&name, incoming.report)];
            if let Some(t) = outline {
                out.push(Outcome::Done {
                    ok: true,
                    message: format!(
                        "Tệp «{name}»: theo đề cương «{} phiên bản {}», thiết bị này chưa có đề cương đó. \
                         Báo cáo được giữ ở chế độ chỉ xem (xem, in, xuất tệp); nạp đề cương ở màn hình «Đề cương» để sửa.",
                        t.id, t.version
                    ),
                });
            }
            if let Some(v) = incoming.migrated_from {
                out.push(Outcome::Done {
                    ok: true,
                    message: format!("Tệp «{name}»: định dạng cũ (phiên bản {v}) đã được chuyển đổi."),
                });
            }
            out
        }
        Err(e) => vec![Outcome::Done { ok: false, message: e.message(&name) }],
    }
}

/// Every readable report for a backup, and how many could not be read
/// (those are left out rather than blocking the backup of all the others).
fn all_reports() -> Result<(Vec<Report>, UnitProfile, usize), String> {
    let store = open_store().map_err(|e| e.message())?;
    let (list, _) = store.list();
    let mut reports = Vec::new();
    let mut unreadable = 0;
    for d in list {
        match drafts::open(&store, &d.id) {
            Ok(o) if o.read_only.is_none() => reports.push(o.report),
            _ => unreadable += 1,
        }
    }
    let profile = store.load_profile::<UnitProfile>().ok().flatten().unwrap_or_default();
    Ok((reports, profile, unreadable))
}

on_demand_fn! {
    /// Every outcome of the picked files, in order (see `handle`).
    fn import_files(picked: Vec<Picked>) -> Vec<Outcome> {
        picked.into_iter().flat_map(handle).collect()
    }
}

on_demand_fn! {
    /// "Sao lưu tất cả", from its own chunk.
    fn backup_all() -> Outcome {
        backup_outcome()
    }
}

/// "Sao lưu tất cả": the backup offered as a download, and what to tell.
fn backup_outcome() -> Outcome {
    let result = all_reports().and_then(|(reports, profile, unreadable)| {
        let now = chrono::Utc::now();
        let name = backup_file_name(&profile.code, chrono::Local::now().date_naive());
        // Read back before it is offered: a draft it would not restore is named.
        let checked = checked_backup(&reports, &profile, APP_VERSION, now);
        download(&name, "application/json", &checked.json).map(|_| (checked, unreadable))
    });
    match result {
        Ok((checked, _)) if !checked.not_restorable.is_empty() => Outcome::Done {
            ok: false,
            message: format!(
                "Đã tạo tệp sao lưu, nhưng chỉ {} báo cáo khôi phục được từ tệp này. \
                 Các báo cáo sau cần mở ra sửa rồi «Xuất tệp» riêng: {}.",
                checked.restorable,
                checked.not_restorable_list(),
            ),
        },
        Ok((checked, 0)) => Outcome::Done {
            ok: true,
            message: format!("Đã tạo tệp sao lưu gồm {} báo cáo và thông tin đơn vị.", checked.restorable),
        },
        Ok((checked, skipped)) => Outcome::Done {
            ok: false,
            message: format!(
                "Đã sao lưu {} báo cáo và thông tin đơn vị; {skipped} báo cáo không đọc được hoặc của phiên bản mới hơn nên chưa có trong tệp: mở từng báo cáo đó để «Xuất tệp» hoặc «Xuất tệp bản lưu gốc».",
                checked.restorable
            ),
        },
        Err(m) => Outcome::Done { ok: false, message: format!("Chưa sao lưu được: {m}") },
    }
}

#[component]
pub fn ExchangePanel(#[prop(into)] on_changed: Callback<()>) -> impl IntoView {
    let lines = RwSignal::new(Vec::<Line>::new());
    let next_id = StoredValue::new(0usize);

    let take = Callback::new(move |list: Vec<web_sys::File>| {
        wasm_bindgen_futures::spawn_local(async move {
            let picked = read_all(list).await;
            let mut new_lines = Vec::new();
            let outcomes = import_files(picked)
                .await
                .unwrap_or_else(|missing| vec![Outcome::Done { ok: false, message: missing.message().to_string() }]);
            for outcome in outcomes {
                let id = next_id.get_value();
                next_id.set_value(id + 1);
                new_lines.push(Line { id, outcome });
            }
            lines.set(new_lines);
            on_changed.run(());
        });
    });
    let resolve = move |id: usize, choice: Choice| {
        let Some(Line { outcome: Outcome::Conflict { file, report, .. }, .. }) =
            lines.with_untracked(|l| l.iter().find(|x| x.id == id).cloned())
        else {
            return;
        };
        let done = finish(&file, &report, choice);
        lines.update(|l| {
            if let Some(line) = l.iter_mut().find(|x| x.id == id) {
                line.outcome = done;
            }
        });
        on_changed.run(());
    };
    let make_backup = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = backup_all()
                .await
                .unwrap_or_else(|missing| Outcome::Done { ok: false, message: missing.message().to_string() });
            let id = next_id.get_value();
            next_id.set_value(id + 1);
            lines.set(vec![Line { id, outcome }]);
        });
    };

    view! {
        <section class="panel exchange" aria-labelledby="exchange-heading">
            <h2 id="exchange-heading">"Nhập, sao lưu và khôi phục"</h2>
            <DropZone hint="Kéo thả tệp báo cáo (.json) hoặc tệp sao lưu vào đây, hoặc:" button="Nhập tệp báo cáo / khôi phục"
                name="import-files" on_files=take>
                <button type="button" on:click=make_backup>"Sao lưu tất cả"</button>
            </DropZone>
            <div role="status" aria-live="polite">
            <ul class="import-results">
                <For each=move || lines.get() key=|l| (l.id, matches!(l.outcome, Outcome::Done { .. })) let:line>
                    {match line.outcome {
                        Outcome::Done { ok, message } => view! { <li class:ok=ok class:error=!ok>{message}</li> }.into_any(),
                        Outcome::Conflict { file, report, existing } => {
                            let id = line.id;
                            view! {
                                <li class="conflict">
                                    <p>{format!(
                                        "Tệp «{file}»: trên máy đã có báo cáo «{}» (lưu lúc {}) khác với bản trong tệp. Chọn cách xử lý:",
                                        existing.name,
                                        crate::format::local_date_time(existing.updated_at, &chrono::Local),
                                    )}</p>
                                    <p class="muted">{format!("Bản trong tệp: «{}»", report.name)}</p>
                                    <button type="button" on:click=move |_| resolve(id, Choice::Replace)>"Thay bằng bản trong tệp"</button>
                                    <button type="button" on:click=move |_| resolve(id, Choice::KeepBoth)>"Giữ cả hai"</button>
                                    <button type="button" on:click=move |_| resolve(id, Choice::Skip)>"Bỏ qua"</button>
                                </li>
                            }.into_any()
                        }
                    }}
                </For>
            </ul>
            </div>
        </section>
    }
}
