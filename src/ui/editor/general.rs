//! The parts of a report outside the outline: title, number and date,
//! period, căn cứ citations and options ("Thông tin chung"), then signature,
//! recipients and footnotes ("Ký tên, nơi nhận").

use super::ctx::Ctx;
use crate::model::{limits, Citation, Footnote, Report};
use crate::ui::fields::field_id;
use leptos::prelude::*;

type GetFn = fn(&Report) -> String;
type SetFn = fn(&mut Report, String);

/// A text input bound to one field of the report through a getter/setter.
#[component]
fn ReportField(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    get: GetFn,
    set: SetFn,
    #[prop(optional, into)] kind: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = field_id(&name);
    let hint_id = format!("{id}-hint");
    let initial = ctx.report.with_untracked(get);
    let issues = {
        let name = name.clone();
        Memo::new(move |_| ctx.messages_for(&name))
    };
    let name_for_input = name.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id name=name type=kind.unwrap_or("text") prop:value=initial aria-describedby=hint_id.clone()
                inputmode=(kind == Some("number")).then_some("numeric")
                readonly=move || ctx.locked.get()
                on:input=move |ev| {
                    let text = crate::format::nfc(&event_target_value(&ev));
                    ctx.record.run((name_for_input.clone(), text.clone()));
                    ctx.edit(move |r| set(r, text));
                } />
            <div class="field-msgs" id=hint_id>
                {hint.map(|h| view! { <p class="hint">{h}</p> })}
                {move || issues.get().into_iter().map(|(is_error, m)| view! {
                    <p class="msg" class:error=is_error class:warning=!is_error>{m}</p>
                }).collect_view()}
            </div>
        </div>
    }
}

fn date_opt(s: &str) -> Option<chrono::NaiveDate> {
    crate::format::parse_iso_date(s.trim())
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(crate::format::iso_date).unwrap_or_default()
}

/// Field of a record in a list (citation, footnote).
struct RecordField<T> {
    key: &'static str,
    label: &'static str,
    kind: &'static str,
    get: fn(&T) -> String,
    set: fn(&mut T, String),
}

/// A list of records stored in the report (`can_cu`, `footnotes`).
fn record_list<T: Clone + Default + Send + Sync + 'static>(
    ctx: Ctx,
    list_name: &'static str,
    title: &'static str,
    add_label: &'static str,
    rows: fn(&mut Report) -> &mut Vec<T>,
    fields: &'static [RecordField<T>],
) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let change = move |f: Box<dyn FnOnce(&mut Vec<T>)>| {
        ctx.edit(move |r| f(rows(r)));
        version.update(|v| *v += 1);
    };
    let change = StoredValue::new(change);
    view! {
        <fieldset class="records">
            <legend>{title}</legend>
            {move || {
                version.track();
                ctx.generation.track();
                let items: Vec<T> = ctx.report.with_untracked(|r| rows(&mut r.clone()).clone());
                items.into_iter().enumerate().map(|(i, item)| view! {
                    <div class="record">
                        <p class="record-no">{format!("{}.", i + 1)}</p>
                        {fields.iter().map(|f| {
                            let name = format!("{list_name}.{i}.{}", f.key);
                            let id = field_id(&name);
                            let set = f.set;
                            view! {
                                <div class="field">
                                    <label for=id.clone()>{f.label}</label>
                                    <input id=id name=name type=f.kind prop:value=(f.get)(&item) readonly=move || ctx.locked.get()
                                        on:input=move |ev| {
                                            let text = crate::format::nfc(&event_target_value(&ev));
                                            ctx.edit(move |r| if let Some(row) = rows(r).get_mut(i) { set(row, text) });
                                        } />
                                </div>
                            }
                        }).collect_view()}
                        <button type="button" class="danger" disabled=move || ctx.locked.get()
                            aria-label=format!("Xóa mục {}", i + 1)
                            on:click=move |_| change.with_value(|f| f(Box::new(move |v| { v.remove(i); })))>"Xóa"</button>
                    </div>
                }).collect_view()
            }}
            <button type="button" class="add-row" disabled=move || ctx.locked.get()
                on:click=move |_| change.with_value(|f| f(Box::new(|v| v.push(T::default()))))>{add_label}</button>
        </fieldset>
    }
}

