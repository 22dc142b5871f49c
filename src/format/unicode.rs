//! Unicode normalisation and case mapping in one place, so callers do not
//! care where it runs.
//!
//! On wasm32 the browser already carries ICU's Unicode data, so we ask it
//! (`String.prototype.normalize`, `toLowerCase`, `toUpperCase`) instead of
//! shipping the `unicode-normalization` tables (about 90 kB) and core's
//! lower- and upper-case tables (about 12 kB each) in the download. Native builds (tests, benchmarks, tools)
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

/// Same as `s.to_uppercase()` (full Unicode mapping: "ß" → "SS").
pub fn uppercase(s: &str) -> String {
    imp::uppercase(s)
}

/// Same as `c.to_uppercase()`, as a string (one letter may upper-case to
/// several).
pub fn uppercase_char(c: char) -> String {
    uppercase(c.encode_utf8(&mut [0; 4]))
}

/// Upper-case the first letter ("số thành viên" → "Số thành viên").
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => uppercase_char(first) + chars.as_str(),
        None => String::new(),
    }
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

// The five tones of a vowel, in one order: grave, acute, hook, tilde, dot.
const TONED_A: [char; 5] = ['à', 'á', 'ả', 'ã', 'ạ'];
const TONED_E: [char; 5] = ['è', 'é', 'ẻ', 'ẽ', 'ẹ'];
const TONED_Y: [char; 5] = ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];
const TONED_O: [char; 5] = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
const TONED_U: [char; 5] = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];

/// Lower-case NFC Vietnamese text with the tone of an open "oa", "oe" or
/// "uy" syllable on its first vowel, the older placement ("hoà" → "hòa",
/// "khoẻ" → "khỏe", "thuỷ" → "thủy"; "hoàn", "quý" unchanged), so that both
/// placements match as one word. For matching only: what the cadre typed is
/// stored and printed as typed.
pub fn old_tone_placement(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        match chars.get(i + 1).and_then(|&next| tone_moved_forward(&chars, i, next)) {
            Some((first, second)) => {
                out.push(first);
                out.push(second);
                i += 2;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// `chars[i]`, `next` with the tone on the first vowel, when they are an open
/// "oa", "oe" or "uy" syllable toned on the second.
fn tone_moved_forward(chars: &[char], i: usize, next: char) -> Option<(char, char)> {
    let open = !chars.get(i + 2).is_some_and(|c| c.is_alphabetic());
    let after_q = i > 0 && chars[i - 1] == 'q';
    let tone = |toned: &[char; 5]| toned.iter().position(|&t| t == next);
    match chars[i] {
        'o' if open => tone(&TONED_A).map(|t| (TONED_O[t], 'a')).or_else(|| tone(&TONED_E).map(|t| (TONED_O[t], 'e'))),
        'u' if open && !after_q => tone(&TONED_Y).map(|t| (TONED_U[t], 'y')),
        _ => None,
    }
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

    pub fn uppercase(s: &str) -> String {
        s.to_uppercase()
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

    pub fn uppercase(s: &str) -> String {
        if s.is_ascii() {
            return s.to_ascii_uppercase();
        }
        String::from(JsString::from(s).to_upper_case())
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
    fn uppercase_char_is_the_letter_by_letter_mapping() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(uppercase_char(c), c.to_uppercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn upper_first_changes_only_the_first_letter() {
        assert_eq!(upper_first("số thành viên"), "Số thành viên");
        assert_eq!(upper_first("đảng ủy"), "Đảng ủy");
        assert_eq!(upper_first("ßx"), "SSx");
        assert_eq!(upper_first(""), "");
    }

    #[test]
    fn lower_first_changes_only_the_first_letter() {
        assert_eq!(lower_first("Số thành viên"), "số thành viên");
        assert_eq!(lower_first("ĐẢNG ỦY"), "đẢNG ỦY");
        assert_eq!(lower_first("İx"), "i\u{307}x");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn every_old_and_new_tone_placement_of_oa_oe_uy_is_one_word() {
        let (vowels, firsts) = ([TONED_A, TONED_E, TONED_Y], [('o', 'a'), ('o', 'e'), ('u', 'y')]);
        for (toned_second, (first, second)) in vowels.iter().zip(firsts) {
            let toned_first = if first == 'o' { TONED_O } else { TONED_U };
            for tone in 0..5 {
                let new = format!("h{first}{}", toned_second[tone]);
                let old = format!("h{}{second}", toned_first[tone]);
                assert_eq!(old_tone_placement(&new), old, "{new} (new placement) reads as {old}");
                assert_eq!(old_tone_placement(&old), old, "{old} stays");
                assert_eq!(old_tone_placement(&format!("{new} giải")), format!("{old} giải"));
            }
        }
        for (new, old) in [("hoà giải", "hòa giải"), ("thuỷ lợi", "thủy lợi"), ("uỷ ban", "ủy ban"), ("khoẻ", "khỏe")]
        {
            assert_eq!(old_tone_placement(new), old_tone_placement(old), "{new} vs {old}");
        }
        // Closed syllables and "qu" keep their tone where both placements put it.
        for same in ["hoàn thành", "kế hoạch", "quý", "toán", "thuyền", "của", "mùa"] {
            assert_eq!(old_tone_placement(same), same);
        }
    }
}
