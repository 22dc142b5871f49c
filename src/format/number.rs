//! Integers, counts, DEC values, rates and deltas (docs/domain.md §2.5, §4.9).
//!
//! Rounding rule used everywhere in this module: half-up on the magnitude,
//! sign kept ("round half away from zero"): 0,125 → 0,13 and −0,125 → −0,13.
//! A value that rounds to zero is printed without a sign. No floats.

use super::Rational;
use num_traits::{CheckedSub, Zero};

/// Integer with "." thousands separators: 12717 → "12.717", -5 → "-5".
/// Works for the whole i64 range (i64::MIN → "-9.223.372.036.854.775.808").
pub fn int(n: i64) -> String {
    signed(n < 0, group(&n.unsigned_abs().to_string()))
}

/// A count in prose/tables: like [`int`], but 1..=9 get a leading zero when
/// `pad` is on ("02"); 0 stays "0". Negative counts are never padded ("-5").
pub fn count(n: i64, pad: bool) -> String {
    if n < 0 {
        return int(n);
    }
    count_abs(n.unsigned_abs() as u128, pad)
}

/// A rate as percent, half-up to 2 decimals from the exact value, "," decimal,
/// no space before "%"; both decimals are kept and only ",00" is dropped
/// (docs/domain.md §4.9): 5/32 → "15,63%", 1 → "100%", 3/4 → "75%",
/// 1/8 → "12,50%", 49/1000 → "4,90%". Negative rates keep their sign ("-12,50%").
/// Never panics: a zero denominator (only possible through `Ratio::new_raw`)
/// is shown as "0%", and numerators/denominators up to the i128 limits are
/// handled without overflow.
pub fn percent(r: Rational) -> String {
    let (n, d) = (*r.numer(), *r.denom());
    if d == 0 {
        return "0%".to_string();
    }
    let (whole, cents) = percent_abs(n, d);
    let negative = (n < 0) != (d < 0) && !(whole == "0" && cents == 0);
    format!("{}%", signed(negative, two_decimals(&whole, cents)))
}

/// `num/den` as percent; None when `den == 0`.
/// 1250000000/1000000000 → "125%", 97/8420 → "1,15%".
pub fn percent_of(num: i64, den: i64) -> Option<String> {
    if den == 0 {
        return None;
    }
    Some(percent(Rational::new(num as i128, den as i128)))
}

/// Difference of two exact rates in percentage points (C11), computed from the
/// exact difference then rounded half-up to 2 decimals:
/// 11/13 − 12/16 → "tăng 9,62 điểm %"; 23/24 − 27/32 → "tăng 11,46 điểm %";
/// negative → "giảm …"; exactly zero → "bằng cùng kỳ".
/// A non-zero difference below 0,005 points would round to "0"; it is shown
/// as "tăng dưới 0,01 điểm %" / "giảm dưới 0,01 điểm %" so the text stays
/// honest (never "tăng 0 điểm %", never "bằng cùng kỳ" for unequal rates).
pub fn rate_delta_text(cur: Rational, prev: Rational) -> String {
    let (cur, prev) = (or_zero(cur), or_zero(prev));
    // Rates built from i64 counts can never overflow here; the fallback only
    // keeps absurd inputs from panicking, at 10^-6 precision.
    let diff = cur
        .checked_sub(&prev)
        .unwrap_or_else(|| Rational::new_raw(micro(&cur).saturating_sub(micro(&prev)), 1_000_000));
    if diff.numer().is_zero() {
        return "bằng cùng kỳ".to_string();
    }
    let word = if (*diff.numer() < 0) != (*diff.denom() < 0) { "giảm" } else { "tăng" };
    let (whole, cents) = percent_abs(*diff.numer(), *diff.denom());
    if whole == "0" && cents == 0 {
        return format!("{word} dưới 0,01 điểm %");
    }
    format!("{word} {} điểm %", two_decimals(&whole, cents))
}

/// Count delta vs cùng kỳ (C10): d > 0 → "tăng {d}", d < 0 → "giảm {|d|}", 0 → "bằng cùng kỳ";
/// d formatted with [`count`] (so "giảm 02" when `pad`). Computed in i128, so
/// no overflow even for i64 extremes.
pub fn delta_text(cur: i64, prev: i64, pad: bool) -> String {
    let d = cur as i128 - prev as i128;
    match d {
        0 => "bằng cùng kỳ".to_string(),
        d if d > 0 => format!("tăng {}", count_abs(d.unsigned_abs(), pad)),
        d => format!("giảm {}", count_abs(d.unsigned_abs(), pad)),
    }
}

