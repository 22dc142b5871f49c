//! Completion per node for the checklist, E10 (required items), and which
//! nodes are printed.

use super::Issue;
use crate::format::Rational;
use crate::model::{FieldPath, Report, Row, Value};
use crate::template::compiled::FastMap;
use crate::template::{FieldType, Level, Node, Requirement, Template, WhenNone};
use serde::Serialize;

/// Completion of one node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeProgress {
    /// Node id.
    pub node_id: String,
    /// 1 = top level.
    pub depth: usize,
    /// Required node.
    pub required: bool,
    /// Has any text, value or list row of its own.
    pub started: bool,
    /// Will be printed (required, has content, or has a printed child).
    pub printed: bool,
    /// Required items checked in this node.
    pub total: usize,
    /// Of which filled.
    pub done: usize,
    /// Keys of the missing items, in outline order.
    pub missing: Vec<String>,
}

/// Completion of the whole report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Every node that applies to the period, in outline order.
    pub nodes: Vec<NodeProgress>,
    /// Required items in all nodes.
    pub total: usize,
    /// Of which filled.
    pub done: usize,
    /// First missing key in outline order.
    pub next_missing: Option<String>,
}

impl Progress {
    /// Completion in percent, 0–100 (100 when nothing is required).
    pub fn percent(&self) -> u8 {
        (self.done * 100).checked_div(self.total).map_or(100, |p| p.min(100) as u8)
    }

    /// Progress of one node.
    pub fn node(&self, id: &str) -> Option<&NodeProgress> {
        self.nodes.iter().find(|n| n.node_id == id)
    }
}

/// Whether a node has any text, value or filled list row of its own (a row
/// whose cells are all blank is not content: it would print as an empty row).
pub(crate) fn has_own_content(node: &Node, report: &Report) -> bool {
    node.narratives.iter().any(|n| report.text(&n.key).is_some())
        || node.keys.iter().any(|k| report.value(k).is_some())
        || node.lists.iter().any(|l| filled_rows(report, &l.key).next().is_some())
}

/// The rows of a list that have at least one non-blank cell, with their
/// stored index (cells and per-row computed values are keyed by it).
pub fn filled_rows<'a>(report: &'a Report, list: &str) -> impl Iterator<Item = (usize, &'a Row)> {
    report.lists.get(list).into_iter().flatten().enumerate().filter(|(_, row)| row.values().any(|v| !v.is_blank()))
}

/// Whether a node is printed for this report: required, marked "Không phát
/// sinh trong kỳ" (unless its template prints nothing then), with content of
/// its own, or with a printed child.
pub(crate) fn is_printed(node: &Node, report: &Report) -> bool {
    if !node.applies_to(report.period.period_type) {
        return false;
    }
    if node.appendix {
        return node.required || report.options.include_pl1;
    }
    if report.none_sentence(&node.id).is_some() {
        return node.when_none == WhenNone::Sentence;
    }
    node.required || has_own_content(node, report) || node.children.iter().any(|c| is_printed(c, report))
}

/// A row group has data: a grouped value, or a list row whose option names it.
fn group_used(node: &Node, group: &str, report: &Report) -> bool {
    node.indicators.iter().filter(|i| i.grouped).any(|i| report.value(&FieldPath::group_key(&i.key, group)).is_some())
        || node.lists.iter().any(|l| {
            let enum_cols: Vec<&str> =
                l.columns.iter().filter(|c| matches!(c.ty, FieldType::Enum(_))).map(|c| c.key.as_str()).collect();
            report.lists.get(&l.key).is_some_and(|rows| {
                rows.iter().any(|r| enum_cols.iter().any(|c| matches!(r.get(*c), Some(Value::Text(s)) if s == group)))
            })
        })
}

