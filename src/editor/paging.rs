//! Long row lists are shown a page at a time: a tổng hợp list can hold
//! thousands of rows, and an input per cell for all of them makes opening
//! and typing slow. Every row stays reachable through the page controls.

/// Rows shown at once.
pub const PAGE_ROWS: usize = 20;

/// Number of pages for `rows` rows (at least one, so an empty list has a page).
pub fn page_count(rows: usize) -> usize {
    rows.div_ceil(PAGE_ROWS).max(1)
}

/// Page (from 0) that shows row `row`.
pub fn page_of(row: usize) -> usize {
    row / PAGE_ROWS
}

/// `page` kept within the pages of `rows` rows (after rows were removed).
pub fn clamp(page: usize, rows: usize) -> usize {
    page.min(page_count(rows) - 1)
}

/// Rows shown on `page` of a list of `rows` rows.
pub fn rows_of(page: usize, rows: usize) -> std::ops::Range<usize> {
    let start = (clamp(page, rows) * PAGE_ROWS).min(rows);
    start..(start + PAGE_ROWS).min(rows)
}

/// Rows (all lists together) above which the editor evaluates the report
/// after typing pauses instead of on every keystroke: evaluation grows with
/// the rows, and a tổng hợp of many wards would make each keystroke wait.
pub const EVALUATE_LATER_ROWS: usize = 1_000;
/// How long typing must pause before such a report is evaluated (ms).
pub const EVALUATE_PAUSE_MS: u64 = 150;

/// Whether `report` is evaluated when typing pauses (see [`EVALUATE_LATER_ROWS`]).
pub fn evaluates_later(report: &crate::model::Report) -> bool {
    report.lists.values().map(Vec::len).sum::<usize>() > EVALUATE_LATER_ROWS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_shows_a_bounded_page_and_every_row_is_on_exactly_one_page() {
        let n = 5_000;
        assert_eq!(page_count(n), n / PAGE_ROWS);
        let mut seen = 0;
        for page in 0..page_count(n) {
            let rows = rows_of(page, n);
            assert!(rows.len() <= PAGE_ROWS);
            assert_eq!(rows.start, seen);
            assert!(rows.clone().all(|r| page_of(r) == page));
            seen = rows.end;
        }
        assert_eq!(seen, n);
    }

    #[test]
    fn short_and_empty_lists_have_one_page_and_a_removed_last_page_falls_back() {
        assert_eq!(page_count(0), 1);
        assert_eq!(rows_of(0, 0), 0..0);
        assert_eq!(rows_of(0, 3), 0..3);
        assert_eq!(clamp(2, PAGE_ROWS * 2), 1);
        assert_eq!(rows_of(2, PAGE_ROWS + 1), PAGE_ROWS..PAGE_ROWS + 1);
    }

    #[test]
    fn only_reports_with_more_rows_than_the_threshold_are_evaluated_later() {
        let mut report = crate::fixtures::full_report(crate::model::Kind::Cq);
        assert!(!evaluates_later(&report), "a ward's own report is evaluated on every keystroke");
        let rows = vec![crate::model::Row::default(); EVALUATE_LATER_ROWS + 1];
        report.lists.insert("hoi_quan_ds".into(), rows);
        assert!(evaluates_later(&report));
    }
}
