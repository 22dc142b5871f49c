//! Report outlines (đề cương) as data: nodes, narratives, indicators, lists,
//! computed fields and validation rules, loaded from JSON.
//!
//! Built-in templates are made from `catalogue.json` (node content shared by
//! both kinds: every indicator is declared once) and one outline per kind
//! (`dang.json`, `cq.json`: titles, order and structure). Any other template is
//! a self-contained outline file (docs/outline-format.md), received and checked
//! by [`Template::from_file`]; [`Template::to_json`] writes that form. Reports
//! find their outline with [`Template::for_ref`]: a built-in one, or one loaded
//! on this device ([`registry`]); [`migrate`] moves a draft to another version.
//!
//! Node id scheme: content nodes keep the spec ids `N01`–`N24` and `PL1`;
//! sub-parts of a content node are the content id plus a letter path
//! (`N03a`, `N22b1`) and declare `part_of`, so their narratives keep the
//! content node's keys (`N22.han_che`); structural grouping headings are
//! `G_` + an upper-case mnemonic (`G_KET_QUA`, `G_CQ_TIEP_DAN`).

mod compile;
pub(crate) mod compiled;
mod error;
pub(crate) mod file;
pub mod formula;
pub mod migrate;
mod raw;
pub mod registry;
mod shape;
mod shipped;

pub use error::TemplateError;
pub use file::OutlineFileError;

use crate::model::{FieldPath, Kind, Period, PeriodType, Report, TemplateRef, UnitProfile};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A loaded, checked template with formulas parsed once.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Template {
    /// Template id, e.g. "DANG", "CQ".
    pub id: String,
    /// Template version; stored in each report's `TemplateRef`.
    pub version: u32,
    /// Document kind the outline is for.
    pub kind: Kind,
    /// Human title of the outline.
    pub title: String,
    /// The issuing body ("Ban Dân vận Tỉnh ủy …"); may be empty.
    pub issuer: String,
    /// Which reports it is for.
    pub applies: Applies,
    /// Root nodes in print order (children sorted by `order`).
    pub nodes: Vec<Node>,
    pub(crate) index: compiled::Index,
    /// [`Template::hash`], taken when the outline is compiled.
    hash: String,
    /// The outline as written, kept for [`Template::to_json`]. None for a
    /// built-in outline read from its compiled form, which finds its text
    /// with [`shipped::written`].
    #[serde(skip)]
    raw: Option<raw::RawTemplate>,
    /// Shipped with the app (made by [`Template::builtin`]), not loaded from a file.
    #[serde(skip)]
    builtin: bool,
}

/// The reports an outline is for: period types and the dates the periods
/// fall in (an outline issued for 2026 onwards, one replaced on 01/07/2025).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Applies {
    /// Period types; empty: all.
    pub periods: Vec<PeriodType>,
    /// It applies to periods that end on or after this day.
    #[serde(with = "shipped::day")]
    pub from: Option<NaiveDate>,
    /// It applies to periods that begin on or before this day.
    #[serde(with = "shipped::day")]
    pub until: Option<NaiveDate>,
}

impl Applies {
    /// Whether a report of `period` may use the outline: its type is listed
    /// (or none is) and the period overlaps `from`–`until`.
    pub fn period(&self, period: &Period) -> bool {
        let (first, last) = period.effective_bounds();
        (self.periods.is_empty() || self.periods.contains(&period.period_type))
            && self.from.is_none_or(|from| last.is_none_or(|l| l >= from))
            && self.until.is_none_or(|until| first.is_none_or(|f| f <= until))
    }
}

/// One section of the outline.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Node {
    /// Stable id (`N07`, `N22b1`, `G_KET_QUA`, `PL1`).
    pub id: String,
    /// For a sub-part: the content node whose keys its narratives use.
    pub part_of: Option<String>,
    /// Title for this kind; may contain `{ky_sau}` / `{ky_nay}`, which the engine fills in (`node_title`).
    pub title: String,
    /// Sort key among siblings.
    pub order: u32,
    /// What to write here (Vietnamese).
    pub guidance: String,
    /// Required section (E10): always printed, its required items checked.
    pub required: bool,
    /// Period types this node applies to; empty = all.
    pub periods: Vec<PeriodType>,
    /// An appendix (Phụ lục), numbered separately.
    pub appendix: bool,
    /// What the node prints when the cadre marks it "Không phát sinh trong kỳ".
    pub when_none: WhenNone,
    /// Narrative fields.
    pub narratives: Vec<Narrative>,
    /// Row groups of grouped indicators (N08 `cbccvc`/`cong_dan`, N15 organisations).
    pub groups: Vec<Group>,
    /// Numeric and other indicators.
    pub indicators: Vec<Indicator>,
    /// Repeatable lists.
    pub lists: Vec<ListDef>,
    /// Computed fields declared here.
    pub computed: Vec<ComputedDef>,
    /// Validation rules declared here.
    pub rules: Vec<RuleDef>,
    /// Sub-nodes in print order.
    pub children: Vec<Node>,
    /// Indicator value keys (grouped ones expanded), built at load.
    pub(crate) keys: Vec<String>,
}

