//! The stored form of a calendar date: ISO "2025-06-30", as in the report
//! file and in `<input type="date">`. It belongs to the model (it is how a
//! [`Value::Date`](super::Value) is written and read); `format` has the
//! forms people read.
//!
//! Written by hand instead of chrono's `format("%Y-%m-%d")` and
//! `parse_from_str`: those pull chrono's strftime interpreter into the wasm.
//! Each gives exactly what the chrono call it replaces gives (tests below).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Deserializer};

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

/// A stored time ("2025-07-01T08:30:00.123Z"), read exactly as chrono's
/// serde reader of `DateTime<Utc>` reads it, messages included. The form
/// this app writes is read by hand: chrono's relaxed RFC 3339 reader is an
/// interpreter of format items, large to compile and slow to run, and every
/// stored draft carries several times that the first screen reads. Any other
/// text goes to chrono itself.
pub fn de_utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    StoredTime::deserialize(d).map(|t| t.0)
}

/// [`de_utc`] for an optional time (`null` or absent: `None`).
pub fn de_utc_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<StoredTime>::deserialize(d).map(|t| t.map(|t| t.0))
}

struct StoredTime(DateTime<Utc>);

impl<'de> Deserialize<'de> for StoredTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = StoredTime;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // chrono's own words, so a refusal reads the same.
                f.write_str("an RFC 3339 formatted date and time string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<StoredTime, E> {
                match canonical_rfc3339(s) {
                    Some(t) => Ok(StoredTime(t)),
                    None => {
                        s.parse::<DateTime<FixedOffset>>().map(|t| StoredTime(t.with_timezone(&Utc))).map_err(E::custom)
                    }
                }
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1–9 digits, then `Z` or
/// `±HH:MM`: the form chrono writes. `None` for anything else, or for a
/// value out of range (chrono then decides). Whatever this accepts, chrono
/// accepts with the same value (tests below).
fn canonical_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0u32, |v, &c| c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0')))
    };
    let punct = |at: usize, c: u8| b.get(at) == Some(&c);
    if !(punct(4, b'-') && punct(7, b'-') && punct(10, b'T') && punct(13, b':') && punct(16, b':')) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(digits(0, 4)?).ok()?, digits(5, 2)?, digits(8, 2)?)?;
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if second > 59 {
        return None;
    }
    let mut at = 19;
    let mut nano = 0;
    if punct(at, b'.') {
        let len = b[at + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&len) {
            return None;
        }
        nano = digits(at + 1, len)? * 10u32.pow(9 - len as u32);
        at += 1 + len;
    }
    let offset_minutes = match b.get(at..)? {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (digits(at + 1, 2)?, digits(at + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i64::from(h * 60 + m);
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let local = date.and_hms_nano_opt(hour, minute, second, nano)?;
    Some(local.checked_sub_signed(TimeDelta::minutes(offset_minutes))?.and_utc())
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

    fn chrono_utc(s: &str) -> Option<DateTime<Utc>> {
        s.parse::<DateTime<FixedOffset>>().ok().map(|t| t.with_timezone(&Utc))
    }

    #[test]
    fn stored_times_read_as_chrono_reads_them() {
        let cases = [
            "2025-07-01T08:30:00Z",
            "2025-07-01T08:30:00.123Z",
            "2025-07-01T08:30:00.123456789Z",
            "2025-07-01T08:30:00.1234567891Z",
            "2025-07-01T08:30:00.Z",
            "2025-07-01T08:30:00+07:00",
            "2025-07-01T00:30:00+07:00",
            "0000-01-01T00:00:00+00:01",
            "2025-07-01T08:30:00-23:59",
            "2025-07-01T08:30:00+24:00",
            "2025-07-01T08:30:00+07:60",
            "2025-07-01T08:30:00+0700",
            "2025-07-01T08:30:60Z",
            "2025-07-01T24:00:00Z",
            "2025-07-01T23:60:00Z",
            "2025-02-29T08:30:00Z",
            "2024-02-29T08:30:00Z",
            "2025-13-01T08:30:00Z",
            "2025-07-01t08:30:00z",
            "2025-07-01 08:30:00Z",
            "2025-07-01T08:30:00UTC",
            "2025-7-1T8:30:00Z",
            "+2025-07-01T08:30:00Z",
            "12025-07-01T08:30:00Z",
            "2025-07-01T08:30:00Z ",
            " 2025-07-01T08:30:00Z",
            "2025-07-01T08:30:00",
            "２０２５-07-01T08:30:00Z",
            "",
        ];
        for s in cases {
            if let Some(t) = canonical_rfc3339(s) {
                assert_eq!(Some(t), chrono_utc(s), "{s:?}");
            }
            let ours = serde_json::from_value::<StoredTime>(serde_json::Value::from(s)).map(|t| t.0);
            let chrono = serde_json::from_value::<DateTime<Utc>>(serde_json::Value::from(s));
            assert_eq!(ours.as_ref().ok(), chrono.as_ref().ok(), "{s:?}");
            assert_eq!(ours.err().map(|e| e.to_string()), chrono.err().map(|e| e.to_string()), "{s:?}");
        }
        assert!(canonical_rfc3339("2025-07-01T08:30:00.5+07:00").is_some(), "the written form takes the fast path");
        let wrong = serde_json::from_str::<StoredTime>("5").err().map(|e| e.to_string());
        assert_eq!(wrong, serde_json::from_str::<DateTime<Utc>>("5").err().map(|e| e.to_string()));
    }

    proptest::proptest! {
        /// Every time chrono writes reads back through the fast path.
        #[test]
        fn written_times_take_the_fast_path(secs in -62_135_596_800i64..253_402_300_799, nanos in 0u32..1_000_000_000) {
            let t = DateTime::<Utc>::from_timestamp(secs, nanos).unwrap();
            let text = serde_json::to_value(t).unwrap();
            proptest::prop_assert_eq!(canonical_rfc3339(text.as_str().unwrap()), Some(t));
        }

        /// Near misses of the canonical form read as chrono reads them.
        #[test]
        fn near_misses_read_as_chrono(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,10})?(Z|[+-][0-9]{2}:?[0-9]{2}|)") {
            if let Some(t) = canonical_rfc3339(&s) {
                proptest::prop_assert_eq!(Some(t), chrono_utc(&s));
            }
        }
    }
}
