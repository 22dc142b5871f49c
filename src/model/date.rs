//! The stored form of a calendar date: ISO "2025-06-30", as in the report
//! file and in `<input type="date">`. It belongs to the model (it is how a
//! [`Value::Date`](super::Value) is written and read); `format` has the
//! forms people read.
//!
//! Written by hand instead of chrono's `format("%Y-%m-%d")` and
//! `parse_from_str`: those pull chrono's strftime interpreter into the wasm.
//! Each gives exactly what the chrono call it replaces gives (tests below).

use chrono::{Datelike, NaiveDate};

/// ISO date "2025-06-30" (chrono's "%Y-%m-%d"), as stored and in `<input type="date">`.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year_text(date.year()), date.month(), date.day())
}

/// The year as chrono's "%Y" writes it: four digits for 0–9999, otherwise
/// signed and at least four digits ("+12345", "-0001").
fn year_text(year: i32) -> String {
    if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{year:+05}")
    }
}

/// Read a date the way chrono's `NaiveDate::parse_from_str(s, "%Y-%m-%d")`
/// does, leniencies included: whitespace may precede each number, the year
/// has 1–4 digits or a sign and any number of digits, month and day 1–2
/// digits; nothing may follow the day.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim_start();
    let (year, rest) = match s.as_bytes().first() {
        Some(b'-') => {
            let (v, rest) = leading_number(&s[1..], usize::MAX)?;
            (-v, rest)
        }
        Some(b'+') => leading_number(&s[1..], usize::MAX)?,
        _ => leading_number(s, 4)?,
    };
    let rest = rest.strip_prefix('-')?;
    let (month, rest) = leading_number(rest.trim_start(), 2)?;
    let rest = rest.strip_prefix('-')?;
    let (day, rest) = leading_number(rest.trim_start(), 2)?;
    if !rest.is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The 1 to `max` ASCII digits at the start of `s` and what follows them;
/// None when there is no digit or the value overflows i64.
fn leading_number(s: &str, max: usize) -> Option<(i64, &str)> {
    let len = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if len == 0 {
        return None;
    }
    let mut value: i64 = 0;
    for b in s[..len].bytes() {
        value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some((value, &s[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates at the edges of what chrono's "%Y" writes differently.
    fn edge_dates() -> Vec<NaiveDate> {
        let years = [-262_143, -10_000, -9999, -1, 0, 1, 99, 999, 1000, 2025, 9999, 10_000, 12_345, 262_142];
        let days = [(1, 1), (2, 28), (6, 30), (12, 31)];
        years.iter().flat_map(|&y| days.iter().filter_map(move |&(m, d)| NaiveDate::from_ymd_opt(y, m, d))).collect()
    }

    #[test]
    fn iso_date_equals_chrono_strftime() {
        for d in edge_dates() {
            assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
        }
        assert_eq!(iso_date(NaiveDate::from_ymd_opt(2025, 6, 3).unwrap()), "2025-06-03");
    }

    #[test]
    fn parse_iso_date_accepts_exactly_what_chrono_accepts() {
        let leads = ["", " ", "\u{a0}", "\t\n", "x"];
        let years = [
            "2025",
            "25",
            "0",
            "0000",
            "02025",
            "+2025",
            "-2025",
            "+12345",
            "-0001",
            "+",
            "-",
            "+-1",
            "99999999999999999999",
            "+262143",
            "-262144",
            "２０２５",
        ];
        let seps = ["-", "- ", "/", "", "--"];
        let months = ["6", "06", "006", "00", "13", "1", "12", "2", " 6", "a"];
        let days = ["1", "01", "001", "29", "30", "31", "32", "0", ""];
        let tails = ["", " ", "x", "-"];
        let mut checked = 0;
        for lead in leads {
            for year in years {
                for sep in seps {
                    for month in months {
                        for day in days {
                            for tail in tails {
                                let s = format!("{lead}{year}{sep}{month}{sep}{day}{tail}");
                                assert_eq!(parse_iso_date(&s), NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok(), "{s:?}");
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 100_000);
        for d in edge_dates() {
            assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
        }
    }
}
