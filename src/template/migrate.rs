//! Moving a draft to another version of its outline (issue 17 item 4).
//!
//! Everything a report holds under the outline's keys is looked up in the
//! new outline by key: values and their cùng kỳ figures, qualifiers,
//! narratives, list rows and their cells, the marks "Không phát sinh trong
//! kỳ" / "Không theo dõi" and the figure sentences the cadre took over.
//! What the new outline knows is carried (whatever node it now sits under,
//! whatever its heading is now called); what it does not know is dropped,
//! and [`plan`] lists it with the value as the cadre typed it, so nothing is
//! dropped silently. Fields outside the outline (header, căn cứ, signature,
//! options…) are not the outline's and always stay.

use super::{FieldType, Requirement, Template};
use crate::format;
use crate::model::{FieldPath, Mark, Report, Value};
use std::collections::BTreeSet;

/// What moving a report from one outline version to another does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MigrationPlan {
    /// Items with data that the new outline knows by key: kept.
    pub carried: Vec<MovedItem>,
    /// Items with data that the new outline does not know: removed, with their values.
    pub dropped: Vec<DroppedItem>,
    /// Items the new outline requires that the old one did not (absent or optional there).
    pub new_required: Vec<MovedItem>,
}

/// One item of the report, by field path, with its label in the new outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedItem {
    /// Where it is stored.
    pub path: FieldPath,
    /// Its label (in the new outline for carried and new items).
    pub label: String,
}

/// One item the move removes, with what it held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedItem {
    /// Where it was stored.
    pub path: FieldPath,
    /// Its label in the old outline (the key when the old outline is not known).
    pub label: String,
    /// The value as the cadre typed it ("12.717", "12,5", the text).
    pub value: String,
}

/// Which map of the report a [`FieldPath::Key`] item lives in (the path
/// alone does not say: values, narratives and lists share the key form).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Store {
    Values,
    Texts,
    Lists,
    /// The path names its map (cùng kỳ, qualifiers, cells, marks, sentences).
    ByPath,
}

/// One stored item of the report under an outline key.
struct Held {
    path: FieldPath,
    store: Store,
    /// The outline key that decides whether it is kept (a value key, a
    /// narrative key, a list key, a node id, or a list cell's column).
    known_in: fn(&Template, &FieldPath) -> bool,
    value: String,
}

/// What `report` holds under outline keys, in a stable order.
fn held(from: Option<&Template>, report: &Report) -> Vec<Held> {
    let mut out = Vec::new();
    let ty_of = |key: &str| from.and_then(|t| t.indicator(key)).map(|i| i.indicator.ty.clone());
    for (key, v) in report.values.iter().filter(|(_, v)| !v.is_blank()) {
        out.push(Held {
            path: FieldPath::key(key),
            store: Store::Values,
            known_in: knows_value,
            value: typed(ty_of(key).as_ref(), v),
        });
    }
    for (key, v) in report.cung_ky.iter().filter(|(_, v)| !v.is_blank()) {
        out.push(Held {
            path: FieldPath::cung_ky(key),
            store: Store::ByPath,
            known_in: knows_value,
            value: typed(ty_of(key).as_ref(), v),
        });
    }
    for (key, q) in report.qualifiers.iter().filter(|(_, q)| !q.is_empty()) {
        out.push(Held {
            path: FieldPath::Qualifier(key.clone()),
            store: Store::ByPath,
            known_in: knows_value,
            value: q.clone(),
        });
    }
    for (key, text) in report.texts.iter().filter(|(_, t)| !t.trim().is_empty()) {
        out.push(Held {
            path: FieldPath::key(key),
            store: Store::Texts,
            known_in: knows_narrative,
            value: text.clone(),
        });
    }
    for (list, rows) in report.lists.iter().filter(|(_, rows)| !rows.is_empty()) {
        out.push(Held {
            path: FieldPath::key(list),
            store: Store::Lists,
            known_in: knows_list,
            value: format!("{} dòng", format::int(rows.len() as i64)),
        });
        let columns = from.and_then(|t| t.list(list)).map(|l| &l.columns);
        for (row, cells) in rows.iter().enumerate() {
            for (column, v) in cells.iter().filter(|(_, v)| !v.is_blank()) {
                let ty = columns.and_then(|cs| cs.iter().find(|c| &c.key == column)).map(|c| &c.ty);
                out.push(Held {
                    path: FieldPath::cell(list, row, column),
                    store: Store::ByPath,
                    known_in: knows_cell,
                    value: typed(ty, v),
                });
            }
        }
    }
    for mark in [Mark::NoneInPeriod, Mark::NotTracked] {
        for (key, sentence) in mark.of(report) {
            let value = if sentence.trim().is_empty() { mark_label(mark).to_string() } else { sentence.clone() };
            out.push(Held { path: FieldPath::mark(mark, key), store: Store::ByPath, known_in: knows_mark, value });
        }
    }
    for (id, s) in report.sentences.iter().filter(|(id, _)| figure_node(id).is_some()) {
        out.push(Held {
            path: FieldPath::Sentence(id.clone()),
            store: Store::ByPath,
            known_in: knows_sentence,
            value: s.text.clone(),
        });
    }
    out
}