/// A narrative (free text) field; its key is `<content id>.<field>`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Narrative {
    /// Field name (`text`, `uu_diem`, `HOI_LHPN`).
    pub field: String,
    /// Full key in `Report::texts`.
    pub key: String,
    /// Label shown above the text box.
    pub label: String,
    /// Required when its node is required or started.
    pub required: bool,
    /// Required only when this row group has data (N15 organisation blocks).
    pub group: Option<String>,
    /// Period types it applies to; empty = all (bài học: annual only).
    pub periods: Vec<PeriodType>,
    /// Edited one item per line and printed numbered "1.", "2.", … (tasks, proposals).
    pub items: bool,
}

/// What a required node marked "Không phát sinh trong kỳ" prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum WhenNone {
    /// Its heading and the cadre's sentence (or the default one).
    #[default]
    Sentence,
    /// Nothing, not even its heading; the numbers close up.
    Nothing,
}

/// A row group of grouped indicators.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    /// Group id used in keys (`cong_dan`, `HOI_LHPN`).
    pub id: String,
    /// Vietnamese label.
    pub label: String,
}

/// Value type of an indicator or list column.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FieldType {
    /// Non-negative integer count.
    Int,
    /// Decimal with n places, stored as integer units of 10^-n.
    Dec(u32),
    /// Whole đồng.
    Money,
    /// Free text.
    Text,
    /// Calendar date.
    Date,
    /// One of fixed options (stored value = option value).
    Enum(Vec<EnumOption>),
}

impl FieldType {
    /// Whether values are numbers usable in formulas.
    pub fn is_numeric(&self) -> bool {
        matches!(self, FieldType::Int | FieldType::Dec(_) | FieldType::Money)
    }

    /// Decimal scale (0 for INT and MONEY).
    pub fn scale(&self) -> u32 {
        match self {
            FieldType::Dec(s) => *s,
            _ => 0,
        }
    }

    /// Spelling used in template JSON.
    pub fn code(&self) -> String {
        match self {
            FieldType::Int => "INT".into(),
            FieldType::Dec(s) => format!("DEC({s})"),
            FieldType::Money => "MONEY".into(),
            FieldType::Text => "TEXT".into(),
            FieldType::Date => "DATE".into(),
            FieldType::Enum(_) => "ENUM".into(),
        }
    }
}

/// One ENUM option.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EnumOption {
    /// Stored value.
    pub value: String,
    /// Vietnamese label.
    pub label: String,
}

/// Whether an indicator must be filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Requirement {
    /// R: may be 0, not blank.
    Required,
    /// O.
    Optional,
    /// C: computed; an entered value is only cross-checked by a rule.
    Computed,
}

/// Per-unit plausibility bounds for a money value (W04).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PerUnit {
    /// Count indicator (or column) the amount is divided by.
    pub key: String,
    /// Lowest plausible đồng per unit.
    pub min: i64,
    /// Highest plausible đồng per unit.
    pub max: i64,
}

/// An indicator (docs/domain.md §2.4).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    /// Spec key (`hg_thanh`); grouped values use `<key>.<group>`.
    pub key: String,
    /// Vietnamese label.
    pub label: String,
    /// Shorter label used inside validation messages.
    pub short: Option<String>,
    /// Unit from the controlled vocabulary ("vụ", "đồng", …).
    pub unit: String,
    /// Value type.
    pub ty: FieldType,
    /// R / O / C.
    pub req: Requirement,
    /// Compared with cùng kỳ.
    pub compare: bool,
    /// One value per row group of its node.
    pub grouped: bool,
    /// Phrases that introduce this figure in prose (W02).
    pub mentions: Vec<String>,
    /// Per-unit money bounds (W04).
    pub per: Option<PerUnit>,
}

