//! The `Report` document: metadata, raw values, texts, lists, cùng kỳ.

use super::value::Value;
use super::{Kind, PeriodType};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the stored `Report` JSON layout; bump when a migration is needed.
/// 2: replaced sentences (`sentences`), the name used in sentences per kind,
/// each citation's own phrase, the trích yếu and figure-line options. Every
/// member added has a default, so a version-1 report reads unchanged.
pub const SCHEMA_VERSION: u32 = 2;

/// One row of a repeatable list: column key → raw value.
pub type Row = BTreeMap<String, Value>;

/// Which template (outline) a report was written against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TemplateRef {
    /// Template id, e.g. "DANG" or "CQ".
    pub id: String,
    /// Template version.
    pub version: u32,
    /// Lowercase hex SHA-256 of the outline's canonical JSON (`Template::hash`):
    /// two outlines that share an id and version but differ in content are
    /// told apart. Absent in reports made before outlines were files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

/// The reporting period (docs/domain.md §1.4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// Q1..Q4, H1, M9, Y.
    pub period_type: PeriodType,
    /// Calendar year of the period; cùng kỳ is always `year - 1`.
    pub year: i32,
    /// First day covered (chốt số liệu from); used by E08.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day covered (chốt số liệu to); used by E08.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

impl Period {
    /// Calendar bounds of the period (DESIGN default: 01/01–31/03 for Q1, 01/01–30/06 for H1, …).
    pub fn calendar_bounds(period_type: PeriodType, year: i32) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (m_from, m_to) = match period_type {
            PeriodType::Q1 => (1, 3),
            PeriodType::Q2 => (4, 6),
            PeriodType::Q3 => (7, 9),
            PeriodType::Q4 => (10, 12),
            PeriodType::H1 => (1, 6),
            PeriodType::M9 => (1, 9),
            PeriodType::Y => (1, 12),
        };
        let from = NaiveDate::from_ymd_opt(year, m_from, 1);
        let to = if m_to == 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)
        } else {
            NaiveDate::from_ymd_opt(year, m_to + 1, 1).and_then(|d| d.pred_opt())
        };
        (from, to)
    }

    /// The period `period_type` of `year` with its calendar bounds.
    pub fn calendar(period_type: PeriodType, year: i32) -> Period {
        let (from, to) = Period::calendar_bounds(period_type, year);
        Period { period_type, year, from, to }
    }

    /// `from`/`to` as stored, falling back to the calendar bounds.
    pub fn effective_bounds(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (f, t) = Period::calendar_bounds(self.period_type, self.year);
        (self.from.or(f), self.to.or(t))
    }
}

/// Administrative model the report was written under (context only, docs/domain.md §1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum HierarchyModel {
    /// Tỉnh – huyện – xã (before 01/07/2025).
    #[serde(rename = "3-tier-2020")]
    ThreeTier2020,
    /// Tỉnh – xã (from 01/07/2025).
    #[serde(rename = "2-tier-2025")]
    #[default]
    TwoTier2025,
}

impl HierarchyModel {
    /// DESIGN: periods that end before 01/07/2025 default to the 3-tier model.
    pub fn for_period(period_type: PeriodType, year: i32) -> HierarchyModel {
        let ends_before_july_2025 =
            year < 2025 || (year == 2025 && matches!(period_type, PeriodType::Q1 | PeriodType::Q2 | PeriodType::H1));
        if ends_before_july_2025 {
            HierarchyModel::ThreeTier2020
        } else {
            HierarchyModel::TwoTier2025
        }
    }
}

/// Signature block (docs/domain.md §4.7): quyền hạn line, chức vụ, họ tên.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Signature {
    /// "T/M BAN THƯỜNG VỤ" / "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH".
    pub quyen_han: String,
    /// "BÍ THƯ" / "CHỦ TỊCH".
    pub chuc_vu: String,
    /// Signer's full name.
    pub ho_ten: String,
}

/// What the unit uses when it issues a report of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct IssuerProfile {
    /// Issuing body in the header, e.g. "ĐẢNG ỦY PHƯỜNG 1" / "ỦY BAN NHÂN DÂN PHƯỜNG 1".
    pub issuer: String,
    /// Document symbol after the number, e.g. "BC/ĐU" or "BC-UBND".
    pub symbol: String,
    /// Default signer.
    pub signer: Signature,
    /// Default recipients, without punctuation.
    pub recipients: Vec<String>,
    /// The issuing body as named inside sentences ("Ủy ban nhân dân phường
    /// Tân Phú", "Ban Thường vụ Huyện ủy"); empty: derived from `issuer`.
    pub sentence_name: String,
}