/// A DEC(n) value stored as integer `units` of 10^-scale: (125, 1) → "12,5";
/// (1234567, 2) → "12.345,67". Trailing decimal zeros are trimmed like rates
/// and money: (120, 1) → "12", (1250, 2) → "12,5". Scale 0 prints an integer.
pub fn decimal(units: i64, scale: u32) -> String {
    let digits = units.unsigned_abs().to_string();
    let scale = scale as usize;
    // Left-pad so there is at least one digit before the comma.
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (whole, frac) = padded.split_at(padded.len() - scale);
    let text = fixed(whole, frac);
    signed(units < 0 && text != "0", text)
}

/// Digits of an unsigned number grouped by "." in threes: "12717" → "12.717".
pub(crate) fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Whole digits plus decimal digits: groups the whole part, trims trailing
/// zeros of the decimals and drops the comma when nothing is left.
pub(crate) fn fixed(whole: &str, decimals: &str) -> String {
    let decimals = decimals.trim_end_matches('0');
    if decimals.is_empty() {
        group(whole)
    } else {
        format!("{},{decimals}", group(whole))
    }
}

/// A rate's digits: two decimals, or none when they are ",00".
fn two_decimals(whole: &str, cents: u128) -> String {
    if cents == 0 {
        group(whole)
    } else {
        format!("{},{cents:02}", group(whole))
    }
}

pub(crate) fn signed(negative: bool, text: String) -> String {
    if negative {
        format!("-{text}")
    } else {
        text
    }
}

/// `|n/d|` rounded half-up to `places` decimals, as (integer part, decimals as
/// an integer below 10^places). `d` must be non-zero. Long division one digit
/// at a time, so nothing overflows even near the i128 limits.
pub(crate) fn round_abs(n: i128, d: i128, places: u32) -> (u128, u128) {
    let (n, d) = (n.unsigned_abs(), d.unsigned_abs());
    let (mut whole, mut rem) = (n / d, n % d);
    let mut frac = 0u128;
    for _ in 0..places {
        let (digit, r) = ten_times_divmod(rem, d);
        frac = frac * 10 + digit;
        rem = r;
    }
    // Half-up: the remainder is at least half of d (written so 2·rem cannot overflow).
    if rem >= d - rem {
        frac += 1;
        if frac == 10u128.pow(places) {
            frac = 0;
            whole += 1;
        }
    }
    (whole, frac)
}

/// (10·rem / d, 10·rem mod d) for rem < d ≤ 2^127, where 10·rem itself may not
/// fit in u128: adds rem ten times, reducing modulo d as it goes.
fn ten_times_divmod(rem: u128, d: u128) -> (u128, u128) {
    let (mut digit, mut acc) = (0, 0u128);
    for _ in 0..10 {
        if acc >= d - rem {
            acc -= d - rem;
            digit += 1;
        } else {
            acc += rem;
        }
    }
    (digit, acc)
}

/// |n/d| × 100 rounded to 2 decimals: (whole-percent digits, hundredths).
/// Built as text so a huge integer part cannot overflow the ×100.
fn percent_abs(n: i128, d: i128) -> (String, u128) {
    let (whole, frac) = round_abs(n, d, 4);
    let digits = if whole == 0 { (frac / 100).to_string() } else { format!("{whole}{:02}", frac / 100) };
    (digits, frac % 100)
}

fn count_abs(m: u128, pad: bool) -> String {
    if pad && (1..=9).contains(&m) {
        format!("0{m}")
    } else {
        group(&m.to_string())
    }
}

/// Zero-denominator rationals (only constructible with `new_raw`) count as 0.
fn or_zero(r: Rational) -> Rational {
    if r.denom().is_zero() {
        Rational::zero()
    } else {
        r
    }
}

