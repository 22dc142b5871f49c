//! Browser tests of Unicode normalisation, run by
//! `cargo test --target wasm32-unknown-unknown` in headless Chromium. On
//! wasm32 the app normalises through `String.prototype.normalize`
//! (src/format/unicode.rs); native tests use the `unicode-normalization`
//! crate, so here the browser's answers are checked against the crate's.
#![cfg(target_arch = "wasm32")]

use bao_cao_dan_van::exchange::ascii_slug;
use bao_cao_dan_van::format::{nfc, nfd};
use unicode_normalization::UnicodeNormalization;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every Vietnamese vowel with every tone, both cases, plus đ/Đ.
fn vietnamese_letters() -> String {
    let vowels = "aăâeêioôơuưy";
    let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
    let mut nfd_text = String::new();
    for v in vowels.chars().chain(vowels.to_uppercase().chars()) {
        for t in tones {
            nfd_text.push(v);
            nfd_text.push_str(t);
            nfd_text.push(' ');
        }
    }
    nfd_text.push_str("đ Đ");
    nfd_text
}

fn samples() -> Vec<String> {
    let letters = vietnamese_letters();
    vec![
        letters.clone(),
        letters.nfc().collect(),
        letters.nfd().collect(),
        "Sa \u{110}e\u{301}c".into(),
        "Phường 1".into(),
        "Phu\u{31b}\u{300}o\u{31b}ng 1".into(),
        "Hòa giải THÀNH đạt 85,62%".into(),
        "BÁO CÁO CÔNG TÁC DÂN VẬN QUÝ III NĂM 2025".into(),
        // Marks in a non-canonical order and a mark with no base letter.
        "a\u{323}\u{302} \u{301}x".into(),
        "plain ASCII 12.717".into(),
        String::new(),
    ]
}

#[wasm_bindgen_test]
fn browser_nfc_matches_the_crate() {
    for s in samples() {
        let expected: String = s.nfc().collect();
        assert_eq!(nfc(&s), expected, "NFC of {s:?}");
    }
    assert_eq!(nfc("Sa \u{110}e\u{301}c"), "Sa Đéc");
    assert_eq!(nfc("quy\u{301}"), "quý");
}

#[wasm_bindgen_test]
fn browser_nfd_matches_the_crate() {
    for s in samples() {
        let expected: String = s.nfd().collect();
        assert_eq!(nfd(&s), expected, "NFD of {s:?}");
    }
    assert_eq!(nfd("ệ"), "e\u{323}\u{302}");
}

#[wasm_bindgen_test]
fn ascii_slug_strips_vietnamese_diacritics_in_the_browser() {
    assert_eq!(ascii_slug("Phường 1"), "Phuong1");
    assert_eq!(ascii_slug("Sa \u{110}e\u{301}c"), "SaDec");
    assert_eq!(ascii_slug("Xã Đông Hòa-2"), "XaDongHoa-2");
    let letters: String = vietnamese_letters().nfc().collect();
    assert_eq!(
        ascii_slug(&letters),
        "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy\
         AAAAAAAAAAAAAAAAAAEEEEEEEEEEEEIIIIIIOOOOOOOOOOOOOOOOOOUUUUUUUUUUUUYYYYYYdD"
    );
}

#[wasm_bindgen_test]
fn browser_lowercase_matches_core_for_every_letter() {
    use bao_cao_dan_van::format::{lowercase, lowercase_char};
    let mut differ = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        if c.is_ascii() {
            continue;
        }
        let expected: String = c.to_lowercase().collect();
        if lowercase_char(c) != expected {
            differ.push(c);
        }
    }
    assert!(differ.is_empty(), "{} letters differ: {:?}", differ.len(), &differ[..differ.len().min(20)]);
    // Whole strings: context rules (final sigma) and Vietnamese text.
    for s in
        ["PHƯỜNG 1", "THỊ TRẤN MỸ AN", "ĐẢNG BỘ THÀNH PHỐ SA ĐÉC", "Hòa Giải THÀNH", "ΟΔΟΣ ΣΑ Σ", "İSTANBUL", "ẞ Ǆ ǅ"]
    {
        assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
    }
    let letters: String = vietnamese_letters().nfc().collect();
    assert_eq!(lowercase(&letters), letters.to_lowercase());
}

#[wasm_bindgen_test]
fn browser_uppercase_matches_core_for_every_letter() {
    use bao_cao_dan_van::format::{upper_first, uppercase, uppercase_char};
    let mut differ = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        if c.is_ascii() {
            continue;
        }
        let expected: String = c.to_uppercase().collect();
        if uppercase_char(c) != expected {
            differ.push(c);
        }
    }
    assert!(differ.is_empty(), "{} letters differ: {:?}", differ.len(), &differ[..differ.len().min(20)]);
    for s in ["phường 1", "thị trấn mỹ an", "Đảng bộ thành phố Sa Đéc", "quý iv năm 2025", "straße ǆ ǅ", "ŉ ΐ"]
    {
        assert_eq!(uppercase(s), s.to_uppercase(), "{s:?}");
    }
    let letters: String = vietnamese_letters().nfc().collect();
    assert_eq!(uppercase(&letters), letters.to_uppercase());
    assert_eq!(upper_first("ủy ban"), "Ủy ban");
}

#[wasm_bindgen_test]
fn unit_identity_ignores_tone_placement_and_invisible_characters_in_the_browser() {
    use bao_cao_dan_van::format::identity_key;
    for (a, b) in [
        ("Phường Hoà Thuận", "PHƯỜNG HÒA THUẬN"),
        ("thuỷ", "thủy"),
        ("uỷ", "ủy"),
        ("khoẻ", "khỏe"),
        ("P\u{200B}1", "p1"),
    ] {
        assert_eq!(identity_key(a), identity_key(b), "{a:?} vs {b:?}");
    }
    assert_ne!(identity_key("Hòa"), identity_key("Hóa"));
}
