//! Every validation rule E01–E10 and W01–W06, with a passing and a failing case.

mod common;
use bao_cao_dan_van::engine::{can_finalise, evaluate, Level};
use bao_cao_dan_van::fixtures::full_report;
use bao_cao_dan_van::model::{Kind, PeriodType, Report, Value};
use bao_cao_dan_van::template::Template;
use chrono::NaiveDate;
use common::*;

fn cq() -> Report {
    blank(Kind::Cq, PeriodType::H1, 2025)
}

#[test]
fn fixtures_of_both_kinds_evaluate_without_any_issue_and_can_be_finalised() {
    for kind in Kind::ALL {
        let r = full_report(kind);
        let e = evaluate(Template::builtin(kind), &r);
        assert!(e.issues.is_empty(), "{}: {:#?}", kind.code(), e.issues);
        assert_eq!(can_finalise(&e), Ok(()));
        assert_eq!(e.progress.done, e.progress.total);
        assert_eq!(e.progress.next_missing, None);
    }
}

#[test]
fn fixtures_fill_every_indicator_narrative_and_list() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        let r = full_report(kind);
        for k in t.value_keys() {
            assert!(r.value(&k).is_some(), "{} fixture lacks {k}", kind.code());
        }
        for k in t.narrative_keys() {
            assert!(r.text(&k).is_some(), "{} fixture lacks {k}", kind.code());
        }
        for (_, node) in t.walk() {
            for l in &node.lists {
                assert!(
                    r.lists.get(&l.key).is_some_and(|rows| rows.len() >= 3),
                    "{} fixture lacks rows of {}",
                    kind.code(),
                    l.key
                );
            }
        }
    }
}

#[test]
fn e01_numbers_must_be_non_negative_integers_and_rates_are_not_typed() {
    let mut r = cq();
    set(&mut r, &[("hg_thanh", -3)]);
    r.values.insert("hg_tiep_nhan".into(), Value::Text("mười".into()));
    r.values.insert("hg_ty_le_thanh".into(), Value::Int(95));
    r.cung_ky.insert("to_ndtq".into(), Value::Int(-1));
    r.lists.insert("dvk_ds".into(), vec![row(&[("loai", Value::Text("Hộ gia đình".into()))])]);
    set(&mut r, &[("tg_tin_do", 5_000_000_000_000_000)]);
    let e = eval(&r);
    let msgs = messages(&e, "E01");
    assert!(msgs.contains(&"Hòa giải thành không được âm (-3)".to_string()), "{msgs:?}");
    assert!(msgs.contains(&"Số vụ (việc) tiếp nhận, thụ lý “mười” không phải là số nguyên".to_string()));
    assert!(msgs.contains(&"Tỷ lệ hòa giải thành được tính tự động, không nhập tay".to_string()));
    assert!(msgs.contains(&"Cùng kỳ: Số Tổ nhân dân tự quản không được âm (-1)".to_string()));
    assert!(msgs.contains(
        &"Danh sách mô hình, điển hình “Dân vận khéo”, dòng 1: Loại “Hộ gia đình” không có trong danh sách lựa chọn"
            .to_string()
    ));
    assert!(msgs.contains(&"Số tín đồ có giá trị quá lớn".to_string()));
    assert!(issues(&e, "E01").iter().all(|i| i.level == Level::Error));
    assert!(issues(&e, "E01").iter().any(|i| i.paths == ["cung_ky.to_ndtq"]));
    let mut ok = cq();
    set(&mut ok, &[("hg_thanh", 0), ("hg_tiep_nhan", 10)]);
    ok.lists.insert("dvk_ds".into(), vec![row(&[("loai", Value::Text("Cá nhân".into()))])]);
    assert!(issues(&eval(&ok), "E01").is_empty());
}