/// The unit's settings, copied into each report when it is created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct UnitProfile {
    /// Unit code used in file names.
    pub code: String,
    /// Unit name, e.g. "PHƯỜNG 1".
    pub name: String,
    /// Upper party body for header line 1, e.g. "ĐẢNG BỘ THÀNH PHỐ SA ĐÉC".
    pub party_upper: String,
    /// Upper state / chủ quản body (usually none for a UBND xã).
    pub state_upper: Option<String>,
    /// Place name for the date line, e.g. "Phường 1".
    pub place: String,
    /// Party-format (DANG) issuing settings.
    pub dang: IssuerProfile,
    /// State-format (CQ) issuing settings.
    pub cq: IssuerProfile,
}

impl UnitProfile {
    /// The issuing settings for one kind.
    pub fn issuer(&self, kind: Kind) -> &IssuerProfile {
        match kind {
            Kind::Dang => &self.dang,
            Kind::Cq => &self.cq,
        }
    }

    /// As [`UnitProfile::issuer`], to change them.
    pub fn issuer_mut(&mut self, kind: Kind) -> &mut IssuerProfile {
        match kind {
            Kind::Dang => &mut self.dang,
            Kind::Cq => &mut self.cq,
        }
    }
}

/// Number and date of the document (filled by văn thư at issue; blank in drafts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Header {
    /// Document number, e.g. "15"; blank in drafts.
    pub number: Option<String>,
    /// Day of issue.
    pub day: Option<u32>,
    /// Month of issue.
    pub month: Option<u32>,
    /// Year of issue.
    pub year: Option<i32>,
    /// Deadline set by the upper level (no built-in default).
    pub due_date: Option<NaiveDate>,
}

impl Header {
    /// The issue date when day, month and year are all set and valid.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }
}

/// A cited document (REF, docs/domain.md §4.5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Citation {
    /// Loại văn bản: "Kế hoạch", "Công văn", …
    pub loai: String,
    /// Số ký hiệu, e.g. "98/KHPH-UBNDTP-BDVTU".
    pub so_ky_hieu: String,
    /// Date of the document.
    pub ngay: Option<NaiveDate>,
    /// Issuing body.
    pub co_quan: String,
    /// Trích yếu.
    pub trich_yeu: String,
    /// What follows the number and date when cited, as the unit writes it
    /// ("của Ủy ban nhân dân phường và Ban Dân vận Đảng ủy phường về …");
    /// empty: generated from `co_quan` and `trich_yeu`.
    pub phrase: String,
}

/// A footnote, referenced inline by `[^id]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Footnote {
    /// Token used in the text.
    pub id: String,
    /// Footnote text.
    pub text: String,
}

/// Denominator of the hòa giải rates (C01/C02, docs/domain.md §2.5 DESIGN).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum HgDenominator {
    /// `hg_tiep_nhan` (default).
    #[default]
    TiepNhan,
    /// `hg_thanh + hg_khong_thanh`.
    ThanhPlusKhongThanh,
}

impl HgDenominator {
    /// Name used in template formulas' `alt.value`.
    pub fn code(self) -> &'static str {
        match self {
            HgDenominator::TiepNhan => "tiep_nhan",
            HgDenominator::ThanhPlusKhongThanh => "thanh_plus_khong_thanh",
        }
    }
}

/// Typography profile (docs/domain.md §2.1 DESIGN).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum FormatProfile {
    /// HD 36-HD/VPTW (party).
    #[serde(rename = "HD36-2018")]
    Hd36_2018,
    /// NĐ 30/2020/NĐ-CP (state).
    #[serde(rename = "ND30-2020")]
    #[default]
    Nd30_2020,
}

impl FormatProfile {
    /// The profile a kind uses by default.
    pub fn for_kind(kind: Kind) -> FormatProfile {
        match kind {
            Kind::Dang => FormatProfile::Hd36_2018,
            Kind::Cq => FormatProfile::Nd30_2020,
        }
    }
}

fn default_true() -> bool {
    true
}

/// Per-report presentation options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportOptions {
    /// Zero-pad counts 1..9 in prose ("02"); default on.
    #[serde(default = "default_true")]
    pub pad_small_counts: bool,
    /// Denominator of the hòa giải rates.
    pub hg_denominator: HgDenominator,
    /// Typography profile.
    pub format_profile: FormatProfile,
    /// Print Phụ lục I with a DANG report (CQ always prints it).
    pub include_pl1: bool,
    /// The trích yếu names the plan ("… và phương hướng, nhiệm vụ …"); off by
    /// default: the plan is a section of the report.
    pub trich_yeu_with_plan: bool,
    /// Print the generated figure lines under each section; default on.
    #[serde(default = "default_true")]
    pub print_figures: bool,
    /// Per-section choice (node id → print or not) overriding `print_figures`.
    pub figures_by_node: BTreeMap<String, bool>,
}

