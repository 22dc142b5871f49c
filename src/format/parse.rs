//! Reading what a user types into a number field (docs/domain.md §2.2, §2.6 E01, W06).
//!
//! Accepted shape: optional sign, digits grouped by "." (or spaces, including
//! non-breaking ones) in threes, optional "," and decimal digits.
//! Checks run in this order, the first failure wins: NotANumber, BadGrouping,
//! NotAnInteger / TooManyDecimals, Negative, TooLarge.

use super::nfc;

/// Largest value a field accepts (10^15): beyond any real count or đồng amount,
/// and small enough that DEC values up to scale 3 still fit in i64 units.
pub const MAX_INPUT: i64 = 1_000_000_000_000_000;

/// Why typed text is not a valid number; `message()` is Vietnamese and names the input.
/// Each variant carries the typed text, trimmed and NFC-normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not a number at all ("abc").
    NotANumber(String),
    /// Has a decimal part where an integer is required ("12,7").
    NotAnInteger(String),
    /// Negative where only ≥ 0 is allowed.
    Negative(String),
    /// Thousands groups malformed ("1.23.4").
    BadGrouping(String),
    /// More decimals than the field allows.
    TooManyDecimals(String, u32),
    /// Beyond what the app stores.
    TooLarge(String),
}

impl ParseError {
    /// One Vietnamese sentence naming the typed text (cut to 40 characters
    /// with "…" so a pasted paragraph cannot flood the form).
    pub fn message(&self) -> String {
        match self {
            ParseError::NotANumber(s) => {
                format!("\"{}\" không phải là số: chỉ nhập chữ số, ví dụ 12.717.", shorten(s))
            }
            ParseError::NotAnInteger(s) => {
                format!("\"{}\" không phải số nguyên: số đếm không có phần thập phân.", shorten(s))
            }
            ParseError::Negative(s) => {
                format!("\"{}\" là số âm: chỉ nhập số từ 0 trở lên.", shorten(s))
            }
            ParseError::BadGrouping(s) => {
                format!("\"{}\": dấu chấm dùng để tách hàng nghìn (ví dụ 12.717).", shorten(s))
            }
            ParseError::TooManyDecimals(s, n) => format!(
                "\"{}\" có quá nhiều chữ số thập phân: chỉ được nhập tối đa {n} chữ số sau dấu phẩy.",
                shorten(s)
            ),
            ParseError::TooLarge(s) => {
                format!("\"{}\" quá lớn: số lớn nhất được nhập là {}.", shorten(s), super::int(MAX_INPUT))
            }
        }
    }
}

/// Parse a typed count or đồng amount: "12.717", "12717", " 12 717 " → Some(12717);
/// "" or whitespace → None (blank); "12,7" → NotAnInteger; "-3" → Negative.
///
/// - Ungrouped digits may have leading zeros ("02" → 2, as counts are printed).
/// - With separators, the first group has 1–3 digits and no leading zero and
///   every later group exactly 3 ("1234.567", "0.500", "12.7" → BadGrouping),
///   so an English decimal point is never misread as a thousands separator.
/// - Any comma is rejected (NotAnInteger), even "12,000": in Vietnamese that
///   is twelve, typed by someone used to English grouping, so guessing is unsafe.
/// - Signs "-", "−" (U+2212), "–" (U+2013) and "+" are recognised; "-0" is 0.
/// - Values above [`MAX_INPUT`] → TooLarge.
pub fn parse_int(input: &str) -> Result<Option<i64>, ParseError> {
    let Some(n) = lex(input)? else {
        return Ok(None);
    };
    if n.frac.is_some() {
        return Err(ParseError::NotAnInteger(n.shown));
    }
    finish(n, 0)
}

/// Parse a typed DEC(scale) value: "12,5" → Some(125) for scale 1; "1.234,5" → Some(12345);
/// "12.5" is read as 125 only if it is a valid thousands grouping, otherwise BadGrouping.
///
/// Same rules as [`parse_int`] for the integer part. "12" → 120 and "12," → 120
/// (scale 1); ",5" → 5. Decimal digits beyond `scale` are rejected even when
/// they are zeros ("12,50" at scale 1 → TooManyDecimals), because "12,000"
/// typed for twelve thousand must not silently become 12. At scale 0 any
/// decimal digit gives NotAnInteger. The value (not the units) is capped at
/// [`MAX_INPUT`]; units that overflow i64 (scale > 3) also give TooLarge.
pub fn parse_decimal(input: &str, scale: u32) -> Result<Option<i64>, ParseError> {
    let Some(n) = lex(input)? else {
        return Ok(None);
    };
    let frac_len = n.frac.as_deref().map_or(0, str::len);
    if frac_len > scale as usize {
        return Err(if scale == 0 {
            ParseError::NotAnInteger(n.shown)
        } else {
            ParseError::TooManyDecimals(n.shown, scale)
        });
    }
    finish(n, scale)
}

