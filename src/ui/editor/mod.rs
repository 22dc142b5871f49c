//! The editor of one draft: checklist, section form, live computed values,
//! issues, autosave that never claims a save it did not make, two-tab
//! conflicts, finalising.

mod checklist;
mod ctx;
mod cung_ky;
mod general;
mod inputs;
mod issues;
mod section;
mod sentences;

use crate::editor::journal::Edit;
use crate::editor::session::{Flush, OtherTab, Recovered, Session};
use crate::editor::{drafts, paging};
use crate::engine::{can_finalise, evaluate, Issue};
use crate::model::{Report, Status};
use crate::route::Route;
use crate::template::Template;
use crate::ui::download::download;
use crate::ui::marks::mark;
use crate::ui::on_demand::on_demand_fn;
use crate::ui::shared::{new_id, prefetch_report_docx, save_report_docx, PendingEdits, APP_VERSION};
use crate::ui::storage_ui::{local_hhmm, open_store, SaveChip, SaveState};
use checklist::Checklist;
use ctx::{Ctx, GENERAL, SIGNING};
use cung_ky::CungKyPicker;
use general::{GeneralForm, SigningForm};
use issues::IssuePanel;
use leptos::prelude::*;
use section::SectionForm;
use std::time::Duration;

fn now_ms() -> f64 {
    js_sys::Date::now()
}

