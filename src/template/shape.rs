//! The outline file's shape, checked against the published JSON Schema
//! (`outline.schema.json`) itself, so the app and a receiver's standard
//! validator accept the same files. It reads the subset of draft 2020-12
//! that schema uses (`type`, `properties`, `required`,
//! `additionalProperties: false`, `items`, `minItems`/`maxItems`,
//! `minLength`/`maxLength`, `minimum`/`maximum`, `enum`, `const`, `oneOf`,
//! local `$ref`, and its three `pattern`s), and names the first place that
//! breaks it, in Vietnamese.

use serde_json::Value as Json;

// Compact copy of src/template/outline.schema.json written by build.rs.
pub(super) const SCHEMA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/outline.schema.json"));

/// A place in the file and what is wrong there.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ShapeError {
    pub place: String,
    pub message: String,
}

/// Check `doc` against the outline schema.
pub(super) fn check(doc: &Json) -> Result<(), ShapeError> {
    let schema: Json = serde_json::from_str(SCHEMA_JSON).unwrap_or(Json::Null);
    Checker { root: &schema }.check(&schema, doc, "")
}

struct Checker<'s> {
    root: &'s Json,
}

/// Characters in a string, as JSON Schema counts them (code points).
fn chars(s: &str) -> usize {
    s.chars().count()
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// What the file holds at a place, in words.
fn what(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "true/false",
        Json::Number(n) if n.is_i64() || n.is_u64() => "một số nguyên",
        Json::Number(_) => "một số thập phân",
        Json::String(_) => "một chuỗi",
        Json::Array(_) => "một danh sách",
        Json::Object(_) => "một đối tượng",
    }
}

fn type_word(t: &str) -> &'static str {
    match t {
        "string" => "một chuỗi",
        "integer" => "một số nguyên",
        "boolean" => "true hoặc false",
        "array" => "một danh sách […]",
        "object" => "một đối tượng {…}",
        _ => "giá trị khác",
    }
}

fn has_type(v: &Json, t: &str) -> bool {
    match t {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => false,
    }
}

/// An outline id, key or field name.
const IDENT: &str = "^[A-Za-z][A-Za-z0-9_]*$";
/// An ISO date (its calendar validity is checked when the outline is compiled).
const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
/// A value type.
const TYPE: &str = "^(INT|MONEY|TEXT|DATE|ENUM|DEC\\([0-6]\\))$";

/// The patterns the schema uses, each with its code below (the app has no
/// regex engine); `the_app_and_a_standard_validator_agree_on_the_schema_patterns`
/// checks that this list is the schema's and that both read them alike.
#[cfg(test)]
pub(super) const PATTERNS: [&str; 3] = [IDENT, DATE, TYPE];

/// Whether `s` matches `pattern`; None for a pattern this code does not know.
pub(super) fn matches_pattern(pattern: &str, s: &str) -> Option<bool> {
    Some(match pattern {
        IDENT => {
            let mut c = s.chars();
            c.next().is_some_and(|f| f.is_ascii_alphabetic()) && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
        }
        DATE => {
            s.len() == 10
                && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        }
        TYPE => {
            matches!(s, "INT" | "MONEY" | "TEXT" | "DATE" | "ENUM")
                || s.strip_prefix("DEC(")
                    .and_then(|r| r.strip_suffix(')'))
                    .is_some_and(|d| d.len() == 1 && ('0'..='6').contains(&d.chars().next().unwrap_or('9')))
        }
        _ => return None,
    })
}

fn pattern_message(pattern: &str, s: &str) -> String {
    let shown: String = s.chars().take(60).collect();
    match pattern {
        IDENT => format!(
            "“{shown}” không phải một mã hợp lệ (chữ cái Latinh không dấu, chữ số, dấu gạch dưới; bắt đầu bằng chữ cái)"
        ),
        DATE => format!("“{shown}” không phải một ngày dạng NNNN-TT-NN"),
        _ => format!("kiểu “{shown}” không có (INT, MONEY, TEXT, DATE, ENUM hoặc DEC(0)–DEC(6))"),
    }
}

fn shown(v: &Json) -> String {
    match v {
        Json::String(s) => format!("“{}”", s.chars().take(60).collect::<String>()),
        other => other.to_string().chars().take(60).collect(),
    }
}

