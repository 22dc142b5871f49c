//! Date line of the header (docs/domain.md §4.4), short dates in prose (§4.5), and the
//! machine forms of dates (file names, local timestamps; the stored ISO form is `model::iso_date`).
//!
//! The machine forms are written by hand instead of chrono's `format("%Y…")`
//! and `parse_from_str`: those pull chrono's strftime interpreter into the
//! wasm. Each one gives exactly what the chrono call it replaces gives; the
//! tests below compare them with chrono.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use std::ops::RangeInclusive;

/// Years a moment the app records (saved, created, exported) can fall in.
/// Anything else came from a damaged or hostile file or a wrong clock; the
/// import refuses it (`model::limits`) and the views show it as unknown.
pub const MOMENT_YEARS: RangeInclusive<i32> = 2000..=2100;

/// What a moment outside [`MOMENT_YEARS`] shows as.
pub const UNKNOWN_TIME: &str = "không rõ";

/// What a blank day or month prints: three non-breaking spaces, so the văn
/// thư can write the date by hand and the line never collapses or wraps there.
const BLANK: &str = "\u{a0}\u{a0}\u{a0}";

/// Date line (docs/domain.md §4.4): "Sa Đéc, ngày 05 tháng 01 năm 2025". Day < 10 and
/// months 1–2 get a leading zero. A blank day (or day and month) renders as
/// three non-breaking spaces each: "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng 10 năm 2022".
///
/// - A day outside 1..=31 or a month outside 1..=12 counts as blank (no
///   calendar check beyond that: validation is the engine's job).
/// - A day with a blank month is not a valid draft state; both print blank.
/// - `place` is trimmed and NFC-normalised; when it is empty the line starts
///   at "ngày …" with no leading comma.
pub fn date_line(place: &str, day: Option<u32>, month: Option<u32>, year: i32) -> String {
    let day = day.filter(|d| (1..=31).contains(d));
    let month = month.filter(|m| (1..=12).contains(m));
    let (day, month) = match (day, month) {
        (Some(d), Some(m)) => (format!("{d:02}"), month_text(m)),
        (None, Some(m)) => (BLANK.to_string(), month_text(m)),
        _ => (BLANK.to_string(), BLANK.to_string()),
    };
    let line = format!("ngày {day} tháng {month} năm {year}");
    let place = super::nfc(place.trim());
    if place.is_empty() {
        line
    } else {
        format!("{place}, {line}")
    }
}

/// Short date inside prose (docs/domain.md §4.5 DESIGN): "30/3/2023", "04/5/2022" (day padded, month not).
pub fn short_date(date: NaiveDate) -> String {
    format!("{:02}/{}/{}", date.day(), date.month(), date.year())
}

/// A date written in full inside prose (issue 14 item 3): "ngày 15 tháng 3
/// năm 2024", day and month padded as in the date line ("ngày 05 tháng 02 năm 2024").
pub fn full_date(date: NaiveDate) -> String {
    format!("ngày {:02} tháng {} năm {}", date.day(), month_text(date.month()), date.year())
}

/// The year as chrono's "%Y" writes it (`model::date` has the same helper for the stored
/// ISO form: format and model import nothing from each other): four digits for 0–9999, otherwise
/// signed and at least four digits ("+12345", "-0001").
fn year_text(year: i32) -> String {
    if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{year:+05}")
    }
}

/// Date for file names, "20250630" (chrono's "%Y%m%d").
pub fn compact_date(date: NaiveDate) -> String {
    format!("{}{:02}{:02}", year_text(date.year()), date.month(), date.day())
}

/// Local timestamp shown in lists, "30/06/2025 14:05" (chrono's "%d/%m/%Y %H:%M").
pub fn date_time(t: NaiveDateTime) -> String {
    format!("{:02}/{:02}/{} {:02}:{:02}", t.day(), t.month(), year_text(t.year()), t.hour(), t.minute())
}

/// A stored moment as wall-clock time in `tz`, "30/06/2025 14:05", or
/// [`UNKNOWN_TIME`] when its year is outside [`MOMENT_YEARS`]. Total: the
/// browser's local-time conversion panics on years it cannot represent, and
/// a stored value must never take a screen down.
pub fn local_date_time<Tz: TimeZone>(t: DateTime<Utc>, tz: &Tz) -> String {
    if !MOMENT_YEARS.contains(&t.year()) {
        return UNKNOWN_TIME.to_string();
    }
    date_time(t.with_timezone(tz).naive_local())
}