#[test]
fn e02_don_thu_chain_fails_per_group_and_for_cung_ky() {
    let mut r = cq();
    set(
        &mut r,
        &[("don_tiep_nhan.cong_dan", 7), ("don_thuoc_tham_quyen.cong_dan", 4), ("don_da_giai_quyet.cong_dan", 5)],
    );
    prev(&mut r, &[("don_tiep_nhan.cbccvc", 2), ("don_thuoc_tham_quyen.cbccvc", 3), ("don_da_giai_quyet.cbccvc", 1)]);
    let e = eval(&r);
    let e02 = issues(&e, "E02");
    assert_eq!(e02.len(), 2, "{e02:?}");
    assert_eq!(
        e02[0].message,
        "Công dân: Số đơn thư đã giải quyết (5) lớn hơn Số đơn thư thuộc thẩm quyền giải quyết (4)"
    );
    assert_eq!(e02[0].paths, ["don_da_giai_quyet.cong_dan", "don_thuoc_tham_quyen.cong_dan"]);
    assert_eq!(
        e02[1].message,
        "Cùng kỳ năm 2024, Cán bộ, công chức, viên chức: Số đơn thư thuộc thẩm quyền giải quyết (3) lớn hơn Số lượng đơn thư đã tiếp nhận (2)"
    );
    assert_eq!(e02[1].paths, ["cung_ky.don_thuoc_tham_quyen.cbccvc", "cung_ky.don_tiep_nhan.cbccvc"]);
    assert!(issues(&eval(&spec_5_1()), "E02").is_empty());
}

#[test]
fn e03_hand_entered_ton_dong_must_equal_the_computed_one() {
    let mut r = cq();
    set(
        &mut r,
        &[("don_thuoc_tham_quyen.cong_dan", 6), ("don_da_giai_quyet.cong_dan", 5), ("don_ton_dong.cong_dan", 2)],
    );
    assert_eq!(
        messages(&eval(&r), "E03"),
        ["Công dân: Số đơn thư tồn đọng (2), khác Số đơn thư thuộc thẩm quyền giải quyết (6) − số đơn thư đã giải quyết (5) = 1"]
    );
    set(&mut r, &[("don_ton_dong.cong_dan", 1)]);
    assert!(issues(&eval(&r), "E03").is_empty());
}

#[test]
fn e04_hoa_giai_parts_must_add_up() {
    let mut r = cq();
    set(&mut r, &[("hg_tiep_nhan", 13), ("hg_thanh", 11), ("hg_khong_thanh", 2), ("hg_dang_giai_quyet", 1)]);
    assert_eq!(
        messages(&eval(&r), "E04"),
        ["Hòa giải thành (11) + hòa giải không thành (2) + đang hòa giải, chuyển cơ quan khác hoặc rút yêu cầu (1) = 14, khác Số vụ (việc) tiếp nhận, thụ lý (13)"]
    );
    r.values.remove("hg_dang_giai_quyet");
    assert!(issues(&eval(&r), "E04").is_empty(), "without đang giải quyết, thành + không thành ≤ tiếp nhận");
    set(&mut r, &[("hg_khong_thanh", 4)]);
    assert_eq!(
        messages(&eval(&r), "E04"),
        ["Hòa giải thành (11) + hòa giải không thành (4) = 15 lớn hơn Số vụ (việc) tiếp nhận, thụ lý (13)"]
    );
    set(&mut r, &[("hg_khong_thanh", 2), ("hg_dua_ra_hoa_giai", 14)]);
    assert_eq!(messages(&eval(&r), "E04"), ["Số vụ đưa ra hòa giải (14) vượt quá Số vụ (việc) tiếp nhận, thụ lý (13)"]);
}

#[test]
fn e05_tthc_equations_pass_when_consistent() {
    let mut r = cq();
    set(
        &mut r,
        &[
            ("tthc_tiep_nhan", 1250),
            ("tthc_da_giai_quyet", 1180),
            ("tthc_som_dung_han", 1150),
            ("tthc_tre_han", 30),
            ("tthc_dang_giai_quyet", 70),
        ],
    );
    assert!(issues(&eval(&r), "E05").is_empty());
    set(&mut r, &[("tthc_dang_giai_quyet", 60)]);
    assert_eq!(
        messages(&eval(&r), "E05"),
        ["Số đã giải quyết (1.180) + đang giải quyết (60) = 1.240, khác số tiếp nhận (1.250)"]
    );
}

