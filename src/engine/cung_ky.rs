//! C12: cùng kỳ values carried over from last year's report of the same period type.

use super::computed;
use crate::model::{Report, Value};
use crate::template::Template;
use std::collections::BTreeMap;
use std::fmt;

/// Why a previous report cannot supply cùng kỳ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CungKyError {
    /// Different period type (a Q3 report cannot fill an H1 report's cùng kỳ).
    PeriodType,
    /// Not the year before.
    Year {
        /// Year the previous report covers.
        found: i32,
        /// Year − 1 of the current report.
        expected: i32,
    },
}

impl fmt::Display for CungKyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CungKyError::PeriodType => f.write_str("Báo cáo cũ khác loại kỳ báo cáo nên không dùng làm cùng kỳ được"),
            CungKyError::Year { found, expected } => {
                write!(f, "Báo cáo cũ là của năm {found}; cùng kỳ phải là năm {expected}")
            }
        }
    }
}

/// The cùng kỳ map for `current`, taken from `previous` (same period type, year − 1):
/// every comparable indicator's effective value (entered, or computed where the
/// template computes it, e.g. `don_ton_dong.cong_dan`).
pub fn cung_ky_from_previous(
    template: &Template,
    current: &Report,
    previous: &Report,
) -> Result<BTreeMap<String, Value>, CungKyError> {
    if previous.period.period_type != current.period.period_type {
        return Err(CungKyError::PeriodType);
    }
    if previous.period.year != current.cung_ky_year() {
        return Err(CungKyError::Year { found: previous.period.year, expected: current.cung_ky_year() });
    }
    let side = computed::compute(template, &previous.values, Some(&previous.lists), previous.options.hg_denominator);
    let mut out = BTreeMap::new();
    for (_, node) in template.walk() {
        for ind in node.indicators.iter().filter(|i| i.compare) {
            let keys: Vec<String> = if ind.grouped {
                node.groups.iter().map(|g| format!("{}.{}", ind.key, g.id)).collect()
            } else {
                vec![ind.key.clone()]
            };
            for key in keys {
                if let Some(v) = previous.value(&key) {
                    out.insert(key, v.clone());
                } else if let Some(n) = super::compare::effective_int(template, &previous.values, &side.exact, &key)
                    .filter(|_| ind.ty.scale() == 0)
                {
                    out.insert(key, Value::Int(n));
                }
            }
        }
    }
    Ok(out)
}
