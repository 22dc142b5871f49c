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
    let body = match (&ind.indicator.ty, v) {
        (FieldType::Money, Value::Int(n)) => fmt::money(*n),
        (FieldType::Int, Value::Int(n)) => with_unit(fmt::count(*n, report.options.pad_small_counts)),
        (FieldType::Dec(s), Value::Int(n)) => with_unit(fmt::decimal(*n, *s)),
        (FieldType::Enum(opts), Value::Text(t)) => opts.iter().find(|o| &o.value == t).map(|o| o.label.clone())?,
        (FieldType::Date, v) => crate::format::short_date(v.as_date()?),
        (FieldType::Text, v) => v.as_text()?,
        _ => return None,
    };
    match report.qualifiers.get(key).map(|q| q.trim()).filter(|q| !q.is_empty()) {
        Some(q) => Some(format!("{q} {body}")),
        None => Some(body),
    }
}
