//! Money in đồng (docs/domain.md §4.9).

use super::number::{fixed, group, round_abs, signed};

const TRIEU: i128 = 1_000_000;
const TY: i128 = 1_000_000_000;

/// Money in đồng for prose (docs/domain.md §4.9): < 1.000.000 → "950.000 đồng";
/// < 1 tỷ → "187,5 triệu đồng" (≤ 2 decimals, half-up, trailing zeros trimmed);
/// ≥ 1 tỷ → "1,044 tỷ đồng" (≤ 3 decimals).
///
/// The unit is picked after rounding, so 999.995.000 đồng (which would be
/// "1.000 triệu") prints "1 tỷ đồng". Amounts below 1 triệu are exact.
/// Negative amounts print the same way with a "-" prefix (rounding is on the
/// magnitude, half away from zero). Works for the whole i64 range.
pub fn money(dong: i64) -> String {
    let shown = shown(dong);
    let text = match shown.unit {
        Unit::Dong => format!("{} đồng", group(&shown.whole.to_string())),
        Unit::Trieu => format!("{} triệu đồng", fixed(&shown.whole.to_string(), &format!("{:02}", shown.frac))),
        Unit::Ty => format!("{} tỷ đồng", fixed(&shown.whole.to_string(), &format!("{:03}", shown.frac))),
    };
    signed(dong < 0, text)
}

/// Money written after "hơn" or "trên" (issue 14 item 7): as [`money`], but
/// the printed figure is never above the real amount (decimals cut, not
/// rounded): 2.356.800.000 đồng is "2,356 tỷ đồng", so "hơn 2,356 tỷ đồng" is true,
/// where [`money`] would say "2,357".
pub fn money_not_above(dong: i64) -> String {
    let abs = dong.unsigned_abs() as i128;
    let cut = |unit: i128, places: u32| {
        let step = unit / 10i128.pow(places);
        ((abs / unit) as u128, ((abs % unit) / step) as u128)
    };
    let text = if abs < TRIEU {
        format!("{} đồng", group(&abs.to_string()))
    } else if abs < 1000 * TRIEU {
        let (whole, frac) = cut(TRIEU, 2);
        format!("{} triệu đồng", fixed(&whole.to_string(), &format!("{frac:02}")))
    } else {
        let (whole, frac) = cut(TY, 3);
        format!("{} tỷ đồng", fixed(&whole.to_string(), &format!("{frac:03}")))
    };
    signed(dong < 0, text)
}

/// Full amount: "1.909.927.135 đồng".
pub fn money_exact(dong: i64) -> String {
    format!("{} đồng", super::int(dong))
}

/// True when [`money`] shows less than the real amount (so the UI can offer "hơn").
/// Compares magnitudes: for a negative amount it is true when the printed
/// figure is closer to zero than the real one.
pub fn money_rounds_down(dong: i64) -> bool {
    let shown = shown(dong);
    // Đồng per whole unit and per last printed decimal.
    let (unit, step) = match shown.unit {
        Unit::Dong => (1, 1),
        Unit::Trieu => (1_000_000, 10_000),
        Unit::Ty => (1_000_000_000, 1_000_000),
    };
    shown.whole * unit + shown.frac * step < dong.unsigned_abs() as u128
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Dong,
    Trieu,
    Ty,
}

/// The magnitude as printed: whole units plus decimals (2 for triệu, 3 for tỷ).
struct Shown {
    unit: Unit,
    whole: u128,
    frac: u128,
}

