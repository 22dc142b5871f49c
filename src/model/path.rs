//! The name of one field of a report: the contract between the template
//! (value keys), the engine (issue paths), print, the crash journal and the
//! editor's inputs (each input's `name`). The display form is what is
//! stored (keys of `Report::values`, journal entries, issue paths in export
//! files), so it never changes; this type only gives it one parser and one
//! printer, and the reads and writes that follow from it.
//!
//! The forms, as in docs/glossary.md:
//! - `hg_thanh`, `dv_kheo.xa` (indicator `dv_kheo`, group `xa`),
//!   `N01.text` (a narrative): a key of the outline;
//! - `cung_ky.hg_thanh`: the same period last year;
//! - `hoi_quan_ds.2.thanh_vien`, `can_cu.0.ngay`: a cell of a row list (the
//!   middle segment is a row number);
//! - `name`, `header.number`, `signature.ho_ten`, `options.include_pl1`…:
//!   the fields of the report outside the outline ([`ReportField`]);
//! - `none_in_period.N16`, `not_tracked.doi_thoai_chu_tich` and their
//!   sentences `none_in_period.N16.text`: the marks of a required node or
//!   figure ([`Mark`]);
//! - `sentences.opening`, `qualifiers.asxh_tong_tien`,
//!   `options.figures.N09`: a generated sentence the cadre took over, the
//!   word before a figure ("hơn"), a section's choice to print its figure
//!   lines ([`FieldPath::Sentence`], [`FieldPath::Qualifier`],
//!   [`FieldPath::FiguresOf`]).

use super::limits::MAX_LIST_ROWS;
use super::{Report, Value};
use std::fmt;
use std::str::FromStr;

/// Prefix of a cùng kỳ path.
const CUNG_KY: &str = "cung_ky.";

/// One field of a report, by its stored name (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldPath {
    /// A key of the outline: an indicator's value (`hg_thanh`, grouped
    /// `dv_kheo.xa`), a narrative (`N01.text`) or a computed field. Which
    /// one it is, only the template knows.
    Key(String),
    /// The cùng kỳ figure of the value at this key (`cung_ky.<key>`).
    CungKy(String),
    /// A cell of a row list: a template list, or the report's citations
    /// and footnotes ([`RecordList`]); `<list>.<row>.<column>`.
    Cell { list: String, row: usize, column: String },
    /// A field of the report outside the outline.
    Report(ReportField),
    /// The mark of a required node or figure (`<mark>.<key>`, a checkbox),
    /// or its sentence (`<mark>.<key>.text`).
    Mark { mark: Mark, key: String, sentence: bool },
    /// A generated sentence taken over by the cadre (`sentences.<id>`).
    Sentence(String),
    /// The word before the figure at a value key (`qualifiers.<key>`).
    Qualifier(String),
    /// A section's own choice to print its figure lines (`options.figures.<node id>`).
    FiguresOf(String),
}

/// Prefixes of the paths of a key in one of the report's keyed maps.
const SENTENCES: &str = "sentences.";
const QUALIFIERS: &str = "qualifiers.";
const FIGURES_OF: &str = "options.figures.";

/// What a cadre can say of a required item instead of filling it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// "Không phát sinh trong kỳ", of a node (`Report::none_in_period`).
    NoneInPeriod,
    /// "Không theo dõi", of a figure (`Report::not_tracked`).
    NotTracked,
}

impl Mark {
    /// The first segment of its paths, and its member in the stored report.
    pub fn key(self) -> &'static str {
        match self {
            Mark::NoneInPeriod => "none_in_period",
            Mark::NotTracked => "not_tracked",
        }
    }

    /// The marks of this kind in `report`, by node id or value key.
    pub fn of(self, report: &Report) -> &std::collections::BTreeMap<String, String> {
        match self {
            Mark::NoneInPeriod => &report.none_in_period,
            Mark::NotTracked => &report.not_tracked,
        }
    }

    /// As [`Mark::of`], to change them.
    pub fn of_mut(self, report: &mut Report) -> &mut std::collections::BTreeMap<String, String> {
        match self {
            Mark::NoneInPeriod => &mut report.none_in_period,
            Mark::NotTracked => &mut report.not_tracked,
        }
    }
}

/// Suffix of a mark's sentence.
const MARK_SENTENCE: &str = ".text";

/// Why a text is not a field path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAPath;

impl fmt::Display for NotAPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tên trường không hợp lệ")
    }
}

impl FieldPath {
    /// The value key of `indicator` (or computed field) in `group`.
    pub fn grouped(indicator: &str, group: &str) -> FieldPath {
        FieldPath::Key(FieldPath::group_key(indicator, group))
    }