impl Indicator {
    /// Label used in messages.
    pub fn message_label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.label)
    }
}

/// A repeatable list (LIST<row>).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ListDef {
    /// List key (`hoi_quan_ds`).
    pub key: String,
    /// Vietnamese label.
    pub label: String,
    /// Columns.
    pub columns: Vec<Column>,
    /// How its rows print at its node.
    pub print: ListPrint,
}

/// How a list's rows print (template `"print"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ListPrint {
    /// A table with a header row and a "STT" column.
    #[default]
    Table,
    /// One numbered sentence per row ("1. Tên mô hình (đơn vị áp dụng: …).").
    Sentences,
}

/// A list column; cells are addressed `<list>.<row>.<column>`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Column {
    /// Column key.
    pub key: String,
    /// Vietnamese label.
    pub label: String,
    /// Value type.
    pub ty: FieldType,
    /// Unit, if numeric.
    pub unit: Option<String>,
    /// Value used when the cell is blank (`tieu_chi_tong` = 19).
    pub default: Option<i64>,
    /// Per-unit money bounds against another column (W04).
    pub per: Option<PerUnit>,
}

/// How a computed value is displayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Display {
    /// "84,62%".
    Percent,
    /// "đạt 125% kế hoạch".
    Plan,
    /// "đạt 100% chỉ tiêu".
    Quota,
    /// A count ("98").
    Count,
    /// Đồng ("1,25 tỷ đồng").
    Money,
}

impl Display {
    /// Whether the value is a rate (kept as an exact rational).
    pub fn is_rate(self) -> bool {
        matches!(self, Display::Percent | Display::Plan | Display::Quota)
    }
}

/// When a computed value applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    /// Always computed (an entered value is only cross-checked).
    Always,
    /// Fills the key only when the user left it blank (`dvk_tong`, `tthc_dang_giai_quyet`).
    IfBlank,
}

/// A computed field as declared (C01–C09).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ComputedDef {
    /// Spec id (`C01`).
    pub id: String,
    /// Target key (group-qualified at evaluation when its inputs are grouped).
    pub key: String,
    /// Vietnamese label.
    pub label: String,
    /// Formula as written.
    pub formula: String,
    /// Display style.
    pub display: Display,
    /// Always / if blank.
    pub mode: Mode,
    /// Evaluated per row of this list (C09).
    pub per_row: Option<String>,
    /// Compared with cùng kỳ (rates: in điểm %).
    pub compare: bool,
    /// Phrases that introduce this figure in prose (W01).
    pub mentions: Vec<String>,
    /// Unit word after a count in prose ("suất"), from the outline; empty for
    /// money and rates (their display carries it) and for indicators' own keys.
    pub unit: String,
}

/// Severity of an issue: errors block finalising.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Blocks export/print as final.
    Error,
    /// Shown, does not block.
    Warning,
    /// Information the cadre chose (a figure marked "Không theo dõi"):
    /// neither an error nor a warning.
    Notice,
}

/// How a failed formula rule is worded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MessagePattern {
    /// "A (5) lớn hơn B (4)", "A (1.150) + B (40) = 1.190, khác C (1.180)".
    Compare,
    /// "A (120) vượt quá B (100)" (part ≤ whole).
    Exceeds,
    /// "Danh sách X có 3 dòng, khác Y (9)".
    Rows,
}

/// A validation rule as declared.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct RuleDef {
    /// Spec id (`E02`).
    pub id: String,
    /// Error or warning.
    pub level: Level,
    /// Formula as written.
    pub formula: String,
    /// Message pattern.
    pub message: MessagePattern,
    /// Checked per row of this list.
    pub per_row: Option<String>,
    /// The rule is skipped when any of these keys has a value.
    pub skip_if_entered: Vec<String>,
    /// Also checked on the cùng kỳ values.
    pub cung_ky: bool,
}

impl Node {
    /// The content node id its narrative keys use (`part_of`, else its own id).
    pub fn content_id(&self) -> &str {
        self.part_of.as_deref().unwrap_or(&self.id)
    }

    /// Whether the node applies to a period type.
    pub fn applies_to(&self, period: PeriodType) -> bool {
        self.periods.is_empty() || self.periods.contains(&period)
    }

    /// Every indicator value key of this node (grouped ones expanded).
    pub fn value_keys(&self) -> Vec<String> {
        self.keys.clone()
    }

