//! "Tổng hợp": the level above loads many units' files of one kind and
//! period and gets one table with totals. Rates are recomputed from the
//! summed integers (the computed values of a report that holds the sums), never
//! averaged from the units' rates.

use super::import::{read_report_file_quick, Incoming, QuickHash};
use crate::engine::{evaluate, figures, Evaluation, Figures};
use crate::format;
use crate::model::{Kind, PeriodType, Report, Row, UnitProfile, Value};
use crate::template::compiled::FastMap;
use crate::template::{Level, Template};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One unit's report taken into the summary.
#[derive(Clone, Debug)]
pub struct UnitRow {
    pub file: String,
    pub unit: String,
    pub report: Report,
    /// Its rates and issues, worked out on first use: they are a third of
    /// the cost of a merge, and the sums do not need them, so the screen
    /// shows the table first and checks the units right after.
    evaluation: OnceLock<Evaluation>,
}

impl UnitRow {
    fn new(file: String, report: Report) -> Self {
        UnitRow { unit: unit_name(&report), file, report, evaluation: OnceLock::new() }
    }

    /// The unit's own evaluation (computed values and validation issues).
    pub fn evaluation(&self) -> &Evaluation {
        self.evaluation.get_or_init(|| evaluate(Template::for_report(&self.report), &self.report))
    }

    /// Whether [`UnitRow::evaluation`] has been worked out already.
    pub fn is_evaluated(&self) -> bool {
        self.evaluation.get().is_some()
    }

    pub fn errors(&self) -> usize {
        self.evaluation().issues.iter().filter(|i| i.level == Level::Error).count()
    }
    pub fn warnings(&self) -> usize {
        self.evaluation().issues.len() - self.errors()
    }
}

/// A file that was not taken, and why (Vietnamese).
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub file: String,
    pub reason: String,
}

/// A column of the summary table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub key: String,
    pub label: String,
    /// Outline node the figure belongs to (the screen shows one node at a time).
    pub node_id: String,
    /// Summed figure (true) or a rate recomputed from the sums (false).
    pub summed: bool,
}

/// The units that wrote against one outline version.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineGroup {
    pub reference: crate::model::TemplateRef,
    pub title: String,
    pub units: usize,
}

/// The merged table.
#[derive(Clone, Debug)]
pub struct Summary {
    pub kind: Kind,
    pub period_type: PeriodType,
    pub year: i32,
    pub units: Vec<UnitRow>,
    pub set_aside: Vec<SetAside>,
    pub columns: Vec<Column>,
    /// Σ over units, per summed key (only keys some unit entered).
    pub totals: BTreeMap<String, i64>,
    /// Computed values of the report holding the sums: the recomputed
    /// rates (its issues would repeat the units' own, shown per unit).
    pub total_figures: Figures,
    /// The sums as a report; its lists are left empty (they are the units'
    /// rows, joined only by [`Summary::to_report`]).
    total_report: Report,
    /// The outline versions of the units, by id, newest version first;
    /// `units` are in this order.
    pub outlines: Vec<OutlineGroup>,
    /// The outline the totals are worked out with (most units').
    template: &'static Template,
}

/// Identity of a unit: its code, else its name, else (nothing to compare)
/// the report itself. Codes and names are compared as
/// [`format::identity_key`]: a zero-width character or the old tone
/// placement ("Hoà") must not make one ward two rows summed twice.
fn unit_key(r: &Report) -> String {
    let code = format::identity_key(&r.unit.code);
    let name = format::identity_key(&r.unit.name);
    if !code.is_empty() {
        format!("code:{code}")
    } else if !name.is_empty() {
        format!("name:{name}")
    } else {
        format!("id:{}", r.id)
    }
}

fn unit_name(r: &Report) -> String {
    [&r.unit.name, &r.unit.code]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| "(chưa ghi tên đơn vị)".into())
}

/// The work of a merge that does not depend on the files: the built-in
/// outlines compiled (both at once: a file's outline is looked up among
/// them) and hashed (the summed report names its outline). The merge
/// screen does it while the cadre picks the files, not after.
pub fn prepare() {
    for kind in Kind::ALL {
        Template::builtin(kind).hash();
    }
}

/// Merge the given files. The kind, period and template taken are those of
/// most valid files (the first in a tie); others are set aside with the reason.
/// With no usable file at all, the reasons are returned instead.
/// Files dated after `now` (the receiver's clock) are set aside.
pub fn merge(files: &[(String, Vec<u8>)], now: DateTime<Utc>) -> Result<Summary, Vec<SetAside>> {
    merge_hashed(files, &[], now)
}

