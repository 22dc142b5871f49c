//! Vietnamese presentation of report data (docs/domain.md §4.4–4.9): numbers, rates,
//! money, date lines, Roman numerals, and parsing of what a user types.
//! Imports nothing from the rest of the crate (period names are
//! `model::PeriodType::name`, heading numbers `engine::heading_number`). Pure functions; no web types.
//!
//! CONTRACT: the signatures re-exported below are shared with the engine. Do
//! not change a signature without updating every caller.
//!
//! Conventions: "." groups thousands, "," is the decimal comma, "%" follows
//! the number with no space. Every rounding is half-up on the magnitude with
//! the sign kept (half away from zero), in integer arithmetic only. Output
//! text is NFC.

mod date;
mod items;
mod money;
mod names;
mod number;
mod parse;
mod period;
mod unicode;

use num_rational::Ratio;

pub use date::{
    compact_date, date_line, date_time, full_date, hour_minute, local_date_time, short_date, MOMENT_YEARS, UNKNOWN_TIME,
};
pub use items::{item_number, move_item, task_items};
pub use money::{money, money_exact, money_not_above, money_rounds_down};
pub use names::{level_word, sentence_name};
pub use number::{count, decimal, delta_text, int, percent, percent_of, rate_delta_text};
pub use parse::{parse_decimal, parse_int, ParseError, MAX_INPUT};
pub use period::roman;
pub use unicode::{
    identity_key, is_invisible, lower_first, lowercase, lowercase_char, nfc, nfd, old_tone_placement, upper_first,
    uppercase, uppercase_char,
};

/// Exact rational used for every rate (docs/domain.md §2.5).
pub type Rational = Ratio<i128>;

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn spec_5_1_appendix_figures_print_as_in_the_worked_example() {
        assert_eq!(percent_of(11, 13).unwrap(), "84,62%");
        assert_eq!(percent_of(2, 13).unwrap(), "15,38%");
        assert_eq!(percent_of(12, 16).unwrap(), "75%");
        let (cur, prev) = (Rational::new(11, 13), Rational::new(12, 16));
        assert_eq!(rate_delta_text(cur, prev), "tăng 9,62 điểm %");
        let t1 = [(4, 3), (7, 9), (6, 9), (5, 6), (1, 3)].map(|(c, p)| delta_text(c, p, true));
        assert_eq!(t1, ["tăng 01", "giảm 02", "giảm 03", "giảm 01", "giảm 02"]);
        let t2 = [(52, 60), (49, 58), (26, 24), (30, 24)].map(|(c, p)| delta_text(c, p, true));
        assert_eq!(t2, ["giảm 08", "giảm 09", "tăng 02", "tăng 06"]);
    }

    #[test]
    fn spec_5_2_rates_and_money_print_as_in_the_checks() {
        assert_eq!(percent_of(1150, 1180).unwrap(), "97,46%");
        assert_eq!(percent_of(40, 1180).unwrap(), "3,39%");
        assert_eq!(percent_of(97, 8420).unwrap(), "1,15%");
        assert_eq!(percent_of(164, 8420).unwrap(), "1,95%");
        assert_eq!(percent_of(1_250_000_000, 1_000_000_000).unwrap(), "125%");
        assert_eq!(money(1_250_000_000), "1,25 tỷ đồng");
        assert_eq!(money(187_500_000), "187,5 triệu đồng");
        assert_eq!(money(1_044_000_000), "1,044 tỷ đồng");
        assert_eq!(money(950_000), "950.000 đồng");
    }

    #[test]
    fn all_vietnamese_output_is_nfc() {
        let mut out = vec![
            rate_delta_text(Rational::new(1, 3), Rational::new(1, 2)),
            rate_delta_text(Rational::new(1, 2), Rational::new(1, 2)),
            delta_text(1, 2, true),
            money(950_000),
            money(187_500_000),
            money(1_044_000_000),
            date_line("Sa \u{110}e\u{301}c", None, None, 2022),
        ];
        for e in [
            ParseError::NotANumber("a\u{306}".into()),
            ParseError::NotAnInteger("1,5".into()),
            ParseError::Negative("-1".into()),
            ParseError::BadGrouping("1.2".into()),
            ParseError::TooManyDecimals("1,55".into(), 1),
            ParseError::TooLarge("1".into()),
        ] {
            out.push(e.message());
        }
        for s in out {
            assert!(is_nfc(&s), "not NFC: {s:?}");
        }
    }
}