    /// The display form of [`FieldPath::grouped`], for maps keyed by it
    /// (the report's values, the engine's computed fields).
    pub fn group_key(indicator: &str, group: &str) -> String {
        let mut key = String::with_capacity(indicator.len() + 1 + group.len());
        key.push_str(indicator);
        key.push('.');
        key.push_str(group);
        key
    }

    /// The value (or narrative, or computed field) at `key`.
    pub fn key(key: &str) -> FieldPath {
        FieldPath::Key(key.to_string())
    }

    /// The checkbox of `mark` on `key` (a node id or a value key).
    pub fn mark(mark: Mark, key: &str) -> FieldPath {
        FieldPath::Mark { mark, key: key.to_string(), sentence: false }
    }

    /// The sentence printed for `mark` on `key`.
    pub fn mark_sentence(mark: Mark, key: &str) -> FieldPath {
        FieldPath::Mark { mark, key: key.to_string(), sentence: true }
    }

    /// The cùng kỳ figure of the value at `key`.
    pub fn cung_ky(key: &str) -> FieldPath {
        FieldPath::CungKy(key.to_string())
    }

    /// The cell of `column` in row `row` of `list`.
    pub fn cell(list: &str, row: usize, column: &str) -> FieldPath {
        FieldPath::Cell { list: list.to_string(), row, column: column.to_string() }
    }

    /// The display form of [`FieldPath::cell`] in one allocation, for maps
    /// keyed by it (the engine's per-row computed fields of long lists).
    pub fn cell_key(list: &str, row: usize, column: &str) -> String {
        format!("{list}.{row}.{column}")
    }

    /// Read a path; `Err` for text no field is named by (empty, an empty
    /// segment such as `a..b` or a bare `cung_ky.`). A middle segment that
    /// is a row number (no sign, no leading zero, below `MAX_LIST_ROWS`)
    /// makes a cell; any other dotted name is a key. `parse(s)` prints as
    /// `s` again.
    pub fn parse(text: &str) -> Result<FieldPath, NotAPath> {
        if text.is_empty() || text.split('.').any(str::is_empty) {
            return Err(NotAPath);
        }
        if let Some(field) = ReportField::from_name(text) {
            return Ok(FieldPath::Report(field));
        }
        if let Some(key) = text.strip_prefix(CUNG_KY) {
            return Ok(FieldPath::CungKy(key.to_string()));
        }
        if let Some(id) = text.strip_prefix(SENTENCES) {
            return Ok(FieldPath::Sentence(id.to_string()));
        }
        if let Some(key) = text.strip_prefix(QUALIFIERS) {
            return Ok(FieldPath::Qualifier(key.to_string()));
        }
        if let Some(node) = text.strip_prefix(FIGURES_OF) {
            return Ok(FieldPath::FiguresOf(node.to_string()));
        }
        for mark in [Mark::NoneInPeriod, Mark::NotTracked] {
            let Some(rest) = text.strip_prefix(mark.key()).and_then(|r| r.strip_prefix('.')) else { continue };
            // Narratives (`N01.text`) cannot be marked, so a key never ends in `.text`.
            return Ok(match rest.strip_suffix(MARK_SENTENCE) {
                Some(key) => FieldPath::mark_sentence(mark, key),
                None => FieldPath::mark(mark, rest),
            });
        }
        let mut parts = text.splitn(3, '.');
        if let (Some(list), Some(row), Some(column)) = (parts.next(), parts.next(), parts.next()) {
            if let Some(row) = row_number(row) {
                return Ok(FieldPath::Cell { list: list.to_string(), row, column: column.to_string() });
            }
        }
        Ok(FieldPath::Key(text.to_string()))
    }

    /// The outline key whose value this is: the key itself, or the key a
    /// cùng kỳ figure is of (`cung_ky.hg_thanh` → `hg_thanh`).
    pub fn value_key(&self) -> Option<&str> {
        match self {
            FieldPath::Key(key) | FieldPath::CungKy(key) => Some(key),
            _ => None,
        }
    }
}

/// A row number as a path prints it, within the limit of a list.
fn row_number(text: &str) -> Option<usize> {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    // "01" or "+1" would print back as "1": not the name of a cell.
    let canonical = digits && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse::<usize>().ok()).flatten().filter(|row| *row < MAX_LIST_ROWS)
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Key(key) => f.write_str(key),
            FieldPath::CungKy(key) => {
                f.write_str(CUNG_KY)?;
                f.write_str(key)
            }
            FieldPath::Cell { list, row, column } => write!(f, "{list}.{row}.{column}"),
            FieldPath::Report(field) => f.write_str(field.name()),
            FieldPath::Mark { mark, key, sentence } => {
                write!(f, "{}.{key}{}", mark.key(), if *sentence { MARK_SENTENCE } else { "" })
            }
            FieldPath::Sentence(id) => write!(f, "{SENTENCES}{id}"),
            FieldPath::Qualifier(key) => write!(f, "{QUALIFIERS}{key}"),
            FieldPath::FiguresOf(node) => write!(f, "{FIGURES_OF}{node}"),
        }
    }
}

