//! Report model: creation from the unit profile and lossless JSON.

mod common;
use bao_cao_dan_van::fixtures::{fixed_time, full_report, unit_profile};
use bao_cao_dan_van::model::{
    FormatProfile, HgDenominator, HierarchyModel, Kind, PeriodType, Report, Status, Value, SCHEMA_VERSION,
};
use chrono::NaiveDate;

#[test]
fn new_report_takes_header_signature_and_recipients_from_the_unit_profile() {
    let r = Report::new("id-1", Kind::Dang, PeriodType::Q3, 2025, unit_profile(), fixed_time());
    assert_eq!(r.schema_version, SCHEMA_VERSION);
    assert_eq!(r.template.id, "DANG");
    assert_eq!(r.template.version, 1);
    assert_eq!(r.signature.quyen_han, "T/M BAN THƯỜNG VỤ");
    assert_eq!(r.signature.chuc_vu, "BÍ THƯ");
    assert_eq!(r.recipients.last().map(String::as_str), Some("Lưu Văn phòng Đảng ủy"));
    assert_eq!(r.header.number, None);
    assert_eq!(r.header.year, Some(2025));
    assert_eq!(r.period.from, NaiveDate::from_ymd_opt(2025, 7, 1));
    assert_eq!(r.period.to, NaiveDate::from_ymd_opt(2025, 9, 30));
    assert_eq!(r.hierarchy_model, HierarchyModel::TwoTier2025);
    assert_eq!(r.options.format_profile, FormatProfile::Hd36_2018);
    assert!(r.options.pad_small_counts);
    assert_eq!(r.status, Status::Draft);
    assert_eq!(r.created_at, fixed_time());
    assert_eq!(r.updated_at, fixed_time());
    assert_eq!(r.exported_at, None);
    assert_eq!(r.cung_ky_year(), 2024);
    assert_eq!(r.name, "Báo cáo quý III năm 2025 – Đảng");

    let c = Report::new("id-2", Kind::Cq, PeriodType::H1, 2025, unit_profile(), fixed_time());
    assert_eq!(c.signature.quyen_han, "TM. ỦY BAN NHÂN DÂN");
    assert_eq!(c.options.format_profile, FormatProfile::Nd30_2020);
    assert_eq!(c.hierarchy_model, HierarchyModel::ThreeTier2020, "H1/2025 ended before 01/7/2025");
}

#[test]
fn full_report_round_trips_through_json_losslessly() {
    for kind in Kind::ALL {
        let r = full_report(kind);
        let json = serde_json::to_string_pretty(&r).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
    }
}

#[test]
fn stored_json_uses_plain_numbers_and_documented_enum_spellings() {
    let mut r = full_report(Kind::Cq);
    r.options.hg_denominator = HgDenominator::ThanhPlusKhongThanh;
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["kind"], "CQ");
    assert_eq!(v["period"]["period_type"], "H1");
    assert_eq!(v["hierarchy_model"], "3-tier-2020");
    assert_eq!(v["options"]["format_profile"], "ND30-2020");
    assert_eq!(v["options"]["hg_denominator"], "thanh_plus_khong_thanh");
    assert_eq!(v["status"], "draft");
    assert_eq!(v["values"]["hg_thanh"], 11);
    assert_eq!(v["values"]["don_tiep_nhan.cong_dan"], 7);
    assert_eq!(v["values"]["hien_dat_m2"], 12345, "DEC(1) stored as tenths");
    assert_eq!(v["values"]["tg_thi_dua"], "Phong trào “Sống tốt đời, đẹp đạo”");
    assert_eq!(v["lists"]["vb_ds"][0]["ngay"], "2025-01-05");
    assert_eq!(v["cung_ky"]["hg_thanh"], 12);
}

#[test]
fn partial_and_older_json_loads_with_defaults() {
    let json =
        r#"{"kind": "DANG", "period": {"period_type": "Y", "year": 2024}, "values": {"hg_thanh": 3, "x": null}}"#;
    let r: Report = serde_json::from_str(json).unwrap();
    assert_eq!(r.schema_version, SCHEMA_VERSION);
    assert_eq!(r.values["hg_thanh"], Value::Int(3));
    assert!(r.values["x"].is_blank());
    assert!(r.options.pad_small_counts, "default on");
    assert_eq!(r.options.hg_denominator, HgDenominator::TiepNhan);
    assert_eq!(r.status, Status::Draft);
    assert!(r.texts.is_empty() && r.lists.is_empty() && r.recipients.is_empty());
    assert_eq!(r.period.from, None);
}

#[test]
fn a_status_code_reads_back_as_its_status_and_an_unknown_code_as_a_draft() {
    for s in [Status::Draft, Status::Finalised, Status::Exported] {
        assert_eq!(Status::from_code(s.code()), s);
        // The draft list's code is the stored report's own spelling.
        assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
    }
    assert_eq!(Status::from_code("<b>x</b>"), Status::Draft);
    let labels = [Status::Draft, Status::Finalised, Status::Exported].map(Status::label);
    assert_eq!(labels, ["Nháp", "Hoàn thành", "Đã xuất"]);
}
