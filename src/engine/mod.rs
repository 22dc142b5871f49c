//! Evaluation of a report against its template: computed values, comparison
//! with cùng kỳ, Phụ lục I, validation issues and completion. Pure: no clock,
//! no I/O, and no input makes it panic (values beyond ±10^15 are reported by
//! E01 and never reach the formatters; arithmetic is checked).
//!
//! Main entry points: [`evaluate`], [`can_finalise`], [`numbering`],
//! [`node_title`], [`value_text`], [`cung_ky_from_previous`].
//!
//! Choices where the spec is open (DESIGN / UNCONFIRMED):
//! - Blank means "not entered"; `0` is a value. A formula side with a blank
//!   operand is not checked; `sum(a, b, …)` skips blank terms (used where a
//!   breakdown may be partial, e.g. the "Dân vận khéo" fields).
//! - Rules see what the user entered first, then the computed value; so E03
//!   and the hội quán total only fire when a total was typed by hand.
//! - Optional nodes count their required items only once started; an N15
//!   organisation block needs its text once it has any figure or list row.
//! - Table cells in Phụ lục I are never zero-padded ("1"); bullets follow the
//!   `pad_small_counts` toggle ("giảm 02"). A bullet needs both years' figures;
//!   a group that is all zero (or blank) in both years gets none. The T3
//!   "x/y vụ" bullets use the denominator of the chosen `hg_denominator`.
//! - Messages of grouped, per-row or cùng kỳ checks are prefixed with the
//!   group label, "<list>, dòng n" or "Cùng kỳ năm <year−1>".
//! - W03 counts whole weeks between `period.from` and `period.to` (else 13 per
//!   quarter). W05 ignores counts whose larger year is under 10.
//! - Narrative heuristics (W01, W02, W04, W06, E08 years) are documented in `text.rs`.
//!
//! # Where each rule and computed field lives
//!
//! Formula rules and computed fields are data: `src/template/catalogue.json`
//! declares them per node, `template::compile` checks and resolves them once,
//! and `rules.rs` / `computed.rs` evaluate them. The rest are built-in code.
//! Every finding is made by [`Issue::new`].
//!
//! | id | what | where |
//! |---|---|---|
//! | C01, C02 | hòa giải thành / không thành rates | catalogue N09 → `computed.rs` |
//! | C03, C04 | đơn thư tồn đọng, rate solved | catalogue N08 → `computed.rs` |
//! | C05 | TTHC on-time / late rates, pending files | catalogue N06 → `computed.rs` |
//! | C06 | hộ nghèo / cận nghèo rates | catalogue N05 → `computed.rs` |
//! | C07 | against plan (quỹ Vì người nghèo, giao quân) | catalogue N05, N14 → `computed.rs` |
//! | C08 | totals (an sinh, Dân vận khéo, hội quán members) | catalogue N05, N16, N17 → `computed.rs` |
//! | C09 | nông thôn mới criteria rate | catalogue N18 → `computed.rs` |
//! | C10, C11 | count deltas, rate deltas in điểm % vs cùng kỳ | `compare.rs` (texts in `format::number`) |
//! | C12 | cùng kỳ figures taken from last year's report | `cung_ky.rs` |
//! | E01 | value fits its type and range | `checks.rs` `e01_values` |
//! | E02, E03 | đơn thư order and tồn đọng equation | catalogue N08 → `rules.rs` |
//! | E04 | hòa giải sums | catalogue N09 → `rules.rs` |
//! | E05 | TTHC sums | catalogue N06 → `rules.rs` |
//! | E06 | a part is at most its whole | catalogue (many nodes) → `rules.rs` |
//! | E07 | stated totals equal their parts or list rows | catalogue N16, N17 → `rules.rs` |
//! | E08 | dates: period, header, căn cứ; years in narratives | `checks.rs` `e08_dates`; `text.rs` `e08_years` |
//! | E09 | signature block filled in | `checks.rs` `e09_signature` |
//! | E10 | required items missing | `progress.rs` `e10_issues` |
//! | W01 | a rate written in a narrative differs from the computed one | `text.rs` `mentions_w01` |
//! | W02 | a count written in a narrative differs from the entered one | `text.rs` `mentions_w02` |
//! | W03 | Chủ tịch's tiếp dân định kỳ below the legal frequency | `checks.rs` `w03_tiep_dan` |
//! | W04 | money without its unit (fields, narratives) | `checks.rs` `w04_money`; `text.rs` `w06_and_w04` |
//! | W05 | outlier against cùng kỳ | `checks.rs` `w05_outliers` |
//! | W06 | decimal point instead of comma in a narrative number | `text.rs` `w06_and_w04` |
//! | I01 | notice: a required figure marked "Không theo dõi" and left blank | `progress.rs` `not_tracked_notices` |
//! | W07 | a sentence the cadre replaced was written against figures that changed since | `print::sentences` `stale_sentences` (not in [`evaluate`]: the sentences are made by `print`, above the engine; the editor adds it) |

