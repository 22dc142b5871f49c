//! The "Đề cương" screen (`#/de-cuong`): the outlines on this device
//! (built in and loaded from files), loading one from a file (picker or drag
//! and drop), its preview (the checklist units will see and the empty printed
//! outline), exporting it again and removing it; and the move of one draft to
//! a newer version of its outline (`#/chuyen-de-cuong/<id>`). Views only: the
//! checks are `Template::from_file`'s, storage is `OutlineStore`'s, the plan
//! and the move are `editor::outlines`'.

use super::document::render_document;
use super::download::download;
use super::files::{read_all, DropZone, Picked};
use super::on_demand::on_demand_fn;
use super::storage_ui::open_store;
use crate::editor::outlines::{self as plan, ChecklistSection, MoveError, MovePreview};
use crate::exchange::import::ImportError;
use crate::model::PeriodType;
use crate::route::Route;
use crate::storage::{OutlineMeta, OutlineStore};
use crate::template::{registry, Template};
use leptos::prelude::*;

fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Local::now().year()
}

/// What one outline row shows.
#[derive(Clone, Copy)]
struct Row(&'static Template);

impl Row {
    fn key(&self) -> (String, u32, String) {
        (self.0.id.clone(), self.0.version, self.0.hash())
    }
}

/// A stored outline as the removal names it.
struct Named {
    id: String,
    version: u32,
    title: String,
}

/// One result line of a load, a removal or an export.
#[derive(Clone)]
struct Outcome {
    /// New for every line, so a repeated message is a new line too.
    id: usize,
    ok: bool,
    message: String,
}

/// File name of an outline exported again: `DeCuong_<id>_v<version><tail>.json`
/// (an outline id is already ASCII letters, digits and `_`; the filter only
/// keeps a file name safe whatever a future format allows).
fn export_name(id: &str, version: u32, tail: &str) -> String {
    let id: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    format!("DeCuong_{id}_v{version}{tail}.json")
}

/// Read one picked file, then check, store and register it (`plan::load_file`).
fn load_one(picked: Picked) -> Result<String, String> {
    let name = picked.name;
    let bytes = picked.bytes.map_err(|e| match e {
        ImportError::TooLarge(_) => format!("Tệp “{name}”: tệp quá lớn, không phải tệp đề cương."),
        other => other.message(&name),
    })?;
    let store = open_store().map_err(|e| format!("Tệp “{name}”: chưa nạp. {}", e.message()))?;
    plan::load_file(store.backend(), &name, &bytes)
}

on_demand_fn! {
    /// The outline screen from its own wasm chunk (see `on_demand`).
    pub fn outlines_screen() -> AnyView {
        view! { <OutlinesScreen /> }.into_any()
    }
}

on_demand_fn! {
    /// The draft move page from its own wasm chunk (see `on_demand`).
    pub fn move_draft_screen(id: String) -> AnyView {
        view! { <MoveDraftScreen id=id /> }.into_any()
    }
}

/// The outline list, loading, preview, export and removal.
#[component]
pub fn OutlinesScreen() -> impl IntoView {
    let rows = RwSignal::new(Vec::<Row>::new());
    // Stored outlines that no longer load (see `OutlineStore::register_all`):
    // listed so they can be saved as a file and removed, then loaded again.
    let unreadable = RwSignal::new(Vec::<OutlineMeta>::new());
    let refresh = move || {
        let all = registry::all();
        let stored = open_store().map(|s| OutlineStore::new(s.backend()).list()).unwrap_or_default();
        let missing =
            stored.into_iter().filter(|m| !all.iter().any(|t| t.id == m.id && t.version == m.version)).collect();
        unreadable.set(missing);
        rows.set(all.into_iter().map(Row).collect());
    };
    refresh();
    // Results of the last load or removal; each one is a new line.
    let results = RwSignal::new(Vec::<Outcome>::new());
    let next_id = StoredValue::new(0usize);
    let say = move |lines: Vec<(bool, String)>| {
        let outcomes = lines
            .into_iter()
            .map(|(ok, message)| {
                next_id.update_value(|n| *n += 1);
                Outcome { id: next_id.get_value(), ok, message }
            })
            .collect();
        results.set(outcomes);
    };
    let preview = RwSignal::new(None::<Row>);

    let take = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let picked = read_all(files).await;
            let outcomes: Vec<(bool, String)> = picked
                .into_iter()
                .map(|p| match load_one(p) {
                    Ok(m) => (true, m),
                    Err(m) => (false, m),
                })
                .collect();
            say(outcomes);
            refresh();
        });
    };
    // Removal of a stored outline (id, version, title), loaded or not.
    let remove = move |(id, version, title): (String, u32, String)| {
        let t = Named { id, version, title };
        let ok = window()
            .confirm_with_message(&format!(
                "Xóa đề cương «{}» ({} phiên bản {}) khỏi máy này? Có thể nạp lại từ tệp sau.",
                t.title, t.id, t.version
            ))
            .unwrap_or(false);
        if !ok {
            return;
        }
        let outcome = open_store().map_err(|e| e.message()).and_then(|store| {
            let (drafts, _) = store.list();
            OutlineStore::new(store.backend()).remove(&t.id, t.version, &drafts).map_err(|users| {
                if users.is_empty() {
                    return format!(
                        "Chưa xóa được đề cương «{}» phiên bản {}: trình duyệt không cho xóa mục đã lưu.",
                        t.id, t.version
                    );
                }
                let names: Vec<String> = users.iter().map(|n| format!("«{n}»")).collect();
                format!(
                    "Chưa xóa đề cương «{}» phiên bản {}: {} báo cáo đang dùng nó: {}. \
                     Hãy chuyển các báo cáo đó sang phiên bản khác hoặc xóa chúng trước.",
                    t.id,
                    t.version,
                    users.len(),
                    names.join(", ")
                )
            })
        });
        match outcome {
            Ok(()) => {
                if preview.get_untracked().is_some_and(|p| p.0.id == t.id && p.0.version == t.version) {
                    preview.set(None);
                }
                say(vec![(true, format!("Đã xóa đề cương «{}» ({} phiên bản {}).", t.title, t.id, t.version))]);
            }
            Err(m) => say(vec![(false, m)]),
        }
        refresh();
    };
    let export = move |row: Row| {
        if let Err(m) = download(&export_name(&row.0.id, row.0.version, ""), "application/json", &row.0.to_json()) {
            say(vec![(false, format!("Không xuất được tệp đề cương: {m}"))]);
        }
    };

    view! {
        <section class="screen outlines">
            <div class="screen-head">
                <h1>"Đề cương báo cáo"</h1>
            </div>
            <p>
                "Đề cương do cấp trên ban hành quy định các mục, chỉ tiêu và cách in của báo cáo. "
                "Nạp tệp đề cương (.json) cấp trên gửi để tạo báo cáo theo đề cương đó; "
                "mỗi báo cáo giữ đúng đề cương và phiên bản mà nó được tạo theo."
            </p>
            <div class="panel">
                <h2>"Nạp đề cương từ tệp"</h2>
                <DropZone hint="Kéo thả tệp đề cương (.json) vào đây, hoặc:" button="Nạp đề cương từ tệp…"
                    name="outline-files" on_files=take>
                    <span></span>
                </DropZone>
                <div role="status" aria-live="polite">
                    <ul class="import-results outline-results">
                        <For each=move || results.get() key=|r| r.id let:r>
                            <li class:ok=r.ok class:error=!r.ok>{r.message}</li>
                        </For>
                    </ul>
                </div>
            </div>
            <div class="table-scroll">
                <table class="list outline-list">
                    <caption>"Đề cương trên máy này"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Mã"</th>
                            <th scope="col">"Phiên bản"</th>
                            <th scope="col">"Tên đề cương"</th>
                            <th scope="col">"Cơ quan ban hành"</th>
                            <th scope="col">"Loại"</th>
                            <th scope="col">"Nguồn"</th>
                            <th scope="col">"Thao tác"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=Row::key let:row>
                            <OutlineRow row=row preview=preview on_export=export
                                on_remove=move |r: Row| remove((r.0.id.clone(), r.0.version, r.0.title.clone())) />
                        </For>
                        <For each=move || unreadable.get() key=|m| (m.id.clone(), m.version, m.hash.clone()) let:meta>
                            <UnreadableRow meta=meta on_remove=remove on_error=move |m| say(vec![(false, m)]) />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || preview.get().map(|row| view! { <OutlinePreview template=row.0 on_close=move |_| preview.set(None) /> })}
        </section>
    }
}

