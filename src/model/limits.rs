//! What a stored report may hold, in one place.
//!
//! The rule: **whatever the app can store, its own backup restores and its
//! own export imports.** The import checks (`exchange::import::check_report`)
//! are therefore the invariants of storage, not a stricter second opinion:
//!
//! - the editor, "Tổng hợp" and import store only values inside these limits;
//! - what a cadre types that is not (yet) a valid value is still kept, never
//!   lost: a number field holds it as [`Value::Unparsed`](super::Value), the
//!   typed text, which import accepts and the engine reports (E01); a header
//!   day, month or year out of range is not stored (it is nonsense on paper
//!   and has no text form); a document number is cut to its limit;
//! - a backup is read back with the restore code before it is offered, and
//!   a restore stores every valid report and names the others.
//!
//! Moments (saved, created, exported) must lie in [`MOMENT_YEARS`], and a
//! received file must not be dated after its receiver's clock (with a day
//! of slack for wrong time zones): a file "from 2099" would otherwise win
//! every "most recent" comparison.

use std::ops::RangeInclusive;

/// Years a moment the app records (saved, created, exported) can fall in.
/// `format::MOMENT_YEARS` (moments outside show as unknown) is the same
/// range, kept there because format imports nothing from the model;
/// `tests/layers.rs` checks that the two agree.
pub const MOMENT_YEARS: RangeInclusive<i32> = 2000..=2100;

/// Largest report file accepted (a full report is ~100 kB; a "Tổng hợp" of
/// 200 wards with all their list rows ~2 MB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Largest outline (đề cương) file accepted. A built-in outline written as
/// a file is about 80 kB indented (40 kB compact); the margin leaves room
/// for a province's additions, while ten loaded outlines still fit localStorage.
pub const MAX_OUTLINE_BYTES: usize = 1024 * 1024;
/// Largest backup accepted. Browsers keep at most 5 M UTF-16 units per
/// origin in localStorage, at most 15 MB as UTF-8: every backup the app can
/// make fits.
pub const MAX_BACKUP_BYTES: usize = 32 * 1024 * 1024;
/// Longest text accepted in any one field.
pub const MAX_TEXT_CHARS: usize = 200_000;
/// Most rows in one list. A "Tổng hợp" concatenates the units' rows: 200
/// wards give some 6 600; the file size limit above still holds for this.
pub const MAX_LIST_ROWS: usize = 10_000;
/// Largest count or amount (10^15 đồng); the editor's parser has the same
/// bound, `format::MAX_INPUT` (checked equal by `tests/layers.rs`).
pub const MAX_NUMBER: i64 = 1_000_000_000_000_000;
/// Most "Không phát sinh trong kỳ" / "Không theo dõi" marks of one kind in a
/// report: far more than the outline has nodes or figures, so a report the app
/// stores always fits, and a hostile file cannot make the map huge.
pub const MAX_MARKS: usize = 2_000;
/// Longest document number ("15", "123/BC-UBND").
pub const MAX_DOC_NUMBER_CHARS: usize = 50;
/// Longest typed text kept in a number field.
pub const MAX_UNPARSED_CHARS: usize = 200;
/// Years of a reporting period.
pub const PERIOD_YEARS: RangeInclusive<i32> = 1990..=2100;
/// Years of issue (an annual report is issued early the next year).
pub const ISSUE_YEARS: RangeInclusive<i32> = 1990..=2101;
/// Days and months of issue.
pub const ISSUE_DAYS: RangeInclusive<u32> = 1..=31;
pub const ISSUE_MONTHS: RangeInclusive<u32> = 1..=12;
/// Years of any calendar date in a report (cited documents may be old laws).
pub const DATE_YEARS: RangeInclusive<i32> = 1900..=2100;
/// How far after the receiver's clock a received file may be dated.
pub const FUTURE_SLACK_HOURS: i64 = 24;

/// The words a cadre may put before a figure ("hơn 2,35 tỷ đồng"); "" is none.
pub const QUALIFIERS: [&str; 5] = ["", "hơn", "trên", "khoảng", "gần"];

/// Most replaced sentences in one report (a full report generates some 150).
pub const MAX_SENTENCES: usize = 2_000;

/// Whether `id` has the form of a sentence id (`opening`, `figure.N09.hg_thanh`,
/// `bullet.t2.0`): ASCII letters, digits, "_" and "." only, at most 120
/// characters. Which ids the app generates is print's business; an unknown
/// one is kept (a newer outline's line) and named by W07.
pub fn sentence_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 120 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// A document number as stored: trimmed-empty is none, and it is cut to
/// [`MAX_DOC_NUMBER_CHARS`] characters.
pub fn doc_number(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.chars().take(MAX_DOC_NUMBER_CHARS).collect())
}

/// A typed header number (day, month, year of issue) as stored: none when
/// it is not a number or outside `range`.
pub fn in_range<T: std::str::FromStr + PartialOrd>(text: &str, range: &RangeInclusive<T>) -> Option<T> {
    text.trim().parse().ok().filter(|v| range.contains(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_numbers_out_of_range_are_not_stored_and_doc_numbers_are_cut() {
        assert_eq!(in_range("45", &ISSUE_DAYS), None);
        assert_eq!(in_range(" 5 ", &ISSUE_DAYS), Some(5));
        assert_eq!(in_range("20255", &ISSUE_YEARS), None);
        assert_eq!(in_range("2025", &ISSUE_YEARS), Some(2025));
        assert_eq!(doc_number("  "), None);
        assert_eq!(doc_number(&"9".repeat(80)).unwrap().chars().count(), MAX_DOC_NUMBER_CHARS);
        assert_eq!(doc_number("15/BC-ĐU").as_deref(), Some("15/BC-ĐU"));
    }
}
