//! The parts of a report outside the outline: title, number and date,
//! period, căn cứ citations and options ("Thông tin chung"), then signature,
//! recipients and footnotes ("Ký tên, nơi nhận").

use super::ctx::Ctx;
use super::sentences::SentenceEditor;
use crate::editor::journal::Edit;
use crate::model::{Citation, FieldPath, Footnote, RecordList, Report, ReportField as Field};
use crate::print::SentenceId;
use crate::ui::fields::field_id;
use leptos::prelude::*;

type GetFn = fn(&Report) -> String;

/// A text input showing one field of the report through a getter; typing
/// sets it by its name (see `editor::journal::apply_entry`).
#[component]
fn ReportField(
    field: Field,
    #[prop(into)] label: String,
    get: GetFn,
    #[prop(optional, into)] kind: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = field.name();
    let id = field_id(name);
    let hint_id = format!("{id}-hint");
    let initial = ctx.report.with_untracked(get);
    let issues = Memo::new(move |_| ctx.messages_for(name));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id name=name type=kind.unwrap_or("text") prop:value=initial aria-describedby=hint_id.clone()
                inputmode=(kind == Some("number")).then_some("numeric")
                readonly=move || ctx.locked.get()
                on:input=move |ev| ctx.set(name, crate::format::nfc(&event_target_value(&ev))) />
            <div class="field-msgs" id=hint_id>
                {hint.map(|h| view! { <p class="hint">{h}</p> })}
                {move || issues.get().into_iter().map(|(is_error, m)| view! {
                    <p class="msg" class:error=is_error class:warning=!is_error>{m}</p>
                }).collect_view()}
            </div>
        </div>
    }
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(crate::model::iso_date).unwrap_or_default()
}

/// Field of a record in a list (citation, footnote); typing sets it by
/// its name `<list>.<row>.<key>`.
struct RecordField<T> {
    key: &'static str,
    label: &'static str,
    kind: &'static str,
    /// Sentence-long text: two columns wide.
    wide: bool,
    get: fn(&T) -> String,
}

/// A list of records stored in the report (`can_cu`, `footnotes`).
fn record_list<T: Clone + Default + Send + Sync + 'static>(
    ctx: Ctx,
    list: RecordList,
    title: &'static str,
    add_label: &'static str,
    rows: fn(&Report) -> &Vec<T>,
    fields: &'static [RecordField<T>],
) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let change = move |edit: Edit| {
        ctx.apply(edit);
        version.update(|v| *v += 1);
    };
    view! {
        <fieldset class="records">
            <legend>{title}</legend>
            {move || {
                version.track();
                ctx.generation.track();
                let items: Vec<T> = ctx.report.with_untracked(|r| rows(r).clone());
                items.into_iter().enumerate().map(|(i, item)| view! {
                    <div class="record">
                        <p class="record-no">{format!("{}.", i + 1)}</p>
                        {fields.iter().map(|f| {
                            let name = FieldPath::cell(list.key(), i, f.key).to_string();
                            let id = field_id(&name);
                            let name_for_input = name.clone();
                            view! {
                                <div class="field" class:wide=f.wide>
                                    <label for=id.clone()>{f.label}</label>
                                    <input id=id name=name type=f.kind prop:value=(f.get)(&item) readonly=move || ctx.locked.get()
                                        on:input=move |ev| {
                                            ctx.set(name_for_input.clone(), crate::format::nfc(&event_target_value(&ev)))
                                        } />
                                </div>
                            }
                        }).collect_view()}
                        <button type="button" class="danger" disabled=move || ctx.locked.get()
                            aria-label=format!("Xóa mục {}", i + 1)
                            on:click=move |_| change(Edit::RemoveRow { list: list.key().to_string(), row: i })>"Xóa"</button>
                    </div>
                }).collect_view()
            }}
            <button type="button" class="add-row" disabled=move || ctx.locked.get()
                on:click=move |_| change(Edit::AddRow { list: list.key().to_string() })>{add_label}</button>
        </fieldset>
    }
}

