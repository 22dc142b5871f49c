//! docs/domain.md §5.1 and §5.2 reproduced exactly.

mod common;
use bao_cao_dan_van::engine::{Exact, Level};
use bao_cao_dan_van::format::Rational;
use bao_cao_dan_van::model::{Kind, PeriodType, Value};
use common::*;

#[test]
fn spec_5_1_t1_cells_and_bullets_match_character_for_character() {
    let e = eval(&spec_5_1());
    let t1 = &e.appendix.as_ref().expect("CQ has Phụ lục I").t1;
    assert_eq!(t1.groups[0].group, "cbccvc");
    assert_eq!(t1.groups[0].cells, ["0", "0", "0", "0"]);
    assert!(t1.groups[0].bullets.is_empty(), "all-zero group equal to cùng kỳ gets no bullets");
    let g = &t1.groups[1];
    assert_eq!(g.group, "cong_dan");
    // Cells follow the report's zero padding like the sentences (issue 14 item 8).
    assert_eq!(g.cells, ["07", "06", "05", "01"]);
    assert_eq!(g.text_row.as_deref(), Some("Đối thoại giải quyết khiếu nại của Chủ tịch UBND phường là 04 cuộc"));
    assert_eq!(
        g.bullets,
        [
            "- Cuộc đối thoại tăng 01",
            "- Số lượng đơn, thư tiếp nhận giảm 02",
            "- Số đơn thư thuộc thẩm quyền giải quyết giảm 03",
            "- Số đơn thư đã giải quyết giảm 01",
            "- Số đơn thư tồn đọng giảm 02",
        ]
    );
}

#[test]
fn spec_5_1_don_ton_dong_is_computed_for_both_years() {
    let e = eval(&spec_5_1());
    let cur = &e.computed["don_ton_dong.cong_dan"];
    assert_eq!(cur.id, "C03");
    assert_eq!(cur.value, Exact::Int { value: 1 });
    assert_eq!(cur.display, "1");
    assert_eq!(e.cung_ky["don_ton_dong.cong_dan"].value, Exact::Int { value: 3 });
}

#[test]
fn spec_5_1_t2_bullets_match_character_for_character() {
    let e = eval(&spec_5_1());
    let t2 = &e.appendix.as_ref().unwrap().t2;
    assert_eq!(t2.cells, ["52", "49", "26", "30"]);
    assert_eq!(
        t2.bullets,
        ["- Số lần tiếp thường xuyên giảm 08", "- Số người giảm 09", "- Tiếp định kỳ tăng 02", "- Số người tăng 06"]
    );
}

#[test]
fn spec_5_1_t3_rates_and_bullets_match_character_for_character() {
    let e = eval(&spec_5_1());
    let t3 = &e.appendix.as_ref().unwrap().t3;
    assert_eq!(t3.cells, ["13", "11", "02", "84,62%"]);
    assert_eq!(
        t3.bullets,
        [
            "- Số vụ tiếp nhận giảm 03 vụ",
            "- Hòa giải thành: 11/13 vụ so với cùng kỳ 12/16 vụ",
            "- Hòa giải không thành 2/13 vụ so với cùng kỳ 4/16 vụ",
        ]
    );
    assert_eq!(e.display("hg_ty_le_thanh"), Some("84,62%"));
    assert_eq!(e.display("hg_ty_le_khong_thanh"), Some("15,38%"));
    assert_eq!(e.cung_ky["hg_ty_le_thanh"].display, "75%");
    let d = &e.deltas["hg_ty_le_thanh"];
    assert_eq!(d.text, "tăng 9,62 điểm %");
    assert_eq!(d.current.rate(), Some(Rational::new(11, 13)));
    assert_eq!(d.points(), Some(Rational::new(125, 13)), "11/13 − 12/16 = 0,09615… = 9,615… điểm");
}

#[test]
fn spec_5_1_passes_e02_and_e04() {
    let e = eval(&spec_5_1());
    assert!(issues(&e, "E02").is_empty());
    assert!(issues(&e, "E03").is_empty());
    assert!(issues(&e, "E04").is_empty());
}

