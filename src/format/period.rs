//! Period names, trích yếu (docs/domain.md §1.4) and heading numbers (§4.6).

use crate::model::{Kind, PeriodType};

/// Roman numeral, 1 → "I" … 39 → "XXXIX". 0 → "" (there is no Roman zero);
/// 4000 and above repeat "M" ("MMMM").
pub fn roman(n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while rest >= value {
            out.push_str(symbol);
            rest -= value;
        }
    }
    out
}

/// Period in titles: "quý III năm 2025", "6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "năm 2025".
pub fn period_name(period: PeriodType, year: i32) -> String {
    match period {
        PeriodType::Q1 => format!("quý I năm {year}"),
        PeriodType::Q2 => format!("quý II năm {year}"),
        PeriodType::Q3 => format!("quý III năm {year}"),
        PeriodType::Q4 => format!("quý IV năm {year}"),
        PeriodType::H1 => format!("6 tháng đầu năm {year}"),
        PeriodType::M9 => format!("9 tháng đầu năm {year}"),
        PeriodType::Y => format!("năm {year}"),
    }
}

/// The following period, for "phương hướng, nhiệm vụ …": Q3 → "quý IV năm 2025",
/// Q4 → "năm 2026" (DESIGN: the annual plan, like Y), H1 → "6 tháng cuối năm 2025",
/// M9 → "3 tháng cuối năm 2025", Y → "năm 2026". Q1 → "quý II", Q2 → "quý III"
/// of the same year.
pub fn next_period_phrase(period: PeriodType, year: i32) -> String {
    match period {
        PeriodType::Q1 => period_name(PeriodType::Q2, year),
        PeriodType::Q2 => period_name(PeriodType::Q3, year),
        PeriodType::Q3 => period_name(PeriodType::Q4, year),
        PeriodType::H1 => format!("6 tháng cuối năm {year}"),
        PeriodType::M9 => format!("3 tháng cuối năm {year}"),
        PeriodType::Q4 | PeriodType::Y => format!("năm {}", year + 1),
    }
}

/// Trích yếu (docs/domain.md §1.4, §4.2–4.3), lower-case start for DANG, capitalised for CQ:
/// DANG: "tình hình công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025"
/// CQ:   "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 và phương hướng, nhiệm vụ 6 tháng cuối năm 2025"
pub fn trich_yeu(kind: Kind, period: PeriodType, year: i32) -> String {
    let opening = match kind {
        Kind::Dang => "tình hình công tác dân vận",
        Kind::Cq => "Kết quả thực hiện công tác dân vận",
    };
    format!(
        "{opening} {} và phương hướng, nhiệm vụ {}",
        period_name(period, year),
        next_period_phrase(period, year)
    )
}

/// Heading number for a node at `level` (1, 2, 3) and 1-based `index` among its
/// printed siblings: CQ "I." "1." "a)"; DANG "I-" "1." "a)".
///
/// Level 3 letters follow the Vietnamese enumeration used in NĐ 30 and legal
/// texts: a b c d đ e g h i k l m n o p q r s t u v x y (no f j w z; "đ"
/// comes after "d"). Past the 23rd item they double up: "aa)", "ab)", …
/// Level 4 and deeper are bullets ("-"); level 0 and index 0 give "".
pub fn heading_number(kind: Kind, level: u8, index: usize) -> String {
    if index == 0 {
        return String::new();
    }
    match (level, kind) {
        (0, _) => String::new(),
        (1, Kind::Cq) => format!("{}.", roman(index)),
        (1, Kind::Dang) => format!("{}-", roman(index)),
        (2, _) => format!("{index}."),
        (3, _) => format!("{})", letters(index)),
        _ => "-".to_string(),
    }
}

const LETTERS: [char; 23] = [
    'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
    'u', 'v', 'x', 'y',
];