static CITATION_FIELDS: [RecordField<Citation>; 5] = [
    RecordField { key: "loai", label: "Loại văn bản", kind: "text", get: |c| c.loai.clone(), set: |c, v| c.loai = v },
    RecordField { key: "so_ky_hieu", label: "Số, ký hiệu", kind: "text", get: |c| c.so_ky_hieu.clone(), set: |c, v| c.so_ky_hieu = v },
    RecordField { key: "ngay", label: "Ngày", kind: "date", get: |c| date_text(c.ngay), set: |c, v| c.ngay = date_opt(&v) },
    RecordField { key: "co_quan", label: "Cơ quan ban hành", kind: "text", get: |c| c.co_quan.clone(), set: |c, v| c.co_quan = v },
    RecordField { key: "trich_yeu", label: "Trích yếu", kind: "text", get: |c| c.trich_yeu.clone(), set: |c, v| c.trich_yeu = v },
];

static FOOTNOTE_FIELDS: [RecordField<Footnote>; 2] = [
    RecordField { key: "id", label: "Ký hiệu (dùng [^ký hiệu] trong bài)", kind: "text", get: |f| f.id.clone(), set: |f, v| f.id = v },
    RecordField { key: "text", label: "Nội dung chú thích", kind: "text", get: |f| f.text.clone(), set: |f, v| f.text = v },
];

/// "Thông tin chung".
#[component]
pub fn GeneralForm() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let is_dang = ctx.report.with_untracked(|r| r.kind == crate::model::Kind::Dang);
    let pad = ctx.report.with_untracked(|r| r.options.pad_small_counts);
    let include_pl1 = ctx.report.with_untracked(|r| r.options.include_pl1);
    let alt_denominator = ctx.report.with_untracked(|r| r.options.hg_denominator == crate::model::HgDenominator::ThanhPlusKhongThanh);
    view! {
        <section class="section-form" aria-labelledby="section-heading">
            <h2 id="section-heading" tabindex="-1">"Thông tin chung"</h2>
            <p class="guidance">"Tên báo cáo để tìm trong danh sách; số và ngày văn bản có thể để trống đến khi văn thư cho số."</p>
            <div class="grid-2">
                <ReportField name="name" label="Tên báo cáo (trong danh sách)" get=|r| r.name.clone() set=|r, v| r.name = v />
                <ReportField name="header.number" label="Số văn bản" hint="Để trống khi chưa cho số" get=|r| r.header.number.clone().unwrap_or_default()
                    set=|r, v| r.header.number = limits::doc_number(&v) />
            </div>
            <div class="grid-3">
                <ReportField name="header.day" label="Ngày ban hành" kind="number" get=|r| r.header.day.map(|d| d.to_string()).unwrap_or_default() 
                    set=|r, v| r.header.day = limits::in_range(&v, &limits::ISSUE_DAYS) />
                <ReportField name="header.month" label="Tháng" kind="number" get=|r| r.header.month.map(|d| d.to_string()).unwrap_or_default() 
                    set=|r, v| r.header.month = limits::in_range(&v, &limits::ISSUE_MONTHS) />
                <ReportField name="header.year" label="Năm" kind="number" get=|r| r.header.year.map(|d| d.to_string()).unwrap_or_default() 
                    set=|r, v| r.header.year = limits::in_range(&v, &limits::ISSUE_YEARS) />
            </div>
            <div class="grid-3">
                <ReportField name="period.from" label="Số liệu từ ngày" kind="date" get=|r| date_text(r.period.from) set=|r, v| r.period.from = date_opt(&v) />
                <ReportField name="period.to" label="Đến ngày" kind="date" get=|r| date_text(r.period.to) set=|r, v| r.period.to = date_opt(&v) />
                <ReportField name="header.due_date" label="Hạn gửi báo cáo" kind="date" get=|r| date_text(r.header.due_date) set=|r, v| r.header.due_date = date_opt(&v) />
            </div>
            {record_list(ctx, "can_cu", "Căn cứ (văn bản trích dẫn ở phần mở đầu)", "+ Thêm văn bản căn cứ", |r| &mut r.can_cu, &CITATION_FIELDS)}
            <fieldset>
                <legend>"Tùy chọn trình bày"</legend>
                <label class="check">
                    <input type="checkbox" name="options.pad_small_counts" checked=pad disabled=move || ctx.locked.get()
                        on:change=move |ev| { let on = event_target_checked(&ev); ctx.edit(move |r| r.options.pad_small_counts = on) } />
                    "Viết số đếm dưới 10 có số 0 đứng trước (02, 09)"
                </label>
                <label class="check">
                    <input type="checkbox" name="options.hg_denominator" checked=alt_denominator disabled=move || ctx.locked.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ctx.edit(move |r| r.options.hg_denominator = if on {
                                crate::model::HgDenominator::ThanhPlusKhongThanh
                            } else {
                                crate::model::HgDenominator::TiepNhan
                            })
                        } />
                    "Tính tỷ lệ hòa giải thành trên (thành + không thành) thay vì trên số vụ tiếp nhận"
                </label>
                {is_dang.then(|| view! {
                    <label class="check">
                        <input type="checkbox" name="options.include_pl1" checked=include_pl1 disabled=move || ctx.locked.get()
                            on:change=move |ev| { let on = event_target_checked(&ev); ctx.edit(move |r| r.options.include_pl1 = on) } />
                        "In kèm Phụ lục I (tiếp dân, đơn thư, hòa giải)"
                    </label>
                })}
            </fieldset>
        </section>
    }
}

