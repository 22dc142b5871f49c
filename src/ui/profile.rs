use super::fields::{TextArea, TextInput};
use super::storage_ui::{open_store, SaveChip, SaveState};
use crate::model::{Kind, UnitProfile};
use leptos::prelude::*;

type GetFn = fn(&UnitProfile) -> String;
type SetFn = fn(&mut UnitProfile, String);

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
    let recipients = move |kind: Kind, placeholder: &'static str| {
        let name = format!("profile.{}.recipients", kind.code().to_lowercase());
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
                <div class="grid-2">
                    {field("Tên tổ chức ban hành", "dang.issuer", "ĐẢNG ỦY PHƯỜNG 1", |p| p.dang.issuer.clone(), |p, v| p.dang.issuer = v)}
                    {field("Ký hiệu văn bản", "dang.symbol", "BC/ĐU", |p| p.dang.symbol.clone(), |p, v| p.dang.symbol = v)}
                    {field(
                        "Thẩm quyền ký",
                        "dang.quyen_han",
                        "T/M BAN THƯỜNG VỤ",
                        |p| p.dang.signer.quyen_han.clone(),
                        |p, v| p.dang.signer.quyen_han = v,
                    )}
                    {field("Chức vụ người ký", "dang.chuc_vu", "BÍ THƯ", |p| p.dang.signer.chuc_vu.clone(), |p, v| p.dang.signer.chuc_vu = v)}
                    {field("Họ tên người ký", "dang.ho_ten", "", |p| p.dang.signer.ho_ten.clone(), |p, v| p.dang.signer.ho_ten = v)}
                </div>
                {recipients(Kind::Dang, "Ví dụ: Ban Dân vận Thành ủy; Các chi bộ trực thuộc; Lưu Văn phòng Đảng ủy")}
            </fieldset>
            <fieldset>
                <legend>"Báo cáo của UBND (thể thức hành chính)"</legend>
                <div class="grid-2">
                    {field("Tên cơ quan ban hành", "cq.issuer", "ỦY BAN NHÂN DÂN PHƯỜNG 1", |p| p.cq.issuer.clone(), |p, v| p.cq.issuer = v)}
                    {field("Ký hiệu văn bản", "cq.symbol", "BC-UBND", |p| p.cq.symbol.clone(), |p, v| p.cq.symbol = v)}
                    {field(
                        "Thẩm quyền ký",
                        "cq.quyen_han",
                        "TM. ỦY BAN NHÂN DÂN",
                        |p| p.cq.signer.quyen_han.clone(),
                        |p, v| p.cq.signer.quyen_han = v,
                    )}
                    {field("Chức vụ người ký", "cq.chuc_vu", "CHỦ TỊCH", |p| p.cq.signer.chuc_vu.clone(), |p, v| p.cq.signer.chuc_vu = v)}
                    {field("Họ tên người ký", "cq.ho_ten", "", |p| p.cq.signer.ho_ten.clone(), |p, v| p.cq.signer.ho_ten = v)}
                </div>
                {recipients(Kind::Cq, "Ví dụ: Sở Nội vụ; Ban Dân vận Đảng ủy; Lưu: VT")}
            </fieldset>
        </section>
    }
}
