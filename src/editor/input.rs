//! What the user types into a field, turned into a stored value. A number
//! that does not parse (or is above the limit) is still stored, as
//! [`Value::Unparsed`] text, so no keystroke is lost across a reload; the
//! engine then reports it, and the field shows why now. Only values the
//! import accepts are produced (`model::limits`).

use crate::format;
use crate::model::Value;
use crate::template::FieldType;

/// Result of reading one typed field.
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    /// What to store; None clears the field.
    pub value: Option<Value>,
    /// Why the text is not a valid value for the field (Vietnamese).
    pub error: Option<String>,
}

/// Read `raw` as a value of type `ty`.
pub fn read(ty: &FieldType, raw: &str) -> Typed {
    let text = format::nfc(raw);
    if text.trim().is_empty() {
        return Typed { value: None, error: None };
    }
    let parsed = match ty {
        FieldType::Int | FieldType::Money => format::parse_int(&text),
        FieldType::Dec(scale) => format::parse_decimal(&text, *scale),
        FieldType::Date => {
            let years = &crate::model::limits::DATE_YEARS;
            return match crate::model::parse_iso_date(text.trim())
                .filter(|d| years.contains(&chrono::Datelike::year(d)))
            {
                Some(d) => Typed { value: Some(Value::Date(d)), error: None },
                None => Typed {
                    error: Some(format!("«{}» không phải ngày hợp lệ.", text.trim())),
                    value: Some(Value::Unparsed(text.chars().take(crate::model::limits::MAX_UNPARSED_CHARS).collect())),
                },
            };
        }
        FieldType::Text | FieldType::Enum(_) => return Typed { value: Some(Value::Text(text)), error: None },
    };
    // DEC values are stored in units of 10^-scale: the limit is on units.
    let parsed = parsed.and_then(|n| match n {
        Some(units) if units > crate::model::limits::MAX_NUMBER => {
            Err(format::ParseError::TooLarge(text.trim().to_string()))
        }
        other => Ok(other),
    });
    let keep = |text: String| text.chars().take(crate::model::limits::MAX_UNPARSED_CHARS).collect::<String>();
    match parsed {
        Ok(Some(n)) => Typed { value: Some(Value::Int(n)), error: None },
        Ok(None) => Typed { value: None, error: None },
        Err(e) => Typed { value: Some(Value::Unparsed(keep(text))), error: Some(e.message()) },
    }
}

/// Bring a draft stored by an older version to the current rule: half-typed
/// text in a number or date field was stored as a plain text, which import
/// refuses there; it becomes [`Value::Unparsed`] (a valid ISO date in a date
/// field becomes that date). Other values are left as they are.
pub fn upgrade_typed_text(template: &crate::template::Template, report: &mut crate::model::Report) {
    let fix = |ty: &FieldType, v: &mut Value| {
        if let Value::Text(text) = v {
            if (ty.is_numeric() || matches!(ty, FieldType::Date)) && !text.trim().is_empty() {
                *v = read(ty, text).value.unwrap_or(Value::Unparsed(String::new()));
            }
        }
    };
    for map in [&mut report.values, &mut report.cung_ky] {
        for (key, v) in map.iter_mut() {
            if let Some(found) = template.indicator(key) {
                fix(&found.indicator.ty, v);
            }
        }
    }
    for (key, rows) in report.lists.iter_mut() {
        let Some(list) = template.list(key) else { continue };
        for row in rows.iter_mut() {
            for (col, v) in row.iter_mut() {
                if let Some(column) = list.columns.iter().find(|c| &c.key == col) {
                    fix(&column.ty, v);
                }
            }
        }
    }
}

/// Text to show in the input for a stored value ("12.717", "12,5").
pub fn shown(ty: &FieldType, value: &Value) -> String {
    match (ty, value) {
        (FieldType::Int | FieldType::Money, Value::Int(n)) => format::int(*n),
        (FieldType::Dec(scale), Value::Int(n)) => format::decimal(*n, *scale),
        (_, Value::Int(n)) => n.to_string(),
        (_, other) => other.as_text().unwrap_or_default(),
    }
}

