//! Comparison with cùng kỳ: count deltas (C10) and rate deltas in điểm % (C11).

use super::computed::Side;
use super::env::{to_i64, Env, Lookup};
use super::{fmt, Delta, Exact};
use crate::format::Rational;
use crate::model::{Report, Value};
use crate::template::compiled::FastMap;
use crate::template::{FieldType, Template};
use num_traits::CheckedMul;
use std::collections::BTreeMap;

/// A key's effective value on one side (entered, or computed per the field's mode).
pub(crate) fn effective(
    template: &Template,
    values: &BTreeMap<String, Value>,
    exact: &FastMap<String, Rational>,
    key: &str,
    scale: u32,
) -> Option<Rational> {
    effective_with_mode(values, exact, key, scale, template.index.mode_of(key))
}

/// [`effective`] when the key's computed mode is already known.
fn effective_with_mode(
    values: &BTreeMap<String, Value>,
    exact: &FastMap<String, Rational>,
    key: &str,
    scale: u32,
    mode: Option<crate::template::Mode>,
) -> Option<Rational> {
    let env = Env { values, lists: None, computed: exact, row: None, lookup: Lookup::Effective };
    env.var(key, scale, mode)
}

/// Effective integer value (INT, MONEY, counts).
pub(crate) fn effective_int(
    template: &Template,
    values: &BTreeMap<String, Value>,
    exact: &FastMap<String, Rational>,
    key: &str,
) -> Option<i64> {
    effective(template, values, exact, key, 0).and_then(|r| to_i64(&r))
}

/// "tăng …"/"giảm …" for amounts that `format::delta_text` does not cover (DEC, MONEY).
fn amount_delta(d: i64, shown: impl Fn(i64) -> String) -> String {
    match d.signum() {
        1 => format!("tăng {}", shown(d)),
        -1 => format!("giảm {}", shown(d.checked_abs().unwrap_or(i64::MAX))),
        _ => "bằng cùng kỳ".to_string(),
    }
}

pub(crate) fn ratio_text(cur: i64, prev: i64) -> Option<String> {
    if prev <= 0 || cur < 0 {
        return None;
    }
    let r = Rational::new(cur as i128, prev as i128);
    Some(format!("bằng {} so với cùng kỳ", fmt::percent(&r)))
}

/// Deltas for every comparable indicator and computed field that has both values.
pub(crate) fn deltas(template: &Template, report: &Report, cur: &Side, prev: &Side) -> BTreeMap<String, Delta> {
    let pad = report.options.pad_small_counts;
    let mut out = BTreeMap::new();
    for (key, ty, mode) in &template.index.compare {
        let scale = ty.scale();
        let c = effective_with_mode(&report.values, &cur.exact, key, scale, *mode);
        let p = effective_with_mode(&report.cung_ky, &prev.exact, key, scale, *mode);
        let (Some(c), Some(p)) = (c, p) else { continue };
        let (cu, pu) = if scale == 0 {
            (c, p)
        } else {
            let unit = Rational::from_integer(10i128.pow(scale));
            let (Some(cu), Some(pu)) = (c.checked_mul(&unit), p.checked_mul(&unit)) else { continue };
            (cu, pu)
        };
        let (Some(ci), Some(pi)) = (to_i64(&cu), to_i64(&pu)) else { continue };
        let Some(d) = ci.checked_sub(pi) else { continue };
        let (text, current, previous) = match ty {
            FieldType::Dec(s) => (
                amount_delta(d, |x| fmt::decimal(x, *s)),
                Exact::Dec { units: ci, scale: *s },
                Exact::Dec { units: pi, scale: *s },
            ),
            FieldType::Money => (amount_delta(d, fmt::money), Exact::Int { value: ci }, Exact::Int { value: pi }),
            _ => (fmt::delta(ci, pi, pad), Exact::Int { value: ci }, Exact::Int { value: pi }),
        };
        out.insert(key.clone(), Delta { key: key.clone(), current, previous, text });
    }
    for inst in template.index.computed.iter().filter(|c| c.compare && c.per_row.is_none()) {
        if out.contains_key(&inst.key) {
            continue;
        }
        let (Some(c), Some(p)) = (cur.exact.get(&inst.key), prev.exact.get(&inst.key)) else { continue };
        let delta = if inst.display.is_rate() {
            Delta {
                key: inst.key.clone(),
                current: Exact::from_rate(c),
                previous: Exact::from_rate(p),
                text: fmt::rate_delta(c, p),
            }
        } else {
            let (Some(ci), Some(pi)) = (to_i64(c), to_i64(p)) else { continue };
            Delta {
                key: inst.key.clone(),
                current: Exact::Int { value: ci },
                previous: Exact::Int { value: pi },
                text: fmt::delta(ci, pi, pad),
            }
        };
        out.insert(inst.key.clone(), delta);
    }
    out
}
