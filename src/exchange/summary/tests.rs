use super::*;
use crate::exchange::export;
use chrono::TimeZone;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, day, 0, 0, 0).unwrap()
}

/// A ward's H1/2025 CQ report with hòa giải and đơn thư figures.
fn ward(n: u8, code: &str, hg: (i64, i64, i64), cung_ky_hg: (i64, i64)) -> Report {
    let unit = UnitProfile { code: code.into(), name: format!("PHƯỜNG {n}"), ..Default::default() };
    let mut r = Report::new(
        format!("4b8f0a4e-0000-4000-8000-00000000010{n}"),
        Kind::Cq,
        PeriodType::H1,
        2025,
        unit,
        at(n as u32),
    );
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
    let s = merge(&files, at(28)).unwrap();
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
    let cung_ky = s.total_figures.cung_ky.get("hg_ty_le_thanh").map(|c| c.display.clone());
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
    let s = merge(&files, at(28)).unwrap();
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
    let s = merge(&[file(&ward(1, "P1", (13, 11, 2), (16, 12))), file(&evil)], at(28)).unwrap();
    let csv = s.csv();
    assert!(csv.starts_with("\u{feff}\"Đơn vị\","));
    assert!(csv.contains("\r\n\"Tổng cộng\""));
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
    assert!(csv.contains("\"84,62%\""));
    assert!(csv.lines().all(|l| !l.is_empty()));
}

#[test]
fn summary_report_holds_the_sums_and_names_the_units() {
    let s =
        merge(&[file(&ward(1, "P1", (13, 11, 2), (16, 12))), file(&ward(2, "P2", (7, 7, 0), (5, 4)))], at(28)).unwrap();
    let r = s.to_report("new", UnitProfile::default(), at(30));
    assert_eq!(r.values["hg_thanh"], Value::Int(18));
    assert_eq!(r.cung_ky["hg_tiep_nhan"], Value::Int(21));
    assert!(r.texts["N01.text"].contains("02 đơn vị: PHƯỜNG 1, PHƯỜNG 2"));
    assert_eq!(r.period.period_type, PeriodType::H1);
}

#[test]
fn no_valid_file_gives_no_summary() {
    let reasons = merge(&[("x.json".into(), b"nope".to_vec())], at(28)).unwrap_err();
    assert_eq!(reasons.len(), 1);
    assert!(reasons[0].reason.starts_with("Tệp «x.json»"));
}

#[test]
fn a_unit_code_with_a_zero_width_character_or_old_tone_placement_is_the_same_unit() {
    let plain = ward(1, "P1", (13, 11, 2), (16, 12));
    let mut hidden = ward(2, "P\u{200B}1", (7, 7, 0), (5, 4));
    hidden.updated_at = at(5);
    let mut by_name_old = ward(3, "", (4, 1, 3), (3, 3));
    by_name_old.unit.name = "Phường Hoà Thuận".into();
    let mut by_name_new = ward(4, "", (1, 1, 0), (1, 1));
    by_name_new.unit.name = "PHƯỜNG HÒA\u{FEFF} THUẬN".into();
    let s = merge(&[file(&plain), file(&hidden), file(&by_name_old), file(&by_name_new)], at(28)).unwrap();
    assert_eq!(s.units.len(), 2, "two units, not four: {:?}", s.units.iter().map(|u| &u.unit).collect::<Vec<_>>());
    assert_eq!(s.set_aside.len(), 2);
    assert!(s.set_aside.iter().all(|a| a.reason.contains("trùng đơn vị")), "{:?}", s.set_aside);
    // Each unit counted once: the later file of each pair.
    assert_eq!(s.totals["hg_tiep_nhan"], 7 + 1);
}

#[test]
fn a_file_dated_after_the_receivers_clock_is_set_aside_and_cannot_win_the_tie_break() {
    let mut future = ward(2, "P1", (99, 99, 0), (1, 1));
    future.updated_at = Utc.with_ymd_and_hms(2099, 1, 1, 0, 0, 0).unwrap();
    let f = export(Template::builtin(future.kind), &future, "t", at(20));
    let s = merge(&[file(&ward(1, "P1", (13, 11, 2), (16, 12))), (f.name, f.json.into_bytes())], at(28)).unwrap();
    assert_eq!(s.totals["hg_tiep_nhan"], 13, "the ward's real file is kept");
    assert_eq!(s.set_aside.len(), 1);
    assert!(
        s.set_aside[0].reason.contains("updated_at") && s.set_aside[0].reason.contains("tương lai"),
        "{:?}",
        s.set_aside
    );
}

