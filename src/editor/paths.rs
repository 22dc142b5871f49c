//! The names of the fields the editor renders (each input's `name`), so the
//! crash journal and its tests know every one of them. Outline fields come
//! from the template; the rest of the report is listed here once.

use crate::model::Report;
use crate::template::Template;

/// "Thông tin chung": title, document number and dates, period.
pub const GENERAL: [&str; 8] = [
    "name",
    "header.number",
    "header.day",
    "header.month",
    "header.year",
    "period.from",
    "period.to",
    "header.due_date",
];
/// Presentation options (checkboxes); `options.include_pl1` only on DANG reports.
pub const OPTIONS: [&str; 3] = ["options.pad_small_counts", "options.hg_denominator", "options.include_pl1"];
/// "Ký tên, nơi nhận".
pub const SIGNING: [&str; 4] = ["signature.quyen_han", "signature.chuc_vu", "signature.ho_ten", "recipients"];
/// Row list of căn cứ citations and the fields of one citation.
pub const CAN_CU: &str = "can_cu";
pub const CITATION_FIELDS: [&str; 5] = ["loai", "so_ky_hieu", "ngay", "co_quan", "trich_yeu"];
/// Row list of footnotes and the fields of one footnote.
pub const FOOTNOTES: &str = "footnotes";
pub const FOOTNOTE_FIELDS: [&str; 2] = ["id", "text"];

/// Marks of issue 14: `none_in_period.<node id>` ("Không phát sinh trong kỳ",
/// a checkbox) and `not_tracked.<value key>` ("Không theo dõi"), each with its
/// optional sentence at `….text`.
pub const NONE_IN_PERIOD: &str = "none_in_period";
pub const NOT_TRACKED: &str = "not_tracked";
pub const MARK_TEXT: &str = ".text";

/// The checkbox of a mark: `none_in_period.N16`, `not_tracked.doi_thoai_chu_tich`.
pub fn mark(kind: &str, key: &str) -> String {
    format!("{kind}.{key}")
}

/// The sentence of a mark: `none_in_period.N16.text`.
pub fn mark_text(kind: &str, key: &str) -> String {
    format!("{kind}.{key}{MARK_TEXT}")
}

/// Name of a field in a row list: `hoi_quan_ds.2.thanh_vien`, `can_cu.0.ngay`.
pub fn cell(list: &str, row: usize, field: &str) -> String {
    format!("{list}.{row}.{field}")
}

/// Every field name the editor renders for `report`: the sections of its
/// period (narratives, indicators with their cùng kỳ, each list's columns for
/// its first row), the general and signing fields, the options, and each
/// citation's and footnote's fields.
pub fn editable(template: &Template, report: &Report) -> Vec<String> {
    let mut out: Vec<String> = GENERAL.iter().chain(SIGNING.iter()).map(|s| s.to_string()).collect();
    out.extend(
        OPTIONS
            .iter()
            .filter(|o| **o != "options.include_pl1" || report.kind == crate::model::Kind::Dang)
            .map(|s| s.to_string()),
    );
    for row in 0..report.can_cu.len() {
        out.extend(CITATION_FIELDS.iter().map(|f| cell(CAN_CU, row, f)));
    }
    for row in 0..report.footnotes.len() {
        out.extend(FOOTNOTE_FIELDS.iter().map(|f| cell(FOOTNOTES, row, f)));
    }
    for (_, node) in template.walk().into_iter().filter(|(_, n)| n.applies_to(report.period.period_type)) {
        if node.required && !node.appendix {
            out.extend([mark(NONE_IN_PERIOD, &node.id), mark_text(NONE_IN_PERIOD, &node.id)]);
        }
        for ind in node.indicators.iter().filter(|i| i.req == crate::template::Requirement::Required) {
            for key in node.keys_of(ind) {
                out.extend([mark(NOT_TRACKED, &key), mark_text(NOT_TRACKED, &key)]);
            }
        }
        out.extend(node.narratives.iter().map(|n| n.key.clone()));
        for ind in &node.indicators {
            for key in node.keys_of(ind) {
                if ind.compare && ind.ty.is_numeric() {
                    out.push(format!("cung_ky.{key}"));
                }
                out.push(key);
            }
        }
        for list in &node.lists {
            out.extend(list.columns.iter().map(|c| cell(&list.key, 0, &c.key)));
        }
    }
    out
}