/// A syntactically valid number, separators removed.
struct Lexed {
    /// The input as shown back in errors: trimmed, NFC.
    shown: String,
    negative: bool,
    /// Integer digits (may be empty for ",5").
    int: String,
    /// Decimal digits after the comma, if there was a comma.
    frac: Option<String>,
}

fn lex(input: &str) -> Result<Option<Lexed>, ParseError> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let shown = nfc(text);
    let (negative, body) = match text.chars().next() {
        Some(c @ ('-' | '−' | '–' | '+')) => (c != '+', text[c.len_utf8()..].trim_start()),
        _ => (false, text),
    };
    let allowed = |c: char| c.is_ascii_digit() || c == '.' || c == ',' || c.is_whitespace();
    if !body.chars().all(allowed) || !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(ParseError::NotANumber(shown));
    }
    let mut parts = body.split(',');
    let int_part = parts.next().unwrap_or("");
    let frac = parts.next().map(str::to_string);
    // A second comma is English-style grouping ("1,234,567").
    if parts.next().is_some() || frac.as_deref().is_some_and(|f| !f.chars().all(|c| c.is_ascii_digit())) {
        return Err(ParseError::BadGrouping(shown));
    }
    let Some(int) = ungroup(int_part) else {
        return Err(ParseError::BadGrouping(shown));
    };
    Ok(Some(Lexed { shown, negative, int, frac }))
}

/// Digits of the integer part with group separators removed, or None when the
/// grouping is malformed. A run of whitespace is one separator; "." is one.
fn ungroup(s: &str) -> Option<String> {
    let mut groups = vec![String::new()];
    let mut in_space = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            groups.last_mut()?.push(c);
            in_space = false;
        } else if c.is_whitespace() {
            if !in_space {
                groups.push(String::new());
            }
            in_space = true;
        } else {
            groups.push(String::new());
            in_space = false;
        }
    }
    if groups.len() > 1 {
        let first = &groups[0];
        let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    Some(groups.concat())
}

/// Units of 10^-scale from lexed digits, with the sign and size checks.
fn finish(n: Lexed, scale: u32) -> Result<Option<i64>, ParseError> {
    let int = n.int.trim_start_matches('0');
    let frac = n.frac.as_deref().unwrap_or("");
    let is_zero = int.is_empty() && frac.chars().all(|c| c == '0');
    if is_zero {
        return Ok(Some(0));
    }
    if n.negative {
        return Err(ParseError::Negative(n.shown));
    }
    let too_large = || ParseError::TooLarge(n.shown.clone());
    // 16 digits already exceed 10^15 unless it is exactly 10^15.
    if int.len() > 16 {
        return Err(too_large());
    }
    let whole: i128 = if int.is_empty() { 0 } else { int.parse().map_err(|_| too_large())? };
    let frac_value: i128 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| too_large())? };
    if whole > MAX_INPUT as i128 || (whole == MAX_INPUT as i128 && frac_value > 0) {
        return Err(too_large());
    }
    // Zero parts skip the power of ten, so absurd scales only fail when they matter.
    let scaled = |v: i128, e: u32| {
        if v == 0 {
            Some(0)
        } else {
            10i128.checked_pow(e)?.checked_mul(v)
        }
    };
    let units = scaled(whole, scale)
        .zip(scaled(frac_value, scale - frac.len() as u32))
        .and_then(|(w, f)| w.checked_add(f))
        .and_then(|u| i64::try_from(u).ok())
        .ok_or_else(too_large)?;
    Ok(Some(units))
}