fn mark_label(mark: Mark) -> &'static str {
    match mark {
        Mark::NoneInPeriod => "Không phát sinh trong kỳ",
        Mark::NotTracked => "Không theo dõi",
    }
}

/// The node of a figure sentence id (`figure.N09.hg_thanh` → `N09`).
fn figure_node(id: &str) -> Option<&str> {
    id.strip_prefix("figure.").and_then(|rest| rest.split_once('.')).map(|(node, _)| node)
}

fn knows_value(t: &Template, p: &FieldPath) -> bool {
    match p {
        FieldPath::Key(k) | FieldPath::CungKy(k) | FieldPath::Qualifier(k) => {
            t.indicator(k).is_some() || t.index.computed_keys.contains_key(k.as_str())
        }
        _ => false,
    }
}

fn knows_narrative(t: &Template, p: &FieldPath) -> bool {
    matches!(p, FieldPath::Key(k) if narrative(t, k).is_some())
}

fn knows_list(t: &Template, p: &FieldPath) -> bool {
    matches!(p, FieldPath::Key(k) if t.list(k).is_some())
}

fn knows_cell(t: &Template, p: &FieldPath) -> bool {
    match p {
        FieldPath::Cell { list, column, .. } => {
            t.list(list).is_some_and(|l| l.columns.iter().any(|c| &c.key == column))
        }
        _ => false,
    }
}

fn knows_mark(t: &Template, p: &FieldPath) -> bool {
    match p {
        FieldPath::Mark { mark: Mark::NoneInPeriod, key, .. } => t.node(key).is_some(),
        FieldPath::Mark { mark: Mark::NotTracked, key, .. } => t.indicator(key).is_some(),
        _ => false,
    }
}

fn knows_sentence(t: &Template, p: &FieldPath) -> bool {
    matches!(p, FieldPath::Sentence(id) if figure_node(id).is_some_and(|n| t.node(n).is_some()))
}

/// The narrative at `key` with its node's title.
fn narrative<'a>(t: &'a Template, key: &str) -> Option<(&'a super::Node, &'a super::Narrative)> {
    t.walk().into_iter().find_map(|(_, n)| n.narratives.iter().find(|x| x.key == key).map(|x| (n, x)))
}

/// The value as the cadre typed it in the editor ("12.717", "12,5", "31/12/2025").
fn typed(ty: Option<&FieldType>, v: &Value) -> String {
    match (ty, v) {
        (Some(FieldType::Dec(scale)), Value::Int(n)) => format::decimal(*n, *scale),
        (_, Value::Int(n)) => format::int(*n),
        (_, Value::Date(d)) => format::short_date(*d),
        (_, other) => other.as_text().unwrap_or_default(),
    }
}

