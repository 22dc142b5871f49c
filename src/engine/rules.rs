//! Formula rules declared in the template (E02–E07 and any custom ones), with
//! messages built from labels and figures.

use super::env::{to_i64, Env, Lists, Lookup};
use super::{fmt, Issue};
use crate::format::{self, Rational};
use crate::model::{FieldPath, Report, Row, Value};
use crate::template::compiled::FastMap;
use crate::template::compiled::{Expr, RuleInst};
use crate::template::formula::CmpOp;
use crate::template::{FieldType, MessagePattern, Template};
use std::collections::BTreeMap;

/// One side of the report a rule is checked on.
struct SideCtx<'a> {
    values: &'a BTreeMap<String, Value>,
    lists: Option<Lists<'a>>,
    computed: &'a FastMap<String, Rational>,
    /// "Cùng kỳ năm 2024" for the cùng kỳ side.
    prefix: Option<String>,
    /// The path of a value on this side.
    path_of: fn(&str) -> FieldPath,
}

/// Run every formula rule on the current values and, where declared, on cùng kỳ.
pub(crate) fn formula_rules(
    template: &Template,
    report: &Report,
    cur: &FastMap<String, Rational>,
    prev: &FastMap<String, Rational>,
    issues: &mut Vec<Issue>,
) {
    let sides = [
        SideCtx {
            values: &report.values,
            lists: Some(Lists::Report(&report.lists)),
            computed: cur,
            prefix: None,
            path_of: FieldPath::key,
        },
        SideCtx {
            values: &report.cung_ky,
            lists: None,
            computed: prev,
            prefix: Some(format!("Cùng kỳ năm {}", report.cung_ky_year())),
            path_of: FieldPath::cung_ky,
        },
    ];
    for (si, side) in sides.iter().enumerate() {
        for rule in &template.index.rules {
            if si == 1 && !rule.cung_ky {
                continue;
            }
            if rule.skip_if_entered.iter().any(|k| side.values.get(k).is_some_and(|v| !v.is_blank())) {
                continue;
            }
            match &rule.per_row {
                None => check(template, rule, side, None, issues),
                Some(list) => {
                    let Some(rows) = side.lists.map(|l| l.rows(list)) else { continue };
                    for (i, row) in rows.enumerate() {
                        check(template, rule, side, Some((list, i, row)), issues);
                    }
                }
            }
        }
    }
}

struct Msg<'a> {
    template: &'a Template,
    env: &'a Env<'a>,
    row: Option<(&'a str, usize)>,
    path_of: fn(&str) -> FieldPath,
}

fn check(
    template: &Template,
    rule: &RuleInst,
    side: &SideCtx,
    row: Option<(&String, usize, &Row)>,
    issues: &mut Vec<Issue>,
) {
    let env = Env {
        values: side.values,
        lists: side.lists,
        computed: side.computed,
        row: row.map(|(_, _, r)| r),
        lookup: Lookup::EnteredFirst,
    };
    let vals: Vec<Option<Rational>> = rule.operands.iter().map(|o| env.eval(o)).collect();
    let msg = Msg { template, env: &env, row: row.map(|(l, i, _)| (l.as_str(), i)), path_of: side.path_of };
    for (i, op) in rule.ops.iter().enumerate() {
        let (Some(a), Some(b)) = (&vals[i], &vals[i + 1]) else { continue };
        let holds = match op {
            CmpOp::Le => a <= b,
            CmpOp::Lt => a < b,
            CmpOp::Eq => a == b,
            CmpOp::Ge => a >= b,
            CmpOp::Gt => a > b,
        };
        if holds {
            continue;
        }
        let (left, right) = (&rule.operands[i], &rule.operands[i + 1]);
        let body = msg.sentence(rule.pattern, *op, left, right);
        let mut prefix: Vec<String> = Vec::new();
        if let Some(p) = &side.prefix {
            prefix.push(p.clone());
        }
        if let Some(g) = &rule.group {
            prefix.push(g.label.clone());
        }
        if let Some((list, i, _)) = row {
            let label = template.list(list).map(|l| l.label.clone()).unwrap_or_else(|| list.clone());
            prefix.push(format!("{label}, dòng {}", fmt::int(i as i64 + 1)));
        }
        let message = if prefix.is_empty() {
            fmt::capitalise(&body)
        } else {
            format!("{}: {}", prefix.join(", "), fmt::capitalise(&body))
        };
        let mut paths = Vec::new();
        msg.paths(left, &mut paths);
        msg.paths(right, &mut paths);
        issues.push(Issue::new(&rule.id, rule.level, paths, message, Some(rule.node_id.as_str())));
    }
}

