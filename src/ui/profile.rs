use super::fields::{TextArea, TextInput};
use super::storage_ui::{open_store, SaveChip, SaveState};
use crate::model::{IssuerProfile, Kind, UnitProfile};
use leptos::prelude::*;

type GetFn = fn(&UnitProfile) -> String;
type SetFn = fn(&mut UnitProfile, String);
type IssuerGet = fn(&IssuerProfile) -> String;
type IssuerSet = fn(&mut IssuerProfile, String);

/// Unit profile (thông tin đơn vị): entered once, copied into every new
/// report. Saved on every change (it is small).
#[component]
pub fn ProfileScreen() -> impl IntoView {
    let (initial, load_error) = match open_store() {
        Ok(store) => match store.load_profile::<UnitProfile>() {
            Ok(p) => (p.unwrap_or_default(), None),
            Err(problem) => (UnitProfile::default(), Some(problem.message())),
        },
        Err(e) => (UnitProfile::default(), Some(e.message())),
    };
    let profile = RwSignal::new(initial);
    let state = RwSignal::new(SaveState::Idle);

    let save = move || {
        let result = open_store().and_then(|store| store.save_profile(&profile.get_untracked()));
        state.set(SaveState::from_result(result.map_err(|e| e.message())));
    };
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
    // The same five fields for each kind; labels and examples differ.
    let issuer_fields = move |kind: Kind| {
        let examples: [&'static str; 5] = match kind {
            Kind::Dang => ["ĐẢNG ỦY PHƯỜNG 1", "BC/ĐU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", ""],
            Kind::Cq => ["ỦY BAN NHÂN DÂN PHƯỜNG 1", "BC-UBND", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", ""],
        };
        let issuer_label = if kind == Kind::Dang { "Tên tổ chức ban hành" } else { "Tên cơ quan ban hành" };
        let fields: [(&'static str, &'static str, IssuerGet, IssuerSet); 5] = [
            (issuer_label, "issuer", |i| i.issuer.clone(), |i, v| i.issuer = v),
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
        </section>
    }
}
