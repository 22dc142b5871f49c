//! Roman numerals, for heading numbers (docs/domain.md §4.6, `engine::numbering`) and appendices.

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
}
