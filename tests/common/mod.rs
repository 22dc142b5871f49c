//! Helpers shared by the integration tests.
#![allow(dead_code)]

use bao_cao_dan_van::engine::{evaluate, Evaluation, Issue};
use bao_cao_dan_van::fixtures::{fixed_time, spec_5_1_figures, unit_profile};
use bao_cao_dan_van::model::{Kind, PeriodType, Report, Row, Value};
use bao_cao_dan_van::template::Template;

/// An empty draft.
pub fn blank(kind: Kind, period: PeriodType, year: i32) -> Report {
    Report::new("11111111-2222-4333-8444-555555555555", kind, period, year, unit_profile(), fixed_time())
}

/// Set current values.
pub fn set(r: &mut Report, pairs: &[(&str, i64)]) {
    for (k, v) in pairs {
        r.values.insert(k.to_string(), Value::Int(*v));
    }
}

/// Set cùng kỳ values.
pub fn prev(r: &mut Report, pairs: &[(&str, i64)]) {
    for (k, v) in pairs {
        r.cung_ky.insert(k.to_string(), Value::Int(*v));
    }
}

/// Set a narrative.
pub fn text(r: &mut Report, key: &str, s: &str) {
    r.texts.insert(key.to_string(), s.to_string());
}

/// A list row from (column, value) pairs.
pub fn row(cells: &[(&str, Value)]) -> Row {
    cells.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// Evaluate against the built-in template of the report's kind.
pub fn eval(r: &Report) -> Evaluation {
    evaluate(Template::builtin(r.kind), r)
}

/// Issues of one rule.
pub fn issues<'a>(e: &'a Evaluation, rule: &str) -> Vec<&'a Issue> {
    e.issues.iter().filter(|i| i.rule == rule).collect()
}

/// Messages of one rule.
pub fn messages(e: &Evaluation, rule: &str) -> Vec<String> {
    issues(e, rule).iter().map(|i| i.message.clone()).collect()
}

/// The docs/domain.md §5.1 Phụ lục I example.
pub fn spec_5_1() -> Report {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    spec_5_1_figures(&mut r);
    r
}
