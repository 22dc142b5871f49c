//! An outline file as received: every check before it becomes a [`Template`].
//! The file is hostile until checked (docs/outline-format.md, "Checks").

use super::Template;
use crate::model::limits::MAX_OUTLINE_BYTES;
use std::fmt;

/// Why an outline file was refused: the file, the place in it and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineFileError {
    /// The file's name as the cadre chose it.
    pub file: String,
    /// Where in the file (`nodes[3].computed[0].formula, ký tự 12`); empty for the whole file.
    pub place: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

impl OutlineFileError {
    fn new(file: &str, place: impl Into<String>, message: impl Into<String>) -> OutlineFileError {
        // A file name is shown in the message; a hostile one must not flood it.
        let file: String = file.chars().take(80).collect();
        OutlineFileError { file, place: place.into(), message: message.into() }
    }
}

impl fmt::Display for OutlineFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "Tệp “{}”: {}", self.file, self.message)
        } else {
            write!(f, "Tệp “{}”: {}: {}", self.file, self.place, self.message)
        }
    }
}

impl std::error::Error for OutlineFileError {}

/// Every string of `v` (members and values) in NFC.
fn to_nfc(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) if !s.is_ascii() => *s = crate::format::nfc(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(to_nfc),
        serde_json::Value::Object(members) => members.values_mut().for_each(to_nfc),
        _ => {}
    }
}

pub(super) fn load(name: &str, bytes: &[u8]) -> Result<Template, OutlineFileError> {
    if bytes.len() > MAX_OUTLINE_BYTES {
        return Err(OutlineFileError::new(
            name,
            "",
            format!(
                "tệp lớn {} kB, quá giới hạn {} kB của một đề cương",
                bytes.len().div_ceil(1024),
                MAX_OUTLINE_BYTES / 1024
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        OutlineFileError::new(name, format!("byte {}", e.valid_up_to() + 1), "tệp không phải văn bản UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut doc: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let what = if e.is_eof() {
            "tệp kết thúc giữa chừng (thiếu dấu đóng “}” hoặc “]”?)"
        } else if e.to_string().contains("recursion limit") {
            "các mục lồng nhau quá sâu"
        } else {
            "không phải JSON hợp lệ"
        };
        OutlineFileError::new(name, format!("dòng {}, cột {}", e.line(), e.column()), what)
    })?;
    // Text typed in Word or on a Mac often arrives decomposed (NFD); the app
    // keeps every text in NFC, so labels match what cadres type, the hash
    // does not depend on the author's keyboard, and lengths are counted alike.
    to_nfc(&mut doc);
    super::shape::check(&doc).map_err(|e| OutlineFileError::new(name, e.place, e.message))?;
    // The shape check admits only what the format's types can hold, so this
    // cannot fail on a checked document; it is still not unwrapped.
    let raw: super::raw::RawTemplate =
        serde_json::from_value(doc).map_err(|_| OutlineFileError::new(name, "", "không đọc được nội dung đề cương"))?;
    let t = super::compile::compile(raw).map_err(|e| OutlineFileError::new(name, e.path, e.message))?;
    // A built-in outline written as a file loads as itself (export, then
    // load, is the same outline); any other outline under a built-in id must
    // be a newer version, or reports would name two different outlines alike.
    if let Some(b) = crate::model::Kind::ALL.iter().map(|k| Template::builtin(*k)).find(|b| b.id == t.id) {
        if t.version < b.version || (t.version == b.version && t.hash() != b.hash()) {
            return Err(OutlineFileError::new(
                name,
                "version",
                format!(
                    "đề cương “{}” phiên bản {} trùng hoặc cũ hơn đề cương có sẵn trong ứng dụng (phiên bản {})",
                    t.id, t.version, b.version
                ),
            ));
        }
    }
    Ok(t)
}

#[cfg(test)]
pub(crate) mod tests;