on_demand_fn! {
    /// "Xuất tệp": the export file of `report` (with the stored text of a
    /// read-only draft as its report). The export writer comes from its own
    /// wasm chunk the first time (see `on_demand`): opening the editor does
    /// not need it.
    fn export_file(
        template: &'static Template,
        report: Report,
        stored: Option<serde_json::Value>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> crate::exchange::ExportFile {
        match stored {
            Some(raw) => crate::exchange::export_stored(template, &report, &raw, APP_VERSION, now),
            None => crate::exchange::export(template, &report, APP_VERSION, now),
        }
    }
}

/// Route entry: open the draft or explain why it cannot be opened.
#[component]
pub fn EditorScreen(id: String) -> impl IntoView {
    let opened =
        open_store().map_err(|e| e.message()).and_then(|store| drafts::open(&store, &id).map_err(|e| e.message()));
    match opened {
        Ok(opened) => view! { <Editor opened=opened /> }.into_any(),
        Err(message) => {
            // Whatever is stored stays downloadable, even when it cannot be read.
            let key = crate::storage::draft_key(&id);
            let raw =
                open_store().ok().and_then(|s| crate::storage::KeyValueStore::get(s.backend(), &key).ok().flatten());
            view! {
                <section class="screen">
                    <h1>"Không mở được báo cáo"</h1>
                    <p class="notice error" role="alert">{message}</p>
                    {raw.map(|raw| {
                        let name = format!("BCDV_BanLuuGoc_{}.json", crate::exchange::ascii_slug(&id));
                        view! {
                            <p>
                                <button type="button" on:click=move |_| { let _ = download(&name, "application/json", &raw); }>
                                    "Xuất tệp bản lưu gốc"
                                </button>
                            </p>
                        }
                    })}
                    <p><a href=Route::Home.href()>"Về danh sách báo cáo"</a></p>
                </section>
            }
            .into_any()
        }
    }
}

/// The engine's evaluation with W07 added: replaced sentences whose figures
/// changed (made by `print`, which writes the sentences).
fn evaluate_with_sentences(template: &Template, report: &crate::model::Report) -> crate::engine::Evaluation {
    let mut evaluation = evaluate(template, report);
    let stale = crate::print::stale_sentences(template, report, &evaluation);
    evaluation.issues.extend(stale);
    evaluation
}

#[component]
fn Editor(opened: drafts::Opened) -> impl IntoView {
    let template: &'static Template = Template::for_report(&opened.report);
    let id = opened.report.id.clone();
    let storage_key = crate::storage::draft_key(&id);
    let mut session = Session::new(&opened, &new_id());
    // Before the report is shown: journals replayed into it are taken over,
    // stale ones kept in copies.
    let started =
        open_store().map(|store| session.start(&store, &opened, new_id, chrono::Utc::now())).map_err(|e| e.message());
    let session = StoredValue::new(session);
    let report = RwSignal::new(opened.report);
    // A report with long lists is evaluated when typing pauses, so each
    // keystroke only updates its field; any other report on every keystroke.
    let evaluate_now = RwSignal::new(0u64);
    let first_paint_done = RwSignal::new(false);
    crate::ui::later::after_first_paint(move || {
        first_paint_done.try_set(true);
    });
    let eval = Memo::new(move |_| {
        evaluate_now.track();
        if !first_paint_done.get() {
            return None;
        }
        Some(if report.with_untracked(paging::evaluates_later) {
            report.with_untracked(|r| evaluate_with_sentences(template, r))
        } else {
            report.with(|r| evaluate_with_sentences(template, r))
        })
    });
    let pending_evaluation = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    let evaluate_again = move || {
        evaluate_now.try_update(|n| *n += 1);
    };
    Effect::new(move |was_later: Option<bool>| {
        report.track();
        let later = report.with_untracked(paging::evaluates_later);
        if let Some(handle) = pending_evaluation.try_get_value().flatten() {
            handle.clear();
        }
        match (was_later, later) {
            // First run: the memo has just evaluated the report as opened.
            (None, _) | (Some(false), false) => {}
            // Rows were removed: the memo follows the report again from now on.
            (Some(true), false) => evaluate_again(),
            (Some(_), true) => {
                let pause = Duration::from_millis(paging::EVALUATE_PAUSE_MS);
                pending_evaluation.set_value(set_timeout_with_handle(evaluate_again, pause).ok());
            }
        }
        later
    });
    on_cleanup(move || {
        if let Some(handle) = pending_evaluation.try_get_value().flatten() {
            handle.clear();
        }
    });
    let read_only = opened.read_only.clone();
    let stored_raw = StoredValue::new(opened.stored.clone());
    let is_read_only = read_only.is_some();
    // A memo, not a derived signal: every input reads it, and it must not
    // wake them all on each keystroke.
    let locked: Signal<bool> =
        Memo::new(move |_| is_read_only || report.with(|r| r.status == Status::Finalised)).into();
    let issues = Memo::new(move |_| eval.with(|e| e.as_ref().map(ctx::issues_by_path).unwrap_or_default()));
    let list_pages = RwSignal::new(std::collections::HashMap::new());
    let save_state = RwSignal::new(SaveState::Idle);
    let save_error = RwSignal::new(None::<String>);
    // Whether the conflict banner shows: follows the session's outcomes.
    let conflict = RwSignal::new(false);
    let notice = RwSignal::new(opened.notice.clone());
    let finalise_errors = RwSignal::new(Vec::<Issue>::new());
    let has_previous = RwSignal::new(opened.has_previous);
    let generation = RwSignal::new(0u32);
    let current = RwSignal::new(GENERAL.to_string());
    let pending_edits = use_context::<PendingEdits>().map(|p| p.0);
    let recovered = RwSignal::new(Vec::<Recovered>::new());
    // The browser's store; when it cannot be opened, the error notice says why.
    let store_or_say = move || open_store().map_err(|e| save_error.set(Some(e.message()))).ok();

    // Write now if anything is pending. Uses try_* reads: it also runs while
    // the editor is being torn down (navigation, page hide).
    let flush = move || {
        let Some(true) = session.try_with_value(Session::wants_save) else { return };
        let started = now_ms();
        let Some(evaluated) = eval.try_with_untracked(|e| e.as_ref().map(|e| e.progress.percent())) else {
            return;
        };
        // A save before the first evaluation (rare: it follows the first frame) works its own out.
        let progress = evaluated.unwrap_or_else(|| report.with_untracked(|r| evaluate(template, r).progress.percent()));
        mark("bcdv:save-start");
        let flushed = match open_store() {
            Ok(store) => report.with_untracked(|r| {
                session.try_update_value(|s| s.flush(&store, r, progress, started, chrono::Utc::now()))
            }),
            Err(e) => Some(Flush::Failed(e.message())),
        };
        mark("bcdv:save-end");
        match flushed {
            Some(Flush::Saved { .. }) => {
                has_previous.set(true);
                save_error.set(None);
                save_state.set(SaveState::Saved(local_hhmm()));
            }
            Some(Flush::Conflict { .. }) => {
                conflict.set(true);
                save_state.set(SaveState::Failed(String::new()));
            }
            Some(Flush::Failed(message)) => {
                save_error.set(Some(message.clone()));
                save_state.set(SaveState::Failed(message));
            }
            Some(Flush::NothingToDo) | None => return,
        }
        if let Some(p) = pending_edits {
            let _ = p.try_set(session.try_with_value(Session::pending).unwrap_or(false));
        }
    };

    let changed = Callback::new(move |_: ()| {
        let now = now_ms();
        let due = session.try_update_value(|s| s.changed(now)).unwrap_or(now);
        if save_error.get_untracked().is_none() {
            save_state.set(SaveState::Pending);
        }
        if let Some(p) = pending_edits {
            p.set(true);
        }
        set_timeout(
            move || {
                if session.try_with_value(|s| s.is_due(now_ms())).unwrap_or(false) {
                    flush();
                }
            },
            Duration::from_millis((due - now).max(0.0) as u64 + 5),
        );
    });

    let record = Callback::new(move |edit: Edit| {
        if let Ok(store) = open_store() {
            session.update_value(|s| s.record(&store, edit));
        }
    });

    let ctx = Ctx { template, report, eval, locked, current, generation, changed, record, issues, list_pages };
    provide_context(ctx);
    match started {
        Ok(started) => {
            // Restored keystrokes are saved as a normal edit.
            if started.replayed {
                changed.run(());
            }
            recovered.set(started.recovered);
            if let Some(message) = started.failed {
                save_error.set(Some(message));
            }
        }
        Err(message) => save_error.set(Some(message)),
    }

    // Show a stored revision the session is now based on (other tab, restore).
    let show = move |r: Report| {
        // A revision of another outline version (a move undone, or made in
        // another tab): every form here is built for one outline, so the
        // editor opens again on what is stored.
        if !Template::for_ref(&r.template).is_some_and(|t| std::ptr::eq(t, template)) {
            let _ = window().location().reload();
            return;
        }
        report.set(r);
        conflict.set(false);
        generation.update(|g| *g += 1);
        save_state.set(SaveState::Saved(local_hhmm()));
    };
    let show_opened = move |o: Box<drafts::Opened>| {
        has_previous.set(o.has_previous);
        show(o.report);
    };

    // Flush when the page is hidden or closed: tablets kill background tabs.
    let hide = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let beforeunload = window_event_listener(leptos::ev::beforeunload, move |_| flush());
    // Another tab saved this draft.
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(storage_key.as_str()) {
            return;
        }
        let new_value = ev.new_value();
        match session.try_update_value(|s| s.other_tab(new_value.as_deref())) {
            Some(OtherTab::Deleted) => notice.set(Some(
                "Báo cáo này vừa bị xóa ở một thẻ khác. Nội dung trên màn hình chưa mất: hãy xuất tệp nếu cần giữ."
                    .into(),
            )),
            Some(OtherTab::Conflict { .. }) => conflict.set(true),
            Some(OtherTab::Adopt(r)) => {
                show(*r);
                notice.set(Some("Bản nháp vừa được cập nhật từ một thẻ khác; đang hiển thị bản mới nhất.".into()));
            }
            Some(OtherTab::Ignore) | None => {}
        }
    });
    on_cleanup(move || {
        flush();
        hide.remove();
        pagehide.remove();
        beforeunload.remove();
        storage.remove();
    });

    let export_now = move |_| {
        let now = chrono::Utc::now();
        let snapshot = report.get_untracked();
        let stored = stored_raw.get_value();
        leptos::task::spawn_local(async move {
            let written = export_file(template, snapshot.clone(), stored, now).await;
            let downloaded = written
                .map_err(|missing| missing.message().to_string())
                .and_then(|file| download(&file.name, "application/json", &file.json));
            match downloaded {
                Ok(()) if is_read_only => {}
                Ok(()) => {
                    // Marked exported only if the file holds the report as it
                    // is: not if something was typed while the writer loaded,
                    // nor once the editor is closed (nothing to mark then).
                    if report.try_with_untracked(|r| *r == snapshot) == Some(true) {
                        report.update(|r| {
                            r.exported_at = Some(now);
                            if r.status == Status::Draft {
                                r.status = Status::Exported;
                            }
                        });
                        changed.run(());
                        flush();
                    }
                }
                Err(m) => {
                    let _ = save_error.try_set(Some(format!("Không xuất được tệp: {m}")));
                }
            }
        });
    };
    let save_word = move |_| {
        let report = report.get_untracked();
        leptos::task::spawn_local(async move {
            if let Err(m) = save_report_docx(report).await {
                // The editor may be closed by now; then there is no one to tell.
                let _ = save_error.try_set(Some(format!("Không tải được bản Word: {m}")));
            }
        });
    };
    // Finalising judges the report as it is now, even if its evaluation waits for a pause.
    let finalise = move |_| match report.with_untracked(|r| can_finalise(&evaluate(template, r))) {
        Err(errors) => finalise_errors.set(errors),
        Ok(()) => {
            finalise_errors.set(Vec::new());
            report.update(|r| r.status = Status::Finalised);
            changed.run(());
            flush();
        }
    };
    let reopen = move |_| {
        let ok = window()
            .confirm_with_message("Báo cáo đã hoàn thành. Sửa lại sẽ chuyển báo cáo về trạng thái Nháp. Tiếp tục?")
            .unwrap_or(false);
        if ok {
            report.update(|r| r.status = Status::Draft);
            changed.run(());
            flush();
        }
    };
    let restore_previous = move |_| {
        let ok = window()
            .confirm_with_message(
                "Khôi phục bản lưu trước đó? Bản hiện tại sẽ được giữ làm «bản trước» để có thể đổi lại.",
            )
            .unwrap_or(false);
        if !ok {
            return;
        }
        flush();
        let Some(store) = store_or_say() else { return };
        match session.try_update_value(|s| s.restore_previous(&store, chrono::Utc::now())) {
            Some(Ok(o)) => show_opened(o),
            Some(Err(failed)) => {
                // A previous revision that was not this draft's is quarantined: none is left.
                if failed.no_previous {
                    has_previous.set(false);
                }
                save_error.set(Some(failed.message));
            }
            None => {}
        }
    };

    // A newer version of this draft's outline is on the device: it may move.
    let newer =
        report.with_untracked(|r| crate::editor::outlines::newer_versions(&r.template).first().map(|t| t.version));
    let newer = newer.filter(|_| !is_read_only);
    let title = move || report.with(|r| r.name.clone());
    let status_text = move || report.with(|r| r.status.label());
    let finalised = move || report.with(|r| r.status == Status::Finalised);
    let report_id = id.clone();

    view! {
        <section class="screen editor">
            <div class="editor-bar">
                <div class="editor-title">
                    <h1>{title}</h1>
                    <p class="muted">
                        {move || report.with(|r| {
                            let parts = [r.unit.name.clone(), r.kind.label().to_string(), r.period.period_type.name(r.period.year)];
                            parts.into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ")
                        })}
                        " · "
                        <span class="status">{status_text}</span>
                    </p>
                </div>
                <SaveChip state=save_state />
                <div class="editor-actions">
                    <a class="button" href=Route::print(&report_id).href()>"Xem bản in"</a>
                    <button
                        type="button"
                        on:pointerenter=move |_| prefetch_report_docx()
                        on:focus=move |_| prefetch_report_docx()
                        on:click=save_word
                    >
                        "Tải bản Word (.docx)"
                    </button>
                    <button type="button" on:click=export_now>"Xuất tệp"</button>
                    {newer.map(|version| view! {
                        <a class="button" href=Route::move_draft(&report_id).href()>{format!("Chuyển sang phiên bản {version}")}</a>
                    })}
                    {move || has_previous.get().then(|| view! {
                        <button type="button" disabled=is_read_only on:click=restore_previous>"Khôi phục bản lưu trước"</button>
                    })}
                    {move || if finalised() {
                        view! { <button type="button" disabled=is_read_only on:click=reopen>"Sửa lại"</button> }.into_any()
                    } else {
                        view! { <button type="button" class="primary" disabled=is_read_only on:click=finalise>"Hoàn thành"</button> }.into_any()
                    }}
                </div>
            </div>
            <div class="notices" role="alert" aria-live="assertive">
                {read_only.map(|m| view! { <p class="notice warn">{m}</p> })}
                {move || save_error.get().map(|m| view! {
                    <div class="notice error">
                        <p>{m}</p>
                        <button type="button" class="primary" on:click=export_now>"Xuất tệp ngay"</button>
                    </div>
                })}
                {move || conflict.get().then(|| view! {
                    <div class="notice error conflict">
                        <p>"Báo cáo này vừa được lưu ở một thẻ (tab) khác trong khi bạn đang sửa ở đây. Chưa bản nào bị ghi đè. Chọn bản muốn giữ:"</p>
                        <button type="button" on:click=move |_| {
                            if session.try_update_value(Session::keep_mine).unwrap_or(false) {
                                conflict.set(false);
                                flush();
                            }
                        }>"Giữ bản đang sửa ở đây"</button>
                        <button type="button" on:click=move |_| {
                            // The cadre chose the other tab's version: see `Session::use_theirs`.
                            let Some(store) = store_or_say() else { return };
                            match session.try_update_value(|s| s.use_theirs(&store)) {
                                Some(Ok(o)) => show_opened(o),
                                Some(Err(m)) => save_error.set(Some(m)),
                                None => {}
                            }
                        }>"Dùng bản ở thẻ kia"</button>
                    </div>
                })}
                <RecoveredNotices recovered=recovered />
                {move || finalised().then(|| view! {
                    <p class="notice ok">"Báo cáo đã hoàn thành: số liệu được khóa. Bấm «Sửa lại» nếu cần chỉnh sửa."</p>
                })}
            </div>
            <div class="notices" role="status" aria-live="polite">
                {move || notice.get().map(|m| view! { <p class="notice warn">{m}</p> })}
                <FinaliseErrors errors=finalise_errors />
            </div>
            <CungKyPicker />
            <div class="editor-body">
                <Checklist />
                <div class="editor-main"><CurrentSection /></div>
                <IssuePanel />
            </div>
        </section>
    }
}

