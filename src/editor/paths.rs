//! The fields the editor renders (each input's `name`), so the crash journal
//! and its tests know every one of them. Outline fields come from the
//! template; the rest of the report are the model's `ReportField`s and
//! `RecordList`s.

use crate::model::{FieldPath, Kind, Mark, RecordList, Report, ReportField};
use crate::template::Template;

/// Whether the editor offers a qualifier ("hơn", "khoảng") for a field of type `ty`.
pub fn takes_qualifier(ty: &crate::template::FieldType) -> bool {
    matches!(ty, crate::template::FieldType::Int | crate::template::FieldType::Money)
}

/// Every field the editor renders for `report`: the sections of its
/// period (narratives, indicators with their cùng kỳ, each list's columns for
/// its first row), the general and signing fields, the options, and each
/// citation's and footnote's fields.
pub fn editable(template: &Template, report: &Report) -> Vec<FieldPath> {
    let mut out: Vec<FieldPath> = ReportField::ALL
        .into_iter()
        .filter(|f| *f != ReportField::IncludePl1 || report.kind == Kind::Dang)
        .map(FieldPath::Report)
        .collect();
    for (list, rows) in [(RecordList::CanCu, report.can_cu.len()), (RecordList::Footnotes, report.footnotes.len())] {
        for row in 0..rows {
            out.extend(list.columns().iter().map(|c| FieldPath::cell(list.key(), row, c)));
        }
    }
    for (_, node) in template.walk().into_iter().filter(|(_, n)| n.applies_to(report.period.period_type)) {
        if node.required && !node.appendix {
            out.extend([
                FieldPath::mark(Mark::NoneInPeriod, &node.id),
                FieldPath::mark_sentence(Mark::NoneInPeriod, &node.id),
            ]);
        }
        for ind in node.indicators.iter().filter(|i| i.req == crate::template::Requirement::Required) {
            for key in node.keys_of(ind) {
                out.extend([FieldPath::mark(Mark::NotTracked, &key), FieldPath::mark_sentence(Mark::NotTracked, &key)]);
            }
        }
        out.extend(node.narratives.iter().map(|n| FieldPath::key(&n.key)));
        if (!node.indicators.is_empty() || !node.computed.is_empty()) && !node.appendix {
            out.push(FieldPath::FiguresOf(node.id.clone()));
        }
        let totals =
            node.computed.iter().filter(|c| c.per_row.is_none() && !node.indicators.iter().any(|i| i.key == c.key));
        out.extend(
            totals
                .filter(|c| matches!(c.display, crate::template::Display::Count | crate::template::Display::Money))
                .map(|c| FieldPath::Qualifier(c.key.clone())),
        );
        for ind in &node.indicators {
            for key in node.keys_of(ind) {
                if ind.compare && ind.ty.is_numeric() {
                    out.push(FieldPath::cung_ky(&key));
                }
                if takes_qualifier(&ind.ty) {
                    out.push(FieldPath::Qualifier(key.clone()));
                }
                out.push(FieldPath::Key(key));
            }
        }
        for list in &node.lists {
            out.extend(list.columns.iter().map(|c| FieldPath::cell(&list.key, 0, &c.key)));
        }
    }
    out
}
