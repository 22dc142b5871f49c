//! Evaluating resolved expressions against report values, with checked exact arithmetic.

use crate::format::Rational;
use crate::model::{Row, Value};
use crate::template::compiled::Expr;
use crate::template::compiled::FastMap;
use crate::template::Mode;
use num_traits::{CheckedAdd, CheckedDiv, CheckedSub, Zero};
use std::collections::BTreeMap;

/// Largest magnitude the engine treats as a real figure; larger values are E01 errors
/// and are never passed to the format functions.
pub(crate) const MAX_VALUE: i64 = 1_000_000_000_000_000;

/// How a name is looked up.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// For computed fields: a key's effective value (computed targets follow their mode).
    Effective,
    /// For rules: what the user entered first, then the computed value.
    EnteredFirst,
}

/// The rows of a side's lists: one report's, or those of several reports
/// read one after another as if joined. The latter is a merge's summed
/// report, whose rows are its units' own: copying 200 units' rows into it
/// cost more than all the sums.
#[derive(Clone, Copy)]
pub(crate) enum Lists<'a> {
    Report(&'a BTreeMap<String, Vec<Row>>),
    Joined(&'a [&'a BTreeMap<String, Vec<Row>>]),
}

impl<'a> Lists<'a> {
    /// The rows of `list` in order (none when no part has it).
    pub fn rows<'k>(self, list: &'k str) -> impl Iterator<Item = &'a Row> + 'k
    where
        'a: 'k,
    {
        let (one, joined): (Option<&'a BTreeMap<String, Vec<Row>>>, &'a [_]) = match self {
            Lists::Report(lists) => (Some(lists), &[]),
            Lists::Joined(parts) => (None, parts),
        };
        one.into_iter().chain(joined.iter().copied()).filter_map(move |lists| lists.get(list)).flatten()
    }
}

/// Values visible to an expression: one side (current or cùng kỳ) of a report.
pub(crate) struct Env<'a> {
    pub values: &'a BTreeMap<String, Value>,
    pub lists: Option<Lists<'a>>,
    pub computed: &'a FastMap<String, Rational>,
    pub row: Option<&'a Row>,
    pub lookup: Lookup,
}

/// A raw stored number as an exact rational (DEC scaled), when it is a sane integer.
pub(crate) fn number(v: &Value, scale: u32) -> Option<Rational> {
    let n = v.as_int()?;
    if n.unsigned_abs() > MAX_VALUE as u64 {
        return None;
    }
    if scale == 0 {
        // Avoid the gcd of Ratio::new on the common path.
        return Some(Rational::from_integer(n as i128));
    }
    Some(Rational::new(n as i128, 10i128.pow(scale.min(18))))
}

impl Env<'_> {
    /// The value the user entered under a full key.
    pub fn entered(&self, key: &str, scale: u32) -> Option<Rational> {
        self.values.get(key).and_then(|v| number(v, scale))
    }

    /// A key's value according to the lookup mode; `mode` is the key's
    /// computed mode (None when no computed field targets it).
    pub fn var(&self, key: &str, scale: u32, mode: Option<Mode>) -> Option<Rational> {
        let computed = || self.computed.get(key).cloned();
        match (self.lookup, mode) {
            (_, None) => self.entered(key, scale),
            (Lookup::Effective, Some(Mode::Always)) => computed().or_else(|| self.entered(key, scale)),
            _ => self.entered(key, scale).or_else(computed),
        }
    }

    /// Evaluate; `None` means blank or undefined (division by zero, overflow).
    pub fn eval(&self, e: &Expr) -> Option<Rational> {
        match e {
            Expr::Lit(n) => Some(Rational::from_integer(*n as i128)),
            Expr::Var { key, scale, mode } => self.var(key, *scale, *mode),
            Expr::Cell { col, scale, default } => {
                let row = self.row?;
                match row.get(col).filter(|v| !v.is_blank()) {
                    Some(v) => number(v, *scale),
                    None => default.map(|d| Rational::from_integer(d as i128)),
                }
            }
            Expr::ListSum { list, col, scale } => {
                let mut total: Option<Rational> = None;
                for r in self.lists?.rows(list) {
                    if let Some(x) = r.get(col).and_then(|v| number(v, *scale)) {
                        total = Some(match total {
                            Some(t) => t.checked_add(&x)?,
                            None => x,
                        });
                    }
                }
                total
            }
            Expr::ListCount { list } => {
                // A row left blank is not printed, so it is not counted either.
                let n = self.lists?.rows(list).filter(|row| row.values().any(|v| !v.is_blank())).count();
                (n > 0).then(|| Rational::from_integer(n as i128))
            }
            Expr::SumOf(terms) => {
                let mut total: Option<Rational> = None;
                for t in terms {
                    if let Some(x) = self.eval(t) {
                        total = Some(match total {
                            Some(s) => s.checked_add(&x)?,
                            None => x,
                        });
                    }
                }
                total
            }
            Expr::Add(a, b) => self.eval(a)?.checked_add(&self.eval(b)?),
            Expr::Sub(a, b) => self.eval(a)?.checked_sub(&self.eval(b)?),
            Expr::Div(a, b) => {
                let d = self.eval(b)?;
                if d.is_zero() {
                    return None;
                }
                self.eval(a)?.checked_div(&d)
            }
        }
    }
}

/// An exact rational as i64 when it is a whole number in range.
pub(crate) fn to_i64(r: &Rational) -> Option<i64> {
    if !r.is_integer() {
        return None;
    }
    i64::try_from(*r.numer()).ok().filter(|n| n.unsigned_abs() <= MAX_VALUE as u64)
}