/// The form of the section chosen in the checklist (rebuilt when a stored
/// revision replaces what is on screen).
#[component]
fn CurrentSection() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (template, report) = (ctx.template, ctx.report);
    move || {
        ctx.generation.track();
        let section = ctx.current.get();
        let period = report.with_untracked(|r| r.period.period_type);
        match section.as_str() {
            GENERAL => view! { <GeneralForm /> }.into_any(),
            SIGNING => view! { <SigningForm /> }.into_any(),
            node_id => match template.node(node_id).filter(|n| n.applies_to(period)) {
                Some(node) => {
                    let numbers = report.with_untracked(|r| crate::engine::numbering(template, r));
                    let number = numbers
                        .iter()
                        .find(|(n, _)| n == node_id)
                        .map(|(_, num)| format!("{num} "))
                        .unwrap_or_default();
                    let heading = format!("{number}{}", report.with_untracked(|r| crate::engine::node_title(node, r)));
                    view! { <SectionForm node=node heading=heading /> }.into_any()
                }
                None => view! { <p>"Mục này không có trong kỳ báo cáo."</p> }.into_any(),
            },
        }
    }
}

/// Where the edits of a stale crash journal were kept (a copy of the draft).
#[component]
fn RecoveredNotices(recovered: RwSignal<Vec<Recovered>>) -> impl IntoView {
    move || {
        recovered
            .get()
            .into_iter()
            .map(|Recovered { id, name, edits: n }| {
                view! {
                    <div class="notice warn recovered">
                        <p>{format!(
                            "Có {n} thay đổi chưa lưu từ lần mở trước (thẻ bị đóng hoặc trang bị tắt đột ngột), \
                             nhưng sau đó báo cáo đã được lưu ở một thẻ khác. Để không ghi đè bản đó, các thay đổi \
                             được giữ trong bản sao «{name}». Bản đang mở là bản đã lưu."
                        )}</p>
                        <a class="button" href=Route::edit(&id).href()>"Mở bản sao"</a>
                    </div>
                }
            })
            .collect_view()
    }
}

/// Why "Hoàn thành" was refused: each error opens its field.
#[component]
fn FinaliseErrors(errors: RwSignal<Vec<Issue>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        (!errors.with(Vec::is_empty)).then(|| {
            view! {
                <div class="notice error">
                    <p><strong>"Chưa hoàn thành được: còn các lỗi sau."</strong></p>
                    <ul>
                        {errors.get().into_iter().map(|issue| {
                            let message = issue.message.clone();
                            view! { <li><button type="button" class="issue-link" on:click=move |_| ctx.jump_to_issue(&issue)>{message}</button></li> }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
