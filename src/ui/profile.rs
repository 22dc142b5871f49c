use super::fields::{TextArea, TextInput};
use super::on_demand::on_demand_fn;
use super::storage_ui::{open_store, SaveChip, SaveState};
use crate::model::{IssuerProfile, Kind, UnitProfile};
use crate::storage::{parse_profile, profile_tag, SaveError, StoredProfile};
use leptos::prelude::*;

type GetFn = fn(&UnitProfile) -> String;
type SetFn = fn(&mut UnitProfile, String);
type IssuerGet = fn(&IssuerProfile) -> String;
type IssuerSet = fn(&mut IssuerProfile, String);

on_demand_fn! {
    /// The unit profile from its own wasm chunk (see `on_demand`).
    pub fn profile_screen() -> AnyView {
        view! { <ProfileScreen /> }.into_any()
    }
}

/// Unit profile (thông tin đơn vị): entered once, copied into every new
/// report. Saved on every change (it is small), checked like a draft's save:
/// it never overwrites what another tab saved since (see `profile_tag`).
#[component]
pub fn ProfileScreen() -> impl IntoView {
    let (initial, initial_tag, load_error) = match open_store() {
        Ok(store) => match store.load_profile_tagged::<UnitProfile>() {
            Ok(Some(p)) => (p.profile, p.tag, None),
            Ok(None) => (UnitProfile::default(), profile_tag(None), None),
            Err(problem) => (UnitProfile::default(), profile_tag(None), Some(problem.message())),
        },
        Err(e) => (UnitProfile::default(), profile_tag(None), Some(e.message())),
    };
    let profile = RwSignal::new(initial);
    // The stored version this tab's edits build on.
    let tag = StoredValue::new(initial_tag);
    let state = RwSignal::new(SaveState::Idle);
    // Another tab's version, while this tab's edits are not saved over it.
    let conflict = RwSignal::new(None::<u64>);
    let notice = RwSignal::new(None::<String>);
    // Bumped when the profile is replaced from storage: the inputs show
    // their own text, so they are rebuilt then.
    let generation = RwSignal::new(0u32);

    let save = move || {
        if conflict.get_untracked().is_some() {
            state.set(SaveState::Failed(String::new()));
            return;
        }
        let result = open_store()
            .map_err(SaveError::Storage)
            .and_then(|store| store.save_profile_checked(&profile.get_untracked(), tag.get_value()));
        match result {
            Ok(saved) => {
                tag.set_value(saved);
                state.set(SaveState::Saved(super::storage_ui::local_hhmm()));
            }
            Err(SaveError::Conflict { stored, .. }) => {
                conflict.set(Some(stored));
                state.set(SaveState::Failed(String::new()));
            }
            Err(e) => state.set(SaveState::Failed(e.message())),
        }
    };
    let adopt = move |stored: StoredProfile<UnitProfile>| {
        profile.set(stored.profile);
        tag.set_value(stored.tag);
        conflict.set(None);
        generation.update(|g| *g += 1);
    };
    let reload = move || match open_store()
        .map_err(|e| e.message())
        .and_then(|s| s.load_profile_tagged::<UnitProfile>().map_err(|p| p.message()))
    {
        Ok(stored) => {
            adopt(stored.unwrap_or(StoredProfile { profile: UnitProfile::default(), tag: profile_tag(None) }));
            state.set(SaveState::Saved(super::storage_ui::local_hhmm()));
        }
        Err(m) => state.set(SaveState::Failed(m)),
    };
    // Another tab saved the profile: show its version (every edit here is
    // saved as it is typed, so nothing of this tab's is pending).
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(crate::storage::PROFILE_KEY) || conflict.get_untracked().is_some() {
            return;
        }
        let Some(raw) = ev.new_value() else { return };
        let Ok(stored) = parse_profile::<UnitProfile>(&raw) else { return };
        if stored.tag != tag.get_value() {
            adopt(stored);
            notice.set(Some("Thông tin đơn vị vừa được cập nhật từ một thẻ khác; đang hiển thị bản mới nhất.".into()));
        }
    });
    on_cleanup(move || storage.remove());
    let field = move |label: &'static str, name: &'static str, placeholder: &'static str, get: GetFn, set: SetFn| {
        view! {
            <TextInput
                label=label
                name=format!("profile.{name}")
                value=profile.with_untracked(get)
                placeholder=placeholder
                on_change=move |v: String| {
                    profile.update(|p| set(p, v));
                    save();
                }
            />
        }
    };
    // The same six fields for each kind; labels and examples differ.
    let issuer_fields = move |kind: Kind| {
        let examples: [&'static str; 6] = match kind {
            Kind::Dang => {
                ["ĐẢNG ỦY PHƯỜNG 1", "Ban Thường vụ Đảng ủy phường", "BC/ĐU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", ""]
            }
            Kind::Cq => [
                "ỦY BAN NHÂN DÂN PHƯỜNG 1",
                "Ủy ban nhân dân phường Tân Phú",
                "BC-UBND",
                "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH",
                "",
            ],
        };
        let issuer_label = if kind == Kind::Dang { "Tên tổ chức ban hành" } else { "Tên cơ quan ban hành" };
        let fields: [(&'static str, &'static str, IssuerGet, IssuerSet); 6] = [
            (issuer_label, "issuer", |i| i.issuer.clone(), |i, v| i.issuer = v),
            (
                "Tên dùng trong câu văn (để trống: suy từ tên ở tiêu đề)",
                "sentence_name",
                |i| i.sentence_name.clone(),
                |i, v| i.sentence_name = v,
            ),
            ("Ký hiệu văn bản", "symbol", |i| i.symbol.clone(), |i, v| i.symbol = v),
            ("Thẩm quyền ký", "quyen_han", |i| i.signer.quyen_han.clone(), |i, v| i.signer.quyen_han = v),
            ("Chức vụ người ký", "chuc_vu", |i| i.signer.chuc_vu.clone(), |i, v| i.signer.chuc_vu = v),
            ("Họ tên người ký", "ho_ten", |i| i.signer.ho_ten.clone(), |i, v| i.signer.ho_ten = v),
        ];
        fields
            .into_iter()
            .zip(examples)
            .map(|((label, key, get, set), example)| {
                view! {
                    <TextInput
                        label=label
                        name=format!("profile.{}.{key}", kind.code().to_ascii_lowercase())
                        value=profile.with_untracked(|p| get(p.issuer(kind)))
                        placeholder=example
                        on_change=move |v: String| {
                            profile.update(|p| set(match kind { Kind::Dang => &mut p.dang, Kind::Cq => &mut p.cq }, v));
                            save();
                        }
                    />
                }
            })
            .collect_view()
    };
    let recipients = move |kind: Kind, placeholder: &'static str| {
        let name = format!("profile.{}.recipients", kind.code().to_ascii_lowercase());
        view! {
            <TextArea
                label="Nơi nhận mặc định (mỗi dòng một nơi, không cần dấu câu)"
                name=name
                value=profile.with_untracked(|p| p.issuer(kind).recipients.join("\n"))
                hint=placeholder
                on_change=move |v: String| {
                    let lines: Vec<String> = v.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
                    profile.update(|p| match kind {
                        Kind::Dang => p.dang.recipients = lines,
                        Kind::Cq => p.cq.recipients = lines,
                    });
                    save();
                }
            />
        }
    };

    view! {
        <section class="screen profile">
            <div class="screen-head">
                <h1>"Thông tin đơn vị"</h1>
                <SaveChip state=state />
            </div>
            <p class="lead">
                "Nhập một lần; mỗi báo cáo mới sẽ tự điền các thông tin này (có thể sửa riêng trong từng báo cáo)."
            </p>
            {load_error.map(|m| view! { <p class="notice warn" role="alert">{m}</p> })}
            <div class="notices" role="alert" aria-live="assertive">
                {move || match state.get() {
                    SaveState::Failed(m) if !m.is_empty() => Some(view! { <p class="notice error">{m}</p> }),
                    _ => None,
                }}
                {move || conflict.get().map(|_| view! {
                    <div class="notice error conflict">
                        <p>
                            "Thông tin đơn vị vừa được lưu ở một thẻ (tab) khác trong khi bạn đang sửa ở đây. "
                            "Chưa bản nào bị ghi đè. Chọn bản muốn giữ:"
                        </p>
                        <button type="button" on:click=move |_| {
                            if let Some(stored) = conflict.get_untracked() {
                                tag.set_value(stored);
                                conflict.set(None);
                                save();
                            }
                        }>"Giữ bản đang sửa ở đây"</button>
                        <button type="button" on:click=move |_| reload()>"Dùng bản ở thẻ kia"</button>
                    </div>
                })}
            </div>
            <div class="notices" role="status" aria-live="polite">
                {move || notice.get().map(|m| view! { <p class="notice warn">{m}</p> })}
            </div>
            {move || { generation.track(); view! {
            <fieldset>
                <legend>"Đơn vị"</legend>
                <div class="grid-2">
                    {field("Tên đơn vị", "name", "PHƯỜNG 1", |p| p.name.clone(), |p, v| p.name = v)}
                    {field("Mã đơn vị (dùng trong tên tệp)", "code", "P1", |p| p.code.clone(), |p, v| p.code = v)}
                    {field("Địa danh ghi ở dòng ngày tháng", "place", "Phường 1", |p| p.place.clone(), |p, v| p.place = v)}
                    {field(
                        "Tổ chức đảng cấp trên",
                        "party_upper",
                        "ĐẢNG BỘ THÀNH PHỐ SA ĐÉC",
                        |p| p.party_upper.clone(),
                        |p, v| p.party_upper = v,
                    )}
                    {field(
                        "Cơ quan chủ quản (chính quyền, nếu có)",
                        "state_upper",
                        "",
                        |p| p.state_upper.clone().unwrap_or_default(),
                        |p, v| p.state_upper = Some(v).filter(|s| !s.trim().is_empty()),
                    )}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Báo cáo của Đảng ủy (thể thức Đảng)"</legend>
                <div class="grid-2">{issuer_fields(Kind::Dang)}</div>
                {recipients(Kind::Dang, "Ví dụ: Ban Dân vận Thành ủy; Các chi bộ trực thuộc; Lưu Văn phòng Đảng ủy")}
            </fieldset>
            <fieldset>
                <legend>"Báo cáo của UBND (thể thức hành chính)"</legend>
                <div class="grid-2">{issuer_fields(Kind::Cq)}</div>
                {recipients(Kind::Cq, "Ví dụ: Sở Nội vụ; Ban Dân vận Đảng ủy; Lưu: VT")}
            </fieldset>
            } }}
        </section>
    }
}