/// The typed text for a message: NFC (even if the error was built by hand)
/// and cut to 40 characters.
fn shorten(s: &str) -> String {
    const MAX_CHARS: usize = 40;
    let s = nfc(s);
    if s.chars().count() <= MAX_CHARS {
        s
    } else {
        format!("{}…", s.chars().take(MAX_CHARS).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn err(s: &str) -> ParseError {
        parse_int(s).unwrap_err()
    }

    #[test]
    fn blank_input_is_none_not_zero() {
        assert_eq!(parse_int(""), Ok(None));
        assert_eq!(parse_int("   "), Ok(None));
        assert_eq!(parse_int("\u{a0}\t\n"), Ok(None));
        assert_eq!(parse_decimal(" ", 1), Ok(None));
    }

    #[test]
    fn integer_input_accepts_dots_spaces_and_plain_digits() {
        assert_eq!(parse_int("12.717"), Ok(Some(12717)));
        assert_eq!(parse_int("12717"), Ok(Some(12717)));
        assert_eq!(parse_int(" 12 717 "), Ok(Some(12717)));
        assert_eq!(parse_int("12\u{a0}717"), Ok(Some(12717)));
        assert_eq!(parse_int("12\u{202f}717"), Ok(Some(12717)));
        assert_eq!(parse_int("1.234.567"), Ok(Some(1_234_567)));
        assert_eq!(parse_int("1 234 567"), Ok(Some(1_234_567)));
        assert_eq!(parse_int("0"), Ok(Some(0)));
        assert_eq!(parse_int("02"), Ok(Some(2)));
        assert_eq!(parse_int("+5"), Ok(Some(5)));
        assert_eq!(parse_int("-0"), Ok(Some(0)));
    }

    #[test]
    fn integer_input_with_decimal_comma_is_rejected() {
        assert_eq!(err("12,7"), ParseError::NotAnInteger("12,7".into()));
        assert_eq!(err("12,000"), ParseError::NotAnInteger("12,000".into()));
        assert_eq!(err("1.234,5"), ParseError::NotAnInteger("1.234,5".into()));
        assert_eq!(err("12,"), ParseError::NotAnInteger("12,".into()));
    }

    #[test]
    fn groups_after_the_first_must_have_three_digits() {
        for s in ["1.23.4", "12.7", "1.2345", "1234.567", "0.500", ".5", "1.", "1..234", "1 23", "1,234,567", "1,2.3"] {
            assert_eq!(err(s), ParseError::BadGrouping(s.into()), "{s}");
        }
    }

    #[test]
    fn negative_input_is_rejected() {
        assert_eq!(err("-3"), ParseError::Negative("-3".into()));
        assert_eq!(err("−3"), ParseError::Negative("−3".into()));
        assert_eq!(err("– 1.000"), ParseError::Negative("– 1.000".into()));
        assert_eq!(parse_decimal("-0,5", 1), Err(ParseError::Negative("-0,5".into())));
    }

    #[test]
    fn non_numeric_input_is_rejected() {
        for s in ["abc", "12abc", "1e5", "--3", "-", ",", "12%", "１２", "0x10"] {
            assert_eq!(err(s), ParseError::NotANumber(s.into()), "{s}");
        }
    }

    #[test]
    fn values_above_ten_to_the_fifteenth_are_too_large() {
        assert_eq!(parse_int("1.000.000.000.000.000"), Ok(Some(MAX_INPUT)));
        assert_eq!(err("1.000.000.000.000.001"), ParseError::TooLarge("1.000.000.000.000.001".into()));
        let huge = "9".repeat(40);
        assert_eq!(err(&huge), ParseError::TooLarge(huge.clone()));
        assert_eq!(parse_int(&format!("{}1", "0".repeat(40))), Ok(Some(1)));
    }

    #[test]
    fn error_keeps_trimmed_nfc_text() {
        // "ắ" typed decomposed: a + combining breve + combining acute.
        assert_eq!(err(" 1a\u{306}\u{301} "), ParseError::NotANumber("1ắ".into()));
    }

    #[test]
    fn decimal_input_scales_to_units() {
        assert_eq!(parse_decimal("12,5", 1), Ok(Some(125)));
        assert_eq!(parse_decimal("12", 1), Ok(Some(120)));
        assert_eq!(parse_decimal("12,", 1), Ok(Some(120)));
        assert_eq!(parse_decimal(",5", 1), Ok(Some(5)));
        assert_eq!(parse_decimal("1.234,5", 1), Ok(Some(12345)));
        assert_eq!(parse_decimal("12.345,67", 2), Ok(Some(1_234_567)));
        assert_eq!(parse_decimal("0,05", 2), Ok(Some(5)));
        assert_eq!(parse_decimal("12,5", 3), Ok(Some(12500)));
        assert_eq!(parse_decimal("12.500", 1), Ok(Some(125_000)));
        assert_eq!(parse_decimal("12", 0), Ok(Some(12)));
        assert_eq!(parse_decimal("0", 30), Ok(Some(0)));
        assert_eq!(parse_decimal(&format!("0,{}5", "0".repeat(43)), 50), Ok(Some(5_000_000)));
    }

    #[test]
    fn decimal_input_with_dot_as_decimal_point_is_bad_grouping() {
        assert_eq!(parse_decimal("12.5", 1), Err(ParseError::BadGrouping("12.5".into())));
        assert_eq!(parse_decimal("12,5.0", 2), Err(ParseError::BadGrouping("12,5.0".into())));
    }

    #[test]
    fn decimal_input_with_more_digits_than_scale_is_rejected() {
        assert_eq!(parse_decimal("12,55", 1), Err(ParseError::TooManyDecimals("12,55".into(), 1)));
        assert_eq!(parse_decimal("12,50", 1), Err(ParseError::TooManyDecimals("12,50".into(), 1)));
        assert_eq!(parse_decimal("12,5", 0), Err(ParseError::NotAnInteger("12,5".into())));
    }

    #[test]
    fn decimal_input_too_large_for_value_or_units() {
        assert_eq!(parse_decimal("1.000.000.000.000.000", 3), Ok(Some(MAX_INPUT * 1000)));
        assert_eq!(
            parse_decimal("1.000.000.000.000.000,1", 1),
            Err(ParseError::TooLarge("1.000.000.000.000.000,1".into()))
        );
        // 10^15 at scale 4 is 10^19 units: beyond i64.
        assert_eq!(
            parse_decimal("1.000.000.000.000.000", 4),
            Err(ParseError::TooLarge("1.000.000.000.000.000".into()))
        );
        assert_eq!(parse_decimal("1", 40), Err(ParseError::TooLarge("1".into())));
    }

    #[test]
    fn every_error_message_is_vietnamese_and_names_the_input() {
        let cases = [
            (ParseError::NotANumber("abc".into()), "\"abc\" không phải là số: chỉ nhập chữ số, ví dụ 12.717."),
            (ParseError::NotAnInteger("12,7".into()), "\"12,7\" không phải số nguyên: số đếm không có phần thập phân."),
            (ParseError::Negative("-3".into()), "\"-3\" là số âm: chỉ nhập số từ 0 trở lên."),
            (ParseError::BadGrouping("1.23.4".into()), "\"1.23.4\": dấu chấm dùng để tách hàng nghìn (ví dụ 12.717)."),
            (
                ParseError::TooManyDecimals("12,55".into(), 1),
                "\"12,55\" có quá nhiều chữ số thập phân: chỉ được nhập tối đa 1 chữ số sau dấu phẩy.",
            ),
            (
                ParseError::TooLarge("9999999999999999".into()),
                "\"9999999999999999\" quá lớn: số lớn nhất được nhập là 1.000.000.000.000.000.",
            ),
        ];
        for (e, msg) in cases {
            assert_eq!(e.message(), msg);
        }
    }

    #[test]
    fn long_input_is_shortened_in_message() {
        let long = "x".repeat(100);
        let msg = ParseError::NotANumber(long).message();
        assert!(msg.starts_with(&format!("\"{}…\"", "x".repeat(40))));
    }

    #[test]
    fn nfc_composes_decomposed_text() {
        assert_eq!(nfc("Sa \u{110}e\u{301}c"), "Sa Đéc");
        assert_eq!(nfc("quy\u{301}"), "quý");
        assert_eq!(nfc(""), "");
    }

    proptest! {
        #[test]
        fn formatted_int_parses_back(n in 0..=MAX_INPUT) {
            prop_assert_eq!(parse_int(&super::super::int(n)), Ok(Some(n)));
            prop_assert_eq!(parse_int(&n.to_string()), Ok(Some(n)));
        }

        #[test]
        fn values_beyond_max_input_are_too_large(n in (MAX_INPUT + 1)..=i64::MAX) {
            prop_assert_eq!(parse_int(&super::super::int(n)), Err(ParseError::TooLarge(super::super::int(n))));
        }

        #[test]
        fn formatted_decimal_parses_back(u in 0i64..=MAX_INPUT, s in 0u32..=3) {
            prop_assert_eq!(parse_decimal(&super::super::decimal(u, s), s), Ok(Some(u)));
        }

        #[test]
        fn parsers_never_panic(input in "\\PC*", scale in 0u32..50) {
            let _ = parse_int(&input).map_err(|e| e.message());
            let _ = parse_decimal(&input, scale).map_err(|e| e.message());
        }

        #[test]
        fn parsers_never_panic_on_number_like_text(input in "[-+−–]?[0-9 .,\u{a0}]{0,30}", scale in 0u32..6) {
            let _ = parse_int(&input);
            let _ = parse_decimal(&input, scale);
        }
    }
}