/// The value as it will read in the report, for the hint under the field
/// ("12.717 hồ sơ", "1,25 tỷ đồng", "01 vụ" when the report pads small counts,
/// as the printed sentence does).
pub fn reads_as(ty: &FieldType, unit: &str, value: &Value, pad_small_counts: bool) -> Option<String> {
    let n = value.as_int()?;
    Some(match ty {
        FieldType::Money => format::money(n),
        FieldType::Int => format!("{} {unit}", format::count(n, pad_small_counts)),
        FieldType::Dec(scale) => format!("{} {unit}", format::decimal(n, *scale)),
        _ => return None,
    })
    .map(|s| s.trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_and_plain_integers_are_both_accepted() {
        assert_eq!(read(&FieldType::Int, "12.717").value, Some(Value::Int(12_717)));
        assert_eq!(read(&FieldType::Int, "12717").value, Some(Value::Int(12_717)));
    }

    #[test]
    fn integer_with_decimal_comma_is_kept_as_text_with_a_message() {
        let typed = read(&FieldType::Int, "12,7");
        assert_eq!(typed.value, Some(Value::Unparsed("12,7".into())));
        assert!(typed.error.unwrap().contains("12,7"));
    }

    #[test]
    fn decimal_units_above_the_stored_limit_are_kept_as_typed_text() {
        // 10^15 ha at scale 1 is 10^16 units: more than any stored number.
        let typed = read(&FieldType::Dec(1), "1.000.000.000.000.000");
        assert_eq!(typed.value, Some(Value::Unparsed("1.000.000.000.000.000".into())));
        assert!(typed.error.is_some());
        let max = crate::model::limits::MAX_NUMBER;
        assert_eq!(read(&FieldType::Int, "1.000.000.000.000.000").value, Some(Value::Int(max)));
    }

    #[test]
    fn blank_clears_the_field() {
        assert_eq!(read(&FieldType::Money, "  "), Typed { value: None, error: None });
    }

    #[test]
    fn decimals_use_the_template_scale() {
        assert_eq!(read(&FieldType::Dec(1), "12,5").value, Some(Value::Int(125)));
        assert_eq!(shown(&FieldType::Dec(1), &Value::Int(125)), "12,5");
    }

    #[test]
    fn hint_reads_like_the_report() {
        assert_eq!(reads_as(&FieldType::Int, "hồ sơ", &Value::Int(12_717), true).unwrap(), "12.717 hồ sơ");
        assert_eq!(reads_as(&FieldType::Money, "đồng", &Value::Int(1_250_000_000), true).unwrap(), "1,25 tỷ đồng");
    }

    #[test]
    fn hint_pads_small_counts_like_the_printed_sentence() {
        let template = crate::template::Template::builtin(crate::model::Kind::Cq);
        let mut r = crate::fixtures::full_report(crate::model::Kind::Cq);
        r.values.insert("hg_khong_thanh".into(), Value::Int(1));
        let ind = template.indicator("hg_khong_thanh").unwrap().indicator;
        let printed = crate::engine::value_text(template, &r, "hg_khong_thanh").unwrap();
        assert_eq!(reads_as(&ind.ty, &ind.unit, &Value::Int(1), true).unwrap(), printed);
        assert_eq!(printed, "01 vụ");
        assert_eq!(reads_as(&ind.ty, &ind.unit, &Value::Int(1), false).unwrap(), "1 vụ");
    }

    #[test]
    fn text_stored_by_an_older_version_in_a_number_field_becomes_unparsed() {
        let template = crate::template::Template::builtin(crate::model::Kind::Cq);
        let mut r = crate::fixtures::full_report(crate::model::Kind::Cq);
        r.values.insert("hg_thanh".into(), Value::Text("12,7".into()));
        r.values.insert("hg_tiep_nhan".into(), Value::Text("13".into()));
        r.texts.insert("N01.text".into(), "12,7".into());
        upgrade_typed_text(template, &mut r);
        assert_eq!(r.values["hg_thanh"], Value::Unparsed("12,7".into()));
        assert_eq!(r.values["hg_tiep_nhan"], Value::Int(13));
        assert_eq!(r.texts["N01.text"], "12,7");
    }

    #[test]
    fn bad_date_is_kept_with_a_message() {
        let typed = read(&FieldType::Date, "31/02/2025");
        assert!(typed.error.is_some());
        assert_eq!(
            read(&FieldType::Date, "2025-06-30").value,
            Some(Value::Date(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()))
        );
    }
}
