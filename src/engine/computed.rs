//! Computed fields C01–C09 for one side (current or cùng kỳ) of a report.

use super::env::{to_i64, Env, Lists, Lookup};
use super::{fmt, ComputedValue, Exact};
use crate::format::Rational;
use crate::model::{FieldPath, HgDenominator, Value};
use crate::template::compiled::FastMap;
use crate::template::{Display, Mode, Template};
use std::collections::BTreeMap;

/// Results of one side: exact values for further formulas, and display entries.
pub(crate) struct Side {
    /// Every computed key that has a value (including if-blank ones shadowed by input).
    pub exact: FastMap<String, Rational>,
    /// What the UI shows.
    pub out: BTreeMap<String, ComputedValue>,
}

/// Exact value and display string of a computed result.
pub(crate) fn present(display: Display, r: &Rational) -> Option<(Exact, String)> {
    Some(match display {
        Display::Percent => (Exact::from_rate(r), fmt::percent(r)),
        Display::Plan => (Exact::from_rate(r), format!("đạt {} kế hoạch", fmt::percent(r))),
        Display::Quota => (Exact::from_rate(r), format!("đạt {} chỉ tiêu", fmt::percent(r))),
        Display::Count => {
            let n = to_i64(r)?;
            (Exact::Int { value: n }, fmt::int(n))
        }
        Display::Money => {
            let n = to_i64(r)?;
            (Exact::Int { value: n }, fmt::money(n))
        }
    })
}

/// Compute every declared field, in declaration order (formulas may use earlier results).
pub(crate) fn compute(
    template: &Template,
    values: &BTreeMap<String, Value>,
    lists: Option<Lists>,
    hg: HgDenominator,
) -> Side {
    let index = &template.index;
    let mut exact: FastMap<String, Rational> = FastMap::default();
    let mut out = BTreeMap::new();
    for inst in &index.computed {
        let expr = inst.expr_for(hg);
        if let Some(list) = &inst.per_row {
            let Some(rows) = lists.map(|l| l.rows(list)) else { continue };
            for (i, row) in rows.enumerate() {
                let env = Env { values, lists, computed: &exact, row: Some(row), lookup: Lookup::Effective };
                if let Some((value, display)) = env.eval(expr).and_then(|r| present(inst.display, &r)) {
                    let key = FieldPath::cell_key(list, i, &inst.key);
                    out.insert(
                        key.clone(),
                        ComputedValue {
                            id: inst.id.clone(),
                            key,
                            node_id: inst.node_id.clone(),
                            label: inst.label.clone(),
                            value,
                            display,
                        },
                    );
                }
            }
            continue;
        }
        let env = Env { values, lists, computed: &exact, row: None, lookup: Lookup::Effective };
        let Some(r) = env.eval(expr) else { continue };
        let shadowed = inst.mode == Mode::IfBlank && values.get(&inst.key).is_some_and(|v| !v.is_blank());
        if !shadowed {
            if let Some((value, display)) = present(inst.display, &r) {
                out.insert(
                    inst.key.clone(),
                    ComputedValue {
                        id: inst.id.clone(),
                        key: inst.key.clone(),
                        node_id: inst.node_id.clone(),
                        label: inst.label.clone(),
                        value,
                        display,
                    },
                );
            }
        }
        exact.insert(inst.key.clone(), r);
    }
    Side { exact, out }
}
