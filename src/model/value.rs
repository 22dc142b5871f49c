//! Raw stored values (never formatted strings).

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// One raw value of an indicator, list cell or cùng kỳ entry.
///
/// JSON form is plain: `Int` is a JSON number, `Text` a string, `Date` an ISO
/// string `"2025-06-30"`.
/// - INT and MONEY are stored as `Int` (đồng for MONEY).
/// - DEC(n) is stored as `Int` counting units of 10^-n: 12,5 ha in a DEC(1)
///   field is `125`; the scale comes from the template, never from the value.
/// - TEXT and ENUM are `Text` (ENUM stores the option value).
/// - DATE is `Date`.
/// - What a cadre typed into a number field that is not a valid number yet
///   ("12,7" where a count is required, a number above the limit) is
///   `Unparsed`, written `{"unparsed": "12,7"}`: kept, never lost, and told
///   apart from a text value, which a number field never holds (see
///   `model::limits` for the rule).
///
/// On reading, a string that is exactly an ISO date becomes `Date`; since
/// [`Value::as_text`] returns the same characters for both, nothing is lost.
/// A JSON number with a fractional part (not produced by this app) is kept as
/// `Text` so that validation can report it instead of the load failing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// INT, MONEY (đồng) or DEC (units of 10^-scale).
    Int(i64),
    /// TEXT or ENUM.
    Text(String),
    /// DATE.
    Date(NaiveDate),
    /// Typed text of a number field that does not read as a valid number.
    Unparsed(String),
}

/// JSON member name of [`Value::Unparsed`].
const UNPARSED: &str = "unparsed";

impl Value {
    /// The integer, when this is an `Int`.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// The text of a `Text`, or the ISO form of a `Date`.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Text(s) | Value::Unparsed(s) => Some(s.clone()),
            Value::Date(d) => Some(super::iso_date(*d)),
            Value::Int(_) => None,
        }
    }

    /// The date, when this is a `Date` (or a `Text` holding an ISO date).
    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            Value::Text(s) => parse_iso_date(s),
            Value::Int(_) | Value::Unparsed(_) => None,
        }
    }

    /// Blank means "not entered": only an empty or whitespace-only text. `0` is not blank.
    pub fn is_blank(&self) -> bool {
        matches!(self, Value::Text(s) | Value::Unparsed(s) if s.trim().is_empty())
    }
}

/// Strict `YYYY-MM-DD`.
fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    super::parse_iso_date(s)
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Int(n) => serializer.serialize_i64(*n),
            Value::Text(s) => serializer.serialize_str(s),
            Value::Date(d) => serializer.serialize_str(&super::iso_date(*d)),
            Value::Unparsed(s) => {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(UNPARSED, s)?;
                map.end()
            }
        }
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, a string or {\"unparsed\": string}")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(match i64::try_from(v) {
            Ok(n) => Value::Int(n),
            Err(_) => Value::Text(v.to_string()),
        })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // Keep out-of-range or fractional numbers visible to validation (E01).
        if v.fract() == 0.0 && (-9.0e18..=9.0e18).contains(&v) {
            Ok(Value::Int(v as i64))
        } else {
            Ok(Value::Text(v.to_string()))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(match parse_iso_date(v) {
            Some(d) => Value::Date(d),
            None => Value::Text(v.to_string()),
        })
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(match parse_iso_date(&v) {
            Some(d) => Value::Date(d),
            None => Value::Text(v),
        })
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Text(String::new()))
    }

    /// Only `{"unparsed": "<text>"}`; any other object is not a value.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let key: Option<std::borrow::Cow<'de, str>> = map.next_key()?;
        if key.as_deref() != Some(UNPARSED) {
            return Err(de::Error::invalid_value(de::Unexpected::Map, &self));
        }
        let text: String = map.next_value()?;
        if map.next_key::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_value(de::Unexpected::Map, &self));
        }
        Ok(Value::Unparsed(text))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<NaiveDate> for Value {
    fn from(d: NaiveDate) -> Value {
        Value::Date(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_serialises_as_plain_json() {
        let v = vec![
            Value::Int(12717),
            Value::Text("Tết".into()),
            Value::Date(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()),
        ];
        let s = serde_json::to_string(&v).unwrap();
        assert_eq!(s, r#"[12717,"Tết","2025-06-30"]"#);
        let back: Vec<Value> = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn fractional_or_null_json_numbers_load_without_failing() {
        let back: Vec<Value> = serde_json::from_str("[12.5, null, true]").unwrap();
        assert_eq!(back[0], Value::Text("12.5".into()));
        assert!(back[1].is_blank());
        assert_eq!(back[2], Value::Text("true".into()));
    }

    #[test]
    fn unparsed_typed_text_round_trips_as_its_own_object_and_no_other_object_is_a_value() {
        let v = vec![Value::Unparsed("12,7".into()), Value::Text("12,7".into())];
        let s = serde_json::to_string(&v).unwrap();
        assert_eq!(s, r#"[{"unparsed":"12,7"},"12,7"]"#);
        assert_eq!(serde_json::from_str::<Vec<Value>>(&s).unwrap(), v);
        let tree: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(serde_json::from_value::<Vec<Value>>(tree).unwrap(), v, "through a JSON tree too");
        for other in [r#"{}"#, r#"{"a":1}"#, r#"{"unparsed":1}"#, r#"{"unparsed":"1","x":2}"#] {
            assert!(serde_json::from_str::<Value>(other).is_err(), "{other}");
        }
    }

    #[test]
    fn zero_is_not_blank_but_empty_text_is() {
        assert!(!Value::Int(0).is_blank());
        assert!(Value::Text("  ".into()).is_blank());
    }
}