impl FromStr for FieldPath {
    type Err = NotAPath;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        FieldPath::parse(text)
    }
}

/// Stored and exported as its display form (issue paths in export files).
impl serde::Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A path equals the text that parses to it (tests name paths as text).
impl PartialEq<&str> for FieldPath {
    fn eq(&self, text: &&str) -> bool {
        FieldPath::parse(text).is_ok_and(|p| p == *self)
    }
}

impl From<ReportField> for FieldPath {
    fn from(field: ReportField) -> Self {
        FieldPath::Report(field)
    }
}

/// The fields of a report outside the outline, each with its one name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReportField {
    Name,
    HeaderNumber,
    HeaderDay,
    HeaderMonth,
    HeaderYear,
    PeriodFrom,
    PeriodTo,
    HeaderDueDate,
    PadSmallCounts,
    HgDenominator,
    /// Only on DANG reports.
    IncludePl1,
    TrichYeuWithPlan,
    PrintFigures,
    /// The unit's name in sentences, the report's copy of the profile's.
    UnitSentenceName,
    SignatureQuyenHan,
    SignatureChucVu,
    SignatureHoTen,
    Recipients,
}

impl ReportField {
    /// "Ký tên, nơi nhận".
    pub const SIGNING: [ReportField; 4] = [
        ReportField::SignatureQuyenHan,
        ReportField::SignatureChucVu,
        ReportField::SignatureHoTen,
        ReportField::Recipients,
    ];

    /// Every field: "Thông tin chung" (title, document number and dates,
    /// period, the unit's name in sentences), the presentation options, then
    /// "Ký tên, nơi nhận" ([`ReportField::SIGNING`]).
    pub const ALL: [ReportField; 18] = [
        ReportField::Name,
        ReportField::HeaderNumber,
        ReportField::HeaderDay,
        ReportField::HeaderMonth,
        ReportField::HeaderYear,
        ReportField::PeriodFrom,
        ReportField::PeriodTo,
        ReportField::HeaderDueDate,
        ReportField::UnitSentenceName,
        ReportField::PadSmallCounts,
        ReportField::HgDenominator,
        ReportField::IncludePl1,
        ReportField::TrichYeuWithPlan,
        ReportField::PrintFigures,
        ReportField::SignatureQuyenHan,
        ReportField::SignatureChucVu,
        ReportField::SignatureHoTen,
        ReportField::Recipients,
    ];

    /// The stored name (an input's `name`, an issue path).
    pub fn name(self) -> &'static str {
        match self {
            ReportField::Name => "name",
            ReportField::HeaderNumber => "header.number",
            ReportField::HeaderDay => "header.day",
            ReportField::HeaderMonth => "header.month",
            ReportField::HeaderYear => "header.year",
            ReportField::PeriodFrom => "period.from",
            ReportField::PeriodTo => "period.to",
            ReportField::HeaderDueDate => "header.due_date",
            ReportField::PadSmallCounts => "options.pad_small_counts",
            ReportField::HgDenominator => "options.hg_denominator",
            ReportField::IncludePl1 => "options.include_pl1",
            ReportField::TrichYeuWithPlan => "options.trich_yeu_with_plan",
            ReportField::PrintFigures => "options.print_figures",
            ReportField::UnitSentenceName => "unit.sentence_name",
            ReportField::SignatureQuyenHan => "signature.quyen_han",
            ReportField::SignatureChucVu => "signature.chuc_vu",
            ReportField::SignatureHoTen => "signature.ho_ten",
            ReportField::Recipients => "recipients",
        }
    }

    pub fn from_name(name: &str) -> Option<ReportField> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Shown in "Ký tên, nơi nhận" rather than "Thông tin chung".
    pub fn is_signing(self) -> bool {
        Self::SIGNING.contains(&self)
    }
}

/// The row lists of a report that are not in the outline: records of text
/// and dates rather than values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordList {
    /// Căn cứ citations (`Report::can_cu`).
    CanCu,
    /// Footnotes (`Report::footnotes`).
    Footnotes,
}

impl RecordList {
    pub const ALL: [RecordList; 2] = [RecordList::CanCu, RecordList::Footnotes];