#[test]
fn e06_parts_may_not_exceed_their_whole() {
    let mut r = cq();
    set(&mut r, &[("ho_ngheo", 9000), ("tong_so_ho", 8420), ("tq_xet_duyet", 10), ("tq_giao_quan", 12)]);
    r.lists.insert("ntm_xa".into(), vec![row(&[("tieu_chi_dat", Value::Int(20)), ("tieu_chi_tong", Value::Int(19))])]);
    set(&mut r, &[("van_de.HOI_LHPN", 5), ("van_de_giai_trinh.HOI_LHPN", 4), ("van_de_chuyen_giai_quyet.HOI_LHPN", 3)]);
    let e = eval(&r);
    let msgs = messages(&e, "E06");
    assert!(msgs.contains(&"Số hộ nghèo (9.000) vượt quá Tổng số hộ dân cư (8.420)".to_string()), "{msgs:?}");
    assert!(msgs
        .contains(&"Số thanh niên đã giao quân (12) vượt quá Số thanh niên được xét duyệt chính trị (10)".to_string()));
    assert!(msgs.contains(
        &"Tiêu chí nông thôn mới, đô thị văn minh, dòng 1: Số tiêu chí đạt (20) vượt quá Tổng số tiêu chí (19)"
            .to_string()
    ));
    assert!(msgs.contains(&"Hội Liên hiệp Phụ nữ: Số vấn đề đã giải trình (4) + số vấn đề chuyển cơ quan có thẩm quyền giải quyết (3) = 7 vượt quá Số vấn đề cử tri nêu (5)".to_string()));
    assert!(issues(&e, "E06").iter().any(|i| i.paths == ["ntm_xa.0.tieu_chi_dat", "ntm_xa.0.tieu_chi_tong"]));
    let mut ok = cq();
    set(&mut ok, &[("ho_ngheo", 97), ("tong_so_ho", 8420), ("tq_xet_duyet", 45), ("tq_giao_quan", 18)]);
    assert!(issues(&eval(&ok), "E06").is_empty());
}

#[test]
fn e07_breakdowns_pass_when_they_add_up() {
    let mut r = cq();
    set(
        &mut r,
        &[
            ("dvk_kinh_te", 12),
            ("dvk_van_hoa_xa_hoi", 9),
            ("dvk_qp_an", 4),
            ("dvk_xd_htct", 5),
            ("dvk_tong", 30),
            ("dvk_tap_the", 25),
            ("dvk_ca_nhan", 5),
            ("hoi_quan_so", 2),
        ],
    );
    r.lists.insert(
        "hoi_quan_ds".into(),
        vec![row(&[("thanh_vien", Value::Int(40))]), row(&[("thanh_vien", Value::Int(25))])],
    );
    assert!(issues(&eval(&r), "E07").is_empty());
    set(&mut r, &[("dvk_ca_nhan", 4), ("hoi_quan_tong_tv", 70)]);
    assert_eq!(
        messages(&eval(&r), "E07"),
        [
            "Mô hình tập thể (25) + điển hình cá nhân (4) = 29, khác tổng số mô hình, điển hình (30)",
            "Tổng số thành viên của danh sách hội quán (65), khác Tổng số thành viên hội quán (70)",
        ]
    );
}

