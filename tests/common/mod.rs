//! Helpers shared by the integration tests.
#![allow(dead_code)]

use bao_cao_dan_van::engine::{evaluate, Evaluation, Issue};
use bao_cao_dan_van::fixtures::{fixed_time, unit_profile};
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
    set(
        &mut r,
        &[
            ("don_tiep_nhan.cbccvc", 0),
            ("don_thuoc_tham_quyen.cbccvc", 0),
            ("don_da_giai_quyet.cbccvc", 0),
            ("don_tiep_nhan.cong_dan", 7),
            ("don_thuoc_tham_quyen.cong_dan", 6),
            ("don_da_giai_quyet.cong_dan", 5),
            ("doi_thoai_chu_tich", 4),
            ("tcd_thuong_xuyen_luot", 52),
            ("tcd_thuong_xuyen_nguoi", 49),
            ("tcd_dinh_ky_luot", 26),
            ("tcd_dinh_ky_nguoi", 30),
            ("hg_tiep_nhan", 13),
            ("hg_dua_ra_hoa_giai", 13),
            ("hg_thanh", 11),
            ("hg_khong_thanh", 2),
        ],
    );
    prev(
        &mut r,
        &[
            ("don_tiep_nhan.cong_dan", 9),
            ("don_thuoc_tham_quyen.cong_dan", 9),
            ("don_da_giai_quyet.cong_dan", 6),
            ("doi_thoai_chu_tich", 3),
            ("tcd_thuong_xuyen_luot", 60),
            ("tcd_thuong_xuyen_nguoi", 58),
            ("tcd_dinh_ky_luot", 24),
            ("tcd_dinh_ky_nguoi", 24),
            ("hg_tiep_nhan", 16),
            ("hg_thanh", 12),
            ("hg_khong_thanh", 4),
        ],
    );
    r
}