/// Bijective base-23 over [`LETTERS`]: 1 → "a", 23 → "y", 24 → "aa".
fn letters(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_cover_heading_range() {
        let expected = [
            (1, "I"),
            (2, "II"),
            (3, "III"),
            (4, "IV"),
            (5, "V"),
            (6, "VI"),
            (9, "IX"),
            (10, "X"),
            (14, "XIV"),
            (19, "XIX"),
            (39, "XXXIX"),
            (40, "XL"),
            (90, "XC"),
            (400, "CD"),
            (1994, "MCMXCIV"),
            (3999, "MMMCMXCIX"),
            (4000, "MMMM"),
        ];
        for (n, s) in expected {
            assert_eq!(roman(n), s, "roman({n})");
        }
        assert_eq!(roman(0), "");
    }

    #[test]
    fn period_name_for_every_period_type() {
        let expected = [
            (PeriodType::Q1, "quý I năm 2025"),
            (PeriodType::Q2, "quý II năm 2025"),
            (PeriodType::Q3, "quý III năm 2025"),
            (PeriodType::Q4, "quý IV năm 2025"),
            (PeriodType::H1, "6 tháng đầu năm 2025"),
            (PeriodType::M9, "9 tháng đầu năm 2025"),
            (PeriodType::Y, "năm 2025"),
        ];
        assert_eq!(expected.len(), PeriodType::ALL.len());
        for (p, s) in expected {
            assert_eq!(period_name(p, 2025), s);
        }
    }

    #[test]
    fn next_period_for_every_period_type() {
        let expected = [
            (PeriodType::Q1, "quý II năm 2025"),
            (PeriodType::Q2, "quý III năm 2025"),
            (PeriodType::Q3, "quý IV năm 2025"),
            (PeriodType::Q4, "năm 2026"),
            (PeriodType::H1, "6 tháng cuối năm 2025"),
            (PeriodType::M9, "3 tháng cuối năm 2025"),
            (PeriodType::Y, "năm 2026"),
        ];
        assert_eq!(expected.len(), PeriodType::ALL.len());
        for (p, s) in expected {
            assert_eq!(next_period_phrase(p, 2025), s);
        }
    }

    #[test]
    fn trich_yeu_for_every_period_and_both_kinds() {
        for p in PeriodType::ALL {
            let tail = format!(
                "{} và phương hướng, nhiệm vụ {}",
                period_name(p, 2025),
                next_period_phrase(p, 2025)
            );
            assert_eq!(
                trich_yeu(Kind::Dang, p, 2025),
                format!("tình hình công tác dân vận {tail}")
            );
            assert_eq!(
                trich_yeu(Kind::Cq, p, 2025),
                format!("Kết quả thực hiện công tác dân vận {tail}")
            );
        }
        assert_eq!(
            trich_yeu(Kind::Dang, PeriodType::Q3, 2025),
            "tình hình công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025"
        );
        assert_eq!(
            trich_yeu(Kind::Cq, PeriodType::H1, 2025),
            "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 và phương hướng, nhiệm vụ 6 tháng cuối năm 2025"
        );
        assert_eq!(
            trich_yeu(Kind::Cq, PeriodType::Y, 2023),
            "Kết quả thực hiện công tác dân vận năm 2023 và phương hướng, nhiệm vụ năm 2024"
        );
    }

    #[test]
    fn heading_level_one_is_roman_with_kind_punctuation() {
        assert_eq!(heading_number(Kind::Cq, 1, 1), "I.");
        assert_eq!(heading_number(Kind::Cq, 1, 4), "IV.");
        assert_eq!(heading_number(Kind::Dang, 1, 1), "I-");
        assert_eq!(heading_number(Kind::Dang, 1, 5), "V-");
    }

    #[test]
    fn heading_level_two_is_arabic_with_dot_for_both_kinds() {
        assert_eq!(heading_number(Kind::Cq, 2, 1), "1.");
        assert_eq!(heading_number(Kind::Dang, 2, 12), "12.");
    }

    #[test]
    fn heading_level_three_uses_vietnamese_letter_order() {
        let got: Vec<String> = (1..=7).map(|i| heading_number(Kind::Cq, 3, i)).collect();
        assert_eq!(got, ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]);
        assert_eq!(heading_number(Kind::Dang, 3, 1), "a)");
        assert_eq!(heading_number(Kind::Cq, 3, 23), "y)");
        assert_eq!(heading_number(Kind::Cq, 3, 24), "aa)");
        assert_eq!(heading_number(Kind::Cq, 3, 25), "ab)");
        assert_eq!(heading_number(Kind::Cq, 3, 23 * 24), "yy)");
        assert_eq!(heading_number(Kind::Cq, 3, 23 * 24 + 1), "aaa)");
    }

    #[test]
    fn heading_outside_three_levels_or_index_zero() {
        assert_eq!(heading_number(Kind::Cq, 4, 1), "-");
        assert_eq!(heading_number(Kind::Dang, 9, 3), "-");
        assert_eq!(heading_number(Kind::Cq, 0, 1), "");
        assert_eq!(heading_number(Kind::Cq, 2, 0), "");
    }
}
