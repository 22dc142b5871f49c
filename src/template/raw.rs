//! Serde shapes of template JSON files (as written by authors), before checking.

use serde::{Deserialize, Serialize};

/// Version of the outline file format this code reads and writes
/// (docs/outline-format.md); a file of a newer format is refused.
pub const FORMAT_VERSION: u32 = 1;

/// A whole self-contained template file (docs/outline-format.md).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTemplate {
    /// Format version ([`FORMAT_VERSION`]); absent in files written before it existed.
    #[serde(default = "format_version")]
    pub format: u32,
    pub id: String,
    pub version: u32,
    pub kind: String,
    #[serde(default)]
    pub title: String,
    /// The issuing body ("Ban Dân vận Tỉnh ủy …").
    #[serde(default)]
    pub issuer: String,
    /// Which reports the outline is for; absent: every period, any date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies: Option<RawApplies>,
    pub nodes: Vec<RawNode>,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// Period types and dates an outline applies to.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApplies {
    /// Period type codes (`Q1` … `Y`); empty: all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<String>,
    /// First day of the periods it applies to (ISO date), inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day of the periods it applies to (ISO date), inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// The shared node catalogue used to build the built-in templates.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    pub nodes: Vec<RawNode>,
}

/// One node as written. Every field but `id` may be left out in an outline
/// when the catalogue supplies it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appendix: Option<bool>,
    /// What a required node marked "Không phát sinh trong kỳ" prints:
    /// `"sentence"` (default) or `"nothing"` (no heading either).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_none: Option<String>,
    /// Kinds the catalogue entry is meant for (documentation; checked by tests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narratives: Option<Vec<RawNarrative>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<RawGroup>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Vec<RawIndicator>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<RawList>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed: Option<Vec<RawComputed>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<RawRule>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<RawNode>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNarrative {
    pub field: String,
    pub label: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<String>>,
    /// Edited one item per line and printed numbered 1., 2., …
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub items: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: String,
    pub label: String,
}

/// An ENUM option: a plain string (value = label) or `{value, label}`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RawOption {
    Plain(String),
    Labelled { value: String, label: String },
}

/// Per-unit money plausibility bounds (W04).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPer {
    /// Count indicator key (for indicators) or column key (for list columns).
    pub key: String,
    pub min: i64,
    pub max: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(default)]
    pub unit: String,
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<RawOption>>,
    #[serde(default = "default_req")]
    pub req: String,
    #[serde(default)]
    pub compare: bool,
    #[serde(default)]
    pub grouped: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<RawPer>,
}

fn default_req() -> String {
    "O".to_string()
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawColumn {
    pub key: String,
    pub label: String,
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<RawOption>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<RawPer>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawList {
    pub key: String,
    pub label: String,
    pub columns: Vec<RawColumn>,
    /// How the rows print at the list's node: `"table"` (default) or `"sentences"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlt {
    pub option: String,
    pub value: String,
    pub formula: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComputed {
    pub id: String,
    pub key: String,
    pub label: String,
    pub formula: String,
    pub display: String,
    #[serde(default = "default_mode")]
    pub mode: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_row: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt: Vec<RawAlt>,
    #[serde(default)]
    pub compare: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<String>,
    /// Unit word after a count in prose ("suất"); money and rates carry their own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
}

fn default_mode() -> String {
    "always".to_string()
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: String,
    pub level: String,
    pub formula: String,
    #[serde(default = "default_message")]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_row: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skip_if_entered: Vec<String>,
    #[serde(default = "default_true")]
    pub cung_ky: bool,
}

fn default_message() -> String {
    "compare".to_string()
}

fn default_true() -> bool {
    true
}

/// Fill every field the outline left out from the catalogue entry with the same id.
pub fn merge_catalogue(nodes: &mut [RawNode], catalogue: &RawCatalogue) {
    for node in nodes.iter_mut() {
        if let Some(c) = catalogue.nodes.iter().find(|c| c.id == node.id) {
            macro_rules! fill {
                ($($f:ident),*) => { $( if node.$f.is_none() { node.$f = c.$f.clone(); } )* };
            }
            fill!(
                title, order, guidance, required, part_of, periods, appendix, when_none, narratives, groups,
                indicators, lists, computed, rules
            );
        }
        node.kinds = None;
        merge_catalogue(&mut node.children, catalogue);
    }
}