    /// The list's name in paths and row edits.
    pub fn key(self) -> &'static str {
        match self {
            RecordList::CanCu => "can_cu",
            RecordList::Footnotes => "footnotes",
        }
    }

    /// The columns of one record, by name.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            RecordList::CanCu => &["loai", "so_ky_hieu", "ngay", "co_quan", "trich_yeu", "phrase"],
            RecordList::Footnotes => &["id", "text"],
        }
    }

    pub fn from_key(key: &str) -> Option<RecordList> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }
}

impl Report {
    /// The stored value at `path`: a value, a cùng kỳ figure or a cell of a
    /// template list; none for the other fields, which are not values.
    pub fn value_at(&self, path: &FieldPath) -> Option<&Value> {
        match path {
            FieldPath::Key(key) => self.values.get(key),
            FieldPath::CungKy(key) => self.cung_ky.get(key),
            FieldPath::Cell { list, row, column } => self.lists.get(list)?.get(*row)?.get(column),
            _ => None,
        }
    }

    /// Store `value` at `path` (none clears it), adding empty rows up to a
    /// cell's row. False for a path that holds no value (see
    /// [`Report::value_at`]) or a row past `MAX_LIST_ROWS`; the caller checks
    /// that the template has the key or list.
    pub fn set_value_at(&mut self, path: &FieldPath, value: Option<Value>) -> bool {
        let (map, key) = match path {
            FieldPath::Key(key) => (&mut self.values, key),
            FieldPath::CungKy(key) => (&mut self.cung_ky, key),
            FieldPath::Cell { list, row, column } => {
                if *row >= MAX_LIST_ROWS {
                    return false;
                }
                let rows = self.lists.entry(list.clone()).or_default();
                if rows.len() <= *row {
                    rows.resize_with(row + 1, Default::default);
                }
                (&mut rows[*row], column)
            }
            _ => return false,
        };
        match value {
            Some(v) => map.insert(key.clone(), v),
            None => map.remove(key),
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(text: &str) -> FieldPath {
        FieldPath::parse(text).unwrap_or_else(|_| panic!("{text} should parse"))
    }

    #[test]
    fn each_form_parses_to_its_variant_and_prints_back() {
        let cases = [
            ("hg_thanh", FieldPath::Key("hg_thanh".into())),
            ("dv_kheo.xa", FieldPath::grouped("dv_kheo", "xa")),
            ("N01.text", FieldPath::Key("N01.text".into())),
            ("cung_ky.hg_thanh", FieldPath::cung_ky("hg_thanh")),
            ("cung_ky.don_tiep_nhan.cong_dan", FieldPath::cung_ky("don_tiep_nhan.cong_dan")),
            ("hoi_quan_ds.2.thanh_vien", FieldPath::cell("hoi_quan_ds", 2, "thanh_vien")),
            ("can_cu.0.ngay", FieldPath::cell("can_cu", 0, "ngay")),
            ("header.number", FieldPath::Report(ReportField::HeaderNumber)),
            ("options.include_pl1", FieldPath::Report(ReportField::IncludePl1)),
            ("none_in_period.N16", FieldPath::mark(Mark::NoneInPeriod, "N16")),
            ("none_in_period.N16.text", FieldPath::mark_sentence(Mark::NoneInPeriod, "N16")),
            ("not_tracked.don_tiep_nhan.cong_dan", FieldPath::mark(Mark::NotTracked, "don_tiep_nhan.cong_dan")),
            ("not_tracked.doi_thoai.text", FieldPath::mark_sentence(Mark::NotTracked, "doi_thoai")),
            ("recipients", ReportField::Recipients.into()),
            ("sentences.opening", FieldPath::Sentence("opening".into())),
            ("sentences.figure.N09.hg_thanh", FieldPath::Sentence("figure.N09.hg_thanh".into())),
            ("qualifiers.asxh_tong_tien", FieldPath::Qualifier("asxh_tong_tien".into())),
            ("options.figures.N09", FieldPath::FiguresOf("N09".into())),
            ("unit.sentence_name", ReportField::UnitSentenceName.into()),
        ];
        for (text, path) in cases {
            assert_eq!(parse(text), path, "{text}");
            assert_eq!(path.to_string(), text);
            assert_eq!(serde_json::to_value(&path).unwrap(), serde_json::json!(text));
            assert_eq!(path, text);
            assert_eq!(text.parse::<FieldPath>(), Ok(path));
        }
    }

    #[test]
    fn every_report_field_has_its_own_name_that_reads_back() {
        assert!(ReportField::ALL.ends_with(&ReportField::SIGNING), "the signing fields come last");
        let names: std::collections::HashSet<_> = ReportField::ALL.map(ReportField::name).into_iter().collect();
        assert_eq!(names.len(), ReportField::ALL.len());
        for field in ReportField::ALL {
            assert_eq!(parse(field.name()), FieldPath::Report(field));
        }
        assert!(ReportField::SignatureHoTen.is_signing() && !ReportField::PeriodTo.is_signing());
    }

    #[test]
    fn group_key_is_the_display_of_the_grouped_path() {
        assert_eq!(FieldPath::group_key("don_tiep_nhan", "cong_dan"), "don_tiep_nhan.cong_dan");
        assert_eq!(FieldPath::grouped("don_tiep_nhan", "cong_dan").to_string(), "don_tiep_nhan.cong_dan");
        assert_eq!(FieldPath::cell_key("ds", 3, "c"), FieldPath::cell("ds", 3, "c").to_string());
        assert_eq!(FieldPath::key("hg_thanh").to_string(), "hg_thanh");
        assert_eq!(FieldPath::cung_ky("hg_thanh").value_key(), Some("hg_thanh"));
        assert_eq!(FieldPath::cell("a", 1, "b").value_key(), None);
    }

    #[test]
    fn empty_and_bare_prefix_are_not_paths() {
        for text in ["", "cung_ky.", ".", "a..b", ".hg_thanh", "hg_thanh.", "hoi_quan_ds.1."] {
            assert_eq!(FieldPath::parse(text), Err(NotAPath), "{text:?}");
        }
    }

    #[test]
    fn a_row_number_past_the_list_limit_or_not_canonical_is_not_a_cell() {
        let last = MAX_LIST_ROWS - 1;
        assert_eq!(parse(&format!("ds.{last}.c")), FieldPath::cell("ds", last, "c"));
        for text in [
            format!("ds.{MAX_LIST_ROWS}.c"),
            "ds.99999999999999999999999.c".to_string(),
            "ds.01.c".to_string(),
            "ds.+1.c".to_string(),
            "ds.-1.c".to_string(),
        ] {
            assert_eq!(parse(&text), FieldPath::Key(text.clone()), "{text}");
        }
    }

    #[test]
    fn values_cung_ky_and_cells_are_read_and_written_where_the_report_keeps_them() {
        let mut r = crate::fixtures::small_cq_report("r", chrono::Utc::now());
        r.lists.clear();
        let cell = FieldPath::cell("hoi_quan_ds", 2, "thanh_vien");
        assert!(r.set_value_at(&cell, Some(Value::Int(40))));
        assert_eq!(r.lists["hoi_quan_ds"].len(), 3, "rows before the cell are added empty");
        assert_eq!(r.value_at(&cell), Some(&Value::Int(40)));
        assert!(r.set_value_at(&FieldPath::cung_ky("hg_thanh"), Some(Value::Int(9))));
        assert!(r.set_value_at(&parse("hg_thanh"), Some(Value::Int(12))));
        assert_eq!(r.cung_ky["hg_thanh"], Value::Int(9));
        assert_eq!(r.values["hg_thanh"], Value::Int(12));
        assert!(r.set_value_at(&parse("hg_thanh"), None));
        assert!(!r.values.contains_key("hg_thanh"));
        assert!(!r.set_value_at(&ReportField::Name.into(), Some(Value::Int(1))), "a report field holds no value");
        assert_eq!(r.value_at(&ReportField::Name.into()), None);
        let far = FieldPath::Cell { list: "ds".into(), row: MAX_LIST_ROWS, column: "c".into() };
        assert!(!r.set_value_at(&far, Some(Value::Int(1))));
        assert!(!r.lists.contains_key("ds"));
    }

    proptest! {
        #[test]
        fn whatever_parses_prints_as_it_was_typed(text in "[a-z0-9_.]{0,24}") {
            if let Ok(path) = FieldPath::parse(&text) {
                prop_assert_eq!(path.to_string(), text);
            }
        }

        #[test]
        fn built_paths_read_back(
            key in "[a-z][a-z0-9_]{0,10}(\\.[a-z][a-z0-9_]{0,6})?",
            list in "[a-z][a-z_]{0,10}",
            row in 0..MAX_LIST_ROWS,
            column in "[a-z][a-z_]{0,10}",
        ) {
            prop_assume!(ReportField::from_name(&key).is_none() && !key.starts_with("cung_ky."));
            for path in [FieldPath::Key(key.clone()), FieldPath::cung_ky(&key), FieldPath::cell(&list, row, &column)] {
                prop_assert_eq!(FieldPath::parse(&path.to_string()), Ok(path));
            }
        }
    }
}
