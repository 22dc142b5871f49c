//! Names of bodies and units as units write them inside a sentence
//! (issue 14 item 2): derived from the upper-case header line without
//! title-casing every word. Administrative words stay in lower case
//! ("phường Tân Phú"), proper names are capitalised, party committees keep
//! the name they are called by ("THÀNH ỦY CAO LÃNH" → "Thành ủy Cao Lãnh").

use super::{lowercase, lowercase_char, nfc};

/// Names of bodies as written in a sentence, matched on the lower-cased
/// header (old and new tone placement of "ủy" both). Longest first, so
/// "ban thường vụ đảng ủy" is not read as "ban …" + "đảng ủy".
const BODIES: [(&str, &str); 16] = [
    ("ủy ban nhân dân", "Ủy ban nhân dân"),
    ("hội đồng nhân dân", "Hội đồng nhân dân"),
    ("ủy ban mặt trận tổ quốc việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("ban thường vụ", "Ban Thường vụ"),
    ("ban chấp hành", "Ban Chấp hành"),
    ("ban dân vận", "Ban Dân vận"),
    ("đảng ủy", "Đảng ủy"),
    ("đảng bộ", "Đảng bộ"),
    ("chi bộ", "Chi bộ"),
    ("thành ủy", "Thành ủy"),
    ("tỉnh ủy", "Tỉnh ủy"),
    ("huyện ủy", "Huyện ủy"),
    ("quận ủy", "Quận ủy"),
    ("thị ủy", "Thị ủy"),
    ("đặc khu ủy", "Đặc khu ủy"),
    ("ubnd", "UBND"),
];

/// Administrative level words (docs/domain.md §1.2), written in lower case
/// inside a name. Two-word levels first.
const LEVELS: [&str; 9] = ["thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "phường", "xã"];

/// "PHƯỜNG" → "Phường": first letter upper, the rest lower.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out = super::uppercase_char(first);
    for c in chars {
        out.push_str(&lowercase_char(c));
    }
    out
}

/// Old tone placement of "uỷ" read as "ủy", so both spellings match.
fn canonical_words(text: &str) -> Vec<String> {
    lowercase(&nfc(text)).replace("uỷ", "ủy").split_whitespace().map(str::to_string).collect()
}

/// Whether `words[at..]` starts with the words of `phrase`.
fn starts_with_phrase(words: &[String], at: usize, phrase: &str) -> Option<usize> {
    let parts: Vec<&str> = phrase.split(' ').collect();
    let end = at + parts.len();
    (end <= words.len() && words[at..end].iter().zip(&parts).all(|(w, p)| w == p)).then_some(parts.len())
}

/// A header line (or the unit's name) as written inside a sentence:
/// "ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ" → "Ủy ban nhân dân phường Tân Phú",
/// "HUYỆN ỦY LẤP VÒ" → "Huyện ủy Lấp Vò", "PHƯỜNG 1" → "Phường 1" (a level
/// word followed by a number is part of the proper name, NĐ 30 Phụ lục II).
/// Line breaks of a two-line header read as spaces.
pub fn sentence_name(header: &str) -> String {
    let words = canonical_words(header);
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    while at < words.len() {
        if let Some((len, name)) =
            BODIES.iter().find_map(|(phrase, name)| starts_with_phrase(&words, at, phrase).map(|len| (len, name)))
        {
            out.push(name.to_string());
            at += len;
            continue;
        }
        if let Some((len, level)) =
            LEVELS.iter().find_map(|level| starts_with_phrase(&words, at, level).map(|len| (len, level)))
        {
            let numbered = words.get(at + len).and_then(|w| w.chars().next()).is_some_and(|c| c.is_ascii_digit());
            out.push(if numbered { capitalised(level) } else { level.to_string() });
            at += len;
            continue;
        }
        out.push(capitalised(&words[at]));
        at += 1;
    }
    out.join(" ")
}

/// The administrative level a unit's name or header line names, the last
/// one written ("ỦY BAN NHÂN DÂN THÀNH PHỐ CAO LÃNH" → "thành phố",
/// "ĐẢNG ỦY PHƯỜNG 1" → "phường"); None when it names none.
pub fn level_word(name: &str) -> Option<&'static str> {
    let words = canonical_words(name);
    let mut found = None;
    let mut at = 0;
    while at < words.len() {
        match LEVELS.iter().find_map(|level| starts_with_phrase(&words, at, level).map(|len| (len, *level))) {
            Some((len, level)) => {
                found = Some(level);
                at += len;
            }
            None => at += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_become_names_as_units_write_them() {
        let cases = [
            ("ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ", "Ủy ban nhân dân phường Tân Phú"),
            ("ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN PHÚ", "Ủy ban nhân dân phường Tân Phú"),
            ("UỶ BAN NHÂN DÂN XÃ MỸ AN HƯNG A", "Ủy ban nhân dân xã Mỹ An Hưng A"),
            ("ỦY BAN NHÂN DÂN THÀNH PHỐ CAO LÃNH", "Ủy ban nhân dân thành phố Cao Lãnh"),
            ("ỦY BAN NHÂN DÂN THỊ XÃ HỒNG NGỰ", "Ủy ban nhân dân thị xã Hồng Ngự"),
            ("ỦY BAN NHÂN DÂN THỊ TRẤN LẤP VÒ", "Ủy ban nhân dân thị trấn Lấp Vò"),
            ("ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC", "Ủy ban nhân dân đặc khu Phú Quốc"),
            ("ỦY BAN NHÂN DÂN QUẬN BÌNH THẠNH", "Ủy ban nhân dân quận Bình Thạnh"),
            ("ỦY BAN NHÂN DÂN HUYỆN LAI VUNG", "Ủy ban nhân dân huyện Lai Vung"),
            ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Ủy ban nhân dân tỉnh Đồng Tháp"),
            ("ỦY BAN NHÂN DÂN PHƯỜNG 1", "Ủy ban nhân dân Phường 1"),
            ("ĐẢNG ỦY PHƯỜNG 1", "Đảng ủy Phường 1"),
            ("ĐẢNG ỦY XÃ TÂN PHÚ", "Đảng ủy xã Tân Phú"),
            ("THÀNH ỦY CAO LÃNH", "Thành ủy Cao Lãnh"),
            ("HUYỆN ỦY LẤP VÒ", "Huyện ủy Lấp Vò"),
            ("THỊ UỶ HỒNG NGỰ", "Thị ủy Hồng Ngự"),
            ("TỈNH ỦY ĐỒNG THÁP", "Tỉnh ủy Đồng Tháp"),
            ("QUẬN ỦY GÒ VẤP", "Quận ủy Gò Vấp"),
            ("BAN THƯỜNG VỤ HUYỆN ỦY", "Ban Thường vụ Huyện ủy"),
            ("ĐẢNG BỘ THÀNH PHỐ SA ĐÉC", "Đảng bộ thành phố Sa Đéc"),
            ("xã Tân Phú", "xã Tân Phú"),
            ("  PHƯỜNG   AN   HÒA ", "phường An Hòa"),
            ("", ""),
        ];
        for (header, want) in cases {
            assert_eq!(sentence_name(header), want, "{header:?}");
        }
    }

    #[test]
    fn no_party_committee_is_called_dang_uy_thanh_pho() {
        assert_ne!(sentence_name("THÀNH ỦY CAO LÃNH"), "Đảng ủy Thành Phố Cao Lãnh");
        assert!(!sentence_name("ỦY BAN NHÂN DÂN THÀNH PHỐ CAO LÃNH").contains("Thành Phố"));
    }

    #[test]
    fn the_level_word_is_the_last_level_the_name_names() {
        let cases = [
            ("ỦY BAN NHÂN DÂN THÀNH PHỐ CAO LÃNH", Some("thành phố")),
            ("ĐẢNG ỦY PHƯỜNG 1", Some("phường")),
            ("PHƯỜNG 1", Some("phường")),
            ("XÃ TÂN PHÚ", Some("xã")),
            ("THỊ TRẤN MỸ AN", Some("thị trấn")),
            ("ĐẶC KHU CÔN ĐẢO", Some("đặc khu")),
            ("UBND THỊ XÃ HỒNG NGỰ", Some("thị xã")),
            ("HUYỆN ỦY LẤP VÒ", Some("huyện")),
            ("ỦY BAN NHÂN DÂN", None),
        ];
        for (name, want) in cases {
            assert_eq!(level_word(name), want, "{name:?}");
        }
    }
}
