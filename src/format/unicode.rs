//! Unicode normalisation and lower-casing in one place, so callers do not
//! care where it runs.
//!
//! On wasm32 the browser already carries ICU's Unicode data, so we ask it
//! (`String.prototype.normalize`, `toLowerCase`) instead of shipping the
//! `unicode-normalization` tables (about 90 kB) and core's lower-case table
//! (about 12 kB) in the download. Native builds (tests, benchmarks, tools)
//! use the crate and core; the browser test `tests/unicode_browser.rs` checks
//! that both give the same results.

/// NFC form of `s` (pasted text from Word is often NFD).
pub fn nfc(s: &str) -> String {
    imp::nfc(s)
}

/// NFD form of `s` (base letters followed by their combining marks).
pub fn nfd(s: &str) -> String {
    imp::nfd(s)
}

/// Same as `s.to_lowercase()` (full Unicode mapping, final sigma included).
pub fn lowercase(s: &str) -> String {
    imp::lowercase(s)
}

/// Same as `c.to_lowercase()`, as a string: one letter may lower-case to
/// several. A lone letter has no context, so the string form equals the
/// letter-by-letter mapping.
pub fn lowercase_char(c: char) -> String {
    lowercase(c.encode_utf8(&mut [0; 4]))
}

/// Lower-case the first letter ("Số thành viên" → "số thành viên").
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => lowercase_char(first) + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

    pub fn nfc(s: &str) -> String {
        // Most text is already NFC; the quick check avoids recomposing it.
        if is_nfc_quick(s.chars()) == IsNormalized::Yes {
            return s.to_string();
        }
        s.nfc().collect()
    }

    pub fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    pub fn lowercase(s: &str) -> String {
        s.to_lowercase()
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::JsString;

    pub fn nfc(s: &str) -> String {
        normalize(s, "NFC")
    }

    pub fn nfd(s: &str) -> String {
        normalize(s, "NFD")
    }

    pub fn lowercase(s: &str) -> String {
        // ASCII lower-cases to ASCII, byte for byte, with no context rules.
        if s.is_ascii() {
            return s.to_ascii_lowercase();
        }
        String::from(JsString::from(s).to_lower_case())
    }

    fn normalize(s: &str, form: &str) -> String {
        // ASCII is unchanged by every normalisation form; skip the round trip
        // through a JS string for the common case.
        if s.is_ascii() {
            return s.to_string();
        }
        String::from(JsString::from(s).normalize(form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_char_is_the_letter_by_letter_mapping() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(lowercase_char(c), c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn lower_first_changes_only_the_first_letter() {
        assert_eq!(lower_first("Số thành viên"), "số thành viên");
        assert_eq!(lower_first("ĐẢNG ỦY"), "đẢNG ỦY");
        assert_eq!(lower_first("İx"), "i\u{307}x");
        assert_eq!(lower_first(""), "");
    }
}