    /// Value keys of one indicator of this node (grouped: one per group).
    pub fn keys_of(&self, ind: &Indicator) -> Vec<String> {
        if ind.grouped {
            self.groups.iter().map(|g| FieldPath::group_key(&ind.key, &g.id)).collect()
        } else {
            vec![ind.key.clone()]
        }
    }
}

/// An indicator found by value key, with its row group.
#[derive(Clone, Copy, Debug)]
pub struct IndicatorRef<'a> {
    /// The node that declares it.
    pub node_id: &'a str,
    /// The indicator.
    pub indicator: &'a Indicator,
    /// Its row group for grouped keys.
    pub group: Option<&'a Group>,
}

impl IndicatorRef<'_> {
    /// Label with the group: "Số đơn thư đã giải quyết (Công dân)".
    pub fn full_label(&self) -> String {
        match self.group {
            Some(g) => format!("{} ({})", self.indicator.label, g.label),
            None => self.indicator.label.clone(),
        }
    }
}

static BUILTIN_DANG: OnceLock<Template> = OnceLock::new();
static BUILTIN_CQ: OnceLock<Template> = OnceLock::new();
static HEAD_DANG: OnceLock<shipped::Head> = OnceLock::new();
static HEAD_CQ: OnceLock<shipped::Head> = OnceLock::new();

impl Report {
    /// A new draft of the built-in template of `kind` for `unit` (see
    /// [`Report::for_template`]). It lives here, not in the model, because
    /// the model imports nothing from the template layer.
    pub fn new(
        id: impl Into<String>,
        kind: Kind,
        period_type: PeriodType,
        year: i32,
        unit: UnitProfile,
        now: DateTime<Utc>,
    ) -> Report {
        let reference = Template::builtin(kind).template_ref();
        let period = crate::model::Period::calendar(period_type, year);
        Report::for_template(reference, id, kind, period, unit, now)
    }
}

