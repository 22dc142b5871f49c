//! Date line of the header (SPEC §4.4) and short dates in prose (§4.5).

use chrono::Datelike;

/// What a blank day or month prints: three non-breaking spaces, so the văn
/// thư can write the date by hand and the line never collapses or wraps there.
const BLANK: &str = "\u{a0}\u{a0}\u{a0}";

/// Date line (SPEC §4.4): "Sa Đéc, ngày 05 tháng 01 năm 2025". Day < 10 and
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

/// Short date inside prose (SPEC §4.5 DESIGN): "30/3/2023", "04/5/2022" (day padded, month not).
pub fn short_date(date: chrono::NaiveDate) -> String {
    format!("{:02}/{}/{}", date.day(), date.month(), date.year())
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
    use chrono::NaiveDate;

    #[test]
    fn date_line_pads_day_and_only_months_one_and_two() {
        assert_eq!(
            date_line("Sa Đéc", Some(5), Some(1), 2025),
            "Sa Đéc, ngày 05 tháng 01 năm 2025"
        );
        assert_eq!(
            date_line("Sa Đéc", Some(20), Some(2), 2018),
            "Sa Đéc, ngày 20 tháng 02 năm 2018"
        );
        assert_eq!(
            date_line("Hà Nội", Some(3), Some(4), 2018),
            "Hà Nội, ngày 03 tháng 4 năm 2018"
        );
        assert_eq!(
            date_line("Phường 1", Some(29), Some(6), 2019),
            "Phường 1, ngày 29 tháng 6 năm 2019"
        );
        assert_eq!(
            date_line("Sa Đéc", Some(10), Some(10), 2022),
            "Sa Đéc, ngày 10 tháng 10 năm 2022"
        );
        assert_eq!(
            date_line("Sa Đéc", Some(31), Some(12), 2022),
            "Sa Đéc, ngày 31 tháng 12 năm 2022"
        );
        assert_eq!(
            date_line("Sa Đéc", Some(9), Some(3), 2022),
            "Sa Đéc, ngày 09 tháng 3 năm 2022"
        );
    }

    #[test]
    fn blank_day_prints_three_non_breaking_spaces() {
        assert_eq!(
            date_line("Sa Đéc", None, Some(10), 2022),
            "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng 10 năm 2022"
        );
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
        assert_eq!(
            date_line("Sa Đéc", Some(0), Some(10), 2022),
            "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng 10 năm 2022"
        );
        assert_eq!(
            date_line("Sa Đéc", Some(32), Some(13), 2022),
            "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng \u{a0}\u{a0}\u{a0} năm 2022"
        );
    }

    #[test]
    fn date_line_normalises_and_trims_place() {
        // "Đéc" typed with a combining acute accent (NFD).
        let nfd = "  Sa \u{110}e\u{301}c ";
        assert_eq!(
            date_line(nfd, Some(1), Some(1), 2025),
            "Sa Đéc, ngày 01 tháng 01 năm 2025"
        );
        assert_eq!(
            date_line("  ", Some(1), Some(7), 2025),
            "ngày 01 tháng 7 năm 2025"
        );
    }

    #[test]
    fn short_date_pads_day_but_not_month() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(short_date(d(2023, 3, 30)), "30/3/2023");
        assert_eq!(short_date(d(2022, 5, 4)), "04/5/2022");
        assert_eq!(short_date(d(2022, 8, 24)), "24/8/2022");
        assert_eq!(short_date(d(2025, 12, 1)), "01/12/2025");
    }
}