#[component]
fn OutlineRow(
    row: Row,
    preview: RwSignal<Option<Row>>,
    #[prop(into)] on_export: Callback<Row>,
    #[prop(into)] on_remove: Callback<Row>,
) -> impl IntoView {
    let t = row.0;
    let builtin = t.is_builtin();
    let key = row.key();
    let shown = move || preview.with(|p| p.as_ref().is_some_and(|p| p.key() == key));
    let label = format!("{} phiên bản {}", t.id, t.version);
    view! {
        <tr data-outline=format!("{}.{}", t.id, t.version)>
            <td>{t.id.clone()}</td>
            <td class="num">{t.version}</td>
            <td>{t.title.clone()}</td>
            <td>{t.issuer.clone()}</td>
            <td>{t.kind.label()}</td>
            <td>{if builtin { "có sẵn" } else { "đã nạp" }}</td>
            <td class="row-actions">
                <button type="button" aria-pressed=move || shown().to_string()
                    aria-label=format!("Xem trước {label}")
                    on:click=move |_| preview.set(Some(row))>"Xem trước"</button>
                <button type="button" aria-label=format!("Xuất tệp đề cương {label}")
                    on:click=move |_| on_export.run(row)>"Xuất tệp đề cương"</button>
                {(!builtin).then(|| view! {
                    <button type="button" class="danger" aria-label=format!("Xóa {label}")
                        on:click=move |_| on_remove.run(row)>"Xóa"</button>
                })}
            </td>
        </tr>
    }
}