#[test]
fn e08_dates_outside_the_period_and_wrong_comparison_year() {
    let mut r = cq();
    r.lists.insert(
        "vb_ds".into(),
        vec![
            row(&[("ngay", Value::Date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()))]),
            row(&[("ngay", Value::Date(NaiveDate::from_ymd_opt(2024, 11, 2).unwrap()))]),
        ],
    );
    text(&mut r, "N01.text", "Số hộ nghèo giảm so với cùng kỳ năm 2023.");
    let e = eval(&r);
    assert_eq!(
        messages(&e, "E08"),
        [
            "Văn bản lãnh đạo, chỉ đạo ban hành trong kỳ, dòng 2: Ngày ban hành: ngày 02/11/2024 nằm ngoài kỳ báo cáo (từ 01/1/2025 đến 30/6/2025)",
            "Đoạn văn so sánh “cùng kỳ năm 2023” nhưng cùng kỳ của báo cáo năm 2025 là năm 2024",
        ]
    );
    assert_eq!(issues(&e, "E08")[0].paths, ["vb_ds.1.ngay"]);
    let mut ok = cq();
    ok.lists.insert("vb_ds".into(), vec![row(&[("ngay", Value::Date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()))])]);
    text(&mut ok, "N01.text", "Số hộ nghèo giảm so với cùng kỳ năm 2024.");
    ok.header.day = Some(5);
    ok.header.month = Some(7);
    ok.lists
        .get_mut("vb_ds")
        .unwrap()
        .push(row(&[("ngay", Value::Date(NaiveDate::from_ymd_opt(2025, 7, 2).unwrap()))]));
    assert!(issues(&eval(&ok), "E08").is_empty(), "dates up to the report date are tolerated");
    let mut bad = cq();
    bad.period.from = NaiveDate::from_ymd_opt(2025, 7, 1);
    assert!(messages(&eval(&bad), "E08")[0].starts_with("Thời gian kỳ báo cáo không hợp lệ"));
}

#[test]
fn e09_signature_prefix_must_match_the_kind() {
    let mut d = blank(Kind::Dang, PeriodType::Q3, 2025);
    assert!(issues(&eval(&d), "E09").is_empty(), "T/M BAN THƯỜNG VỤ");
    d.signature.quyen_han = "K/T BÍ THƯ".into();
    assert_eq!(
        messages(&eval(&d), "E09"),
        ["Văn bản của cấp ủy không ký thay (K/T); dòng quyền hạn “K/T BÍ THƯ” phải bắt đầu bằng T/M, T/L"]
    );
    let mut c = cq();
    c.signature.quyen_han = "KT. CHỦ TỊCH".into();
    assert!(issues(&eval(&c), "E09").is_empty());
    c.signature.quyen_han = "T/M ỦY BAN NHÂN DÂN".into();
    assert_eq!(
        messages(&eval(&c), "E09"),
        ["Dòng quyền hạn ký “T/M ỦY BAN NHÂN DÂN” không đúng thể thức; phải bắt đầu bằng TM., KT., TL., TUQ., Q."]
    );
    c.signature.quyen_han.clear();
    assert_eq!(issues(&eval(&c), "E09").len(), 1);
}

#[test]
fn e10_required_items_are_listed_per_node_and_zero_is_not_blank() {
    let mut r = cq();
    let e = eval(&r);
    let n07 = issues(&e, "E10").into_iter().find(|i| i.node_id.as_deref() == Some("N07")).unwrap().clone();
    assert_eq!(
        n07.message,
        "Mục “Tiếp công dân, đối thoại” còn thiếu: Tiếp công dân, đối thoại; Số lần (lượt) tiếp thường xuyên; Số người được tiếp thường xuyên; Chủ tịch UBND tiếp định kỳ; Số người được tiếp định kỳ; Đối thoại giải quyết khiếu nại của Chủ tịch UBND"
    );
    assert_eq!(n07.paths[0], "N07.text");
    assert!(can_finalise(&e).is_err());
    set(
        &mut r,
        &[
            ("tcd_thuong_xuyen_luot", 0),
            ("tcd_thuong_xuyen_nguoi", 0),
            ("tcd_dinh_ky_luot", 0),
            ("tcd_dinh_ky_nguoi", 0),
            ("doi_thoai_chu_tich", 0),
        ],
    );
    text(&mut r, "N07.text", "Không phát sinh.");
    assert!(issues(&eval(&r), "E10").iter().all(|i| i.node_id.as_deref() != Some("N07")));
}

#[test]
fn errors_are_counted_per_node_without_warnings_or_unplaced_errors() {
    let mut r = full_report(Kind::Cq);
    set(&mut r, &[("hg_thanh", -3), ("tcd_dinh_ky_luot", -1)]);
    r.signature.quyen_han = "T/M ỦY BAN NHÂN DÂN".into();
    let e = eval(&r);
    // N09: E01 and E04 (with two warnings); N07: E01 (with a warning); E09 names no node.
    assert_eq!(e.errors().len(), 4);
    assert_eq!(e.warnings().len(), 3);
    let by_node = e.errors_by_node();
    assert_eq!(by_node, [("N09".to_string(), 2), ("N07".to_string(), 1)]);
}