impl Template {
    /// The built-in template of a kind, decoded once from its compiled form
    /// ([`shipped`]).
    pub fn builtin(kind: Kind) -> &'static Template {
        let cell = match kind {
            Kind::Dang => &BUILTIN_DANG,
            Kind::Cq => &BUILTIN_CQ,
        };
        cell.get_or_init(|| shipped::decode(kind))
    }

    /// The built-in template a report refers to, if its id and version are
    /// built in. Only that one is loaded.
    pub fn builtin_for(r: &TemplateRef) -> Option<&'static Template> {
        Template::builtin_kind_for(r).map(Template::builtin)
    }

    /// The kind whose built-in outline has the id and version of `r`.
    fn builtin_kind_for(r: &TemplateRef) -> Option<Kind> {
        Kind::ALL.into_iter().find(|&kind| {
            let head = Template::builtin_head(kind);
            head.id == r.id && head.version == r.version
        })
    }

    /// The built-in outlines whose file declares `id`; only those are loaded.
    pub fn builtins_with_id(id: &str) -> impl Iterator<Item = &'static Template> + '_ {
        Kind::ALL.into_iter().filter(move |&kind| Template::builtin_head(kind).id == id).map(Template::builtin)
    }

    /// The id and version of the built-in outline of `kind`.
    fn builtin_head(kind: Kind) -> &'static shipped::Head {
        let cell = match kind {
            Kind::Dang => &HEAD_DANG,
            Kind::Cq => &HEAD_CQ,
        };
        cell.get_or_init(|| shipped::head(kind))
    }

    /// Whether the built-in outline of `kind` has been loaded in this
    /// process (it is decoded on first use, and only then).
    pub fn builtin_is_loaded(kind: Kind) -> bool {
        match kind {
            Kind::Dang => BUILTIN_DANG.get().is_some(),
            Kind::Cq => BUILTIN_CQ.get().is_some(),
        }
    }

    /// The outline a report refers to: a built-in one by id and version (its
    /// hash is not compared: an app update may reword a built-in outline
    /// without a new version, and reports made before outlines were files
    /// carry no hash), else one registered on this device by id and version,
    /// and by hash when the reference has one. None: the device lacks it.
    pub fn for_ref(r: &TemplateRef) -> Option<&'static Template> {
        Template::builtin_for(r).or_else(|| registry::find(r))
    }

    /// The outline of `report` ([`Template::for_ref`]), or the built-in one
    /// of its kind when the device lacks it. Only for callers that show or
    /// count what they can (a progress figure, a list); whoever edits, checks
    /// or moves the report asks [`Template::for_ref`] and refuses on None.
    pub fn for_report(report: &Report) -> &'static Template {
        Template::for_ref(&report.template).unwrap_or_else(|| Template::builtin(report.kind))
    }

    /// Whether the outline ships with the app.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// Lowercase hex SHA-256 of the canonical outline JSON: [`Template::to_json`]'s
    /// content written compactly (members in the format's fixed order, no
    /// whitespace), so the same outline has the same hash however its file
    /// was indented or ordered.
    pub fn hash(&self) -> String {
        self.hash.clone()
    }

    /// What a report made from this outline records: id, version and hash.
    pub fn template_ref(&self) -> TemplateRef {
        TemplateRef { id: self.id.clone(), version: self.version, hash: Some(self.hash()) }
    }

    /// Load an outline file as received: every check of the format (size,
    /// UTF-8, JSON, shape, formulas, keys), with a Vietnamese message naming
    /// the file and the place on refusal. See docs/outline-format.md.
    pub fn from_file(name: &str, bytes: &[u8]) -> Result<Template, OutlineFileError> {
        file::load(name, bytes)
    }

    /// Load a self-contained template from trusted text (tests, text this app
    /// wrote), with the format's meaning checks but not its shape and size
    /// checks, and English serde messages. A received or stored file goes
    /// through [`Template::from_file`].
    pub fn from_json(json: &str) -> Result<Template, TemplateError> {
        let raw: raw::RawTemplate = serde_json::from_str(json).map_err(TemplateError::json)?;
        compile::compile(raw)
    }

    /// Load an outline whose nodes take their content from a catalogue file.
    pub fn from_outline(outline: &str, catalogue: &str) -> Result<Template, TemplateError> {
        let mut raw: raw::RawTemplate = serde_json::from_str(outline).map_err(TemplateError::json)?;
        let cat: raw::RawCatalogue =
            serde_json::from_str(catalogue).map_err(|e| TemplateError::at("catalogue", format!("bad JSON: {e}")))?;
        raw::merge_catalogue(&mut raw.nodes, &cat);
        compile::compile(raw)
    }

    /// The self-contained JSON form (loadable by [`Template::from_json`]).
    pub fn to_json(&self) -> String {
        match &self.raw {
            Some(raw) => serde_json::to_string_pretty(raw),
            None => serde_json::to_string_pretty(&shipped::written(self.kind)),
        }
        .unwrap_or_default()
    }

    /// Every node in print order with its depth (1 = top level).
    pub fn walk(&self) -> Vec<(usize, &Node)> {
        fn go<'a>(nodes: &'a [Node], depth: usize, out: &mut Vec<(usize, &'a Node)>) {
            for n in nodes {
                out.push((depth, n));
                go(&n.children, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        go(&self.nodes, 1, &mut out);
        out
    }

    /// Every node in print order (without depth).
    pub fn nodes_flat(&self) -> Vec<&Node> {
        self.walk().into_iter().map(|(_, n)| n).collect()
    }

    /// A node by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.walk().into_iter().map(|(_, n)| n).find(|n| n.id == id)
    }

    /// The indicator behind a value key (`hg_thanh`, `don_tiep_nhan.cong_dan`).
    pub fn indicator(&self, value_key: &str) -> Option<IndicatorRef<'_>> {
        let slot = self.index.values.get(value_key)?;
        Some(IndicatorRef { node_id: &slot.node_id, indicator: &slot.indicator, group: slot.group.as_ref() })
    }

    /// A list definition by key.
    pub fn list(&self, key: &str) -> Option<&ListDef> {
        self.index.lists.get(key).map(|(_, l)| l)
    }

    /// Every indicator value key in outline order (grouped keys expanded).
    pub fn value_keys(&self) -> Vec<String> {
        self.walk().into_iter().flat_map(|(_, n)| n.value_keys()).collect()
    }

    /// Every narrative key in outline order.
    pub fn narrative_keys(&self) -> Vec<String> {
        self.walk().into_iter().flat_map(|(_, n)| n.narratives.iter().map(|x| x.key.clone())).collect()
    }

    /// Every key the template knows: indicator, computed target and list keys (ungrouped).
    pub fn known_keys(&self) -> HashMap<String, &'static str> {
        let mut out = HashMap::new();
        for (_, n) in self.walk() {
            for i in &n.indicators {
                out.insert(i.key.clone(), "indicator");
            }
            for c in &n.computed {
                out.entry(c.key.clone()).or_insert("computed");
            }
            for l in &n.lists {
                out.insert(l.key.clone(), "list");
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
