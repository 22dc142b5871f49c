use super::*;
use crate::exchange::export;
use chrono::TimeZone;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, day, 0, 0, 0).unwrap()
}

/// A ward's H1/2025 CQ report with hòa giải and đơn thư figures.
fn ward(n: u8, code: &str, hg: (i64, i64, i64), cung_ky_hg: (i64, i64)) -> Report {
    let unit = UnitProfile { code: code.into(), name: format!("PHƯỜNG {n}"), ..Default::default() };
    let mut r = Report::new(format!("4b8f0a4e-0000-4000-8000-00000000010{n}"), Kind::Cq, PeriodType::H1, 2025, unit, at(n as u32));
    r.values.insert("hg_tiep_nhan".into(), Value::Int(hg.0));
    r.values.insert("hg_thanh".into(), Value::Int(hg.1));
    r.values.insert("hg_khong_thanh".into(), Value::Int(hg.2));
    r.cung_ky.insert("hg_tiep_nhan".into(), Value::Int(cung_ky_hg.0));
    r.cung_ky.insert("hg_thanh".into(), Value::Int(cung_ky_hg.1));
    r
}

fn file(r: &Report) -> (String, Vec<u8>) {
    let f = export(Template::builtin(r.kind), r, "t", at(20));
    (f.name, f.json.into_bytes())
}

#[test]
fn three_wards_give_summed_figures_and_rates_recomputed_from_the_sums() {
    let files = vec![
        file(&ward(1, "P1", (13, 11, 2), (16, 12))),
        file(&ward(2, "P2", (7, 7, 0), (5, 4))),
        file(&ward(3, "P3", (4, 1, 3), (3, 3))),
    ];
    let s = merge(&files).unwrap();
    assert_eq!(s.units.len(), 3);
    assert!(s.set_aside.is_empty());
    assert_eq!(s.totals["hg_tiep_nhan"], 24);
    assert_eq!(s.totals["hg_thanh"], 19);
    // 19/24 = 79,1666…% from the sums; the average of the units' rates
    // (84,62% + 100% + 25%) / 3 = 69,87% would be wrong.
    let rate = s.columns.iter().find(|c| c.key == "hg_ty_le_thanh").expect("rate column");
    assert_eq!(s.total(rate), "79,17%");
    let p1 = &s.units[0];
    assert_eq!(s.cell(p1, rate), "84,62%");
    let cung_ky = s.total_evaluation.cung_ky.get("hg_ty_le_thanh").map(|c| c.display.clone());
    assert_eq!(cung_ky.as_deref(), Some("79,17%"), "cùng kỳ 19/24 recomputed too");
}

#[test]
fn files_of_another_period_kind_or_a_duplicate_unit_are_set_aside_with_reasons() {
    let mut other_period = ward(4, "P4", (1, 1, 0), (1, 1));
    other_period.period.period_type = PeriodType::Q3;
    let mut newer_p1 = ward(1, "P1", (20, 10, 10), (1, 1));
    newer_p1.id = "4b8f0a4e-0000-4000-8000-000000000199".into();
    newer_p1.updated_at = at(28);
    let files = vec![
        file(&ward(1, "P1", (13, 11, 2), (16, 12))),
        file(&ward(2, "P2", (7, 7, 0), (5, 4))),
        file(&other_period),
        file(&newer_p1),
        ("hong.json".to_string(), b"{ not json".to_vec()),
    ];
    let s = merge(&files).unwrap();
    assert_eq!(s.units.iter().map(|u| u.unit.as_str()).collect::<Vec<_>>(), ["PHƯỜNG 1", "PHƯỜNG 2"]);
    assert_eq!(s.totals["hg_tiep_nhan"], 27, "the newer P1 file is kept");
    let reasons: Vec<&str> = s.set_aside.iter().map(|a| a.reason.as_str()).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("hong.json") && r.contains("JSON")));
    assert!(reasons.iter().any(|r| r.contains("khác kỳ báo cáo (quý III năm 2025, cần 6 tháng đầu năm 2025)")));
    assert!(reasons.iter().any(|r| r.contains("trùng đơn vị PHƯỜNG 1")));
}

#[test]
fn csv_has_bom_quoted_vietnamese_cells_totals_and_defused_formulas() {
    let mut evil = ward(2, "P2", (7, 7, 0), (5, 4));
    evil.unit.name = "=HYPERLINK(\"x\")".into();
    let s = merge(&[file(&ward(1, "P1", (13, 11, 2), (16, 12))), file(&evil)]).unwrap();
    let csv = s.csv();
    assert!(csv.starts_with("\u{feff}\"Đơn vị\","));
    assert!(csv.contains("\r\n\"Tổng cộng\""));
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
    assert!(csv.contains("\"84,62%\""));
    assert!(csv.lines().all(|l| !l.is_empty()));
}

#[test]
fn summary_report_holds_the_sums_and_names_the_units() {
    let s = merge(&[file(&ward(1, "P1", (13, 11, 2), (16, 12))), file(&ward(2, "P2", (7, 7, 0), (5, 4)))]).unwrap();
    let r = s.to_report("new", UnitProfile::default(), at(30));
    assert_eq!(r.values["hg_thanh"], Value::Int(18));
    assert_eq!(r.cung_ky["hg_tiep_nhan"], Value::Int(21));
    assert!(r.texts["N01.text"].contains("02 đơn vị: PHƯỜNG 1, PHƯỜNG 2"));
    assert_eq!(r.period.period_type, PeriodType::H1);
}

#[test]
fn no_valid_file_gives_no_summary() {
    let reasons = merge(&[("x.json".into(), b"nope".to_vec())]).unwrap_err();
    assert_eq!(reasons.len(), 1);
    assert!(reasons[0].reason.starts_with("Tệp «x.json»"));
}