/// Wall-clock time "14:05" (chrono's "%H:%M").
pub fn hour_minute(t: NaiveDateTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Months 1 and 2 take a leading zero (NĐ 30), the others do not.
fn month_text(m: u32) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_date_time_is_total_and_shows_moments_out_of_range_as_unknown() {
        let hcm = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
        let t = Utc.with_ymd_and_hms(2025, 6, 30, 7, 5, 0).unwrap();
        assert_eq!(local_date_time(t, &hcm), "30/06/2025 14:05");
        // The far ends chrono can hold, and the edges of the sane range.
        for (t, shown) in [
            (DateTime::<Utc>::MAX_UTC, UNKNOWN_TIME.to_string()),
            (DateTime::<Utc>::MIN_UTC, UNKNOWN_TIME.to_string()),
            (DateTime::<Utc>::UNIX_EPOCH, UNKNOWN_TIME.to_string()),
            (Utc.with_ymd_and_hms(2101, 1, 1, 0, 0, 0).unwrap(), UNKNOWN_TIME.to_string()),
            (Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap(), "01/01/2000 07:00".to_string()),
        ] {
            assert_eq!(local_date_time(t, &hcm), shown, "{t:?}");
        }
        let far: DateTime<Utc> = "+262142-12-31T23:59:59Z".parse().unwrap();
        assert_eq!(local_date_time(far, &hcm), UNKNOWN_TIME);
    }

    #[test]
    fn date_line_pads_day_and_only_months_one_and_two() {
        assert_eq!(date_line("Sa Đéc", Some(5), Some(1), 2025), "Sa Đéc, ngày 05 tháng 01 năm 2025");
        assert_eq!(date_line("Sa Đéc", Some(20), Some(2), 2018), "Sa Đéc, ngày 20 tháng 02 năm 2018");
        assert_eq!(date_line("Hà Nội", Some(3), Some(4), 2018), "Hà Nội, ngày 03 tháng 4 năm 2018");
        assert_eq!(date_line("Phường 1", Some(29), Some(6), 2019), "Phường 1, ngày 29 tháng 6 năm 2019");
        assert_eq!(date_line("Sa Đéc", Some(10), Some(10), 2022), "Sa Đéc, ngày 10 tháng 10 năm 2022");
        assert_eq!(date_line("Sa Đéc", Some(31), Some(12), 2022), "Sa Đéc, ngày 31 tháng 12 năm 2022");
        assert_eq!(date_line("Sa Đéc", Some(9), Some(3), 2022), "Sa Đéc, ngày 09 tháng 3 năm 2022");
    }

    #[test]
    fn blank_day_prints_three_non_breaking_spaces() {
        assert_eq!(date_line("Sa Đéc", None, Some(10), 2022), "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng 10 năm 2022");
    }

    #[test]
    fn blank_day_and_month_both_print_non_breaking_spaces() {
        let both_blank = "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng \u{a0}\u{a0}\u{a0} năm 2022";
        assert_eq!(date_line("Sa Đéc", None, None, 2022), both_blank);
        // A day without a month is treated as both blank.
        assert_eq!(date_line("Sa Đéc", Some(5), None, 2022), both_blank);
    }

    #[test]
    fn out_of_range_day_or_month_counts_as_blank() {
        assert_eq!(date_line("Sa Đéc", Some(0), Some(10), 2022), "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng 10 năm 2022");
        assert_eq!(
            date_line("Sa Đéc", Some(32), Some(13), 2022),
            "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng \u{a0}\u{a0}\u{a0} năm 2022"
        );
    }

    #[test]
    fn date_line_normalises_and_trims_place() {
        // "Đéc" typed with a combining acute accent (NFD).
        let nfd = "  Sa \u{110}e\u{301}c ";
        assert_eq!(date_line(nfd, Some(1), Some(1), 2025), "Sa Đéc, ngày 01 tháng 01 năm 2025");
        assert_eq!(date_line("  ", Some(1), Some(7), 2025), "ngày 01 tháng 7 năm 2025");
    }

    #[test]
    fn short_date_pads_day_but_not_month() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(short_date(d(2023, 3, 30)), "30/3/2023");
        assert_eq!(short_date(d(2022, 5, 4)), "04/5/2022");
        assert_eq!(short_date(d(2022, 8, 24)), "24/8/2022");
        assert_eq!(short_date(d(2025, 12, 1)), "01/12/2025");
    }

    /// Dates at the edges of what chrono's "%Y" writes differently.
    fn edge_dates() -> Vec<NaiveDate> {
        let years = [-262_143, -10_000, -9999, -1, 0, 1, 99, 999, 1000, 2025, 9999, 10_000, 12_345, 262_142];
        let days = [(1, 1), (2, 28), (6, 30), (12, 31)];
        years.iter().flat_map(|&y| days.iter().filter_map(move |&(m, d)| NaiveDate::from_ymd_opt(y, m, d))).collect()
    }

    #[test]
    fn machine_date_forms_equal_chrono_strftime() {
        for d in edge_dates() {
            assert_eq!(compact_date(d), d.format("%Y%m%d").to_string());
            for (h, min) in [(0, 0), (9, 5), (23, 59)] {
                let t = d.and_hms_opt(h, min, 30).unwrap();
                assert_eq!(date_time(t), t.format("%d/%m/%Y %H:%M").to_string());
                assert_eq!(hour_minute(t), t.format("%H:%M").to_string());
            }
        }
    }
}