mod appendix;
mod checks;
mod compare;
mod computed;
mod cung_ky;
mod display;
mod env;
mod fmt;
mod numbering;
mod progress;
mod rules;
mod text;

pub use appendix::{Appendix, SimpleTable, T1Group, T1Table};
pub use cung_ky::{cung_ky_from_previous, cung_ky_replacements, merge_cung_ky, CungKyError, CungKyReplacement};
pub use display::{computed_text, qualified, value_text};
pub use numbering::{heading_number, node_title, numbering, printed_nodes};
pub use progress::{filled_rows, NodeProgress, Progress};

use crate::format::Rational;
use crate::model::{FieldPath, Report, Row};
pub use crate::template::Level;
use crate::template::Template;
use env::Lists;
use num_traits::{CheckedMul, CheckedSub};
use serde::Serialize;
use std::collections::BTreeMap;

/// An exact computed or compared value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Exact {
    /// A count, đồng amount or difference.
    Int {
        /// The value.
        value: i64,
    },
    /// A DEC value in units of 10^-scale.
    Dec {
        /// Units.
        units: i64,
        /// Decimal places.
        scale: u32,
    },
    /// A rate as an exact fraction (1 = 100%).
    Rate {
        /// Numerator.
        numer: i128,
        /// Denominator.
        denom: i128,
    },
}

impl Exact {
    /// The exact rate, when this is one.
    pub fn rate(&self) -> Option<Rational> {
        match self {
            Exact::Rate { numer, denom } => Some(Rational::new(*numer, *denom)),
            _ => None,
        }
    }

    /// The integer, when this is an `Int`.
    pub fn int(&self) -> Option<i64> {
        match self {
            Exact::Int { value } => Some(*value),
            _ => None,
        }
    }

    pub(crate) fn from_rate(r: &Rational) -> Exact {
        Exact::Rate { numer: *r.numer(), denom: *r.denom() }
    }
}

/// One computed field (C01–C09) for one key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComputedValue {
    /// Spec id (`C01`).
    pub id: String,
    /// Target key, group-qualified where grouped (`don_ton_dong.cong_dan`),
    /// `<list>.<row>.<key>` for per-row fields.
    pub key: String,
    /// Node that declares it.
    pub node_id: String,
    /// Vietnamese label.
    pub label: String,
    /// Exact value.
    pub value: Exact,
    /// Display string ("15,63%", "đạt 125% kế hoạch", "98", "1,25 tỷ đồng").
    pub display: String,
}

/// Comparison of one key with cùng kỳ (C10 for counts, C11 for rates).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delta {
    /// Indicator or computed key.
    pub key: String,
    /// Current value.
    pub current: Exact,
    /// Cùng kỳ value.
    pub previous: Exact,
    /// "tăng 01", "giảm 02", "bằng cùng kỳ", "tăng 9,62 điểm %".
    pub text: String,
}

impl Delta {
    /// For rates: the change in percentage points, exact (11/13 − 12/16 → 1,25/13 = 9,615…).
    pub fn points(&self) -> Option<Rational> {
        let (c, p) = (self.current.rate()?, self.previous.rate()?);
        c.checked_sub(&p)?.checked_mul(&Rational::from_integer(100))
    }

    /// Optional ratio text for counts (C10): "bằng 87,50% so với cùng kỳ";
    /// None for rates, DEC values, or when cùng kỳ is 0. Computed on demand.
    pub fn ratio_text(&self) -> Option<String> {
        match (&self.current, &self.previous) {
            (Exact::Int { value: c }, Exact::Int { value: p }) => compare::ratio_text(*c, *p),
            _ => None,
        }
    }
}

/// A validation finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Rule id: "E01"…"E10", "W01"…"W06".
    pub rule: String,
    /// Error (blocks finalising) or warning.
    pub level: Level,
    /// Fields involved; their display forms are the editor's input names
    /// (cùng kỳ as `cung_ky.<key>`, a whole list by its key).
    pub paths: Vec<FieldPath>,
    /// Plain Vietnamese message naming labels and figures.
    pub message: String,
    /// Node to open in the editor, when known.
    pub node_id: Option<String>,
}

impl Issue {
    /// The one way every rule, built-in or declared by formula, reports a finding.
    pub(crate) fn new(
        rule: &str,
        level: Level,
        paths: Vec<FieldPath>,
        message: String,
        node_id: Option<&str>,
    ) -> Issue {
        Issue { rule: rule.to_string(), level, paths, message, node_id: node_id.map(str::to_string) }
    }
}

