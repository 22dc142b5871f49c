//! A stored value as it reads in prose, with its unit and qualifier.

use super::fmt;
use crate::model::{Report, Value};
use crate::template::{FieldType, Template};

/// An entered value as prose: "1,25 tỷ đồng", "hơn 1,25 tỷ đồng", "09 hội quán",
/// "1.234,5 m²", an ENUM's label, a date "30/3/2023". None when blank or unknown.
pub fn value_text(template: &Template, report: &Report, key: &str) -> Option<String> {
    let ind = template.indicator(key)?;
    let v = report.value(key)?;
    let unit = &ind.indicator.unit;
    let with_unit = |n: String| if unit.is_empty() { n } else { format!("{n} {unit}") };
    let qualifier = report.qualifiers.get(key).map(|q| q.trim()).unwrap_or("");
    let body = match (&ind.indicator.ty, v) {
        (FieldType::Money, Value::Int(n)) if fmt::says_more_than(qualifier) => fmt::money_not_above(*n),
        (FieldType::Money, Value::Int(n)) => fmt::money(*n),
        (FieldType::Int, Value::Int(n)) => with_unit(fmt::count(*n, report.options.pad_small_counts)),
        (FieldType::Dec(s), Value::Int(n)) => with_unit(fmt::decimal(*n, *s)),
        (FieldType::Enum(opts), Value::Text(t)) => opts.iter().find(|o| &o.value == t).map(|o| o.label.clone())?,
        (FieldType::Date, v) => crate::format::short_date(v.as_date()?),
        (FieldType::Text, v) => v.as_text()?,
        _ => return None,
    };
    Some(qualified(qualifier, body))
}

/// "hơn 2,35 tỷ đồng": the qualifier the cadre set before a figure, if any.
pub fn qualified(qualifier: &str, body: String) -> String {
    match qualifier.trim() {
        "" => body,
        q => format!("{q} {body}"),
    }
}

/// A computed total as prose (issue 14 item 7): its display with the unit word
/// the outline gives and the qualifier the cadre set ("hơn 2,35 tỷ đồng",
/// "1.250 suất"); money after "hơn"/"trên" is never rounded up.
pub fn computed_text(report: &Report, key: &str, value: &super::Exact, display: &str, unit: &str) -> String {
    let qualifier = report.qualifiers.get(key).map(|q| q.trim()).unwrap_or("");
    let body = match value {
        super::Exact::Int { value } if fmt::says_more_than(qualifier) && display.ends_with(" đồng") => {
            fmt::money_not_above(*value)
        }
        _ if unit.is_empty() => display.to_string(),
        _ => format!("{display} {unit}"),
    };
    qualified(qualifier, body)
}