impl ReportOptions {
    /// Whether the generated figure lines of node `node_id` are printed.
    pub fn prints_figures(&self, node_id: &str) -> bool {
        self.figures_by_node.get(node_id).copied().unwrap_or(self.print_figures)
    }
}

/// A generated sentence the cadre replaced (issue 14 item 1): printed as
/// written. `written_against` is the generated sentence when it was taken
/// over (or last confirmed): when today's generated sentence differs, the
/// figures it was written against have changed and W07 names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SentenceOverride {
    /// The sentence as the cadre wrote it.
    pub text: String,
    /// The generated sentence it replaced.
    pub written_against: String,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            pad_small_counts: true,
            hg_denominator: HgDenominator::TiepNhan,
            format_profile: FormatProfile::default(),
            include_pl1: false,
            trich_yeu_with_plan: false,
            print_figures: true,
            figures_by_node: BTreeMap::new(),
        }
    }
}

/// Lifecycle state of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being written.
    #[default]
    Draft,
    /// Checked with no errors; numbers frozen.
    Finalised,
    /// Sent as a file.
    Exported,
}

impl Status {
    /// The code stored in the draft list and in files (`draft`, `finalised`, `exported`).
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Finalised => "finalised",
            Status::Exported => "exported",
        }
    }

    /// The status of a stored code; an unknown code reads as a draft (the
    /// state that freezes nothing).
    pub fn from_code(code: &str) -> Status {
        [Status::Finalised, Status::Exported].into_iter().find(|s| s.code() == code).unwrap_or(Status::Draft)
    }

    /// Vietnamese label for lists and the editor.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Nháp",
            Status::Finalised => "Hoàn thành",
            Status::Exported => "Đã xuất",
        }
    }
}

/// A report as stored: raw values keyed by the template's keys, never formatted strings.
///
/// Key naming contract: indicator `hg_thanh`; row group `don_tiep_nhan.cong_dan`;
/// cùng kỳ values use the same keys in [`Report::cung_ky`]; list cells
/// `hoi_quan_ds.0.thanh_vien`; narratives `N01.text`, `N22.uu_diem`, `N15.HOI_LHPN`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Stored layout version, [`SCHEMA_VERSION`] when written by this code.
    #[serde(default = "default_schema_version")]
    pub schema_version: u32,
    /// UUID generated by the caller.
    #[serde(default)]
    pub id: String,
    /// Template id and version this report follows.
    #[serde(default)]
    pub template: TemplateRef,
    /// DANG or CQ.
    pub kind: Kind,
    /// Reporting period.
    pub period: Period,
    /// "3-tier-2020" or "2-tier-2025" (context only).
    #[serde(default)]
    pub hierarchy_model: HierarchyModel,
    /// User label shown in the draft list.
    #[serde(default)]
    pub name: String,
    /// Unit profile copied at creation.
    #[serde(default)]
    pub unit: UnitProfile,
    /// Number and date.
    #[serde(default)]
    pub header: Header,
    /// Documents cited in the opening paragraph.
    #[serde(default)]
    pub can_cu: Vec<Citation>,
    /// Narratives: `<node id>.<field>` → text.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    /// Indicator values: key (group-qualified where grouped) → raw value.
    #[serde(default, deserialize_with = "map_at_once")]
    pub values: BTreeMap<String, Value>,
    /// Qualifier per key: "hơn", "trên", "khoảng", "gần".
    #[serde(default)]
    pub qualifiers: BTreeMap<String, String>,
    /// Repeatable lists: list key → rows.
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<Row>>,
    /// Cùng kỳ (same period of `year - 1`) values, same keys as `values`.
    #[serde(default, deserialize_with = "map_at_once")]
    pub cung_ky: BTreeMap<String, Value>,
    /// Footnotes.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Generated sentences the cadre replaced, by sentence id (`opening`,
    /// `trich_yeu`, `figure.N09.hg_thanh`, …; see `print::SentenceId`).
    #[serde(default)]
    pub sentences: BTreeMap<String, SentenceOverride>,
    /// Signature block.
    #[serde(default)]
    pub signature: Signature,
    /// Nơi nhận lines without punctuation.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Presentation options.
    #[serde(default)]
    pub options: ReportOptions,
    /// Draft / finalised / exported.
    #[serde(default)]
    pub status: Status,
    /// Creation time (passed in by the caller).
    #[serde(default, deserialize_with = "super::date::de_utc")]
    pub created_at: DateTime<Utc>,
    /// Last change time (passed in by the caller).
    #[serde(default, deserialize_with = "super::date::de_utc")]
    pub updated_at: DateTime<Utc>,
    /// Last export time.
    #[serde(default, deserialize_with = "super::date::de_utc_opt")]
    pub exported_at: Option<DateTime<Utc>>,
    // The cadre's marks for what did not happen or is not tracked (issue 14 item 5).
    // Both are absent from the JSON when empty, so files without them read the same.
    /// Required nodes marked "Không phát sinh trong kỳ": node id → the
    /// sentence to print instead of its content (blank: the default sentence).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub none_in_period: BTreeMap<String, String>,
    /// Required figures marked "Không theo dõi": value key → an optional
    /// sentence printed at its node (blank: nothing is printed for it).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub not_tracked: BTreeMap<String, String>,
}

