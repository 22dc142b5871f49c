use super::exchange_panel::ExchangePanel;
use super::shared::new_id;
use super::storage_ui::{open_store, StorageStatus};
use crate::editor::{drafts, outline_choice};
use crate::model::{Kind, PeriodType, UnitProfile};
use crate::route::Route;
use crate::storage::{Deleted, DraftSummary, Undeleted};
use crate::template::Template;
use leptos::prelude::*;

fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    crate::format::local_date_time(t, &chrono::Local)
}

fn parse_period(code: &str) -> PeriodType {
    PeriodType::ALL.into_iter().find(|p| p.code() == code).unwrap_or(PeriodType::Q1)
}

fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Local::now().year()
}

fn go(hash: &str) {
    let _ = window().location().set_hash(hash);
}

/// Period type and year pickers shared by "new" and "duplicate".
#[component]
fn PeriodPicker(#[prop(into)] prefix: String, period: RwSignal<PeriodType>, year: RwSignal<i32>) -> impl IntoView {
    let period_id = format!("{prefix}-period");
    let year_id = format!("{prefix}-year");
    view! {
        <div class="field">
            <label for=period_id.clone()>"Kỳ báo cáo"</label>
            <select id=period_id name=format!("{prefix}.period") on:change=move |ev| period.set(parse_period(&event_target_value(&ev)))>
                {PeriodType::ALL.into_iter().map(|p| view! {
                    <option value=p.code() selected=move || period.get() == p>{p.label()}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for=year_id.clone()>"Năm"</label>
            <input id=year_id name=format!("{prefix}.year") type="number" inputmode="numeric" min="2000" max="2100"
                prop:value=move || year.get().to_string()
                on:input=move |ev| {
                    // Only a year a report can hold (model::limits): a half-typed one is not taken.
                    let years = &crate::model::limits::PERIOD_YEARS;
                    if let Some(y) = crate::model::limits::in_range(&event_target_value(&ev), years) {
                        year.set(y)
                    }
                } />
        </div>
    }
}

/// Draft list: every saved report, actions on each, and "new report".
#[component]
pub fn Home() -> impl IntoView {
    let drafts_list = RwSignal::new(Vec::<DraftSummary>::new());
    let notices = RwSignal::new(super::storage_ui::outline_notices());
    let message = RwSignal::new(None::<String>);
    let undo = RwSignal::new(None::<Deleted>);
    let quarantined = RwSignal::new(0usize);
    let refresh = move || match open_store() {
        Ok(store) => {
            let (list, problems) = store.list();
            drafts_list.set(list);
            quarantined.set(store.quarantined().len());
            if !problems.is_empty() {
                notices.update(|n| n.extend(problems.iter().map(|p| p.message())));
            }
        }
        Err(e) => notices.set(vec![e.message()]),
    };
    refresh();
    let creating = RwSignal::new(false);

    let delete = move |d: DraftSummary| {
        let ok = window()
            .confirm_with_message(&format!("Xóa báo cáo «{}»? Có thể hoàn tác ngay sau khi xóa.", d.name))
            .unwrap_or(false);
        if !ok {
            return;
        }
        match open_store().map_err(|e| e.message()).and_then(|s| s.delete(&d.id).map_err(|e| e.message())) {
            Ok(removed) => {
                undo.set(removed);
                message.set(Some(format!("Đã xóa «{}».", d.name)));
            }
            Err(m) => message.set(Some(m)),
        }
        refresh();
    };
    let undo_delete = move |_| {
        if let Some(deleted) = undo.get_untracked() {
            let name = &deleted.envelope.summary.name;
            let undone = open_store().map_err(|e| e.message());
            match undone.and_then(|s| s.undelete(&deleted, new_id).map_err(|e| e.message())) {
                Ok(Undeleted::Restored) => message.set(Some(format!("Đã khôi phục «{name}»."))),
                Ok(Undeleted::AsCopy { .. }) => message.set(Some(format!(
                    "«{name}» đã được lưu lại ở một thẻ (tab) khác sau khi xóa; bản đó được giữ nguyên. \
                     Bản vừa xóa được khôi phục thành bản sao «{name} (bản khôi phục)»."
                ))),
                Err(m) => message.set(Some(m)),
            }
            undo.set(None);
            refresh();
        }
    };
    let delete = StoredValue::new(delete);
    view! {
        <section class="screen home">
            <div class="screen-head">
                <h1>"Báo cáo của đơn vị"</h1>
                <button type="button" class="primary" aria-expanded=move || creating.get().to_string()
                    on:click=move |_| creating.update(|c| *c = !*c)>"Tạo báo cáo mới"</button>
            </div>
            <div class="notices" role="status" aria-live="polite">
                {move || notices.get().into_iter().map(|n| view! { <p class="notice warn">{n}</p> }).collect_view()}
                {move || message.get().map(|m| view! {
                    <div class="notice ok toast">
                        <span>{m}</span>
                        {move || undo.get().map(|_| view! { <button type="button" on:click=undo_delete>"Hoàn tác"</button> })}
                    </div>
                })}
            </div>
            <QuarantineNotice count=quarantined message=message on_changed=move |_| refresh() />
            <Show when=move || creating.get()>
                <NewReportForm message=message />
            </Show>
            <Show when=move || !drafts_list.with(Vec::is_empty) fallback=move || view! {
                <div class="empty-state">
                    <h2>"Chưa có báo cáo nào"</h2>
                    <p>
                        "Bắt đầu bằng một báo cáo mới: chọn loại (Đảng hoặc Chính quyền), kỳ báo cáo và năm. "
                        "Mọi thay đổi được lưu ngay trên máy này, kể cả khi không có mạng."
                    </p>
                    <button type="button" class="primary" on:click=move |_| creating.set(true)>"Tạo báo cáo đầu tiên"</button>
                </div>
            }>
                <ul class="draft-list">
                    <For each=move || drafts_list.get() key=|d| (d.id.clone(), d.updated_at, d.name.clone()) let:draft>
                        <DraftRow draft=draft on_delete=move |d| delete.with_value(|f| f(d)) on_changed=move |_| refresh() />
                    </For>
                </ul>
            </Show>
            <ExchangePanel on_changed=move |_| refresh() />
            <StorageStatus />
        </section>
    }
}

/// "Báo cáo mới": kind, period, year and outline; creates the draft from
/// the unit profile and opens it.
#[component]
fn NewReportForm(message: RwSignal<Option<String>>) -> impl IntoView {
    let profile = open_store().ok().and_then(|s| s.load_profile::<UnitProfile>().ok().flatten()).unwrap_or_default();
    let profile_missing = profile.name.trim().is_empty();
    let profile = StoredValue::new(profile);
    let kind = RwSignal::new(Kind::Cq);
    let period = RwSignal::new(PeriodType::Q1);
    let year = RwSignal::new(this_year());
    // The outline chosen, as "<id>.<version>" (the storage key's tail); one no longer among the
    // choices (kind or period changed) falls back to the first choice.
    let chosen = RwSignal::new(String::new());
    let choices = move || outline_choice::choices(kind.get(), period.get(), year.get());
    let value_of = |t: &Template| format!("{}.{}", t.id, t.version);
    let selected = move || {
        let list = choices();
        let wanted = chosen.get();
        list.iter().find(|t| value_of(t) == wanted).or(list.first()).copied()
    };
    let create = move || {
        let id = new_id();
        let (p, y) = (period.get_untracked(), year.get_untracked());
        let Some(template) = selected() else {
            message.set(Some("Chưa có đề cương nào cho loại và kỳ báo cáo này.".into()));
            return;
        };
        let result = open_store().map_err(|e| e.message()).and_then(|store| {
            outline_choice::create_from(&store, &id, template, p, y, profile.get_value(), chrono::Utc::now())
                .map_err(|e| e.message())
        });
        match result {
            Ok(_) => go(&Route::edit(&id).href()),
            Err(m) => message.set(Some(m)),
        }
    };
    view! {
        <form class="panel new-report" on:submit=move |ev| { ev.prevent_default(); create(); }>
            <h2>"Báo cáo mới"</h2>
            {profile_missing.then(|| view! {
                <p class="notice warn">
                    "Chưa có thông tin đơn vị (tên, người ký, nơi nhận). Có thể tạo báo cáo ngay, nhưng nên "
                    <a href=Route::Profile.href()>"nhập thông tin đơn vị"</a>
                    " trước để các báo cáo tự điền."
                </p>
            })}
            <fieldset class="kind-choice">
                <legend>"Loại báo cáo"</legend>
                {Kind::ALL.into_iter().map(|k| view! {
                    <label class="check">
                        <input type="radio" name="new.kind" value=k.code() checked=move || kind.get() == k
                            on:change=move |_| kind.set(k) />
                        {format!("{} ({})", k.label(), k.form_label())}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="grid-2">
                <PeriodPicker prefix="new" period=period year=year />
            </div>
            <div class="field">
                <label for="new-outline">"Đề cương"</label>
                <select id="new-outline" name="new.outline" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || choices().into_iter().map(|t| {
                        let value = value_of(t);
                        let is_selected = selected().is_some_and(|s| std::ptr::eq(s, t));
                        view! { <option value=value selected=is_selected>{outline_choice::label(t)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">"Tạo và mở báo cáo"</button>
        </form>
    }
}

/// Stored entries that could not be read are kept aside (quarantined); the
/// cadre can take them away (for support) and then remove them.
#[component]
fn QuarantineNotice(
    count: RwSignal<usize>,
    message: RwSignal<Option<String>>,
    #[prop(into)] on_changed: Callback<()>,
) -> impl IntoView {
    let download_quarantined = move |_| {
        let entries: Vec<serde_json::Value> = open_store()
            .map(|s| s.quarantined())
            .unwrap_or_default()
            .into_iter()
            .map(|(key, raw)| serde_json::json!({ "key": key, "raw": raw }))
            .collect();
        let json = serde_json::to_string_pretty(&entries).unwrap_or_default();
        if let Err(m) = super::download::download("BCDV_MucBiCachLy.json", "application/json", &json) {
            message.set(Some(m));
        }
    };
    let clear_quarantined = move |_| {
        let ok = window()
            .confirm_with_message(
                "Xóa hẳn các mục bị hỏng đã cách ly? Hãy tải chúng về trước nếu cần gửi bộ phận hỗ trợ.",
            )
            .unwrap_or(false);
        if ok {
            if let Err(e) = open_store().and_then(|s| s.clear_quarantine()) {
                message.set(Some(e.message()));
            }
            on_changed.run(());
        }
    };
    move || {
        (count.get() > 0).then(|| {
            view! {
                <div class="notice warn">
                    <p>{format!("Có {} mục lưu trữ bị hỏng đã được cách ly (không mất, không ảnh hưởng các báo cáo khác).", count.get())}</p>
                    <button type="button" on:click=download_quarantined>"Tải các mục bị cách ly"</button>
                    <button type="button" class="danger" on:click=clear_quarantined>"Xóa các mục bị cách ly"</button>
                </div>
            }
        })
    }
}

/// Which inline form a draft row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowForm {
    None,
    Rename,
    Duplicate,
}

impl RowForm {
    /// The form a button toggles: opens it, or closes it when it is open.
    fn toggled(self, form: RowForm) -> RowForm {
        if self == form {
            RowForm::None
        } else {
            form
        }
    }
}

#[component]
fn DraftRow(
    draft: DraftSummary,
    #[prop(into)] on_delete: Callback<DraftSummary>,
    #[prop(into)] on_changed: Callback<()>,
) -> impl IntoView {
    let period = draft.period_type.name(draft.year);
    let open_href = Route::edit(&draft.id).href();
    let mode = RwSignal::new(RowForm::None);
    let error = RwSignal::new(None::<String>);
    let new_name = RwSignal::new(draft.name.clone());
    let dup_period = RwSignal::new(draft.period_type);
    let dup_year = RwSignal::new(draft.year);
    let keep_figures = RwSignal::new(false);
    let id = draft.id.clone();
    let id_for_dup = draft.id.clone();
    let prefix = format!("dup-{}", draft.id);
    let rename_id = format!("rename-{}", draft.id);

    let rename = Callback::new(move |_: ()| {
        let name = crate::format::nfc(new_name.get_untracked().trim());
        if name.is_empty() {
            error.set(Some("Tên báo cáo không được để trống.".into()));
            return;
        }
        let result = open_store()
            .map_err(|e| e.message())
            .and_then(|store| drafts::rename(&store, &id, &name, chrono::Utc::now()).map_err(|e| e.message()));
        match result {
            Ok(_) => {
                mode.set(RowForm::None);
                on_changed.run(());
            }
            Err(m) => error.set(Some(m)),
        }
    });
    let duplicate = Callback::new(move |_: ()| {
        let new = new_id();
        let result = open_store().map_err(|e| e.message()).and_then(|store| {
            let (period, year) = (dup_period.get_untracked(), dup_year.get_untracked());
            let keep = keep_figures.get_untracked();
            drafts::duplicate_stored(&store, &id_for_dup, &new, period, year, keep, chrono::Utc::now())
                .map_err(|e| e.message())
        });
        match result {
            Ok(_) => go(&Route::edit(&new).href()),
            Err(m) => error.set(Some(m)),
        }
    });
    let draft_for_delete = draft.clone();

    view! {
        <li class="draft" data-id=draft.id.clone()>
            <a class="draft-open" href=open_href.clone()>
                <span class="draft-name">{draft.name.clone()}</span>
                <span class="draft-meta">
                    {[draft.unit.clone(), draft.kind.label().to_string(), period].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ")}
                </span>
                <span class="draft-meta">
                    <span class=format!("status status-{}", draft.status.code())>{draft.status.label()}</span>
                    {format!(" · Đã xong {}% · Lưu lúc {}", draft.progress, local_time(draft.updated_at))}
                    {draft.exported_at.map(|t| format!(" · Xuất tệp lúc {}", local_time(t)))}
                </span>
            </a>
            <div class="draft-actions">
                <a class="button" href=open_href>"Mở"</a>
                <button type="button" on:click=move |_| mode.update(|m| *m = m.toggled(RowForm::Duplicate))>"Nhân bản"</button>
                <button type="button" on:click=move |_| mode.update(|m| *m = m.toggled(RowForm::Rename))>"Đổi tên"</button>
                <button type="button" class="danger" on:click=move |_| on_delete.run(draft_for_delete.clone())>"Xóa"</button>
            </div>
            {move || error.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            {
                let rename_id = rename_id.clone();
                move || (mode.get() == RowForm::Rename).then(|| view! {
                    <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); rename.run(()); }>
                        <div class="field">
                            <label for=rename_id.clone()>"Tên mới"</label>
                            <input id=rename_id.clone() name="rename" type="text" prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev)) />
                        </div>
                        <button type="submit" class="primary">"Lưu tên"</button>
                    </form>
                })
            }
            {move || (mode.get() == RowForm::Duplicate).then(|| view! {
                <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); duplicate.run(()); }>
                    <PeriodPicker prefix=prefix.clone() period=dup_period year=dup_year />
                    <label class="check">
                        <input type="checkbox" name="dup.keep_figures" prop:checked=move || keep_figures.get()
                            on:change=move |ev| keep_figures.set(event_target_checked(&ev)) />
                        "Giữ cả số liệu (mặc định chỉ giữ nội dung viết và cấu trúc)"
                    </label>
                    <button type="submit" class="primary">"Tạo bản sao"</button>
                </form>
            })}
        </li>
    }
}