fn shown(dong: i64) -> Shown {
    let abs = dong.unsigned_abs() as i128;
    if abs < TRIEU {
        return Shown { unit: Unit::Dong, whole: abs as u128, frac: 0 };
    }
    let (whole, frac) = round_abs(abs, TRIEU, 2);
    if whole < 1000 {
        return Shown { unit: Unit::Trieu, whole, frac };
    }
    let (whole, frac) = round_abs(abs, TY, 3);
    Shown { unit: Unit::Ty, whole, frac }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn money_spec_examples() {
        assert_eq!(money(187_500_000), "187,5 triệu đồng");
        assert_eq!(money(1_044_000_000), "1,044 tỷ đồng");
        assert_eq!(money(950_000), "950.000 đồng");
        assert_eq!(money(1_250_000_000), "1,25 tỷ đồng");
        assert_eq!(money(461_260_000), "461,26 triệu đồng");
        assert_eq!(money(3_200_000_000), "3,2 tỷ đồng");
    }

    #[test]
    fn money_below_one_million_is_exact_dong() {
        assert_eq!(money(0), "0 đồng");
        assert_eq!(money(9), "9 đồng");
        assert_eq!(money(999), "999 đồng");
        assert_eq!(money(1000), "1.000 đồng");
        assert_eq!(money(999_999), "999.999 đồng");
    }

    #[test]
    fn money_switches_unit_after_rounding() {
        assert_eq!(money(1_000_000), "1 triệu đồng");
        assert_eq!(money(1_004_999), "1 triệu đồng");
        assert_eq!(money(1_005_000), "1,01 triệu đồng");
        assert_eq!(money(999_994_999), "999,99 triệu đồng");
        // Would be "1.000 triệu": shown in tỷ instead.
        assert_eq!(money(999_995_000), "1 tỷ đồng");
        assert_eq!(money(999_999_999), "1 tỷ đồng");
        assert_eq!(money(1_000_000_000), "1 tỷ đồng");
        assert_eq!(money(1_000_500_000), "1,001 tỷ đồng");
        assert_eq!(money(1_909_927_135), "1,91 tỷ đồng");
        assert_eq!(money(3_061_000_000_000), "3.061 tỷ đồng");
    }

    #[test]
    fn money_handles_negative_and_i64_extremes() {
        assert_eq!(money(-950_000), "-950.000 đồng");
        assert_eq!(money(-187_500_000), "-187,5 triệu đồng");
        assert_eq!(money(-999_999_999), "-1 tỷ đồng");
        assert_eq!(money(i64::MAX), "9.223.372.036,855 tỷ đồng");
        assert_eq!(money(i64::MIN), "-9.223.372.036,855 tỷ đồng");
    }

    #[test]
    fn money_after_hon_is_cut_never_rounded_up() {
        assert_eq!(money(2_356_800_000), "2,357 tỷ đồng");
        assert_eq!(money_not_above(2_356_800_000), "2,356 tỷ đồng");
        assert_eq!(money_not_above(2_350_000_001), "2,35 tỷ đồng");
        assert_eq!(money_not_above(999_999_999), "999,99 triệu đồng");
        assert_eq!(money_not_above(187_509_000), "187,5 triệu đồng");
        assert_eq!(money_not_above(950_000), "950.000 đồng");
        assert_eq!(money_not_above(-1_999_000_000), "-1,999 tỷ đồng");
        assert_eq!(money_not_above(i64::MIN).chars().next(), Some('-'));
    }

    #[test]
    fn money_exact_prints_every_dong() {
        assert_eq!(money_exact(1_909_927_135), "1.909.927.135 đồng");
        assert_eq!(money_exact(0), "0 đồng");
        assert_eq!(money_exact(-5_000), "-5.000 đồng");
    }

    #[test]
    fn rounds_down_flags_amounts_shown_smaller_than_real() {
        assert!(!money_rounds_down(950_000));
        assert!(!money_rounds_down(187_500_000));
        assert!(!money_rounds_down(1_044_000_000));
        assert!(money_rounds_down(1_004_999)); // "1 triệu"
        assert!(!money_rounds_down(1_005_000)); // "1,01 triệu" is more
        assert!(!money_rounds_down(1_909_927_135)); // "1,91 tỷ" > 1,9099…
        assert!(money_rounds_down(1_909_427_135)); // "1,909 tỷ" < 1,9094…
        assert!(!money_rounds_down(999_999_999)); // "1 tỷ" is more
        assert!(money_rounds_down(5_386_400_000)); // "5,386 tỷ": "hơn 5,386 tỷ"
        assert!(money_rounds_down(-1_004_999));
        assert!(!money_rounds_down(i64::MIN)); // 9.223.372.036,855 tỷ is more
        assert!(money_rounds_down(i64::MAX - 500_000));
    }

    proptest! {
        #[test]
        fn money_not_above_never_shows_more_than_the_amount(n in 0i64..i64::MAX) {
            let shown = money_not_above(n);
            let (number, unit) = shown.rsplit_once(' ').map(|(a, _)| a.rsplit_once(' ').unwrap_or((a, ""))).unwrap();
            let value: f64 = number.replace('.', "").replace(',', ".").parse().unwrap();
            let scale = match unit { "tỷ" => 1e9, "triệu" => 1e6, _ => 1.0 };
            prop_assert!(value * scale <= n as f64 * (1.0 + 1e-12), "{shown} for {n}");
        }

        #[test]
        fn money_never_panics_and_names_a_unit(n in any::<i64>()) {
            let s = money(n);
            prop_assert!(s.ends_with(" đồng"));
            let _ = money_rounds_down(n);
        }

        #[test]
        fn rounds_down_matches_rounding_direction(n in 1_000_000i64..i64::MAX) {
            // The remainder below the printed precision decides the direction.
            let step = if money(n).contains("triệu") { 10_000 } else { 1_000_000 };
            let r = n % step;
            prop_assert_eq!(money_rounds_down(n), r != 0 && 2 * r < step);
        }
    }
}