/// [`merge`], given for each file the [`QuickHash`] of its content when
/// the browser computed it (`quick[i]` belongs to `files[i]`).
pub fn merge_hashed(
    files: &[(String, Vec<u8>)],
    quick: &[Option<QuickHash>],
    now: DateTime<Utc>,
) -> Result<Summary, Vec<SetAside>> {
    let mut set_aside = Vec::new();
    let mut valid: Vec<Incoming> = Vec::new();
    for (i, (name, bytes)) in files.iter().enumerate() {
        match read_report_file_quick(name, bytes, quick.get(i).and_then(Option::as_ref), now) {
            Ok(incoming) => valid.push(incoming),
            Err(e) => set_aside.push(SetAside { file: name.clone(), reason: e.message(name) }),
        }
    }
    // Units of one kind and period are merged whatever outline version they
    // wrote against (every file here is of an outline this device has):
    // keys are stable across versions, and the units are grouped by version.
    let target = |r: &Report| (r.kind, r.period.period_type, r.period.year);
    let mut counts: Vec<((Kind, PeriodType, i32), usize)> = Vec::new();
    for incoming in &valid {
        let t = target(&incoming.report);
        match counts.iter_mut().find(|(k, _)| *k == t) {
            Some((_, n)) => *n += 1,
            None => counts.push((t, 1)),
        }
    }
    // The most common target wins; `find` keeps the first in a tie.
    let Some(best) = counts.iter().map(|(_, n)| *n).max() else { return Err(set_aside) };
    let (kind, period_type, year) = counts.iter().find(|(_, n)| *n == best).map(|(k, _)| *k).expect("best exists");
    let wanted = period_type.name(year);

    let mut by_unit: BTreeMap<String, Incoming> = BTreeMap::new();
    for incoming in valid {
        let r = &incoming.report;
        let reason = if r.kind != kind {
            Some(format!("khác loại báo cáo ({}, cần {})", r.kind.label(), kind.label()))
        } else if (r.period.period_type, r.period.year) != (period_type, year) {
            Some(format!("khác kỳ báo cáo ({}, cần {wanted})", r.period.period_type.name(r.period.year)))
        } else {
            None
        };
        if let Some(reason) = reason {
            set_aside
                .push(SetAside {
                    file: incoming.file.clone(), reason: format!("Tệp «{}»: {reason}.", incoming.file)
                });
            continue;
        }
        let key = unit_key(r);
        match by_unit.remove(&key) {
            None => {
                by_unit.insert(key, incoming);
            }
            Some(previous) => {
                // Keep the most recently updated report of a unit.
                let (keep, drop) = if incoming.report.updated_at >= previous.report.updated_at {
                    (incoming, previous)
                } else {
                    (previous, incoming)
                };
                set_aside.push(SetAside {
                    file: drop.file.clone(),
                    reason: format!(
                        "Tệp «{}»: trùng đơn vị {} với tệp «{}» (giữ bản cập nhật sau).",
                        drop.file,
                        unit_name(&drop.report),
                        keep.file
                    ),
                });
                by_unit.insert(key, keep);
            }
        }
    }

    let mut units: Vec<UnitRow> = by_unit.into_values().map(|i| UnitRow::new(i.file, i.report)).collect();
    let outlines = outline_groups(&units);
    // The units grouped by outline version, in the order of `outlines`.
    units.sort_by_key(|u| outlines.iter().position(|g| g.reference == u.report.template));
    // Totals are worked out with the outline most units wrote against (the
    // newest version in a tie); each unit's figures are read with its own.
    let main = outlines.iter().max_by_key(|g| g.units).map(|g| &g.reference);
    let template = main.and_then(Template::for_ref).unwrap_or_else(|| Template::builtin(kind));

    // Summed by each unit's own key text in hash maps, sorted once at the
    // end: a sorted map searched for each of 200 units' figures cost more
    // than the sums. Each figure is at most MAX_NUMBER; saturating keeps a
    // sum of many of them from wrapping (to_report then keeps it as text).
    let mut sums: FastMap<&str, i64> = FastMap::default();
    let mut cung_ky_sums: FastMap<&str, i64> = FastMap::default();
    fn add<'a>(sums: &mut FastMap<&'a str, i64>, key: &'a str, n: i64) {
        let total = sums.entry(key).or_insert(0);
        *total = total.saturating_add(n);
    }
    for u in &units {
        let own = Template::for_report(&u.report);
        for (k, v) in &u.report.values {
            if let (Some(n), Some(_)) = (v.as_int(), own.indicator(k).filter(|i| i.indicator.ty.is_numeric())) {
                add(&mut sums, k, n);
            }
        }
        for (k, v) in &u.report.cung_ky {
            if let Some(n) = v.as_int() {
                add(&mut cung_ky_sums, k, n);
            }
        }
    }
    let sorted = |sums: FastMap<&str, i64>| -> BTreeMap<String, i64> {
        sums.into_iter().map(|(k, n)| (k.to_string(), n)).collect()
    };
    let (totals, cung_ky) = (sorted(sums), sorted(cung_ky_sums));
    let mut total_report = Report::for_template(
        template.template_ref(),
        "tong-hop",
        kind,
        crate::model::Period::calendar(period_type, year),
        UnitProfile::default(),
        units.first().map(|u| u.report.updated_at).unwrap_or_default(),
    );
    total_report.values = totals.iter().map(|(k, n)| (k.clone(), Value::Int(*n))).collect();
    total_report.cung_ky = cung_ky.iter().map(|(k, n)| (k.clone(), Value::Int(*n))).collect();
    // The summed report's rows are the units' rows joined in their order:
    // read in place here, copied only when a draft is made of the totals.
    let unit_lists: Vec<&BTreeMap<String, Vec<Row>>> = units.iter().map(|u| &u.report.lists).collect();
    let total_figures = figures(template, &total_report, &unit_lists);

    let mut columns: Vec<Column> = template
        .value_keys()
        .into_iter()
        .filter(|k| totals.contains_key(k))
        .map(|k| {
            let found = template.indicator(&k);
            let label = found.map(|i| i.full_label()).unwrap_or_else(|| k.clone());
            let node_id = found.map(|i| i.node_id.to_string()).unwrap_or_default();
            Column { key: k, label, node_id, summed: true }
        })
        .collect();
    // Figures only other versions have: summed too, in a section of their own.
    for key in totals.keys().filter(|k| template.indicator(k).is_none()) {
        let label = units
            .iter()
            .find_map(|u| Template::for_report(&u.report).indicator(key).map(|i| i.full_label()))
            .unwrap_or_else(|| key.clone());
        columns.push(Column { key: key.clone(), label, node_id: OTHER_VERSIONS.into(), summed: true });
    }
    for c in total_figures.computed.values().filter(|c| c.value.rate().is_some()) {
        columns.push(Column { key: c.key.clone(), label: c.label.clone(), node_id: c.node_id.clone(), summed: false });
    }
    Ok(Summary {
        kind,
        period_type,
        year,
        units,
        set_aside,
        columns,
        totals,
        total_figures,
        total_report,
        outlines,
        template,
    })
}