/// Required items of a node as (key, label, filled). A node marked "Không
/// phát sinh trong kỳ" has every item filled (E10 is satisfied by the mark);
/// a figure marked "Không theo dõi" is filled.
fn items(node: &Node, report: &Report, computed: &FastMap<String, Rational>) -> Vec<(String, String, bool)> {
    let period = report.period.period_type;
    let active = node.required || has_own_content(node, report);
    let none = report.none_sentence(&node.id).is_some();
    let mut out = Vec::new();
    for n in &node.narratives {
        if !n.periods.is_empty() && !n.periods.contains(&period) {
            continue;
        }
        let needed = match &n.group {
            Some(g) => group_used(node, g, report),
            None => n.required && active,
        };
        if needed {
            out.push((n.key.clone(), n.label.clone(), none || report.text(&n.key).is_some()));
        }
    }
    if active {
        for ind in node.indicators.iter().filter(|i| i.req == Requirement::Required) {
            let keys: Vec<(String, String)> = if ind.grouped {
                node.groups
                    .iter()
                    .map(|g| (FieldPath::group_key(&ind.key, &g.id), format!("{} ({})", ind.label, g.label)))
                    .collect()
            } else {
                vec![(ind.key.clone(), ind.label.clone())]
            };
            // Labels are only needed for missing items, but building them is cheap next to lookups.
            for (key, label) in keys {
                let filled =
                    none || report.value(&key).is_some() || computed.contains_key(&key) || report.is_not_tracked(&key);
                out.push((key, label, filled));
            }
        }
    }
    out
}

/// Completion of every node that applies to the period.
pub(crate) fn progress(template: &Template, report: &Report, computed: &FastMap<String, Rational>) -> Progress {
    let mut nodes = Vec::new();
    let (mut total, mut done) = (0, 0);
    let mut next_missing = None;
    for (depth, node) in template.walk() {
        if !node.applies_to(report.period.period_type) {
            continue;
        }
        let its = items(node, report, computed);
        let missing: Vec<String> = its.iter().filter(|(_, _, f)| !f).map(|(k, _, _)| k.clone()).collect();
        let n_done = its.iter().filter(|(_, _, f)| *f).count();
        total += its.len();
        done += n_done;
        if next_missing.is_none() {
            next_missing = missing.first().cloned();
        }
        nodes.push(NodeProgress {
            node_id: node.id.clone(),
            depth,
            required: node.required,
            started: has_own_content(node, report),
            printed: is_printed(node, report),
            total: its.len(),
            done: n_done,
            missing,
        });
    }
    Progress { nodes, total, done, next_missing }
}

/// E10: one error per node with missing required items.
pub(crate) fn e10_issues(template: &Template, report: &Report, progress: &Progress, issues: &mut Vec<Issue>) {
    for np in progress.nodes.iter().filter(|n| !n.missing.is_empty()) {
        let Some(node) = template.node(&np.node_id) else { continue };
        let labels: Vec<String> = {
            let its = items(node, report, &FastMap::default());
            np.missing
                .iter()
                .map(|k| {
                    its.iter().find(|(key, _, _)| key == k).map(|(_, l, _)| l.clone()).unwrap_or_else(|| k.clone())
                })
                .collect()
        };
        issues.push(Issue::new(
            "E10",
            Level::Error,
            np.missing.iter().map(|k| FieldPath::key(k)).collect(),
            format!("Mục “{}” còn thiếu: {}", super::node_title(node, report), labels.join("; ")),
            Some(node.id.as_str()),
        ));
    }
}

/// One notice per figure marked "Không theo dõi" and left blank, so the
/// choice stays visible without blocking "Hoàn thành".
pub(crate) fn not_tracked_notices(template: &Template, report: &Report, issues: &mut Vec<Issue>) {
    for key in report.not_tracked.keys().filter(|k| report.value(k).is_none()) {
        let Some(found) = template.indicator(key) else { continue };
        issues.push(Issue::new(
            "I01",
            Level::Notice,
            vec![FieldPath::key(key)],
            format!("“{}”: đơn vị không theo dõi chỉ tiêu này, bản in không ghi số liệu", found.full_label()),
            Some(found.node_id),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::Progress;

    #[test]
    fn percent_rounds_down_and_nothing_required_is_complete() {
        let progress = |done, total| Progress { nodes: Vec::new(), total, done, next_missing: None };
        assert_eq!(progress(0, 0).percent(), 100);
        assert_eq!(progress(2, 3).percent(), 66);
        assert_eq!(progress(3, 3).percent(), 100);
    }
}
