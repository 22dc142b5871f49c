//! C12: cùng kỳ values carried over from last year's report of the same period type.

use super::computed;
use super::env::Lists;
use crate::model::{FieldPath, Report, Value};
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
    let side = computed::compute(
        template,
        &previous.values,
        Some(Lists::Report(&previous.lists)),
        previous.options.hg_denominator,
    );
    let mut out = BTreeMap::new();
    for (_, node) in template.walk() {
        for ind in node.indicators.iter().filter(|i| i.compare) {
            let keys: Vec<String> = if ind.grouped {
                node.groups.iter().map(|g| FieldPath::group_key(&ind.key, &g.id)).collect()
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

/// A cùng kỳ value the cadre typed that taking last year's report would change.
#[derive(Clone, Debug, PartialEq)]
pub struct CungKyReplacement {
    /// Value key (`hg_thanh`, `don_tiep_nhan.cong_dan`).
    pub key: String,
    /// Indicator label with its group.
    pub label: String,
    /// What is stored now.
    pub typed: Value,
    /// What last year's report gives.
    pub taken: Value,
}

/// The cùng kỳ values of `current` that `taken` (from
/// [`cung_ky_from_previous`]) would overwrite with a different value, in
/// outline order. Keys `taken` has no value for are not touched: see [`merge_cung_ky`].
pub fn cung_ky_replacements(
    template: &Template,
    current: &BTreeMap<String, Value>,
    taken: &BTreeMap<String, Value>,
) -> Vec<CungKyReplacement> {
    let mut out: Vec<CungKyReplacement> = taken
        .iter()
        .filter_map(|(key, new)| {
            let typed = current.get(key).filter(|typed| *typed != new)?;
            let label = template.indicator(key).map_or_else(|| key.clone(), |i| i.full_label());
            Some(CungKyReplacement { key: key.clone(), label, typed: typed.clone(), taken: new.clone() })
        })
        .collect();
    let order = template.value_keys();
    out.sort_by_key(|r| order.iter().position(|k| *k == r.key).unwrap_or(usize::MAX));
    out
}

/// The cùng kỳ map after taking `taken`: its values fill the blanks; typed
/// values stay unless `replace_typed`; values last year's report lacks stay.
pub fn merge_cung_ky(
    current: &BTreeMap<String, Value>,
    taken: &BTreeMap<String, Value>,
    replace_typed: bool,
) -> BTreeMap<String, Value> {
    let mut out = current.clone();
    for (key, value) in taken {
        if replace_typed || !current.contains_key(key) {
            out.insert(key.clone(), value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, PeriodType, UnitProfile};

    fn map(pairs: &[(&str, i64)]) -> BTreeMap<String, Value> {
        pairs.iter().map(|(k, v)| (k.to_string(), Value::Int(*v))).collect()
    }

    #[test]
    fn typed_values_that_last_year_would_change_are_listed_with_both_values() {
        let t = Template::builtin(Kind::Cq);
        let typed = map(&[("hg_thanh", 5), ("hg_tiep_nhan", 9), ("don_tiep_nhan.cong_dan", 4)]);
        let taken = map(&[("hg_thanh", 7), ("hg_tiep_nhan", 9), ("don_tiep_nhan.cong_dan", 6), ("hg_khong_thanh", 1)]);
        let list = cung_ky_replacements(t, &typed, &taken);
        let keys: Vec<_> = list.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys.len(), 2, "equal and blank values are not replacements: {keys:?}");
        let hg = list.iter().find(|r| r.key == "hg_thanh").unwrap();
        assert_eq!((hg.typed.clone(), hg.taken.clone()), (Value::Int(5), Value::Int(7)));
        assert_eq!(hg.label, t.indicator("hg_thanh").unwrap().full_label());
        let don = list.iter().find(|r| r.key == "don_tiep_nhan.cong_dan").unwrap();
        assert!(don.label.contains('('), "grouped label names its group: {}", don.label);
    }

    #[test]
    fn merge_fills_blanks_and_keeps_typed_values_unless_asked() {
        let typed = map(&[("hg_thanh", 5), ("only_typed", 2)]);
        let taken = map(&[("hg_thanh", 7), ("hg_khong_thanh", 1)]);
        let kept = map(&[("hg_thanh", 5), ("only_typed", 2), ("hg_khong_thanh", 1)]);
        assert_eq!(merge_cung_ky(&typed, &taken, false), kept);
        let replaced = map(&[("hg_thanh", 7), ("only_typed", 2), ("hg_khong_thanh", 1)]);
        assert_eq!(merge_cung_ky(&typed, &taken, true), replaced);
    }

    #[test]
    fn taking_last_years_report_end_to_end_keeps_every_typed_value_until_confirmed() {
        let t = Template::builtin(Kind::Cq);
        let now = chrono::Utc::now();
        let mut current = Report::new("c", Kind::Cq, PeriodType::Q3, 2025, UnitProfile::default(), now);
        current.cung_ky = map(&[("hg_thanh", 5), ("hg_tiep_nhan", 8)]);
        let mut previous = Report::new("p", Kind::Cq, PeriodType::Q3, 2024, UnitProfile::default(), now);
        previous.values = map(&[("hg_thanh", 7), ("hg_tiep_nhan", 10)]);
        let taken = cung_ky_from_previous(t, &current, &previous).unwrap();
        assert_eq!(cung_ky_replacements(t, &current.cung_ky, &taken).len(), 2);
        assert_eq!(merge_cung_ky(&current.cung_ky, &taken, false)["hg_thanh"], Value::Int(5));
    }
}
