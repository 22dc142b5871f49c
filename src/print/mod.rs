//! The printed report as a pure document model (docs/domain.md §3, §4): header per
//! kind, title and trích yếu, opening paragraph with căn cứ, numbered body,
//! footnotes, closing sentence, Nơi nhận and signature, Phụ lục I. Also the
//! "empty outline" (đề cương trống) for cadres who draft by hand.
//!
//! No web types: the print view (`ui::print`) only maps this model to HTML
//! and CSS classes, and the native tests check every rule here.
//!
//! Footnotes: Chromium does not support `float: footnote`, so the notes are
//! rendered as numbered notes under a short rule after the closing sentence,
//! before the signature block (the docs/domain.md §4.8 fallback).

mod body;
pub mod docx;
mod header;
mod names;
pub mod sentences;
mod text;

#[cfg(test)]
mod tests;

use crate::engine::{evaluate, numbering, Appendix, Evaluation};
use crate::format;
use crate::model::{Kind, Report};
use crate::template::Template;

pub use header::{number_line, recipient_lines};
pub use names::{default_sentence_name, file_name, issuer_sentence_name, unit_phrase};
pub use sentences::{general_sentences, sentences, stale_sentences, Sentence, SentenceId};
pub use text::plain_text;

/// The whole printed document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// DANG (HD 36) or CQ (NĐ 30): decides page setup and styles.
    pub kind: Kind,
    /// True for the empty outline (đề cương trống).
    pub blank: bool,
    /// The two-column header table.
    pub header: Header,
    /// "BÁO CÁO".
    pub title: String,
    /// Trích yếu under the title.
    pub trich_yeu: String,
    /// Opening paragraph citing the căn cứ.
    pub opening: Paragraph,
    /// Body blocks in outline order.
    pub body: Vec<Block>,
    /// Closing sentence ("… ./." for CQ, "… ." for DANG).
    pub closing: Paragraph,
    /// Footnotes in marker order (rendered before the signature block).
    pub footnotes: Vec<Note>,
    /// Nơi nhận and signature.
    pub signing: Signing,
    /// Phụ lục I, on its own page(s).
    pub appendix: Option<AppendixPage>,
    /// File name for "Save as PDF" (without extension).
    pub file_name: String,
}

/// The header table: left column (issuing body), right column (Quốc hiệu or
/// party name), then the number and the date line on one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Left column lines, top to bottom.
    pub left: Vec<HeaderLine>,
    /// Right column lines, top to bottom.
    pub right: Vec<HeaderLine>,
    /// "Số: 15/BC-UBND" (CQ) or "Số 15-BC/ĐU" (DANG).
    pub number: String,
    /// "Phường 1, ngày 20 tháng 6 năm 2025" (italic).
    pub date: String,
}

/// One line of the header with its typographic role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderLine {
    /// The text as printed (already upper-cased where the role requires it).
    pub text: String,
    /// What the line is; the view maps it to a style.
    pub role: HeaderRole,
    /// A solid rule is drawn under this line.
    pub rule_below: bool,
}

/// Roles of header lines (docs/domain.md §4.2, §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderRole {
    /// CQ cơ quan chủ quản / DANG tổ chức đảng cấp trên: upper case, regular.
    UpperBody,
    /// Issuing body: upper case, bold.
    Issuer,
    /// DANG "*" under the issuer.
    Star,
    /// CQ Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": upper case, bold.
    NationalName,
    /// CQ Tiêu ngữ "Độc lập - Tự do - Hạnh phúc": bold.
    Motto,
    /// DANG "ĐẢNG CỘNG SẢN VIỆT NAM": upper case, bold, larger.
    PartyName,
}

/// A body paragraph: text spans, footnote markers and an optional run-in label.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Paragraph {
    /// Spans in order.
    pub spans: Vec<Span>,
    /// The line starts with "- " (kept as typed) or is a generated figure line.
    pub dash: bool,
}

impl Paragraph {
    /// A paragraph of one plain text span.
    pub fn text(s: impl Into<String>) -> Paragraph {
        Paragraph { spans: vec![Span::Text(s.into())], dash: false }
    }

    /// The paragraph as plain text (footnote markers included), for tests and search.
    pub fn plain(&self) -> String {
        self.spans
            .iter()
            .map(|s| match s {
                Span::Text(t) | Span::RunIn(t) | Span::NoteRef(t) => t.as_str(),
            })
            .collect()
    }
}

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    /// Plain text.
    Text(String),
    /// A run-in label ("Ưu điểm: "), italic.
    RunIn(String),
    /// A footnote marker: "1" (CQ) or "(1)" (DANG), superscript.
    NoteRef(String),
}