/// serde's message without its "at line …" (a tree has no position).
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rsplit_once(" at line ") {
        Some((message, _)) if e.line() > 0 => message.to_string(),
        _ => message,
    }
}

fn default_schema_version() -> u32 {
    SCHEMA_VERSION
}

/// The figures (`values`, `cung_ky`) as serde's own map reader reads them
/// (a name given twice keeps its last value; refused earlier anyway, see
/// `exchange::canonical`), but the map built at once from the entries:
/// inserted one by one, each of a report's 280 figures was compared with
/// some 30 keys before it (a merge reads 200 reports).
fn map_at_once<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, Value>, D::Error> {
    struct Entries;

    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = BTreeMap<String, Value>;

        // serde's own words, so a wrong type reads as it did.
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            // A stable sort, then the last of equal names kept.
            Ok(BTreeMap::from_iter(entries))
        }
    }

    deserializer.deserialize_map(Entries)
}

impl Report {
    /// A stored draft's report from its JSON text, read as the JSON tree of
    /// that text reads (a member given twice counts once, with its last
    /// value; the error is serde's message without a position). Straight
    /// from the text when that succeeds, which gives the tree's report: the
    /// text this app writes always does, and opening a draft is the editor's
    /// first screen. Otherwise the tree is built and decides.
    pub fn from_stored(text: &str) -> Result<Report, String> {
        if let Ok(report) = serde_json::from_str(text) {
            return Ok(report);
        }
        let tree: serde_json::Value = serde_json::from_str(text).map_err(|e| without_position(&e))?;
        serde_json::from_str(&tree.to_string()).map_err(|e| without_position(&e))
    }

    /// A new draft of `template` for `unit`, with header, signature and
    /// recipients filled from its profile. `Report::new` (in `template`,
    /// since the model knows no template) calls this with the built-in one.
    pub fn for_template(
        template: TemplateRef,
        id: impl Into<String>,
        kind: Kind,
        period: Period,
        unit: UnitProfile,
        now: DateTime<Utc>,
    ) -> Report {
        let issuer = unit.issuer(kind).clone();
        let Period { period_type, year, .. } = period;
        let name = format!("Báo cáo {} – {}", period_type.name(year), kind.label());
        Report {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            template,
            kind,
            period,
            hierarchy_model: HierarchyModel::for_period(period_type, year),
            name,
            header: Header { year: Some(report_year_guess(period_type, year, now)), ..Header::default() },
            unit,
            can_cu: Vec::new(),
            texts: BTreeMap::new(),
            values: BTreeMap::new(),
            qualifiers: BTreeMap::new(),
            lists: BTreeMap::new(),
            cung_ky: BTreeMap::new(),
            footnotes: Vec::new(),
            sentences: BTreeMap::new(),
            signature: issuer.signer.clone(),
            recipients: issuer.recipients.clone(),
            options: ReportOptions { format_profile: FormatProfile::for_kind(kind), ..ReportOptions::default() },
            status: Status::Draft,
            created_at: now,
            updated_at: now,
            exported_at: None,
            none_in_period: BTreeMap::new(),
            not_tracked: BTreeMap::new(),
        }
    }

    /// The year cùng kỳ refers to (always `year - 1`).
    pub fn cung_ky_year(&self) -> i32 {
        self.period.year.saturating_sub(1)
    }