impl<'s> Checker<'s> {
    fn resolve(&self, schema: &'s Json) -> &'s Json {
        match schema.get("$ref").and_then(Json::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
            Some(name) => self.root.get("$defs").and_then(|d| d.get(name)).map_or(schema, |s| self.resolve(s)),
            None => schema,
        }
    }

    fn check(&self, schema: &'s Json, v: &Json, path: &str) -> Result<(), ShapeError> {
        let schema = self.resolve(schema);
        let err = |message: String| Err(ShapeError { place: path.to_string(), message });
        if let Some(c) = schema.get("const") {
            if v != c {
                return err(format!("phải là {c}, tệp ghi {}", shown(v)));
            }
        }
        if let Some(options) = schema.get("enum").and_then(Json::as_array) {
            if !options.contains(v) {
                let list: Vec<String> = options.iter().map(|o| o.as_str().unwrap_or_default().to_string()).collect();
                return err(format!("{} không phải một trong: {}", shown(v), list.join(", ")));
            }
        }
        if let Some(branches) = schema.get("oneOf").and_then(Json::as_array) {
            // The schema's branches have different types, so at most one can
            // match; the branch of the value's own type explains best what is wrong.
            for b in branches {
                match self.check(b, v, path) {
                    Ok(()) => return Ok(()),
                    Err(e) if self.resolve(b).get("type").and_then(Json::as_str).is_some_and(|t| has_type(v, t)) => {
                        return Err(e)
                    }
                    Err(_) => {}
                }
            }
            let types: Vec<&str> = branches
                .iter()
                .filter_map(|b| self.resolve(b).get("type").and_then(Json::as_str))
                .map(type_word)
                .collect();
            return err(format!("cần {}, tệp ghi {}", types.join(" hoặc "), what(v)));
        }
        if let Some(t) = schema.get("type").and_then(Json::as_str) {
            if !has_type(v, t) {
                return err(format!("cần {}, tệp ghi {}", type_word(t), what(v)));
            }
        }
        match v {
            Json::String(s) => {
                let n = chars(s);
                if let Some(min) = schema.get("minLength").and_then(Json::as_u64) {
                    if (n as u64) < min {
                        return err(if n == 0 {
                            "không được để trống".into()
                        } else {
                            format!("ngắn {n} ký tự, cần ít nhất {min}")
                        });
                    }
                }
                if let Some(max) = schema.get("maxLength").and_then(Json::as_u64) {
                    if n as u64 > max {
                        return err(format!("dài {n} ký tự, tối đa {max}"));
                    }
                }
                if let Some(p) = schema.get("pattern").and_then(Json::as_str) {
                    if matches_pattern(p, s) == Some(false) {
                        return err(pattern_message(p, s));
                    }
                }
            }
            Json::Number(_) => {
                let n = v.as_i64();
                let min = schema.get("minimum").and_then(Json::as_i64);
                let max = schema.get("maximum").and_then(Json::as_i64);
                let below = min.is_some_and(|m| n.is_none_or(|n| n < m));
                let above = max.is_some_and(|m| n.is_none_or(|n| n > m));
                if below || above {
                    let range = format!(
                        "{}–{}",
                        min.map_or("…".into(), |m| m.to_string()),
                        max.map_or("…".into(), |m| m.to_string())
                    );
                    return err(format!("{} nằm ngoài khoảng {range}", shown(v)));
                }
            }
            Json::Array(items) => {
                if let Some(min) = schema.get("minItems").and_then(Json::as_u64) {
                    if (items.len() as u64) < min {
                        return err(format!("cần ít nhất {min} phần tử, tệp có {}", items.len()));
                    }
                }
                if let Some(max) = schema.get("maxItems").and_then(Json::as_u64) {
                    if items.len() as u64 > max {
                        return err(format!("có {} phần tử, tối đa {max}", items.len()));
                    }
                }
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.check(item_schema, item, &format!("{path}[{i}]"))?;
                    }
                }
            }
            Json::Object(members) => {
                let props = schema.get("properties").and_then(Json::as_object);
                for name in
                    schema.get("required").and_then(Json::as_array).into_iter().flatten().filter_map(Json::as_str)
                {
                    if !members.contains_key(name) {
                        return err(format!("thiếu trường “{name}”"));
                    }
                }
                for (name, member) in members {
                    match props.and_then(|p| p.get(name)) {
                        Some(s) => self.check(s, member, &child(path, name))?,
                        None if schema.get("additionalProperties") == Some(&Json::Bool(false)) => {
                            let name: String = name.chars().take(60).collect();
                            return err(format!("trường “{name}” không có trong định dạng đề cương"));
                        }
                        None => {}
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}