/// A stored outline that no longer loads: its stored text can be saved as
/// a file (nothing is lost) and it can be removed, so the file can be loaded
/// again.
#[component]
fn UnreadableRow(
    meta: OutlineMeta,
    #[prop(into)] on_remove: Callback<(String, u32, String)>,
    #[prop(into)] on_error: Callback<String>,
) -> impl IntoView {
    let label = format!("{} phiên bản {}", meta.id, meta.version);
    let (id, version, title) = (meta.id.clone(), meta.version, meta.title.clone());
    let save_text = {
        let (id, version) = (id.clone(), version);
        move |_| {
            let text = open_store().ok().and_then(|s| OutlineStore::new(s.backend()).json(&id, version));
            let name = export_name(&id, version, "_BanLuu");
            match text.map(|t| download(&name, "application/json", &t)) {
                Some(Ok(())) => {}
                Some(Err(m)) => on_error.run(format!("Không xuất được tệp đề cương: {m}")),
                None => on_error.run(format!("Không đọc được đề cương «{id}» phiên bản {version} đã lưu.")),
            }
        }
    };
    view! {
        <tr data-outline=format!("{}.{}", meta.id, meta.version)>
            <td>{meta.id.clone()}</td>
            <td class="num">{meta.version}</td>
            <td>{meta.title.clone()}</td>
            <td>{meta.issuer.clone()}</td>
            <td>{meta.kind.map(|k| k.label()).unwrap_or_default()}</td>
            <td>"đã lưu, không mở được"</td>
            <td class="row-actions">
                <button type="button" aria-label=format!("Xuất tệp bản lưu {label}") on:click=save_text>"Xuất tệp bản lưu"</button>
                <button type="button" class="danger" aria-label=format!("Xóa {label}")
                    on:click=move |_| on_remove.run((id.clone(), version, title.clone()))>"Xóa"</button>
            </td>
        </tr>
    }
}

/// Which preview of an outline is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PreviewMode {
    Checklist,
    Printed,
}

