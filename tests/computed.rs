//! Every computed field C01–C12.

mod common;
use bao_cao_dan_van::engine::{cung_ky_from_previous, CungKyError, Exact};
use bao_cao_dan_van::format::Rational;
use bao_cao_dan_van::model::{HgDenominator, Kind, PeriodType, Value};
use bao_cao_dan_van::template::Template;
use common::*;

#[test]
fn c01_c02_hoa_giai_rates_use_tiep_nhan_by_default() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("hg_tiep_nhan", 32), ("hg_thanh", 5), ("hg_khong_thanh", 27)]);
    let e = eval(&r);
    assert_eq!(e.computed["hg_ty_le_thanh"].id, "C01");
    assert_eq!(e.display("hg_ty_le_thanh"), Some("15,63%"), "5/32 = 15,625 rounds half-up");
    assert_eq!(e.computed["hg_ty_le_thanh"].value.rate(), Some(Rational::new(5, 32)));
    assert_eq!(e.computed["hg_ty_le_khong_thanh"].id, "C02");
    assert_eq!(e.display("hg_ty_le_khong_thanh"), Some("84,38%"));
}

#[test]
fn c01_hoa_giai_rate_can_use_thanh_plus_khong_thanh() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("hg_tiep_nhan", 20), ("hg_thanh", 9), ("hg_khong_thanh", 3), ("hg_dang_giai_quyet", 8)]);
    assert_eq!(eval(&r).display("hg_ty_le_thanh"), Some("45%"));
    r.options.hg_denominator = HgDenominator::ThanhPlusKhongThanh;
    let e = eval(&r);
    assert_eq!(e.display("hg_ty_le_thanh"), Some("75%"));
    assert_eq!(e.display("hg_ty_le_khong_thanh"), Some("25%"));
}

#[test]
fn c01_full_rate_prints_100_percent_not_100_00() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("hg_tiep_nhan", 24), ("hg_thanh", 24), ("hg_khong_thanh", 0)]);
    assert_eq!(eval(&r).display("hg_ty_le_thanh"), Some("100%"));
}

#[test]
fn c01_rate_is_absent_when_denominator_is_zero_or_blank() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("hg_tiep_nhan", 0), ("hg_thanh", 0)]);
    assert!(!eval(&r).computed.contains_key("hg_ty_le_thanh"));
    r.values.remove("hg_tiep_nhan");
    assert!(!eval(&r).computed.contains_key("hg_ty_le_thanh"));
}

#[test]
fn c03_don_ton_dong_per_row_group() {
    let mut r = blank(Kind::Dang, PeriodType::Q3, 2025);
    set(
        &mut r,
        &[
            ("don_thuoc_tham_quyen.cbccvc", 4),
            ("don_da_giai_quyet.cbccvc", 3),
            ("don_thuoc_tham_quyen.cong_dan", 16),
            ("don_da_giai_quyet.cong_dan", 9),
        ],
    );
    let e = eval(&r);
    assert_eq!(e.computed["don_ton_dong.cbccvc"].value, Exact::Int { value: 1 });
    assert_eq!(e.computed["don_ton_dong.cong_dan"].value, Exact::Int { value: 7 });
    assert_eq!(e.computed["don_ton_dong.cong_dan"].id, "C03");
}

#[test]
fn c04_don_ty_le_giai_quyet_per_row_group() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("don_thuoc_tham_quyen.cong_dan", 6), ("don_da_giai_quyet.cong_dan", 5)]);
    let e = eval(&r);
    assert_eq!(e.computed["don_ty_le_giai_quyet.cong_dan"].display, "83,33%");
    assert_eq!(e.computed["don_ty_le_giai_quyet.cong_dan"].id, "C04");
}

#[test]
fn c05_tthc_rates_and_default_dang_giai_quyet() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(
        &mut r,
        &[("tthc_tiep_nhan", 1250), ("tthc_da_giai_quyet", 1180), ("tthc_som_dung_han", 1150), ("tthc_tre_han", 30)],
    );
    let e = eval(&r);
    assert_eq!(e.display("tthc_ty_le_dung_han"), Some("97,46%"));
    assert_eq!(e.display("tthc_ty_le_tre_han"), Some("2,54%"));
    assert_eq!(
        e.computed["tthc_dang_giai_quyet"].value,
        Exact::Int { value: 70 },
        "default = tiếp nhận − đã giải quyết"
    );
    assert!(issues(&e, "E05").is_empty());
    set(&mut r, &[("tthc_dang_giai_quyet", 70)]);
    assert!(!eval(&r).computed.contains_key("tthc_dang_giai_quyet"), "an entered value is not overwritten");
}

#[test]
fn c06_poor_household_rates() {
    let mut r = blank(Kind::Dang, PeriodType::Y, 2025);
    set(&mut r, &[("ho_ngheo", 97), ("ho_can_ngheo", 164), ("tong_so_ho", 8420)]);
    let e = eval(&r);
    assert_eq!(e.computed["ty_le_ho_ngheo"].id, "C06");
    assert_eq!(e.display("ty_le_ho_can_ngheo"), Some("1,95%"));
}

#[test]
fn c07_percent_of_plan_for_fund_and_conscription() {
    let mut r = blank(Kind::Cq, PeriodType::Y, 2025);
    set(
        &mut r,
        &[
            ("quy_vi_nguoi_ngheo", 1_150_600_000),
            ("quy_vnn_ke_hoach", 1_000_000_000),
            ("tq_giao_quan", 18),
            ("tq_chi_tieu", 18),
        ],
    );
    let e = eval(&r);
    assert_eq!(e.display("quy_vnn_ty_le_kh"), Some("đạt 115,06% kế hoạch"));
    assert_eq!(e.display("tq_ty_le_kh"), Some("đạt 100% chỉ tiêu"));
}