/// A body block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A numbered heading of an outline node.
    Heading {
        /// Node id (`N09`, `G_CQ_TIEP_DAN`).
        node_id: String,
        /// 1 = top level.
        level: u8,
        /// "I." / "I-" / "1." / "a)".
        number: String,
        /// Node title for this report.
        title: String,
    },
    /// A body paragraph.
    Para(Paragraph),
    /// A list printed as a table: the header row, then one row per list row
    /// (first cell "STT"); every row has as many cells as the header.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Rows of cells, as printed.
        rows: Vec<Vec<String>>,
    },
    /// Empty outline: what to write here (italic, smaller).
    Guidance(String),
    /// Empty outline: a sub-label before dotted lines ("Ưu điểm:").
    Label(String),
    /// Empty outline: `n` dotted lines to write on.
    Lines(usize),
    /// Empty outline: "- {label}: ……… {unit}".
    Field {
        /// Indicator label (with its row group when grouped).
        label: String,
        /// Unit after the dotted space ("vụ", "đồng"); may be empty.
        unit: String,
    },
}

/// One footnote as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// "1" (CQ) or "(1)" (DANG).
    pub marker: String,
    /// Footnote text.
    pub text: String,
}

/// Nơi nhận (left) and the signature block (right).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signing {
    /// "Nơi nhận:".
    pub recipients_label: String,
    /// Recipient lines with the kind's punctuation ("- Sở Nội vụ;", "- Lưu: VT.").
    pub recipients: Vec<String>,
    /// Quyền hạn line ("TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ").
    pub authority: String,
    /// Chức vụ ("CHỦ TỊCH", "BÍ THƯ").
    pub position: String,
    /// Signer's name.
    pub name: String,
}

/// Phụ lục I with its heading lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppendixPage {
    /// "Phụ lục I".
    pub label: String,
    /// "KẾT QUẢ TIẾP CÔNG DÂN; …".
    pub title: String,
    /// "(Kèm theo Báo cáo số 15/BC-UBND ngày … của Ủy ban nhân dân …)".
    pub attached_to: String,
    /// Tables T1–T3 from the engine, with the generated bullets.
    pub tables: Appendix,
}

/// The printed report, from a report and its evaluation (see [`evaluate`]).
pub fn build(template: &Template, report: &Report, evaluation: &Evaluation) -> Document {
    let kind = report.kind;
    let mut notes = body::Notes::new(kind, report);
    let numbers = numbering(template, report);
    let appendix_label =
        numbers.iter().find(|(id, _)| template.node(id).is_some_and(|n| n.appendix)).map(|(_, label)| label.clone());
    let appendix = match (&appendix_label, &evaluation.appendix) {
        (Some(label), Some(tables)) => Some(appendix_page(template, report, label, tables.clone())),
        _ => None,
    };
    let body = body::filled_body(template, report, evaluation, &numbers, appendix.is_some(), &mut notes);
    Document {
        kind,
        blank: false,
        header: header::header(report, false),
        title: "BÁO CÁO".into(),
        trich_yeu: trich_yeu(report),
        opening: opening(report),
        body,
        closing: closing(report),
        footnotes: notes.into_notes(),
        signing: signing(report),
        appendix,
        file_name: file_name(report, false),
    }
}

/// The printed report, evaluating it first.
pub fn build_report(report: &Report) -> Document {
    let template = Template::for_report(report);
    build(template, report, &evaluate(template, report))
}

/// The empty outline (đề cương trống): the same header and signature, blank
/// number and date, every node that applies to the period with its guidance
/// and dotted lines, and blank Phụ lục I tables.
pub fn blank_outline(template: &Template, report: &Report) -> Document {
    let kind = report.kind;
    let mut empty = report.clone();
    empty.values.clear();
    empty.cung_ky.clear();
    empty.qualifiers.clear();
    empty.lists.clear();
    empty.texts.clear();
    empty.footnotes.clear();
    empty.none_in_period.clear();
    empty.not_tracked.clear();
    empty.header.number = None;
    empty.header.day = None;
    empty.header.month = None;
    let evaluation = evaluate(template, &empty);
    let (body, appendix_label) = body::blank_body(template, &empty);
    let appendix = match (appendix_label, evaluation.appendix) {
        (Some(label), Some(tables)) => Some(appendix_page(template, &empty, &label, tables)),
        _ => None,
    };
    Document {
        kind,
        blank: true,
        header: header::header(&empty, true),
        title: "BÁO CÁO".into(),
        trich_yeu: trich_yeu(&empty),
        opening: opening(&empty),
        body,
        closing: closing(&empty),
        footnotes: Vec::new(),
        signing: signing(&empty),
        appendix,
        file_name: file_name(report, true),
    }
}

/// The generated trích yếu (docs/domain.md §1.4): DANG starts in lower case;
/// "và phương hướng, nhiệm vụ …" only when the report asks for it.
pub(crate) fn generated_trich_yeu(report: &Report) -> String {
    names::trich_yeu_of(report)
}

/// The trích yếu as printed: the cadre's when replaced.
fn trich_yeu(report: &Report) -> String {
    sentences::chosen(report, &SentenceId::TrichYeu, generated_trich_yeu(report))
}

/// The trích yếu as it reads inside a sentence ("báo cáo kết quả …").
fn trich_yeu_in_sentence(report: &Report) -> String {
    format::lower_first(&trich_yeu(report))
}