/// The checklist units will see and the empty printed outline, for a period.
#[component]
fn OutlinePreview(template: &'static Template, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    // Only the period types and years the outline is for.
    let periods: Vec<PeriodType> = PeriodType::ALL
        .into_iter()
        .filter(|p| template.applies.periods.is_empty() || template.applies.periods.contains(p))
        .collect();
    let period = RwSignal::new(periods.first().copied().unwrap_or(PeriodType::Q1));
    let mode = RwSignal::new(PreviewMode::Checklist);
    let year = {
        use chrono::Datelike;
        let applies = &template.applies;
        let year = this_year();
        let year = applies.from.map_or(year, |from| year.max(from.year()));
        applies.until.map_or(year, |until| year.min(until.year()))
    };
    let sections = Memo::new(move |_| plan::checklist(template, period.get(), year, chrono::Utc::now()));
    let printed = move || {
        let report = plan::sample_report(template, period.get(), year, chrono::Utc::now());
        render_document(&crate::print::blank_outline(template, &report))
    };
    view! {
        <section class="panel outline-preview" aria-labelledby="outline-preview-title">
            <div class="screen-head">
                <h2 id="outline-preview-title">
                    {format!("Xem trước: {} (phiên bản {})", template.title, template.version)}
                </h2>
                <button type="button" on:click=move |_| on_close.run(())>"Đóng xem trước"</button>
            </div>
            <div class="grid-2">
                <div class="field">
                    <label for="outline-preview-period">"Kỳ báo cáo"</label>
                    <select id="outline-preview-period" name="outline-preview.period"
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            if let Some(p) = PeriodType::ALL.into_iter().find(|p| p.code() == code) {
                                period.set(p);
                            }
                        }>
                        {periods.into_iter().map(|p| view! {
                            <option value=p.code() selected=move || period.get() == p>{p.name(year)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <fieldset class="kind-choice">
                    <legend>"Xem"</legend>
                    <label class="check">
                        <input type="radio" name="outline-preview.mode" value="checklist"
                            checked=move || mode.get() == PreviewMode::Checklist
                            on:change=move |_| mode.set(PreviewMode::Checklist) />
                        "Các mục đơn vị sẽ điền"
                    </label>
                    <label class="check">
                        <input type="radio" name="outline-preview.mode" value="printed"
                            checked=move || mode.get() == PreviewMode::Printed
                            on:change=move |_| mode.set(PreviewMode::Printed) />
                        "Bản in đề cương trống"
                    </label>
                </fieldset>
            </div>
            {move || match mode.get() {
                PreviewMode::Checklist => view! { <PreviewChecklist sections=sections /> }.into_any(),
                // Scrolls sideways on a narrow screen: focusable so the keyboard can scroll it.
                PreviewMode::Printed => view! {
                    <div class="outline-printed" role="region" aria-label="Bản in đề cương trống" tabindex="0">
                        {printed()}
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn PreviewChecklist(sections: Memo<Vec<ChecklistSection>>) -> impl IntoView {
    move || {
        let sections = sections.get();
        let required: usize = sections.iter().map(|s| s.items.iter().filter(|i| i.required).count()).sum();
        view! {
            <p class="muted">{format!("{} mục, {required} nội dung bắt buộc.", sections.len())}</p>
            <ol class="outline-checklist" aria-label="Các mục của đề cương">
                {sections.into_iter().map(|s| view! {
                    <li class=format!("depth-{}", s.depth)>
                        <p class="outline-section">
                            <span class="h-num">{s.number}</span>" "
                            <strong>{s.title}</strong>
                            {s.required.then(|| view! { <span class="badge required">"bắt buộc"</span> })}
                        </p>
                        {(!s.items.is_empty()).then(|| view! {
                            <ul class="outline-items">
                                {s.items.into_iter().map(|i| view! {
                                    <li>
                                        {i.label}
                                        <span class="muted">{format!(" — {}", i.what)}</span>
                                        {i.required.then(|| view! { <span class="badge required">"bắt buộc"</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        })}
                    </li>
                }).collect_view()}
            </ol>
        }
    }
}

/// `#/chuyen-de-cuong/<id>`: what moving draft `id` to the newest version
/// of its outline carries, drops and newly requires; nothing is written
/// until the cadre confirms.
#[component]
pub fn MoveDraftScreen(id: String) -> impl IntoView {
    let back = Route::edit(&id).href();
    let planned = open_store()
        .map_err(|e| e.message())
        .and_then(|store| plan::preview_move(&store, &id, None).map_err(|e| e.message()));
    match planned {
        Ok(preview) => view! { <MovePreviewView preview=preview back=back /> }.into_any(),
        Err(message) => view! {
            <section class="screen">
                <h1>"Chuyển báo cáo sang đề cương mới"</h1>
                <p class="notice error" role="alert">{message}</p>
                <p><a href=back>"Về báo cáo"</a></p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn MovePreviewView(preview: MovePreview, back: String) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let (from, to) = (preview.from, preview.to);
    let plan = preview.plan.clone();
    let name = preview.report.name.clone();
    let id = preview.report.id.clone();
    let preview = StoredValue::new(preview);
    let confirm = move |_| {
        let result = open_store()
            .map_err(|e| MoveError::Save(crate::storage::SaveError::Storage(e)).message())
            .and_then(|store| {
                preview.with_value(|p| plan::move_draft(&store, p, chrono::Utc::now())).map_err(|e| e.message())
            });
        match result {
            Ok(_) => {
                let _ = window().location().set_hash(&Route::edit(&id).href());
            }
            Err(m) => error.set(Some(m)),
        }
    };
    let (carried, dropped, new_required) = (plan.carried.len(), plan.dropped.len(), plan.new_required.len());
    view! {
        <section class="screen move-draft">
            <h1>"Chuyển báo cáo sang đề cương mới"</h1>
            <p>
                {format!("Báo cáo «{name}»: đề cương «{}» phiên bản {} → phiên bản {}", to.title, from.version, to.version)}
                {(!to.issuer.is_empty()).then(|| format!(" ({})", to.issuer))}
                "."
            </p>
            <p class="notice warn">
                "Xem kỹ trước khi chuyển. Bản hiện tại được giữ làm «bản lưu trước»: sau khi chuyển, trong báo cáo bấm "
                "«Khôi phục bản lưu trước» để quay lại nếu cần."
            </p>
            <section class="panel" aria-labelledby="move-dropped">
                <h2 id="move-dropped">{format!("Bị bỏ đi ({dropped} mục)")}</h2>
                {if dropped == 0 {
                    view! { <p>"Không có nội dung nào bị bỏ đi."</p> }.into_any()
                } else {
                    view! {
                        <p>"Đề cương mới không còn các mục sau; nội dung đã nhập dưới đây sẽ không còn trong báo cáo (vẫn còn trong bản lưu trước):"</p>
                        <div class="table-scroll"><table class="list move-dropped">
                            <thead><tr><th scope="col">"Mục"</th><th scope="col">"Nội dung đã nhập"</th></tr></thead>
                            <tbody>
                                {plan.dropped.iter().map(|d| view! {
                                    <tr data-path=d.path.to_string()><td>{d.label.clone()}</td><td>{d.value.clone()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="move-new">
                <h2 id="move-new">{format!("Mục bắt buộc mới ({new_required} mục)")}</h2>
                {if new_required == 0 {
                    view! { <p>"Không có mục bắt buộc mới."</p> }.into_any()
                } else {
                    view! {
                        <ul class="move-new">
                            {plan.new_required.iter().map(|m| view! { <li data-path=m.path.to_string()>{m.label.clone()}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="move-carried">
                <h2 id="move-carried">{format!("Được giữ lại ({carried} mục)")}</h2>
                <ul class="move-carried">
                    {plan.carried.iter().map(|m| view! { <li data-path=m.path.to_string()>{m.label.clone()}</li> }).collect_view()}
                </ul>
            </section>
            {move || error.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            <div class="exchange-actions">
                <button type="button" class="primary" on:click=confirm>{format!("Chuyển sang phiên bản {}", to.version)}</button>
                <a class="button" href=back>"Hủy"</a>
            </div>
        </section>
    }
}