/// The label of an item in `t` (None when `t` does not know it).
fn label_in(t: &Template, p: &FieldPath) -> Option<String> {
    let value_label = |k: &str| {
        t.indicator(k).map(|i| i.full_label()).or_else(|| {
            let i = *t.index.computed_keys.get(k)?;
            Some(t.index.computed[i].label.clone())
        })
    };
    match p {
        FieldPath::Key(k) => value_label(k)
            .or_else(|| narrative(t, k).map(|(n, x)| format!("{} – {}", n.title, x.label)))
            .or_else(|| t.list(k).map(|l| l.label.clone())),
        FieldPath::CungKy(k) => value_label(k).map(|l| format!("{l} (cùng kỳ)")),
        FieldPath::Qualifier(k) => value_label(k).map(|l| format!("{l} (từ đi kèm số liệu)")),
        FieldPath::Cell { list, row, column } => {
            let l = t.list(list)?;
            let c = l.columns.iter().find(|c| &c.key == column)?;
            Some(format!("{} – dòng {} – {}", l.label, row + 1, c.label))
        }
        FieldPath::Mark { mark: Mark::NoneInPeriod, key, .. } => {
            t.node(key).map(|n| format!("{} ({})", n.title, mark_label(Mark::NoneInPeriod)))
        }
        FieldPath::Mark { mark: Mark::NotTracked, key, .. } => {
            t.indicator(key).map(|i| format!("{} ({})", i.full_label(), mark_label(Mark::NotTracked)))
        }
        FieldPath::Sentence(id) => t.node(figure_node(id)?).map(|n| format!("{} – câu số liệu đã sửa", n.title)),
        _ => None,
    }
}

/// What moving `report` from outline `from` to outline `to` keeps, removes
/// and newly asks for.
pub fn plan(from: &Template, to: &Template, report: &Report) -> MigrationPlan {
    let mut plan = MigrationPlan::default();
    for h in held(Some(from), report) {
        if (h.known_in)(to, &h.path) {
            // A carried list is one item; its cells are listed only when dropped.
            if !matches!(h.path, FieldPath::Cell { .. }) {
                let label = label_in(to, &h.path).unwrap_or_else(|| h.path.to_string());
                plan.carried.push(MovedItem { path: h.path, label });
            }
        } else {
            let label = label_in(from, &h.path).unwrap_or_else(|| h.path.to_string());
            plan.dropped.push(DroppedItem { path: h.path, label, value: h.value });
        }
    }
    let before: BTreeSet<String> = required_keys(from, report).into_iter().collect();
    plan.new_required = required_keys(to, report)
        .into_iter()
        .filter(|k| !before.contains(k))
        .map(|key| {
            let path = FieldPath::key(&key);
            let label = label_in(to, &path).unwrap_or(key);
            MovedItem { path, label }
        })
        .collect();
    plan
}

/// The keys `t` requires of a report of this period type, in outline order:
/// required indicators (grouped ones per group) and the required narratives
/// of required nodes (those of a row group are required only with its data).
fn required_keys(t: &Template, report: &Report) -> Vec<String> {
    let period = report.period.period_type;
    let mut keys = Vec::new();
    for (_, n) in t.walk().into_iter().filter(|(_, n)| n.applies_to(period)) {
        for ind in n.indicators.iter().filter(|i| i.req == Requirement::Required) {
            keys.extend(n.keys_of(ind));
        }
        if n.required {
            let applies = |x: &&super::Narrative| x.periods.is_empty() || x.periods.contains(&period);
            keys.extend(
                n.narratives.iter().filter(|x| x.required && x.group.is_none()).filter(applies).map(|x| x.key.clone()),
            );
        }
    }
    keys
}

/// `report` moved to outline `to`: every item `to` knows is kept by key,
/// every other item under an outline key removed (see [`plan`]), and the
/// report names `to`. Fields outside the outline are untouched.
pub fn apply(to: &Template, report: &Report) -> Report {
    let mut out = report.clone();
    for h in held(None, report) {
        if (h.known_in)(to, &h.path) {
            continue;
        }
        match (h.store, h.path) {
            (Store::Values, FieldPath::Key(k)) => {
                out.values.remove(&k);
            }
            (Store::Texts, FieldPath::Key(k)) => {
                out.texts.remove(&k);
            }
            (Store::Lists, FieldPath::Key(k)) => {
                out.lists.remove(&k);
            }
            (_, FieldPath::CungKy(k)) => {
                out.cung_ky.remove(&k);
            }
            (_, FieldPath::Qualifier(k)) => {
                out.qualifiers.remove(&k);
            }
            (_, FieldPath::Cell { list, row, column }) => {
                if let Some(cells) = out.lists.get_mut(&list).and_then(|rows| rows.get_mut(row)) {
                    cells.remove(&column);
                }
            }
            (_, FieldPath::Mark { mark, key, .. }) => {
                mark.of_mut(&mut out).remove(&key);
            }
            (_, FieldPath::Sentence(id)) => {
                out.sentences.remove(&id);
            }
            _ => {}
        }
    }
    out.template = to.template_ref();
    out
}

#[cfg(test)]
mod tests;