#[test]
fn the_totals_figures_read_the_units_rows_in_place_as_the_draft_made_of_them_does() {
    let files: Vec<(String, Vec<u8>)> = (0..3u32)
        .map(|n| {
            let mut r = crate::fixtures::full_report(Kind::Cq);
            r.id = format!("4b8f0a4e-0000-4000-8000-{n:012}");
            r.unit.code = format!("W{n:03}");
            r.updated_at = at(10);
            r.lists.get_mut("asxh").expect("a list summed by a figure").truncate(n as usize + 1);
            file(&r)
        })
        .collect();
    let s = merge(&files, at(28)).unwrap();
    let joined = crate::engine::evaluate(s.template, &s.to_report("tong-hop", UnitProfile::default(), at(28)));
    assert!(joined.computed.contains_key("asxh_tong_suat"), "a sum of the joined rows");
    assert!(joined.computed.keys().any(|k| k.starts_with("ntm_xa.6.")), "per-row figures of the joined rows");
    assert_eq!(s.total_figures.computed, joined.computed);
    assert_eq!(s.total_figures.cung_ky, joined.cung_ky);
}

#[test]
fn a_summary_of_200_full_wards_with_6600_list_rows_is_storable_exportable_importable_and_restorable() {
    let mut files = Vec::new();
    for n in 0..200u32 {
        let mut r = crate::fixtures::full_report(Kind::Cq);
        r.id = format!("4b8f0a4e-0000-4000-8000-{n:012}");
        r.unit.code = format!("W{n:03}");
        r.unit.name = format!("PHƯỜNG {n}");
        r.updated_at = at(10);
        let f = export(Template::builtin(r.kind), &r, "t", at(20));
        files.push((f.name, f.json.into_bytes()));
    }
    let s = merge(&files, at(28)).unwrap();
    assert_eq!(s.units.len(), 200);
    let report = s.to_report("4b8f0a4e-0000-4000-8000-00000000fff1", UnitProfile::default(), at(28));
    let rows: usize = report.lists.values().map(Vec::len).sum();
    assert!(rows >= 6_000, "{rows} rows");
    assert!(report.lists.values().all(|l| l.len() <= crate::model::limits::MAX_LIST_ROWS));
    crate::exchange::import::check_report(&report).expect("storable");
    let f = export(Template::builtin(report.kind), &report, "t", at(28));
    assert!(f.json.len() < crate::model::limits::MAX_FILE_BYTES, "{} bytes", f.json.len());
    let back = crate::exchange::import::read_report_file(&f.name, f.json.as_bytes(), at(28)).expect("imports").report;
    assert_eq!(back.lists, report.lists);
    let restored = crate::exchange::backup::read_backup(
        "b.json",
        crate::exchange::backup::backup(std::slice::from_ref(&report), &UnitProfile::default(), "t", at(28)).as_bytes(),
    )
    .unwrap();
    assert_eq!(restored.reports, vec![report]);
}

#[test]
fn a_sum_above_what_a_field_holds_is_kept_as_text_so_the_summary_report_still_exports_and_restores() {
    let cap = crate::model::limits::MAX_NUMBER;
    let files = [ward(1, "P1", (cap, 1, 0), (1, 1)), ward(2, "P2", (cap, 1, 0), (1, 1))].map(|w| file(&w));
    let s = merge(&files, at(28)).unwrap();
    let r = s.to_report("4b8f0a4e-0000-4000-8000-00000000fff2", UnitProfile::default(), at(28));
    assert_eq!(r.values["hg_tiep_nhan"], Value::Unparsed(format::int(2 * cap)));
    assert_eq!(r.values["hg_thanh"], Value::Int(2));
    crate::exchange::import::check_report(&r).expect("the summary report is storable");
}

/// A province's outline: the built-in CQ outline under `id` and `version`,
/// with `extra` (an indicator key) added to its first node that has
/// indicators. Registered, as a loaded outline is.
fn province_outline(id: &str, version: u32, extra: Option<&str>) -> &'static Template {
    let mut value: serde_json::Value = serde_json::from_str(&Template::builtin(Kind::Cq).to_json()).unwrap();
    value["id"] = id.into();
    value["version"] = version.into();
    if let Some(key) = extra {
        fn first_with_indicators(nodes: &mut [serde_json::Value]) -> Option<&mut serde_json::Value> {
            for node in nodes {
                if node.get("indicators").and_then(|i| i.as_array()).is_some_and(|i| !i.is_empty()) {
                    return Some(node);
                }
                if let Some(found) = node.get_mut("children").and_then(|c| c.as_array_mut()) {
                    if let Some(n) = first_with_indicators(found) {
                        return Some(n);
                    }
                }
            }
            None
        }
        let nodes = value["nodes"].as_array_mut().unwrap();
        let node = first_with_indicators(nodes).expect("a node with indicators");
        let mut indicator = node["indicators"][0].clone();
        indicator["key"] = key.into();
        indicator["label"] = "Số mô hình dân vận khéo mới".into();
        node["indicators"].as_array_mut().unwrap().push(indicator);
    }
    crate::template::registry::register(Template::from_file("tp.json", value.to_string().as_bytes()).unwrap())
}

