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
pub const OPTIONS: [&str; 5] = [
    "options.pad_small_counts",
    "options.hg_denominator",
    "options.include_pl1",
    "options.trich_yeu_with_plan",
    "options.print_figures",
];
/// "Ký tên, nơi nhận".
pub const SIGNING: [&str; 4] = ["signature.quyen_han", "signature.chuc_vu", "signature.ho_ten", "recipients"];
/// The unit's name in sentences for the report's kind (the report's copy of the profile).
pub const UNIT_SENTENCE_NAME: &str = "unit.sentence_name";
/// Per-section choice to print the generated figure lines: `options.figures.<node id>`.
pub fn figures_option(node_id: &str) -> String {
    format!("options.figures.{node_id}")
}
/// The word before a figure ("hơn", "khoảng"): `qualifiers.<key>`, offered for
/// counts and money (entered, or computed totals).
pub fn qualifier(key: &str) -> String {
    format!("qualifiers.{key}")
}

/// Whether the editor offers a qualifier for a field of type `ty`.
pub fn takes_qualifier(ty: &crate::template::FieldType) -> bool {
    matches!(ty, crate::template::FieldType::Int | crate::template::FieldType::Money)
}

/// Row list of căn cứ citations and the fields of one citation.
pub const CAN_CU: &str = "can_cu";
pub const CITATION_FIELDS: [&str; 6] = ["loai", "so_ky_hieu", "ngay", "co_quan", "trich_yeu", "phrase"];
/// Row list of footnotes and the fields of one footnote.
pub const FOOTNOTES: &str = "footnotes";
pub const FOOTNOTE_FIELDS: [&str; 2] = ["id", "text"];

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
    out.push(UNIT_SENTENCE_NAME.to_string());
    for row in 0..report.can_cu.len() {
        out.extend(CITATION_FIELDS.iter().map(|f| cell(CAN_CU, row, f)));
    }
    for row in 0..report.footnotes.len() {
        out.extend(FOOTNOTE_FIELDS.iter().map(|f| cell(FOOTNOTES, row, f)));
    }
    for (_, node) in template.walk().into_iter().filter(|(_, n)| n.applies_to(report.period.period_type)) {
        out.extend(node.narratives.iter().map(|n| n.key.clone()));
        if (!node.indicators.is_empty() || !node.computed.is_empty()) && !node.appendix {
            out.push(figures_option(&node.id));
        }
        let totals =
            node.computed.iter().filter(|c| c.per_row.is_none() && !node.indicators.iter().any(|i| i.key == c.key));
        out.extend(
            totals
                .filter(|c| matches!(c.display, crate::template::Display::Count | crate::template::Display::Money))
                .map(|c| qualifier(&c.key)),
        );
        for ind in &node.indicators {
            for key in node.keys_of(ind) {
                if ind.compare && ind.ty.is_numeric() {
                    out.push(format!("cung_ky.{key}"));
                }
                if takes_qualifier(&ind.ty) {
                    out.push(qualifier(&key));
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