/// r × 10^6 rounded, saturating; only for the overflow fallback.
fn micro(r: &Rational) -> i128 {
    let (whole, frac) = round_abs(*r.numer(), *r.denom(), 6);
    let m = whole
        .checked_mul(1_000_000)
        .and_then(|w| w.checked_add(frac))
        .map_or(i128::MAX, |v| i128::try_from(v).unwrap_or(i128::MAX));
    if (*r.numer() < 0) != (*r.denom() < 0) {
        -m
    } else {
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(n: i128, d: i128) -> Rational {
        Rational::new(n, d)
    }

    #[test]
    fn int_groups_thousands_with_dots() {
        assert_eq!(int(0), "0");
        assert_eq!(int(9), "9");
        assert_eq!(int(10), "10");
        assert_eq!(int(999), "999");
        assert_eq!(int(1000), "1.000");
        assert_eq!(int(12717), "12.717");
        assert_eq!(int(999_999), "999.999");
        assert_eq!(int(1_000_000), "1.000.000");
        assert_eq!(int(999_999_999), "999.999.999");
        assert_eq!(int(1_000_000_000), "1.000.000.000");
    }

    #[test]
    fn int_keeps_sign_and_handles_i64_extremes() {
        assert_eq!(int(-5), "-5");
        assert_eq!(int(-1234), "-1.234");
        assert_eq!(int(i64::MAX), "9.223.372.036.854.775.807");
        assert_eq!(int(i64::MIN), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn count_pads_only_one_to_nine() {
        assert_eq!(count(0, true), "0");
        assert_eq!(count(1, true), "01");
        assert_eq!(count(9, true), "09");
        assert_eq!(count(10, true), "10");
        assert_eq!(count(1000, true), "1.000");
        assert_eq!(count(-5, true), "-5");
        assert_eq!(count(5, false), "5");
        assert_eq!(count(i64::MIN, true), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn rate_rounds_half_up_from_exact_fraction() {
        assert_eq!(percent(q(5, 32)), "15,63%");
        assert_eq!(percent(q(11, 13)), "84,62%");
        assert_eq!(percent(q(2, 13)), "15,38%");
        assert_eq!(percent(q(97, 8420)), "1,15%");
        assert_eq!(percent(q(164, 8420)), "1,95%");
        assert_eq!(percent(q(1150, 1180)), "97,46%");
        assert_eq!(percent(q(40, 1180)), "3,39%");
        assert_eq!(percent(q(23, 24)), "95,83%");
        // 1/200000 = 0,0005% → 0%; 1/20000 = 0,005% → 0,01% (exact half goes up).
        assert_eq!(percent(q(1, 200_000)), "0%");
        assert_eq!(percent(q(1, 20_000)), "0,01%");
    }

    #[test]
    fn rate_keeps_two_decimals_and_drops_only_comma_zero_zero() {
        assert_eq!(percent(q(1, 1)), "100%");
        assert_eq!(percent(q(12, 16)), "75%");
        assert_eq!(percent(q(1, 8)), "12,50%");
        assert_eq!(percent(q(49, 1000)), "4,90%");
        assert_eq!(percent(q(1094, 1000)), "109,40%");
        assert_eq!(percent(q(0, 5)), "0%");
        assert_eq!(percent(q(9999, 10000)), "99,99%");
        // 0,99999 rounds up to a whole 100%.
        assert_eq!(percent(q(99_999, 100_000)), "100%");
    }

    #[test]
    fn rate_above_thousand_percent_groups_digits() {
        assert_eq!(percent(q(125, 1)), "12.500%");
        assert_eq!(percent_of(1_250_000_000, 1_000_000_000).unwrap(), "125%");
    }

    #[test]
    fn negative_rate_rounds_half_away_from_zero() {
        assert_eq!(percent(q(-1, 8)), "-12,50%");
        assert_eq!(percent(q(-5, 32)), "-15,63%");
        // Rounds to zero: no "-0%".
        assert_eq!(percent(q(-1, 1_000_000)), "0%");
        // Raw negative denominator.
        assert_eq!(percent(Rational::new_raw(1, -8)), "-12,50%");
        assert_eq!(percent(Rational::new_raw(-1, -8)), "12,50%");
    }

    #[test]
    fn rate_survives_i128_extremes() {
        assert_eq!(percent(Rational::new_raw(1, 0)), "0%");
        assert_eq!(percent(Rational::new_raw(i128::MIN, i128::MIN)), "100%");
        assert_eq!(percent(Rational::new_raw(i128::MAX - 1, i128::MAX)), "100%");
        assert_eq!(percent(Rational::new_raw(1, i128::MAX)), "0%");
        assert!(percent(Rational::new_raw(i128::MIN, 1)).starts_with("-17.014.118"));
        assert!(percent(Rational::new_raw(i128::MAX, 1)).ends_with("00%"));
    }

    #[test]
    fn percent_of_zero_denominator_is_none() {
        assert_eq!(percent_of(5, 0), None);
        assert_eq!(percent_of(0, 0), None);
        assert_eq!(percent_of(11, 13).unwrap(), "84,62%");
        assert_eq!(percent_of(i64::MIN, -1).unwrap(), "922.337.203.685.477.580.800%");
    }

    #[test]
    fn rate_delta_uses_exact_difference_not_rounded_rates() {
        assert_eq!(rate_delta_text(q(11, 13), q(12, 16)), "tăng 9,62 điểm %");
        // 95,83 − 84,38 would give 11,45; the exact difference is 11,458…
        assert_eq!(rate_delta_text(q(23, 24), q(27, 32)), "tăng 11,46 điểm %");
        assert_eq!(rate_delta_text(q(12, 16), q(11, 13)), "giảm 9,62 điểm %");
        assert_eq!(rate_delta_text(q(1, 1), q(1, 2)), "tăng 50 điểm %");
    }

    #[test]
    fn rate_delta_is_same_only_for_exact_zero() {
        assert_eq!(rate_delta_text(q(3, 4), q(12, 16)), "bằng cùng kỳ");
        assert_eq!(rate_delta_text(q(0, 1), q(0, 7)), "bằng cùng kỳ");
        // 1/1000000 of a rate is 0,0001 points: not equal, too small to print.
        assert_eq!(rate_delta_text(q(500_001, 1_000_000), q(1, 2)), "tăng dưới 0,01 điểm %");
        assert_eq!(rate_delta_text(q(1, 2), q(500_001, 1_000_000)), "giảm dưới 0,01 điểm %");
        // Exactly 0,005 points rounds up to 0,01.
        assert_eq!(rate_delta_text(q(10_001, 20_000), q(1, 2)), "tăng 0,01 điểm %");
    }

    #[test]
    fn rate_delta_does_not_panic_on_overflowing_rationals() {
        let huge = Rational::new_raw(i128::MAX, 1);
        let tiny = Rational::new_raw(1, i128::MAX - 1);
        assert!(rate_delta_text(huge, -huge).starts_with("tăng"));
        assert!(rate_delta_text(tiny, huge).starts_with("giảm"));
        assert_eq!(rate_delta_text(Rational::new_raw(1, 0), q(0, 1)), "bằng cùng kỳ");
    }

    #[test]
    fn count_delta_says_increase_decrease_or_same() {
        assert_eq!(delta_text(4, 3, true), "tăng 01");
        assert_eq!(delta_text(7, 9, true), "giảm 02");
        assert_eq!(delta_text(52, 60, true), "giảm 08");
        assert_eq!(delta_text(30, 24, false), "tăng 6");
        assert_eq!(delta_text(5, 5, true), "bằng cùng kỳ");
        assert_eq!(delta_text(1010, 10, true), "tăng 1.000");
        assert_eq!(delta_text(i64::MAX, i64::MIN, false), "tăng 18.446.744.073.709.551.615");
        assert_eq!(delta_text(i64::MIN, i64::MAX, true), "giảm 18.446.744.073.709.551.615");
    }

    #[test]
    fn decimal_places_comma_and_trims_trailing_zeros() {
        assert_eq!(decimal(125, 1), "12,5");
        assert_eq!(decimal(1_234_567, 2), "12.345,67");
        assert_eq!(decimal(120, 1), "12");
        assert_eq!(decimal(1250, 2), "12,5");
        assert_eq!(decimal(5, 2), "0,05");
        assert_eq!(decimal(0, 3), "0");
        assert_eq!(decimal(12717, 0), "12.717");
        assert_eq!(decimal(-125, 1), "-12,5");
        assert_eq!(decimal(-100, 2), "-1");
        assert_eq!(decimal(i64::MIN, 0), "-9.223.372.036.854.775.808");
        assert_eq!(decimal(i64::MAX, 18), "9,223372036854775807");
        assert_eq!(decimal(1, 20), "0,00000000000000000001");
    }

    proptest! {
        #[test]
        fn percent_never_panics_and_has_two_decimals_or_none(
            n in any::<i64>(), d in any::<i64>().prop_filter("non-zero", |d| *d != 0)
        ) {
            let s = percent(Rational::new(n as i128, d as i128));
            prop_assert!(s.ends_with('%'));
            if let Some((_, decimals)) = s.trim_end_matches('%').split_once(',') {
                prop_assert_eq!(decimals.len(), 2);
                prop_assert_ne!(decimals, "00");
            }
        }

        #[test]
        fn percent_matches_reference_rounding(n in 0i64..1_000_000, d in 1i64..1_000_000) {
            // Reference: hundredths of a percent = round(n·10000/d), half-up.
            let h = (2 * n as i128 * 10_000 + d as i128) / (2 * d as i128);
            let expected = match h % 100 {
                0 => format!("{}%", int(h as i64 / 100)),
                cents => format!("{},{cents:02}%", int(h as i64 / 100)),
            };
            prop_assert_eq!(percent(Rational::new(n as i128, d as i128)), expected);
        }

        #[test]
        fn percent_survives_any_raw_i128_rational(n in any::<i128>(), d in any::<i128>()) {
            prop_assert!(percent(Rational::new_raw(n, d)).ends_with('%'));
        }

        #[test]
        fn rate_delta_never_panics_for_rates_from_i64_counts(
            a in any::<i64>(), b in 1i64.., c in any::<i64>(), d in 1i64..
        ) {
            let s = rate_delta_text(Rational::new(a as i128, b as i128), Rational::new(c as i128, d as i128));
            prop_assert!(s == "bằng cùng kỳ" || s.ends_with(" điểm %"));
        }

        #[test]
        fn int_round_trips_by_removing_dots(n in any::<i64>()) {
            prop_assert_eq!(int(n).replace('.', ""), n.to_string());
        }
    }
}