#[test]
fn units_of_two_outline_versions_are_merged_grouped_by_version_and_the_screen_says_so() {
    let v1 = province_outline("SUM_TP", 1, None);
    let v2 = province_outline("SUM_TP", 2, Some("mo_hinh_moi"));
    let of = |n: u8, outline: &Template, hg: (i64, i64, i64)| {
        let mut r = ward(n, &format!("P{n}"), hg, (1, 1));
        r.template = outline.template_ref();
        if outline.version == 2 {
            r.values.insert("mo_hinh_moi".into(), Value::Int(i64::from(n)));
        }
        r
    };
    let files = vec![
        file(&of(1, v1, (13, 11, 2))),
        file(&of(2, v2, (7, 7, 0))),
        file(&of(3, v1, (4, 1, 3))),
        file(&of(4, Template::builtin(Kind::Cq), (2, 2, 0))),
    ];
    let s = merge(&files, at(28)).unwrap();
    assert!(s.set_aside.is_empty(), "{:?}", s.set_aside);
    let groups: Vec<(&str, u32, usize)> =
        s.outlines.iter().map(|g| (g.reference.id.as_str(), g.reference.version, g.units)).collect();
    assert_eq!(groups, [("CQ", 1, 1), ("SUM_TP", 2, 1), ("SUM_TP", 1, 2)]);
    let order: Vec<&str> = s.units.iter().map(|u| u.unit.as_str()).collect();
    assert_eq!(order, ["PHƯỜNG 4", "PHƯỜNG 2", "PHƯỜNG 1", "PHƯỜNG 3"], "units grouped by outline version");
    assert_eq!(s.totals["hg_tiep_nhan"], 26, "figures summed by key across versions");
    assert_eq!(s.totals["mo_hinh_moi"], 2, "a figure only version 2 has is summed too");
    let extra = s.columns.iter().find(|c| c.key == "mo_hinh_moi").expect("its column");
    assert_eq!(extra.node_id, OTHER_VERSIONS);
    assert!(s.sections().iter().any(|(id, _)| id == OTHER_VERSIONS));
    assert_eq!(
        s.outline_notice(),
        "Các đơn vị theo 3 phiên bản đề cương, xếp thành nhóm theo phiên bản: «CQ phiên bản 1» (1 đơn vị), \
         «SUM_TP phiên bản 2» (1 đơn vị), «SUM_TP phiên bản 1» (2 đơn vị). Số liệu được cộng theo mã chỉ tiêu; \
         tỷ lệ và thứ tự mục theo đề cương «SUM_TP phiên bản 1»."
    );
    // The summary report is a draft of the outline most units wrote against.
    assert_eq!(s.to_report("th", UnitProfile::default(), at(28)).template, v1.template_ref());
}

#[test]
fn a_file_of_an_outline_the_device_lacks_is_set_aside_naming_the_outline() {
    let mut stray = ward(2, "P2", (7, 7, 0), (5, 4));
    stray.template = crate::model::TemplateRef { id: "TINH-KHAC".into(), version: 5, hash: None };
    let stray_file = {
        let f = export(Template::builtin(Kind::Cq), &stray, "t", at(20));
        (f.name, f.json.into_bytes())
    };
    let s = merge(&[file(&ward(1, "P1", (13, 11, 2), (16, 12))), stray_file], at(28)).unwrap();
    assert_eq!(s.units.len(), 1);
    assert_eq!(s.set_aside.len(), 1);
    assert!(
        s.set_aside[0].reason.contains("theo đề cương «TINH-KHAC» phiên bản 5, thiết bị này chưa có đề cương này"),
        "{}",
        s.set_aside[0].reason
    );
    assert_eq!(
        s.outline_notice(),
        format!("Các đơn vị cùng theo đề cương «CQ phiên bản 1» ({}).", Template::builtin(Kind::Cq).title)
    );
}