static CITATION_FIELDS: [RecordField<Citation>; 6] = [
    RecordField { key: "loai", label: "Loại văn bản", kind: "text", wide: false, get: |c| c.loai.clone() },
    RecordField {
        key: "so_ky_hieu", label: "Số, ký hiệu", kind: "text", wide: false, get: |c| c.so_ky_hieu.clone()
    },
    RecordField { key: "ngay", label: "Ngày", kind: "date", wide: false, get: |c| date_text(c.ngay) },
    RecordField { key: "co_quan", label: "Cơ quan ban hành", kind: "text", wide: false, get: |c| c.co_quan.clone() },
    RecordField { key: "trich_yeu", label: "Trích yếu", kind: "text", wide: true, get: |c| c.trich_yeu.clone() },
    RecordField {
        key: "phrase",
        label: "Viết sau số và ngày (để trống: «của cơ quan … về …»)",
        kind: "text",
        wide: true,
        get: |c| c.phrase.clone(),
    },
];

static FOOTNOTE_FIELDS: [RecordField<Footnote>; 2] = [
    RecordField {
        key: "id",
        label: "Ký hiệu (dùng [^ký hiệu] trong bài)",
        kind: "text",
        wide: false,
        get: |f| f.id.clone(),
    },
    RecordField { key: "text", label: "Nội dung chú thích", kind: "text", wide: true, get: |f| f.text.clone() },
];