/// What follows a citation's number and date, generated: "của {cơ quan} về
/// {trích yếu}" (the editor shows it as the default of the citation's phrase).
pub fn citation_phrase(c: &crate::model::Citation) -> String {
    let mut parts = Vec::new();
    let co_quan = format::nfc(c.co_quan.trim());
    if !co_quan.is_empty() {
        parts.push(format!("của {co_quan}"));
    }
    let ty = format::nfc(c.trich_yeu.trim());
    if !ty.is_empty() {
        parts.push(if ty.starts_with("về ") { ty } else { format!("về {ty}") });
    }
    parts.join(" ")
}

/// One citation: full form the first time a document is cited (loại, số ký
/// hiệu, date in full, then the citation's own phrase or the generated
/// "của … về …"), loại + số ký hiệu afterwards (docs/domain.md §4.5, issue 14 item 3).
fn citation_text(c: &crate::model::Citation, first: bool) -> String {
    let loai = format::nfc(c.loai.trim());
    let so = format::nfc(c.so_ky_hieu.trim());
    let mut s = loai;
    if !so.is_empty() {
        s.push_str(&format!(" số {so}"));
    }
    if !first {
        return s;
    }
    if let Some(d) = c.ngay {
        s.push_str(&format!(" {}", format::full_date(d)));
    }
    let own = format::nfc(c.phrase.trim());
    let phrase = if own.is_empty() { citation_phrase(c) } else { own };
    if !phrase.is_empty() {
        s.push_str(&format!(" {phrase}"));
    }
    s
}

/// The căn cứ list: each document in full at its first citation.
fn citations(report: &Report) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for c in &report.can_cu {
        if c.loai.trim().is_empty() && c.so_ky_hieu.trim().is_empty() {
            continue;
        }
        let id = format!("{}|{}", c.loai.trim(), c.so_ky_hieu.trim());
        let first = !seen.contains(&id);
        seen.push(id);
        out.push(citation_text(c, first));
    }
    out
}

/// Citations as units join them: two with "và"; more with "; " and a final
/// "và" ("A; B và C").
fn join_citations(cites: &[String]) -> String {
    match cites {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join("; ")),
    }
}

/// The generated opening paragraph (docs/domain.md §4.5, §2.1): CQ "Căn cứ …;
/// Ủy ban nhân dân … báo cáo … như sau:", DANG "Thực hiện …, Ban Thường vụ
/// Đảng ủy … báo cáo … như sau:".
pub(crate) fn generated_opening(report: &Report) -> String {
    let subject = issuer_sentence_name(report);
    let what = trich_yeu_in_sentence(report);
    let cites = join_citations(&citations(report));
    match (report.kind, cites.is_empty()) {
        (_, true) => format!("{subject} báo cáo {what} như sau:"),
        (Kind::Cq, false) => format!("Căn cứ {cites}; {subject} báo cáo {what} như sau:"),
        (Kind::Dang, false) => format!("Thực hiện {cites}, {subject} báo cáo {what} như sau:"),
    }
}

/// Opening paragraph as printed.
fn opening(report: &Report) -> Paragraph {
    Paragraph::text(sentences::chosen(report, &SentenceId::Opening, generated_opening(report)))
}

/// The generated closing sentence: CQ ends "./.", DANG ends ".".
pub(crate) fn generated_closing(report: &Report) -> String {
    let end = match report.kind {
        Kind::Cq => "./.",
        Kind::Dang => ".",
    };
    format!("Trên đây là báo cáo {} của {}{end}", trich_yeu_in_sentence(report), issuer_sentence_name(report))
}

/// Closing sentence as printed.
fn closing(report: &Report) -> Paragraph {
    Paragraph::text(sentences::chosen(report, &SentenceId::Closing, generated_closing(report)))
}

/// Nơi nhận and signature (docs/domain.md §4.7).
fn signing(report: &Report) -> Signing {
    let sig = &report.signature;
    Signing {
        recipients_label: "Nơi nhận:".into(),
        recipients: recipient_lines(report.kind, &report.recipients),
        authority: format::uppercase(&format::nfc(sig.quyen_han.trim())),
        position: format::uppercase(&format::nfc(sig.chuc_vu.trim())),
        name: format::nfc(sig.ho_ten.trim()),
    }
}

/// Heading lines of Phụ lục I (docs/domain.md §3).
fn appendix_page(template: &Template, report: &Report, label: &str, mut tables: Appendix) -> AppendixPage {
    sentences::apply_to_bullets(report, &mut tables);
    let title = template
        .nodes_flat()
        .into_iter()
        .find(|n| n.appendix)
        .map(|n| n.title.clone())
        .unwrap_or_else(|| tables.title.clone());
    AppendixPage {
        label: label.to_string(),
        title,
        attached_to: sentences::chosen(report, &SentenceId::AttachedTo, generated_attached_to(report)),
        tables,
    }
}

/// "(Kèm theo Báo cáo số 15/BC-UBND ngày 20 tháng 6 năm 2025 của Ủy ban nhân dân …)".
pub(crate) fn generated_attached_to(report: &Report) -> String {
    let number = header::number_only(report);
    let date = format::date_line("", report.header.day, report.header.month, header::issue_year(report));
    format!("(Kèm theo Báo cáo số {number} {date} của {})", issuer_sentence_name(report))
}