#[test]
fn c08_sums_fill_dvk_tong_and_list_totals() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("dvk_kinh_te", 12), ("dvk_van_hoa_xa_hoi", 9), ("dvk_qp_an", 4), ("dvk_xd_htct", 5)]);
    r.lists.insert(
        "asxh".into(),
        vec![
            row(&[("so_suat", Value::Int(100)), ("so_tien", Value::Int(50_000_000))]),
            row(&[("so_suat", Value::Int(89)), ("so_tien", Value::Int(44_500_000))]),
        ],
    );
    let e = eval(&r);
    assert_eq!(e.computed["dvk_tong"].value, Exact::Int { value: 30 });
    assert_eq!(e.computed["dvk_tong"].id, "C08");
    assert_eq!(e.display("asxh_tong_suat"), Some("189"));
    assert_eq!(e.display("asxh_tong_tien"), Some("94,5 triệu đồng"));
    let missing = &e.progress.node("N16").unwrap().missing;
    assert!(!missing.contains(&"dvk_tong".to_string()), "a computed dvk_tong satisfies the required field");
    assert_eq!(missing, &["N16.text"]);
}

#[test]
fn c09_ntm_rate_per_list_row_with_default_19_criteria() {
    let mut r = blank(Kind::Dang, PeriodType::Y, 2025);
    r.lists.insert(
        "ntm_xa".into(),
        vec![
            row(&[
                ("ten_xa", Value::Text("Xã A".into())),
                ("tieu_chi_dat", Value::Int(17)),
                ("tieu_chi_tong", Value::Int(19)),
            ]),
            row(&[("ten_xa", Value::Text("Xã B".into())), ("tieu_chi_dat", Value::Int(19))]),
        ],
    );
    let e = eval(&r);
    assert_eq!(e.computed["ntm_xa.0.ntm_ty_le"].display, "89,47%");
    assert_eq!(e.computed["ntm_xa.0.ntm_ty_le"].id, "C09");
    assert_eq!(e.computed["ntm_xa.1.ntm_ty_le"].display, "100%");
}

#[test]
fn c10_count_delta_texts_with_padding_toggle() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("to_ndtq", 578), ("hoi_quan_so", 9), ("doi_thoai_tong", 12)]);
    prev(&mut r, &[("to_ndtq", 570), ("hoi_quan_so", 11), ("doi_thoai_tong", 12)]);
    let e = eval(&r);
    assert_eq!(e.deltas["to_ndtq"].text, "tăng 08");
    assert_eq!(e.deltas["hoi_quan_so"].text, "giảm 02");
    assert_eq!(e.deltas["doi_thoai_tong"].text, "bằng cùng kỳ");
    assert_eq!(e.deltas["to_ndtq"].ratio_text().as_deref(), Some("bằng 101,40% so với cùng kỳ"));
    r.options.pad_small_counts = false;
    assert_eq!(eval(&r).deltas["to_ndtq"].text, "tăng 8");
}

#[test]
fn c10_money_and_decimal_deltas_use_their_units() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("dong_gop_tien", 850_000_000), ("hien_dat_m2", 12_345)]);
    prev(&mut r, &[("dong_gop_tien", 720_000_000), ("hien_dat_m2", 10_500)]);
    let e = eval(&r);
    assert_eq!(e.deltas["dong_gop_tien"].text, "tăng 130 triệu đồng");
    assert_eq!(e.deltas["hien_dat_m2"].text, "tăng 184,5");
    assert_eq!(e.deltas["hien_dat_m2"].current, Exact::Dec { units: 12_345, scale: 1 });
}

#[test]
fn c11_rate_delta_uses_exact_values_in_percentage_points() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("hg_tiep_nhan", 24), ("hg_thanh", 23), ("hg_khong_thanh", 1)]);
    prev(&mut r, &[("hg_tiep_nhan", 32), ("hg_thanh", 27), ("hg_khong_thanh", 5)]);
    let e = eval(&r);
    assert_eq!(e.deltas["hg_ty_le_thanh"].text, "tăng 11,46 điểm %", "not 95,83 − 84,38 = 11,45");
}

#[test]
fn c12_cung_ky_comes_from_last_years_report_of_the_same_period() {
    let t = Template::builtin(Kind::Cq);
    let mut last = blank(Kind::Cq, PeriodType::H1, 2024);
    set(
        &mut last,
        &[
            ("don_thuoc_tham_quyen.cong_dan", 16),
            ("don_da_giai_quyet.cong_dan", 9),
            ("hg_thanh", 12),
            ("tong_so_ho", 8000),
        ],
    );
    let cur = blank(Kind::Cq, PeriodType::H1, 2025);
    let ck = cung_ky_from_previous(t, &cur, &last).unwrap();
    assert_eq!(ck.get("hg_thanh"), Some(&Value::Int(12)));
    assert_eq!(ck.get("don_ton_dong.cong_dan"), Some(&Value::Int(7)), "computed tồn đọng is carried over");
    assert!(!ck.contains_key("tong_so_ho"), "only comparable indicators");
    let older = blank(Kind::Cq, PeriodType::H1, 2023);
    assert_eq!(cung_ky_from_previous(t, &cur, &older), Err(CungKyError::Year { found: 2023, expected: 2024 }));
    let other = blank(Kind::Cq, PeriodType::Q2, 2024);
    assert_eq!(cung_ky_from_previous(t, &cur, &other), Err(CungKyError::PeriodType));
    assert_eq!(cur.cung_ky_year(), 2024);
}