/// "Thông tin chung".
#[component]
pub fn GeneralForm() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let is_dang = ctx.report.with_untracked(|r| r.kind == crate::model::Kind::Dang);
    let pad = ctx.report.with_untracked(|r| r.options.pad_small_counts);
    let include_pl1 = ctx.report.with_untracked(|r| r.options.include_pl1);
    let with_plan = ctx.report.with_untracked(|r| r.options.trich_yeu_with_plan);
    let print_figures = ctx.report.with_untracked(|r| r.options.print_figures);
    let default_name = ctx.report.with_untracked(crate::print::default_sentence_name);
    let all = super::sentences::general_sentences_memo(ctx);
    let has_appendix = Memo::new(move |_| all.with(|a| a.iter().flatten().any(|s| s.id == SentenceId::AttachedTo)));
    let alt_denominator =
        ctx.report.with_untracked(|r| r.options.hg_denominator == crate::model::HgDenominator::ThanhPlusKhongThanh);
    view! {
        <section class="section-form" aria-labelledby="section-heading">
            <h2 id="section-heading" tabindex="-1">"Thông tin chung"</h2>
            <p class="guidance">"Tên báo cáo để tìm trong danh sách; số và ngày văn bản có thể để trống đến khi văn thư cho số."</p>
            <div class="grid-2">
                <ReportField field=Field::Name label="Tên báo cáo (trong danh sách)" get=|r| r.name.clone() />
                <ReportField field=Field::HeaderNumber label="Số văn bản" hint="Để trống khi chưa cho số"
                    get=|r| r.header.number.clone().unwrap_or_default() />
            </div>
            <div class="grid-3">
                <ReportField field=Field::HeaderDay label="Ngày ban hành" kind="number" get=|r| r.header.day.map(|d| d.to_string()).unwrap_or_default() />
                <ReportField field=Field::HeaderMonth label="Tháng" kind="number" get=|r| r.header.month.map(|d| d.to_string()).unwrap_or_default() />
                <ReportField field=Field::HeaderYear label="Năm" kind="number" get=|r| r.header.year.map(|d| d.to_string()).unwrap_or_default() />
            </div>
            <div class="grid-3">
                <ReportField field=Field::PeriodFrom label="Số liệu từ ngày" kind="date" get=|r| date_text(r.period.from) />
                <ReportField field=Field::PeriodTo label="Đến ngày" kind="date" get=|r| date_text(r.period.to) />
                <ReportField field=Field::HeaderDueDate label="Hạn gửi báo cáo" kind="date" get=|r| date_text(r.header.due_date) />
            </div>
            {record_list(
                ctx, RecordList::CanCu, "Căn cứ (văn bản trích dẫn ở phần mở đầu)", "+ Thêm văn bản căn cứ", |r| &r.can_cu,
                &CITATION_FIELDS,
            )}
            <fieldset class="sentences">
                <legend>"Câu văn trong bản in"</legend>
                <ReportField field=Field::UnitSentenceName label="Tên đơn vị dùng trong câu văn"
                    hint=format!("Để trống thì dùng «{default_name}»")
                    get=|r| r.unit.issuer(r.kind).sentence_name.clone() />
                <label class="check">
                    <input type="checkbox" name=Field::TrichYeuWithPlan.name() checked=with_plan disabled=move || ctx.locked.get()
                        on:change=move |ev| ctx.set(Field::TrichYeuWithPlan.name(), event_target_checked(&ev).to_string()) />
                    "Trích yếu có thêm «và phương hướng, nhiệm vụ …»"
                </label>
                <SentenceEditor id=SentenceId::TrichYeu all=all />
                <SentenceEditor id=SentenceId::Opening all=all />
                <SentenceEditor id=SentenceId::Closing all=all />
                <Show when=move || has_appendix.get()>
                    <SentenceEditor id=SentenceId::AttachedTo all=all />
                </Show>
            </fieldset>
            <fieldset>
                <legend>"Tùy chọn trình bày"</legend>
                <label class="check">
                    <input type="checkbox" name=Field::PrintFigures.name() checked=print_figures disabled=move || ctx.locked.get()
                        on:change=move |ev| ctx.set(Field::PrintFigures.name(), event_target_checked(&ev).to_string()) />
                    "In các dòng số liệu tự động dưới mỗi mục"
                </label>
                <label class="check">
                    <input type="checkbox" name=Field::PadSmallCounts.name() checked=pad disabled=move || ctx.locked.get()
                        on:change=move |ev| ctx.set(Field::PadSmallCounts.name(), event_target_checked(&ev).to_string()) />
                    "Viết số đếm dưới 10 có số 0 đứng trước (02, 09)"
                </label>
                <label class="check">
                    <input type="checkbox" name=Field::HgDenominator.name() checked=alt_denominator disabled=move || ctx.locked.get()
                        on:change=move |ev| ctx.set(Field::HgDenominator.name(), event_target_checked(&ev).to_string()) />
                    "Tính tỷ lệ hòa giải thành trên (thành + không thành) thay vì trên số vụ tiếp nhận"
                </label>
                {is_dang.then(|| view! {
                    <label class="check">
                        <input type="checkbox" name=Field::IncludePl1.name() checked=include_pl1 disabled=move || ctx.locked.get()
                            on:change=move |ev| ctx.set(Field::IncludePl1.name(), event_target_checked(&ev).to_string()) />
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
    let recipients_id = field_id(Field::Recipients.name());
    let is_dang = ctx.report.with_untracked(|r| r.kind == crate::model::Kind::Dang);
    let signature_issues = Memo::new(move |_| {
        [Field::SignatureQuyenHan, Field::SignatureChucVu, Field::SignatureHoTen]
            .into_iter()
            .flat_map(|field| ctx.messages_for(field.name()))
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
                <ReportField field=Field::SignatureQuyenHan label="Thẩm quyền ký" get=|r| r.signature.quyen_han.clone() />
                <ReportField field=Field::SignatureChucVu label="Chức vụ" get=|r| r.signature.chuc_vu.clone() />
                <ReportField field=Field::SignatureHoTen label="Họ tên người ký" get=|r| r.signature.ho_ten.clone() />
            </div>
            <div class="field-msgs">
                {move || signature_issues.get().into_iter().map(|(is_error, m)| view! {
                    <p class="msg" class:error=is_error class:warning=!is_error>{m}</p>
                }).collect_view()}
            </div>
            <div class="field">
                <label for=recipients_id.clone()>"Nơi nhận (mỗi dòng một nơi, không cần dấu câu)"</label>
                <textarea id=recipients_id name=Field::Recipients.name() rows="5" readonly=move || ctx.locked.get() prop:value=recipients
                    on:input=move |ev| ctx.set(Field::Recipients.name(), crate::format::nfc(&event_target_value(&ev)))></textarea>
            </div>
            {record_list(ctx, RecordList::Footnotes, "Chú thích cuối trang", "+ Thêm chú thích", |r| &r.footnotes, &FOOTNOTE_FIELDS)}
        </section>
    }
}