/// The section of the figures that only outline versions other than the
/// one the totals use have.
pub const OTHER_VERSIONS: &str = "khac-phien-ban";

/// The outline versions of `units`, by id with the newest version first.
fn outline_groups(units: &[UnitRow]) -> Vec<OutlineGroup> {
    let mut groups: Vec<OutlineGroup> = Vec::new();
    for u in units {
        match groups.iter_mut().find(|g| g.reference == u.report.template) {
            Some(g) => g.units += 1,
            None => groups.push(OutlineGroup {
                reference: u.report.template.clone(),
                title: Template::for_report(&u.report).title.clone(),
                units: 1,
            }),
        }
    }
    groups.sort_by(|a, b| a.reference.id.cmp(&b.reference.id).then(b.reference.version.cmp(&a.reference.version)));
    groups
}

impl Summary {
    /// Outline nodes that have columns, in outline order, with their titles.
    pub fn sections(&self) -> Vec<(String, String)> {
        let mut sections: Vec<(String, String)> = self
            .template
            .walk()
            .into_iter()
            .map(|(_, n)| n)
            .filter(|n| self.columns.iter().any(|c| c.node_id == n.id))
            .map(|n| (n.id.clone(), crate::engine::node_title(n, &self.total_report)))
            .collect();
        if self.columns.iter().any(|c| c.node_id == OTHER_VERSIONS) {
            sections.push((OTHER_VERSIONS.into(), "Chỉ tiêu chỉ có ở phiên bản đề cương khác".into()));
        }
        sections
    }