#[test]
fn w01_typed_rate_differs_from_the_computed_one() {
    let mut r = cq();
    set(&mut r, &[("hg_tiep_nhan", 13), ("hg_thanh", 11), ("hg_khong_thanh", 2)]);
    text(&mut r, "N09.text", "Tiếp nhận 13 vụ, tỷ lệ hòa giải thành đạt 85,62%.");
    let e = eval(&r);
    assert_eq!(
        messages(&e, "W01"),
        ["Mục “Hòa giải ở cơ sở” ghi “tỷ lệ hòa giải thành đạt 85,62%”, khác tỷ lệ hòa giải thành tính được từ số liệu (84,62%)"]
    );
    assert_eq!(issues(&e, "W01")[0].level, Level::Warning);
    for ok in ["tỷ lệ hòa giải thành đạt 84,62%.", "tỷ lệ hòa giải thành 84,6%.", "Hòa giải thành đạt 85%."]
    {
        text(&mut r, "N09.text", ok);
        assert!(issues(&eval(&r), "W01").is_empty(), "{ok}");
    }
}

#[test]
fn w02_narrative_figure_differs_from_the_appendix() {
    let mut r = cq();
    set(&mut r, &[("don_tiep_nhan.cbccvc", 0), ("don_tiep_nhan.cong_dan", 4)]);
    text(&mut r, "N08.text", "Trong kỳ tiếp nhận 48 đơn, đã giải quyết 31 đơn.");
    let e = eval(&r);
    assert_eq!(
        messages(&e, "W02"),
        ["Mục “Giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh” ghi “tiếp nhận 48 đơn”, khác số liệu đã nhập: Số lượng đơn thư đã tiếp nhận (Cán bộ, công chức, viên chức) (0); Số lượng đơn thư đã tiếp nhận (Công dân) (4); Số lượng đơn thư đã tiếp nhận (4)"]
    );
    set(&mut r, &[("don_tong_moi_loai", 48)]);
    assert!(issues(&eval(&r), "W02").is_empty(), "the separate narrative total explains the 48");
}

#[test]
fn w03_chu_tich_receives_citizens_at_least_weekly() {
    let mut r = cq();
    set(&mut r, &[("tcd_dinh_ky_luot", 20)]);
    assert_eq!(
        messages(&eval(&r), "W03"),
        ["Chủ tịch UBND tiếp định kỳ là 20 lượt, ít hơn số tuần trong kỳ (25); Luật Tiếp công dân 2013 (Điều 15) quy định Chủ tịch UBND cấp xã tiếp công dân ít nhất 01 ngày mỗi tuần"]
    );
    set(&mut r, &[("tcd_dinh_ky_luot", 26)]);
    assert!(issues(&eval(&r), "W03").is_empty());
}

#[test]
fn w04_money_in_the_wrong_unit_is_flagged() {
    let mut r = cq();
    set(
        &mut r,
        &[
            ("quy_vi_nguoi_ngheo", 500),
            ("nha_dai_doan_ket_xay_moi", 2),
            ("nha_dai_doan_ket_xay_moi_tien", 5_000_000_000),
        ],
    );
    text(&mut r, "N05.text", "Vận động được 1.250.000.000 để xây nhà.");
    let msgs = messages(&eval(&r), "W04");
    assert_eq!(
        msgs,
        [
            "Kinh phí xây mới nhà đại đoàn kết: bình quân 2,5 tỷ đồng cho mỗi căn, ngoài khoảng thường gặp (20 triệu đồng – 500 triệu đồng); kiểm tra lại đơn vị",
            "Vận động Quỹ “Vì người nghèo”: chỉ 500 đồng, có thể đã nhập theo nghìn, triệu hoặc tỷ đồng; hãy nhập số đồng đầy đủ",
            "Số tiền “1.250.000.000” trong đoạn văn không ghi đơn vị (đồng, triệu đồng, tỷ đồng)",
        ]
    );
    set(&mut r, &[("quy_vi_nguoi_ngheo", 500_000_000), ("nha_dai_doan_ket_xay_moi_tien", 120_000_000)]);
    text(&mut r, "N05.text", "Vận động được 1.250.000.000 đồng để xây nhà.");
    assert!(issues(&eval(&r), "W04").is_empty());
}

