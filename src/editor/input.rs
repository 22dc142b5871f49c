//! What the user types into a field, turned into a stored value. A number
//! that does not parse is still stored (as its text) so no keystroke is lost
//! across a reload; the engine then reports it, and the field shows why now.

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
            return match format::parse_iso_date(text.trim()) {
                Some(d) => Typed { value: Some(Value::Date(d)), error: None },
                None => Typed {
                    value: Some(Value::Text(text.clone())),
                    error: Some(format!("«{}» không phải ngày hợp lệ.", text.trim())),
                },
            }
        }
        FieldType::Text | FieldType::Enum(_) => return Typed { value: Some(Value::Text(text)), error: None },
    };
    match parsed {
        Ok(Some(n)) => Typed { value: Some(Value::Int(n)), error: None },
        Ok(None) => Typed { value: None, error: None },
        Err(e) => Typed { value: Some(Value::Text(text)), error: Some(e.message()) },
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
/// ("12.717 hồ sơ", "1,25 tỷ đồng").
pub fn reads_as(ty: &FieldType, unit: &str, value: &Value) -> Option<String> {
    let n = value.as_int()?;
    Some(match ty {
        FieldType::Money => format::money(n),
        FieldType::Int => format!("{} {unit}", format::int(n)),
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
        assert_eq!(typed.value, Some(Value::Text("12,7".into())));
        assert!(typed.error.unwrap().contains("12,7"));
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
        assert_eq!(reads_as(&FieldType::Int, "hồ sơ", &Value::Int(12_717)).unwrap(), "12.717 hồ sơ");
        assert_eq!(reads_as(&FieldType::Money, "đồng", &Value::Int(1_250_000_000)).unwrap(), "1,25 tỷ đồng");
    }

    #[test]
    fn bad_date_is_kept_with_a_message() {
        let typed = read(&FieldType::Date, "31/02/2025");
        assert!(typed.error.is_some());
        assert_eq!(read(&FieldType::Date, "2025-06-30").value, Some(Value::Date(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())));
    }
}