    /// Value stored under `key`, ignoring blanks.
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.values.get(key).filter(|v| !v.is_blank())
    }

    /// The sentence of a node marked "Không phát sinh trong kỳ" (possibly
    /// blank), or None when the node is not marked.
    pub fn none_sentence(&self, node_id: &str) -> Option<&str> {
        self.none_in_period.get(node_id).map(String::as_str)
    }

    /// Whether the unit marked the figure `key` "Không theo dõi".
    pub fn is_not_tracked(&self, key: &str) -> bool {
        self.not_tracked.contains_key(key)
    }

    /// Narrative under `key` when it has non-whitespace text.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(|s| s.as_str()).filter(|s| !s.trim().is_empty())
    }
}

/// The year a report is normally issued in: the period's year, unless the
/// report is being created after that year has ended (annual reports written in January).
fn report_year_guess(_period_type: PeriodType, year: i32, now: DateTime<Utc>) -> i32 {
    if now.year() > year {
        year + 1
    } else {
        year
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::full_report;

    /// The old reader: through the JSON tree of the text.
    fn through_tree(text: &str) -> Result<Report, String> {
        let tree: serde_json::Value = serde_json::from_str(text).map_err(|e| without_position(&e))?;
        serde_json::from_value::<Report>(tree).map_err(|e| e.to_string())
    }

    #[test]
    fn a_stored_report_reads_as_its_json_tree_reads() {
        for kind in [Kind::Cq, Kind::Dang] {
            let report = full_report(kind);
            for text in [serde_json::to_string(&report).unwrap(), serde_json::to_string_pretty(&report).unwrap()] {
                assert_eq!(Report::from_stored(&text).unwrap(), report);
                assert_eq!(Report::from_stored(&text), through_tree(&text));
            }
        }
    }

    #[test]
    fn a_member_given_twice_counts_once_with_its_last_value() {
        let report = full_report(Kind::Cq);
        let text = serde_json::to_string(&report).unwrap();
        // A struct member twice: serde's typed reader refuses it, the tree keeps the last.
        let twice = text.replacen("{\"schema_version\":", "{\"name\":\"cũ\",\"schema_version\":", 1);
        assert!(serde_json::from_str::<Report>(&twice).is_err());
        assert_eq!(Report::from_stored(&twice).unwrap(), report);
        assert_eq!(Report::from_stored(&twice), through_tree(&twice));
    }

    #[test]
    fn maps_built_at_once_read_as_serdes_own_maps_repeated_names_and_wrong_types_included() {
        #[derive(Deserialize)]
        struct AtOnce {
            #[serde(deserialize_with = "map_at_once")]
            m: BTreeMap<String, Value>,
        }
        #[derive(Deserialize)]
        struct Serdes {
            m: BTreeMap<String, Value>,
        }
        for text in [
            r#"{"m":{"b":1,"a":"x","c":{"unparsed":"1,5"}}}"#,
            r#"{"m":{}}"#,
            r#"{"m":{"a":1,"b":2,"a":3}}"#,
            r#"{"m":[1]}"#,
            r#"{"m":"x"}"#,
            r#"{"m":{"a":[]}}"#,
        ] {
            let at_once = serde_json::from_str::<AtOnce>(text).map(|r| r.m).map_err(|e| e.to_string());
            let serdes = serde_json::from_str::<Serdes>(text).map(|r| r.m).map_err(|e| e.to_string());
            assert_eq!(at_once, serdes, "{text}");
            let tree: serde_json::Value = serde_json::from_str(text).unwrap();
            let at_once = serde_json::from_value::<AtOnce>(tree.clone()).map(|r| r.m).map_err(|e| e.to_string());
            let serdes = serde_json::from_value::<Serdes>(tree).map(|r| r.m).map_err(|e| e.to_string());
            assert_eq!(at_once, serdes, "{text} as a tree");
        }
    }

    #[test]
    fn a_text_that_is_no_report_is_refused_with_serdes_message_and_no_position() {
        let mut tree = serde_json::to_value(full_report(Kind::Cq)).unwrap();
        tree["schema_version"] = "một".into();
        let expected = serde_json::from_value::<Report>(tree.clone()).unwrap_err().to_string();
        assert_eq!(Report::from_stored(&tree.to_string()).unwrap_err(), expected);
        assert!(!expected.contains(" at line "), "{expected}");
        tree.as_object_mut().unwrap().remove("kind");
        let expected = serde_json::from_value::<Report>(tree.clone()).unwrap_err().to_string();
        assert_eq!(Report::from_stored(&tree.to_string()).unwrap_err(), expected);
        let not_an_object = serde_json::json!("báo cáo");
        let expected = serde_json::from_value::<Report>(not_an_object.clone()).unwrap_err().to_string();
        assert_eq!(Report::from_stored(&not_an_object.to_string()).unwrap_err(), expected);
        assert_eq!(Report::from_stored("{\"id\": "), through_tree("{\"id\": "));
    }
}