/// Everything the UI shows about a report, recomputed from scratch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// Computed values for the current period, by target key.
    pub computed: BTreeMap<String, ComputedValue>,
    /// Computed values for cùng kỳ, where its figures allow.
    pub cung_ky: BTreeMap<String, ComputedValue>,
    /// Comparison with cùng kỳ per comparable key.
    pub deltas: BTreeMap<String, Delta>,
    /// Phụ lục I tables (when the template has a PL1 node).
    pub appendix: Option<Appendix>,
    /// Errors and warnings, in outline order of their rules.
    pub issues: Vec<Issue>,
    /// Completion per node.
    pub progress: Progress,
}

impl Evaluation {
    /// Issues of level error.
    pub fn errors(&self) -> Vec<&Issue> {
        self.issues.iter().filter(|i| i.level == Level::Error).collect()
    }

    /// Issues of level warning.
    pub fn warnings(&self) -> Vec<&Issue> {
        self.issues.iter().filter(|i| i.level == Level::Warning).collect()
    }

    /// Number of errors per outline node, in one pass over the issues
    /// (the checklist shows one count per section), in the order of each
    /// node's first error. A list, not a map: a report has a few dozen
    /// nodes, and a map type of its own would cost the download more.
    pub fn errors_by_node(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for node in self.issues.iter().filter(|i| i.level == Level::Error).filter_map(|i| i.node_id.as_ref()) {
            match out.iter_mut().find(|(n, _)| n == node) {
                Some((_, count)) => *count += 1,
                None => out.push((node.clone(), 1)),
            }
        }
        out
    }

    /// The display string of a computed value, if any.
    pub fn display(&self, key: &str) -> Option<&str> {
        self.computed.get(key).map(|c| c.display.as_str())
    }
}

/// The computed values of a report, for the current period and for cùng
/// kỳ: the part of an [`Evaluation`] a table of figures shows, without its
/// comparisons, appendix, progress and issues.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    /// Computed values for the current period, by target key.
    pub computed: BTreeMap<String, ComputedValue>,
    /// Computed values for cùng kỳ, where its figures allow.
    pub cung_ky: BTreeMap<String, ComputedValue>,
}

impl Figures {
    /// The display string of a computed value, if any.
    pub fn display(&self, key: &str) -> Option<&str> {
        self.computed.get(key).map(|c| c.display.as_str())
    }
}

/// The [`Figures`] of a report, worked out as [`evaluate`] does, with the
/// rows of its lists read from `lists` joined in order, not from the report.
/// The merge needs them for a summed report of 200 units' rows, whose every
/// other check would only repeat those of each unit; the rows are the
/// units' own, read where they are (copying them cost more than the sums).
pub fn figures(template: &Template, report: &Report, lists: &[&BTreeMap<String, Vec<Row>>]) -> Figures {
    let hg = report.options.hg_denominator;
    let cur = computed::compute(template, &report.values, Some(Lists::Joined(lists)), hg);
    let prev = computed::compute(template, &report.cung_ky, None, hg);
    Figures { computed: cur.out, cung_ky: prev.out }
}

/// Evaluate a report against a template. Pure and total: never panics.
pub fn evaluate(template: &Template, report: &Report) -> Evaluation {
    let hg = report.options.hg_denominator;
    let cur = computed::compute(template, &report.values, Some(Lists::Report(&report.lists)), hg);
    let prev = computed::compute(template, &report.cung_ky, None, hg);
    let deltas = compare::deltas(template, report, &cur, &prev);
    let appendix = appendix::build(template, report, &cur, &prev);
    let progress = progress::progress(template, report, &cur.exact);

    let mut issues = Vec::new();
    checks::e01_values(template, report, &mut issues);
    rules::formula_rules(template, report, &cur.exact, &prev.exact, &mut issues);
    checks::e08_dates(template, report, &mut issues);
    checks::e09_signature(report, &mut issues);
    progress::e10_issues(template, report, &progress, &mut issues);
    progress::not_tracked_notices(template, report, &mut issues);
    checks::w03_tiep_dan(template, report, &mut issues);
    checks::w04_money(template, report, &mut issues);
    checks::w05_outliers(template, &cur, &deltas, &mut issues);
    text::text_checks(template, report, &cur, &mut issues);

    Evaluation { computed: cur.out, cung_ky: prev.out, deltas, appendix, issues, progress }
}

/// Ok when the evaluation has no errors; otherwise the errors that block finalising.
pub fn can_finalise(evaluation: &Evaluation) -> Result<(), Vec<Issue>> {
    let errors: Vec<Issue> = evaluation.errors().into_iter().cloned().collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
