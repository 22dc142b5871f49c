//! Guarded calls into `crate::format`: absurd values (already reported by E01)
//! never reach the formatters, so evaluation cannot panic on them.

use super::env::MAX_VALUE;
use crate::format::{self, Rational};

fn sane(n: i64) -> bool {
    n.unsigned_abs() <= MAX_VALUE as u64
}

fn sane_rate(r: &Rational) -> bool {
    let lim: i128 = 1_000_000_000_000_000_000;
    r.numer().unsigned_abs() <= lim as u128 && r.denom().unsigned_abs() <= lim as u128
}

/// "12.717".
pub(crate) fn int(n: i64) -> String {
    if sane(n) {
        format::int(n)
    } else {
        n.to_string()
    }
}

/// "02" when padding.
pub(crate) fn count(n: i64, pad: bool) -> String {
    if sane(n) && n >= 0 {
        format::count(n, pad)
    } else {
        int(n)
    }
}

/// "1,25 tỷ đồng".
pub(crate) fn money(n: i64) -> String {
    if sane(n) && n >= 0 {
        format::money(n)
    } else {
        format!("{} đồng", int(n))
    }
}

/// Money after "hơn"/"trên": never shown above the amount ("hơn 2,356 tỷ đồng").
pub(crate) fn money_not_above(n: i64) -> String {
    if sane(n) && n >= 0 {
        format::money_not_above(n)
    } else {
        format!("{} đồng", int(n))
    }
}

/// Whether `qualifier` says the real figure is above the printed one, so the
/// printed figure must not be rounded up (issue 14 item 7).
pub(crate) fn says_more_than(qualifier: &str) -> bool {
    matches!(qualifier.trim(), "hơn" | "trên")
}

/// "1.909.927.135 đồng".
pub(crate) fn money_exact(n: i64) -> String {
    if sane(n) && n >= 0 {
        format::money_exact(n)
    } else {
        format!("{} đồng", int(n))
    }
}

/// "12,5" for DEC units.
pub(crate) fn decimal(units: i64, scale: u32) -> String {
    if sane(units) && units >= 0 && scale <= 6 {
        format::decimal(units, scale)
    } else {
        int(units)
    }
}

/// "84,62%"; negative rates (only from invalid input) keep their sign.
pub(crate) fn percent(r: &Rational) -> String {
    if !sane_rate(r) {
        return "?%".to_string();
    }
    if *r < Rational::from_integer(0) {
        format!("-{}", format::percent(-*r))
    } else {
        format::percent(*r)
    }
}

/// "tăng 01" / "giảm 02" / "bằng cùng kỳ".
pub(crate) fn delta(cur: i64, prev: i64, pad: bool) -> String {
    if sane(cur) && sane(prev) {
        format::delta_text(cur, prev, pad)
    } else {
        String::new()
    }
}

/// "tăng 9,62 điểm %".
pub(crate) fn rate_delta(cur: &Rational, prev: &Rational) -> String {
    if sane_rate(cur) && sane_rate(prev) {
        format::rate_delta_text(*cur, *prev)
    } else {
        String::new()
    }
}

/// Upper-case the first letter (messages start with a label written mid-sentence).
pub(crate) fn capitalise(s: &str) -> String {
    format::upper_first(s)
}
