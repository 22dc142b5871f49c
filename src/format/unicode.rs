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

/// Characters that show nothing but make two texts differ: zero-width
/// spaces and joiners, the byte order mark, the soft hyphen, bidirectional
/// controls, variation selectors.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// A key under which two spellings of one name compare equal: NFC or NFD,
/// invisible characters, runs of spaces, letter case, and the old and new
/// placement of the tone mark ("hoà"/"hòa", "thuỷ"/"thủy", "khoẻ"/"khỏe")
/// make no difference. For comparing only; never shown.
pub fn identity_key(s: &str) -> String {
    // The five tone marks once decomposed; other marks (circumflex, breve,
    // horn) belong to their letter and stay where they are.
    const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];
    let visible: String = s.chars().filter(|c| !is_invisible(*c)).collect();
    let words = lowercase(&visible).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(words.len() + 4);
    let mut tones = String::new();
    // Each tone mark moves to the end of its syllable (run of letters).
    for c in nfd(&words).chars() {
        if TONES.contains(&c) {
            tones.push(c);
        } else if c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c) {
            out.push(c);
        } else {
            out.push_str(&tones);
            tones.clear();
            out.push(c);
        }
    }
    out.push_str(&tones);
    out
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
    fn identity_key_ignores_tone_placement_invisible_characters_case_and_form() {
        for (a, b) in [
            ("Phường Hoà Thuận", "PHƯỜNG HÒA THUẬN"),
            ("Xã Thuỷ An", "xã thủy an"),
            ("uỷ ban", "ủy ban"),
            ("Khoẻ", "khỏe"),
            ("P\u{200B}1", "P1"),
            ("\u{FEFF}P1\u{200D}", " p1 "),
            ("Phường  1", "Phường 1"),
        ] {
            assert_eq!(identity_key(a), identity_key(b), "{a:?} vs {b:?}");
            assert_eq!(identity_key(&nfd(a)), identity_key(b), "NFD {a:?}");
        }
        for (a, b) in [("Hòa", "Hóa"), ("P1", "P2"), ("Thủy", "Thụy"), ("Ân", "Ấn"), ("ua", "ưa")] {
            assert_ne!(identity_key(a), identity_key(b), "{a:?} vs {b:?}");
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