#[test]
fn spec_5_2_tthc_mismatch_is_e05_and_rates_still_show() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(
        &mut r,
        &[
            ("tthc_tiep_nhan", 1250),
            ("tthc_da_giai_quyet", 1180),
            ("tthc_som_dung_han", 1150),
            ("tthc_tre_han", 40),
            ("tthc_dang_giai_quyet", 70),
        ],
    );
    let e = eval(&r);
    let e05 = issues(&e, "E05");
    assert_eq!(e05.len(), 1, "only the first equation fails: {e05:?}");
    assert_eq!(e05[0].level, Level::Error);
    assert_eq!(e05[0].message, "Số hồ sơ sớm, đúng hạn (1.150) + trễ hạn (40) = 1.190, khác số đã giải quyết (1.180)");
    assert_eq!(e05[0].paths, ["tthc_som_dung_han", "tthc_tre_han", "tthc_da_giai_quyet"]);
    assert_eq!(e.display("tthc_ty_le_dung_han"), Some("97,46%"));
    assert_eq!(e.display("tthc_ty_le_tre_han"), Some("3,39%"));
}

#[test]
fn spec_5_2_poor_household_rates() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("ho_ngheo", 97), ("ho_can_ngheo", 164), ("tong_so_ho", 8420)]);
    let e = eval(&r);
    assert_eq!(e.display("ty_le_ho_ngheo"), Some("1,15%"));
    assert_eq!(e.display("ty_le_ho_can_ngheo"), Some("1,95%"));
}

#[test]
fn spec_5_2_hoi_quan_rows_differ_from_stated_count() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("hoi_quan_so", 9)]);
    r.lists.insert(
        "hoi_quan_ds".into(),
        [40, 25, 33]
            .iter()
            .map(|n| row(&[("ten", Value::Text("Hội quán".into())), ("thanh_vien", Value::Int(*n))]))
            .collect(),
    );
    let e = eval(&r);
    assert_eq!(e.computed["hoi_quan_tong_tv"].value, Exact::Int { value: 98 });
    assert_eq!(e.display("hoi_quan_tong_tv"), Some("98"));
    assert_eq!(messages(&e, "E07"), ["Danh sách hội quán có 3 dòng, khác Số hội quán (9)"]);
    assert_eq!(issues(&e, "E07")[0].paths, ["hoi_quan_ds", "hoi_quan_so"]);
}

#[test]
fn spec_5_2_dan_van_kheo_fields_do_not_add_up_to_stated_total() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(
        &mut r,
        &[("dvk_kinh_te", 12), ("dvk_van_hoa_xa_hoi", 9), ("dvk_qp_an", 4), ("dvk_xd_htct", 5), ("dvk_tong", 31)],
    );
    let e = eval(&r);
    assert_eq!(
        messages(&e, "E07"),
        ["Kinh tế (12) + văn hóa - xã hội (9) + quốc phòng - an ninh (4) + xây dựng hệ thống chính trị (5) = 30, khác tổng số mô hình, điển hình (31)"]
    );
}

#[test]
fn spec_5_2_quy_vi_nguoi_ngheo_reaches_125_percent_of_plan() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    set(&mut r, &[("quy_vi_nguoi_ngheo", 1_250_000_000), ("quy_vnn_ke_hoach", 1_000_000_000)]);
    let e = eval(&r);
    let c = &e.computed["quy_vnn_ty_le_kh"];
    assert_eq!(c.id, "C07");
    assert_eq!(c.display, "đạt 125% kế hoạch");
    let t = bao_cao_dan_van::template::Template::builtin(Kind::Cq);
    assert_eq!(bao_cao_dan_van::engine::value_text(t, &r, "quy_vi_nguoi_ngheo").as_deref(), Some("1,25 tỷ đồng"));
}

#[test]
fn spec_5_2_money_display() {
    let t = bao_cao_dan_van::template::Template::builtin(Kind::Cq);
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    for (v, shown) in [(187_500_000, "187,5 triệu đồng"), (1_044_000_000, "1,044 tỷ đồng"), (950_000, "950.000 đồng")]
    {
        set(&mut r, &[("dong_gop_tien", v)]);
        assert_eq!(bao_cao_dan_van::engine::value_text(t, &r, "dong_gop_tien").as_deref(), Some(shown));
    }
}