#[test]
fn w05_outliers_against_plan_and_cung_ky() {
    let mut r = cq();
    set(&mut r, &[("quy_vi_nguoi_ngheo", 4_000_000_000), ("quy_vnn_ke_hoach", 1_000_000_000), ("to_ndtq", 600)]);
    prev(&mut r, &[("to_ndtq", 60)]);
    assert_eq!(
        messages(&eval(&r), "W05"),
        [
            "Quỹ “Vì người nghèo” so với kế hoạch đạt 400% kế hoạch, trên 300%: kiểm tra lại số liệu",
            "Số Tổ nhân dân tự quản (600) gấp hơn 5 lần cùng kỳ (60): kiểm tra lại số liệu",
        ]
    );
    set(&mut r, &[("quy_vi_nguoi_ngheo", 1_250_000_000), ("to_ndtq", 61)]);
    assert!(issues(&eval(&r), "W05").is_empty());
}

#[test]
fn w06_dot_as_decimal_separator_in_narratives() {
    let mut r = cq();
    text(&mut r, "N06.cchc", "Tỷ lệ đúng hạn đạt 95.83%, vận động 3.2 tỷ đồng.");
    assert_eq!(
        messages(&eval(&r), "W06"),
        ["Đoạn văn có số “95.83”, “3.2” dùng dấu chấm (.) làm dấu thập phân; tiếng Việt dùng dấu phẩy (,) cho phần thập phân và dấu chấm để phân cách hàng nghìn"]
    );
    text(&mut r, "N06.cchc", "Tỷ lệ đúng hạn đạt 95,83%, tiếp nhận 1.250 hồ sơ; chưa đạt tiêu chí 17.11.");
    assert!(issues(&eval(&r), "W06").is_empty());
}

#[test]
fn e09_a_report_to_sign_needs_the_signers_title_and_name() {
    let mut c = cq();
    assert!(issues(&eval(&c), "E09").is_empty());
    c.signature.chuc_vu = "  ".into();
    c.signature.ho_ten.clear();
    let evaluated = eval(&c);
    let found = issues(&evaluated, "E09");
    let paths: Vec<String> = found.iter().flat_map(|i| i.paths.iter().map(ToString::to_string)).collect();
    assert_eq!(paths, ["signature.chuc_vu", "signature.ho_ten"]);
    assert!(found.iter().all(|i| i.level == Level::Error), "blocks Hoàn thành");
    assert_eq!(
        messages(&eval(&c), "E09"),
        ["Chưa nhập chức vụ của người ký (ví dụ: CHỦ TỊCH, BÍ THƯ)", "Chưa nhập họ tên người ký"]
    );
}

#[test]
fn w01_and_w02_read_old_and_new_tone_placement_as_one_word() {
    let mut r = cq();
    set(&mut r, &[("hg_tiep_nhan", 13), ("hg_thanh", 11), ("hg_khong_thanh", 2)]);
    for typed in ["hòa giải thành", "hoà giải thành", "Hoà giải thành", "HOÀ GIẢI THÀNH"] {
        text(&mut r, "N09.text", &format!("Tiếp nhận 13 vụ, tỷ lệ {typed} đạt 85,62%."));
        assert_eq!(issues(&eval(&r), "W01").len(), 1, "W01 for {typed:?}");
        text(&mut r, "N09.text", &format!("Tiếp nhận 13 vụ, {typed} 22 vụ."));
        assert_eq!(issues(&eval(&r), "W02").len(), 1, "W02 for {typed:?}");
    }
    // What the cadre typed is kept as typed.
    text(&mut r, "N09.text", "Hoà giải thành 11 vụ.");
    assert_eq!(r.texts["N09.text"], "Hoà giải thành 11 vụ.");
    assert!(issues(&eval(&r), "W02").is_empty());
}