    /// What the screen says of the outline versions: one line naming each
    /// version and its number of units, and which one the totals follow.
    pub fn outline_notice(&self) -> String {
        let name = |g: &OutlineGroup| format!("«{} phiên bản {}»", g.reference.id, g.reference.version);
        let main = self.template.template_ref();
        match self.outlines.as_slice() {
            [one] => format!("Các đơn vị cùng theo đề cương {} ({}).", name(one), one.title),
            groups => {
                let each: Vec<String> =
                    groups.iter().map(|g| format!("{} ({} đơn vị)", name(g), format::int(g.units as i64))).collect();
                let main = groups.iter().find(|g| g.reference == main).map(name).unwrap_or_default();
                format!(
                    "Các đơn vị theo {} phiên bản đề cương, xếp thành nhóm theo phiên bản: {}. \
                     Số liệu được cộng theo mã chỉ tiêu; tỷ lệ và thứ tự mục theo đề cương {main}.",
                    groups.len(),
                    each.join(", ")
                )
            }
        }
    }

    /// Display text of one cell (a unit's figure or rate).
    pub fn cell(&self, unit: &UnitRow, column: &Column) -> String {
        if column.summed {
            unit.report.values.get(&column.key).and_then(Value::as_int).map(format::int).unwrap_or_default()
        } else {
            unit.evaluation().display(&column.key).unwrap_or_default().to_string()
        }
    }

    /// Display text of the total of a column.
    pub fn total(&self, column: &Column) -> String {
        if column.summed {
            self.totals.get(&column.key).map(|n| format::int(*n)).unwrap_or_default()
        } else {
            self.total_figures.display(&column.key).unwrap_or_default().to_string()
        }
    }

    /// The table as CSV for Excel: UTF-8 with BOM, CRLF, every cell quoted.
    /// Cells that a spreadsheet would run as a formula are defused with a
    /// leading apostrophe (the files come from other people).
    pub fn csv(&self) -> String {
        fn cell(s: &str) -> String {
            let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
            format!("\"{}\"", s.replace('"', "\"\""))
        }
        let mut out = String::from("\u{feff}");
        let header: Vec<String> = std::iter::once("Đơn vị".to_string())
            .chain(self.columns.iter().map(|c| c.label.clone()))
            .chain(["Lỗi".into(), "Cảnh báo".into()])
            .collect();
        out += &header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(",");
        out += "\r\n";
        for u in &self.units {
            // Raw integers (no "." grouping) so spreadsheets read numbers.
            let mut row = vec![cell(&u.unit)];
            for c in &self.columns {
                let text = if c.summed {
                    u.report.values.get(&c.key).and_then(Value::as_int).map(|n| n.to_string()).unwrap_or_default()
                } else {
                    self.cell(u, c)
                };
                row.push(cell(&text));
            }
            row.push(cell(&u.errors().to_string()));
            row.push(cell(&u.warnings().to_string()));
            out += &row.join(",");
            out += "\r\n";
        }
        let mut total = vec![cell("Tổng cộng")];
        for c in &self.columns {
            let text = if c.summed {
                self.totals.get(&c.key).map(|n| n.to_string()).unwrap_or_default()
            } else {
                self.total(c)
            };
            total.push(cell(&text));
        }
        out += &total.join(",");
        out += "\r\n";
        out
    }

    /// A new draft for the upper level holding the summed figures and the
    /// list of units included, ready to edit and print.
    pub fn to_report(&self, id: &str, unit: UnitProfile, now: DateTime<Utc>) -> Report {
        let period = crate::model::Period::calendar(self.period_type, self.year);
        let mut report = Report::for_template(self.template.template_ref(), id, self.kind, period, unit, now);
        report.name = format!("Tổng hợp {} – {}", self.period_type.name(self.year), self.kind.label());
        // A sum above what a field holds is kept as its figure's text for
        // the cadre to see and fix: stored, it must still export and restore.
        let storable = |values: &BTreeMap<String, Value>| -> BTreeMap<String, Value> {
            let cap = crate::model::limits::MAX_NUMBER;
            values
                .iter()
                .map(|(k, v)| match v {
                    Value::Int(n) if *n > cap => (k.clone(), Value::Unparsed(format::int(*n))),
                    other => (k.clone(), other.clone()),
                })
                .collect()
        };
        report.values = storable(&self.total_report.values);
        report.cung_ky = storable(&self.total_report.cung_ky);
        for u in &self.units {
            for (k, rows) in &u.report.lists {
                report.lists.entry(k.clone()).or_default().extend(rows.iter().cloned());
            }
        }
        let names: Vec<&str> = self.units.iter().map(|u| u.unit.as_str()).collect();
        report.texts.insert(
            "N01.text".into(),
            format!(
                "(Số liệu tổng hợp từ báo cáo của {} đơn vị: {}.)",
                format::count(names.len() as i64, true),
                names.join(", ")
            ),
        );
        report
    }
}

#[cfg(test)]
mod tests;