impl Msg<'_> {
    fn sentence(&self, pattern: MessagePattern, op: CmpOp, left: &Expr, right: &Expr) -> String {
        if pattern == MessagePattern::Rows {
            let (count_side, other) = match (left, right) {
                (Expr::ListCount { .. }, _) => (left, right),
                _ => (right, left),
            };
            if let Expr::ListCount { list } = count_side {
                let label = self.template.list(list).map(|l| l.label.clone()).unwrap_or_else(|| list.clone());
                let n = self.env.eval(count_side).and_then(|r| to_i64(&r)).unwrap_or(0);
                return format!("{label} có {} dòng, khác {}", fmt::int(n), self.describe(other));
            }
        }
        let (a, b) = (self.describe(left), self.describe(right));
        match (pattern, op) {
            (MessagePattern::Exceeds, CmpOp::Le) => format!("{a} vượt quá {b}"),
            (MessagePattern::Exceeds, CmpOp::Ge) => format!("{b} vượt quá {a}"),
            (_, CmpOp::Le) => format!("{a} lớn hơn {b}"),
            (_, CmpOp::Lt) => format!("{a} không nhỏ hơn {b}"),
            (_, CmpOp::Eq) => format!("{a}, khác {b}"),
            (_, CmpOp::Ge) => format!("{a} nhỏ hơn {b}"),
            (_, CmpOp::Gt) => format!("{a} không lớn hơn {b}"),
        }
    }

    /// "Label (value)" for a single term; "A (1) + B (2) = 3" for a sum.
    fn describe(&self, e: &Expr) -> String {
        let mut terms = Vec::new();
        flatten(e, true, &mut terms);
        if terms.len() == 1 && terms[0].0 {
            return self.term(terms[0].1, true);
        }
        let mut s = String::new();
        let mut first = true;
        for (plus, t) in terms {
            if let Expr::SumOf(_) = e {
                // Lenient sums list only the entered terms.
                if self.env.eval(t).is_none() {
                    continue;
                }
            }
            if !first {
                s.push_str(if plus { " + " } else { " − " });
            }
            s.push_str(&self.term(t, first));
            first = false;
        }
        let total = self.env.eval(e).map(|r| self.number(e, &r)).unwrap_or_default();
        format!("{s} = {total}")
    }

    fn term(&self, e: &Expr, first: bool) -> String {
        let value = self.env.eval(e).map(|r| self.number(e, &r)).unwrap_or_else(|| "trống".into());
        match e {
            Expr::Lit(n) => fmt::int(*n),
            Expr::Var { key, .. } => {
                let label = self.label(key);
                let label = if first { label } else { format::lower_first(&label) };
                format!("{label} ({value})")
            }
            Expr::Cell { col, .. } => format!("{} ({value})", self.column_label(col)),
            Expr::ListSum { list, col, .. } => {
                let l = self.template.list(list);
                let col_label = l
                    .and_then(|l| l.columns.iter().find(|c| &c.key == col))
                    .map(|c| c.label.clone())
                    .unwrap_or_else(|| col.clone());
                let list_label = l.map(|l| l.label.clone()).unwrap_or_else(|| list.clone());
                format!("tổng {} của {} ({value})", format::lower_first(&col_label), format::lower_first(&list_label))
            }
            Expr::ListCount { list } => {
                let list_label = self.template.list(list).map(|l| l.label.clone()).unwrap_or_else(|| list.clone());
                format!("số dòng của {} ({value})", format::lower_first(&list_label))
            }
            _ => format!("({})", self.describe(e)),
        }
    }

    fn label(&self, key: &str) -> String {
        if let Some(ind) = self.template.indicator(key) {
            return ind.indicator.message_label().to_string();
        }
        if let Some(i) = self.template.index.computed_keys.get(key) {
            return self.template.index.computed[*i].label.clone();
        }
        key.to_string()
    }

    fn column_label(&self, col: &str) -> String {
        self.row
            .and_then(|(l, _)| self.template.list(l))
            .and_then(|l| l.columns.iter().find(|c| c.key == col))
            .map(|c| c.label.clone())
            .unwrap_or_else(|| col.to_string())
    }

    /// A figure in a message, typed by what it measures.
    fn number(&self, e: &Expr, r: &Rational) -> String {
        if let Expr::Var { key, .. } = e {
            if let Some(ind) = self.template.indicator(key) {
                match ind.indicator.ty {
                    FieldType::Money => return to_i64(r).map(fmt::money_exact).unwrap_or_default(),
                    FieldType::Dec(s) => {
                        let units = r * Rational::from_integer(10i128.pow(s));
                        return to_i64(&units).map(|u| fmt::decimal(u, s)).unwrap_or_default();
                    }
                    _ => {}
                }
            }
        }
        match to_i64(r) {
            Some(n) => fmt::int(n),
            None => fmt::percent(r),
        }
    }

    fn paths(&self, e: &Expr, out: &mut Vec<FieldPath>) {
        let mut push = |p: FieldPath| {
            if !out.contains(&p) {
                out.push(p);
            }
        };
        match e {
            Expr::Lit(_) => {}
            Expr::Var { key, .. } => push((self.path_of)(key)),
            Expr::Cell { col, .. } => {
                if let Some((l, i)) = self.row {
                    push(FieldPath::cell(l, i, col));
                }
            }
            Expr::ListSum { list, .. } | Expr::ListCount { list } => push(FieldPath::key(list)),
            Expr::SumOf(v) => v.iter().for_each(|x| self.paths(x, out)),
            Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Div(a, b) => {
                self.paths(a, out);
                self.paths(b, out);
            }
        }
    }
}

/// Split a left-associated chain of + and − (and a lenient sum) into signed terms.
fn flatten<'a>(e: &'a Expr, plus: bool, out: &mut Vec<(bool, &'a Expr)>) {
    match e {
        Expr::Add(a, b) => {
            flatten(a, plus, out);
            out.push((plus, b));
        }
        Expr::Sub(a, b) => {
            flatten(a, plus, out);
            out.push((!plus, b));
        }
        Expr::SumOf(v) if v.len() > 1 => v.iter().for_each(|t| out.push((plus, t))),
        _ => out.push((plus, e)),
    }
}