/// "Ký tên, nơi nhận".
#[component]
pub fn SigningForm() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let recipients = ctx.report.with_untracked(|r| r.recipients.join("\n"));
    let recipients_id = field_id("recipients");
    let is_dang = ctx.report.with_untracked(|r| r.kind == crate::model::Kind::Dang);
    let signature_issues = Memo::new(move |_| {
        ["signature.quyen_han", "signature.chuc_vu", "signature.ho_ten"]
            .into_iter()
            .flat_map(|path| ctx.messages_for(path))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="section-form" aria-labelledby="section-heading">
            <h2 id="section-heading" tabindex="-1">"Ký tên, nơi nhận, chú thích"</h2>
            <p class="guidance">
                {if is_dang {
                    "Thể thức Đảng: thẩm quyền ký dạng «T/M BAN THƯỜNG VỤ» hoặc «T/M ĐẢNG ỦY»; nơi nhận mỗi dòng kết thúc bằng dấu phẩy (ứng dụng tự thêm)."
                } else {
                    "Thể thức hành chính: thẩm quyền ký dạng «TM. ỦY BAN NHÂN DÂN» hoặc «KT. CHỦ TỊCH»; nơi nhận mỗi dòng kết thúc bằng dấu chấm phẩy (ứng dụng tự thêm)."
                }}
            </p>
            <div class="grid-3">
                <ReportField name="signature.quyen_han" label="Thẩm quyền ký" get=|r| r.signature.quyen_han.clone() set=|r, v| r.signature.quyen_han = v />
                <ReportField name="signature.chuc_vu" label="Chức vụ" get=|r| r.signature.chuc_vu.clone() set=|r, v| r.signature.chuc_vu = v />
                <ReportField name="signature.ho_ten" label="Họ tên người ký" get=|r| r.signature.ho_ten.clone() set=|r, v| r.signature.ho_ten = v />
            </div>
            <div class="field-msgs">
                {move || signature_issues.get().into_iter().map(|(is_error, m)| view! {
                    <p class="msg" class:error=is_error class:warning=!is_error>{m}</p>
                }).collect_view()}
            </div>
            <div class="field">
                <label for=recipients_id.clone()>"Nơi nhận (mỗi dòng một nơi, không cần dấu câu)"</label>
                <textarea id=recipients_id name="recipients" rows="5" readonly=move || ctx.locked.get() prop:value=recipients
                    on:input=move |ev| {
                        let raw = crate::format::nfc(&event_target_value(&ev));
                        ctx.record.run(("recipients".to_string(), raw.clone()));
                        let lines: Vec<String> = raw
                            .lines().map(|l| l.trim().trim_end_matches([',', ';', '.']).trim().to_string())
                            .filter(|l| !l.is_empty()).collect();
                        ctx.edit(move |r| r.recipients = lines);
                    }></textarea>
            </div>
            {record_list(ctx, "footnotes", "Chú thích cuối trang", "+ Thêm chú thích", |r| &mut r.footnotes, &FOOTNOTE_FIELDS)}
        </section>
    }
}
