//! Filled-in reports for tests, benchmarks and e2e: every indicator of the
//! built-in template filled, long narratives whose figures agree with the
//! data, lists with many rows, cùng kỳ for every comparable key. A fixture
//! evaluates with no errors, so it can be finalised.

use crate::format::{count, int, money, percent_of};
use crate::model::{
    Citation, Footnote, Header, IssuerProfile, Kind, PeriodType, Report, Row, Signature, UnitProfile, Value,
};
use crate::template::Template;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::BTreeMap;

/// A ward profile (Phường 1, Sa Đéc) with both kinds' settings.
pub fn unit_profile() -> UnitProfile {
    UnitProfile {
        code: "P1-SADEC".into(),
        name: "PHƯỜNG 1".into(),
        party_upper: "ĐẢNG BỘ THÀNH PHỐ SA ĐÉC".into(),
        state_upper: None,
        place: "Phường 1".into(),
        dang: IssuerProfile {
            issuer: "ĐẢNG ỦY PHƯỜNG 1".into(),
            symbol: "BC/ĐU".into(),
            signer: Signature {
                quyen_han: "T/M BAN THƯỜNG VỤ".into(),
                chuc_vu: "BÍ THƯ".into(),
                ho_ten: "Nguyễn Văn An".into(),
            },
            recipients: vec![
                "Ban Thường vụ Thành ủy".into(),
                "Ban Dân vận Thành ủy".into(),
                "Các chi bộ trực thuộc".into(),
                "Mặt trận Tổ quốc và các đoàn thể phường".into(),
                "Lưu Văn phòng Đảng ủy".into(),
            ],
            sentence_name: String::new(),
        },
        cq: IssuerProfile {
            issuer: "ỦY BAN NHÂN DÂN PHƯỜNG 1".into(),
            symbol: "BC-UBND".into(),
            signer: Signature {
                quyen_han: "TM. ỦY BAN NHÂN DÂN".into(),
                chuc_vu: "CHỦ TỊCH".into(),
                ho_ten: "Trần Thị Bích".into(),
            },
            recipients: vec![
                "Phòng Nội vụ thành phố".into(),
                "Ban Dân vận Đảng ủy phường".into(),
                "CT và các PCT UBND phường".into(),
                "Lưu: VT".into(),
            ],
            sentence_name: String::new(),
        },
    }
}

/// A fixed creation time (the engine never reads the clock).
pub fn fixed_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 20, 8, 30, 0).single().unwrap_or_default()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// When the exchange tests make and export their reports.
pub fn exchange_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, 2, 3, 0, 0).single().unwrap_or_default()
}

/// The export file of `report` as app version "test" writes it at [`exchange_time`].
pub fn exported(report: &Report) -> String {
    crate::exchange::export(Template::for_report(report), report, "test", exchange_time()).json
}

/// Change a parsed export file and give it a valid checksum again, so the
/// check under test is the one after the checksum. Panics on text that is
/// not a JSON object (a test's own mistake).
pub fn resigned(json: &str, change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut file: serde_json::Value = serde_json::from_str(json).expect("an export file");
    file.as_object_mut().expect("a JSON object").remove("sha256");
    change(&mut file);
    file["sha256"] = serde_json::Value::String(crate::exchange::checksum(&file));
    serde_json::to_vec(&file).expect("JSON")
}

/// The figures of the docs/domain.md §5.1 worked example (Phụ lục I), the
/// current ones and cùng kỳ.
pub fn spec_5_1_figures(r: &mut Report) {
    let current = [
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
    ];
    let cung_ky = [
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
    ];
    r.values.extend(current.map(|(k, v)| (k.to_string(), Value::Int(v))));
    r.cung_ky.extend(cung_ky.map(|(k, v)| (k.to_string(), Value::Int(v))));
}

const ORGS: [&str; 10] =
    ["MTTQ", "HOI_LHPN", "DOAN_TN", "HOI_CCB", "HOI_ND", "CONG_DOAN", "HOI_NCT", "HOI_CTD", "HOI_KHUYEN_HOC", "KHAC"];

/// The period each fixture covers: CQ 6 tháng đầu năm 2025, DANG năm 2025 (so bài học is included).
fn period_of(kind: Kind) -> (PeriodType, i32) {
    match kind {
        Kind::Cq => (PeriodType::H1, 2025),
        Kind::Dang => (PeriodType::Y, 2025),
    }
}

/// Current and cùng kỳ values of every indicator (keys of both kinds; the
/// ones a template lacks are dropped).
fn figures(weeks: i64) -> Vec<(&'static str, i64, Option<i64>)> {
    vec![
        // N02
        ("vb_chi_dao", 16, Some(14)),
        ("kiem_tra_giam_sat", 5, Some(4)),
        ("doi_thoai_bi_thu", 2, Some(2)),
        ("doi_thoai_y_kien", 47, Some(39)),
        ("doi_thoai_da_tra_loi", 45, Some(36)),
        ("doi_thoai_tong", 12, Some(10)),
        // N05
        ("tong_so_ho", 8420, Some(8390)),
        ("ho_ngheo", 97, Some(112)),
        ("ho_can_ngheo", 164, Some(171)),
        ("quy_vi_nguoi_ngheo", 1_250_000_000, Some(1_100_000_000)),
        ("quy_vnn_ke_hoach", 1_000_000_000, None),
        ("nha_dai_doan_ket_xay_moi", 6, Some(5)),
        ("nha_dai_doan_ket_xay_moi_tien", 360_000_000, None),
        ("nha_dai_doan_ket_ban_giao", 5, Some(5)),
        ("nha_dai_doan_ket_sua_chua", 4, Some(3)),
        ("nha_dai_doan_ket_sua_chua_tien", 80_000_000, None),
        // N06
        ("tthc_tiep_nhan", 1250, Some(1190)),
        ("tthc_da_giai_quyet", 1180, Some(1120)),
        ("tthc_som_dung_han", 1150, Some(1085)),
        ("tthc_tre_han", 30, Some(35)),
        ("tthc_dang_giai_quyet", 70, Some(70)),
        // N07
        ("tcd_thuong_xuyen_luot", 52, Some(60)),
        ("tcd_thuong_xuyen_nguoi", 49, Some(58)),
        ("tcd_dinh_ky_luot", weeks, Some(weeks - 2)),
        ("tcd_dinh_ky_nguoi", weeks + 4, Some(weeks - 2)),
        ("tcd_dot_xuat_luot", 3, Some(2)),
        ("doi_thoai_chu_tich", 4, Some(3)),
        // N08
        ("don_tiep_nhan.cbccvc", 2, Some(1)),
        ("don_thuoc_tham_quyen.cbccvc", 2, Some(1)),
        ("don_da_giai_quyet.cbccvc", 2, Some(1)),
        ("don_tiep_nhan.cong_dan", 7, Some(9)),
        ("don_thuoc_tham_quyen.cong_dan", 6, Some(9)),
        ("don_da_giai_quyet.cong_dan", 5, Some(6)),
        ("don_ton_dong.cbccvc", 0, Some(0)),
        ("don_ton_dong.cong_dan", 1, Some(3)),
        ("don_tong_moi_loai", 48, Some(52)),
        ("don_tong_da_giai_quyet", 31, Some(40)),
        // N09
        ("hg_tiep_nhan", 13, Some(16)),
        ("hg_dua_ra_hoa_giai", 13, Some(16)),
        ("hg_thanh", 11, Some(12)),
        ("hg_khong_thanh", 2, Some(4)),
        ("hg_dang_giai_quyet", 0, Some(0)),
        ("to_hoa_giai", 12, None),
        ("hoa_giai_vien", 84, None),
        // N12
        ("dc_noi_dung_cong_khai", 11, Some(11)),
        ("dc_hop_dan_ban", 6, Some(5)),
        ("dc_lay_y_kien_phieu", 2, Some(1)),
        ("dc_ban_ttnd_giam_sat", 4, Some(4)),
        ("dc_kiem_tra_qcdc", 2, Some(2)),
        // N14
        ("tq_xet_duyet", 45, Some(41)),
        ("tq_chi_tieu", 18, None),
        ("tq_giao_quan", 18, Some(17)),
        ("camera_so_luong", 32, Some(20)),
        ("camera_so_diem", 14, Some(9)),
        ("camera_gia_tri", 480_000_000, None),
        // N16
        ("dvk_tong", 33, Some(28)),
        ("dvk_kinh_te", 12, Some(10)),
        ("dvk_van_hoa_xa_hoi", 9, Some(8)),
        ("dvk_qp_an", 4, Some(4)),
        ("dvk_xd_htct", 5, Some(4)),
        ("dvk_ntm_dtvm", 3, Some(2)),
        ("dvk_tap_the", 25, Some(21)),
        ("dvk_ca_nhan", 8, Some(7)),
        ("dvk_moi_trong_ky", 6, Some(5)),
        ("dvk_khen_thuong", 10, Some(8)),
        // N17
        ("to_ndtq", 578, Some(570)),
        ("hoi_quan_so", 9, Some(8)),
        ("hoi_quan_tong_tv", 287, Some(250)),
        // N18
        ("ntm_ho_dang_ky", 1200, Some(1150)),
        ("hien_dat_m2", 12_345, Some(10_500)),
        ("hien_dat_ho", 14, Some(11)),
        ("dong_gop_tien", 850_000_000, Some(720_000_000)),
        ("ngay_cong", 2300, Some(2100)),
        // N19
        ("tg_co_so", 9, None),
        ("tg_tin_do", 5200, None),
        ("tg_chuc_sac", 36, None),
        ("tg_hoat_dong_dang_ky", 14, Some(12)),
        ("tg_vu_viec_phuc_tap", 0, Some(0)),
        // N20
        ("kdv_hop", 6, Some(5)),
        ("kdv_nam_tinh_hinh", 24, Some(20)),
        ("kdv_tham_muu_vb", 5, Some(4)),
        ("tap_huan_lop", 2, Some(2)),
        ("tap_huan_luot", 145, Some(130)),
    ]
}

fn row(cells: &[(&str, Value)]) -> Row {
    cells.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

fn t(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn lists(year: i32) -> BTreeMap<String, Vec<Row>> {
    let mut l = BTreeMap::new();
    let loai = ["Nghị quyết", "Kế hoạch", "Chỉ thị", "Kết luận", "Công văn", "Hướng dẫn", "Chương trình", "Quyết định"];
    l.insert(
        "vb_ds".into(),
        (0..10)
            .map(|i| {
                row(&[
                    ("loai", t(loai[i % loai.len()])),
                    ("so_ky_hieu", t(&format!("{}-{}/ĐU", 20 + i, if i % 2 == 0 { "KH" } else { "NQ" }))),
                    ("ngay", Value::Date(d(year, 1 + (i as u32 % 6), 5 + i as u32))),
                    ("trich_yeu", t("về tăng cường công tác dân vận của hệ thống chính trị trên địa bàn phường")),
                ])
            })
            .collect(),
    );
    let doi_tuong =
        ["Gia đình chính sách", "Hộ nghèo, cận nghèo", "Bảo trợ xã hội", "Trẻ em", "Người lao động", "Khác"];
    let nguon = ["Ngân sách", "Mạnh thường quân", "Mặt trận Tổ quốc", "Đoàn thể"];
    let dip = ["Tết Nguyên đán", "Ngày Thương binh - Liệt sĩ 27/7", "Tết Trung thu", "Khai giảng năm học"];
    l.insert(
        "asxh".into(),
        (0..12)
            .map(|i| {
                let suat = 40 + 15 * i as i64;
                row(&[
                    ("doi_tuong", t(doi_tuong[i % doi_tuong.len()])),
                    ("nguon", t(nguon[i % nguon.len()])),
                    ("so_suat", Value::Int(suat)),
                    ("so_tien", Value::Int(suat * 500_000)),
                    ("dip", t(dip[i % dip.len()])),
                ])
            })
            .collect(),
    );
    let cchc =
        ["Ngày thứ năm không hẹn", "Công dân không viết", "Chạm để biết", "Một cửa thân thiện", "Trả kết quả tại nhà"];
    l.insert(
        "mo_hinh_cchc".into(),
        cchc.iter().map(|m| row(&[("ten", t(m)), ("don_vi_ap_dung", t("Bộ phận tiếp nhận và trả kết quả"))])).collect(),
    );
    let luc_luong = [
        "Tổ bảo vệ an ninh, trật tự",
        "Tổ dân phòng",
        "Đội thanh niên xung kích",
        "Tổ tự quản an ninh",
        "Tổ hòa giải kiêm an ninh",
        "Đội dân phòng chợ",
    ];
    l.insert(
        "to_dan_phong".into(),
        luc_luong
            .iter()
            .enumerate()
            .map(|(i, n)| {
                row(&[
                    ("ten_luc_luong", t(n)),
                    ("so_to", Value::Int(3 + i as i64)),
                    ("so_thanh_vien", Value::Int(24 + 6 * i as i64)),
                ])
            })
            .collect(),
    );
    l.insert(
        "doan_the_ket_qua".into(),
        (0..15)
            .map(|i| {
                row(&[
                    ("to_chuc", t(ORGS[i % ORGS.len()])),
                    ("noi_dung", t("Vận động hội viên giúp nhau phát triển kinh tế, trao quà cho hộ khó khăn")),
                    ("so_luong", Value::Int(10 + i as i64)),
                    ("don_vi", t("phần quà")),
                    ("so_tien", Value::Int((10 + i as i64) * 400_000)),
                ])
            })
            .collect(),
    );
    let linh_vuc = [
        "Kinh tế",
        "Văn hóa - xã hội",
        "Quốc phòng - an ninh",
        "Xây dựng hệ thống chính trị",
        "Nông thôn mới, đô thị văn minh",
    ];
    l.insert(
        "dvk_ds".into(),
        (0..33)
            .map(|i| {
                row(&[
                    (
                        "ten",
                        t(&format!("Mô hình “Dân vận khéo” số {}: vận động nhân dân chỉnh trang đường, hẻm", i + 1)),
                    ),
                    ("linh_vuc", t(linh_vuc[i % linh_vuc.len()])),
                    ("loai", t(if i < 25 { "Tập thể" } else { "Cá nhân" })),
                    ("chu_the", t("Chi hội Phụ nữ khóm")),
                    ("ap_khom", t(&format!("Khóm {}", 1 + i % 6))),
                ])
            })
            .collect(),
    );
    let tv = [40, 25, 33, 30, 28, 35, 31, 36, 29];
    l.insert(
        "hoi_quan_ds".into(),
        tv.iter()
            .enumerate()
            .map(|(i, n)| {
                row(&[
                    ("ten", t(&format!("Hội quán khóm {}", i + 1))),
                    ("xa_phuong", t("Phường 1")),
                    ("thanh_vien", Value::Int(*n)),
                ])
            })
            .collect(),
    );
    l.insert(
        "ntm_xa".into(),
        vec![
            row(&[
                ("ten_xa", t("Phường 1")),
                ("tieu_chi_dat", Value::Int(17)),
                ("tieu_chi_tong", Value::Int(19)),
                ("khong_dat", t("13, 17.11")),
            ]),
            row(&[
                ("ten_xa", t("Khóm 3")),
                ("tieu_chi_dat", Value::Int(18)),
                ("tieu_chi_tong", Value::Int(19)),
                ("khong_dat", t("17")),
            ]),
            row(&[("ten_xa", t("Khóm 5")), ("tieu_chi_dat", Value::Int(19)), ("khong_dat", t(""))]),
        ],
    );
    l
}

/// Long narratives whose figures agree with [`figures`].
fn narratives(kind: Kind, weeks: i64) -> BTreeMap<&'static str, String> {
    let c = |n: i64| count(n, true);
    let bối_cảnh = "Trong kỳ, tình hình chính trị, trật tự an toàn xã hội trên địa bàn phường cơ bản ổn định; đời sống vật chất, tinh thần của nhân dân từng bước được nâng lên. Nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng, sự quản lý, điều hành của chính quyền; tích cực tham gia các phong trào thi đua yêu nước, cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.";
    let khó_khăn = "Tuy nhiên, giá cả một số mặt hàng thiết yếu tăng, tình trạng tín dụng đen, lừa đảo qua mạng xã hội vẫn còn diễn biến phức tạp, một số hộ kinh doanh nhỏ gặp khó khăn; nhân dân quan tâm đến việc chỉnh trang đô thị, giải quyết thủ tục hành chính, bảo đảm vệ sinh môi trường và an ninh trật tự ở khu dân cư.";
    let tư_tưởng = "Cán bộ, đảng viên và nhân dân quan tâm theo dõi việc sắp xếp tổ chức bộ máy, đơn vị hành chính; đa số đồng tình, ủng hộ chủ trương của Trung ương, mong muốn bộ máy mới hoạt động hiệu quả, thủ tục hành chính được giải quyết nhanh, thuận tiện. Một bộ phận người dân còn băn khoăn về địa điểm làm việc của cơ quan mới, việc điều chỉnh giấy tờ cá nhân và chế độ, chính sách đối với cán bộ không tái cử, nghỉ việc.";
    let kinh_tế = "Hoạt động thương mại, dịch vụ trên địa bàn duy trì ổn định; các hộ kinh doanh tại chợ phường chấp hành tốt quy định về trật tự, vệ sinh, phòng cháy, chữa cháy. Nhân dân tích cực tham gia chỉnh trang nhà cửa, trồng hoa, cây xanh dọc các tuyến đường, hẻm; nhiều khóm tổ chức ngày chủ nhật xanh, thu gom rác thải, khai thông cống rãnh, góp phần xây dựng cảnh quan đô thị sáng, xanh, sạch, đẹp.";
    let an_ninh = "Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững; lực lượng công an phường phối hợp với các tổ bảo vệ an ninh, trật tự ở cơ sở tuần tra, kiểm soát, kịp thời giải quyết các vụ việc phát sinh từ cơ sở, không để xảy ra điểm nóng. Công tác tuyên truyền phòng, chống tội phạm lừa đảo trên không gian mạng được đẩy mạnh qua loa truyền thanh, nhóm Zalo khóm và các buổi sinh hoạt tổ nhân dân tự quản.";
    let mut m = BTreeMap::new();
    m.insert("N01.text", format!("{bối_cảnh}\n{tư_tưởng}\n{kinh_tế}\n{an_ninh}\n{khó_khăn}"));
    m.insert(
        "N02.text",
        format!(
            "Ban Thường vụ Đảng ủy ban hành {} văn bản lãnh đạo, chỉ đạo về công tác dân vận, quy chế dân chủ ở cơ sở; tổ chức {} cuộc kiểm tra, giám sát việc thực hiện công tác dân vận của các chi bộ. Đồng chí Bí thư Đảng ủy tổ chức {} cuộc đối thoại trực tiếp với nhân dân, tiếp nhận {} ý kiến, đến nay đã trả lời, giải quyết {} ý kiến. Toàn phường tổ chức {} cuộc đối thoại với nhân dân. Cấp ủy viên được phân công dự sinh hoạt chi bộ khóm đều đặn, kịp thời nắm tình hình và định hướng tư tưởng cho đảng viên, nhân dân.\n{bối_cảnh}",
            c(16), c(5), c(2), c(47), c(45), c(12)
        ),
    );
    m.insert("N03.tuyen_truyen", format!("Ủy ban nhân dân phường ban hành kế hoạch thực hiện công tác dân vận chính quyền năm {}; tổ chức quán triệt đến toàn thể cán bộ, công chức và tuyên truyền qua hệ thống loa truyền thanh, trang thông tin điện tử và các nhóm Zalo khóm.\n{bối_cảnh}", 2025));
    m.insert("N03.kiem_tra", format!("Tổ chức {} cuộc kiểm tra công vụ, kiểm tra việc thực hiện quy chế văn hóa công sở tại bộ phận một cửa; qua kiểm tra, cán bộ, công chức chấp hành tốt giờ giấc làm việc, thái độ phục vụ nhân dân đúng mực.", c(3)));
    m.insert("N04.text", format!("Vận động nhân dân thực hiện tốt nghĩa vụ nộp thuế, tham gia ý kiến vào quy hoạch chỉnh trang đô thị, giữ gìn trật tự lòng lề đường; phối hợp tổ chức các hoạt động văn hóa, lễ hội truyền thống an toàn, tiết kiệm.\n{kinh_tế}\n{khó_khăn}"));
    m.insert("N04.dich_benh", "Tuyên truyền nhân dân chủ động phòng, chống sốt xuất huyết, bệnh tay chân miệng; tổ chức ra quân diệt lăng quăng tại các khóm.".to_string());
    m.insert(
        "N05.text",
        format!(
            "Toàn phường còn {} hộ nghèo, chiếm tỷ lệ hộ nghèo {} và {} hộ cận nghèo, chiếm tỷ lệ hộ cận nghèo {}. Vận động Quỹ “Vì người nghèo” được {}, đạt {} kế hoạch. Xây mới {} căn nhà đại đoàn kết với kinh phí {}, sửa chữa {} căn; đã bàn giao {} căn. Các ngành, đoàn thể tổ chức thăm, tặng quà cho gia đình chính sách, hộ nghèo nhân dịp Tết Nguyên đán và ngày Thương binh - Liệt sĩ.",
            c(97),
            percent_of(97, 8420).unwrap_or_default(),
            c(164),
            percent_of(164, 8420).unwrap_or_default(),
            money(1_250_000_000),
            percent_of(1_250_000_000, 1_000_000_000).unwrap_or_default(),
            c(6),
            money(360_000_000),
            c(4),
            c(5)
        ),
    );
    let cchc = format!(
        "Bộ phận tiếp nhận và trả kết quả tiếp nhận {} hồ sơ, đã giải quyết {} hồ sơ, trong đó sớm, đúng hạn {} hồ sơ, đạt {}; trễ hạn {} hồ sơ, chiếm {}; đang giải quyết {} hồ sơ. Tiếp tục duy trì các mô hình “Ngày thứ năm không hẹn”, “Công dân không viết”, “Chạm để biết”.",
        int(1250),
        int(1180),
        int(1150),
        percent_of(1150, 1180).unwrap_or_default(),
        c(30),
        percent_of(30, 1180).unwrap_or_default(),
        c(70)
    );
    match kind {
        Kind::Dang => {
            m.insert("N06.text", cchc);
        }
        Kind::Cq => {
            m.insert("N06.cchc", cchc);
            m.insert("N06.bo_may", "Thực hiện sắp xếp tổ chức bộ máy theo chủ trương của cấp trên; làm tốt công tác tư tưởng, bảo đảm hoạt động thông suốt, không gián đoạn việc phục vụ nhân dân.".into());
            m.insert("N06.chuyen_doi_so", "Đẩy mạnh chuyển đổi số, hướng dẫn nhân dân sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt; tổ chức khảo sát sự hài lòng của người dân phục vụ nâng cao chỉ số PAPI, PAR INDEX.".into());
        }
    }
    m.insert(
        "N07.text",
        format!(
            "Duy trì tiếp công dân thường xuyên {} lượt với {} người; Chủ tịch UBND phường tiếp định kỳ {} lượt với {} người; tổ chức {} cuộc đối thoại giải quyết khiếu nại. Nội dung chủ yếu liên quan đến đất đai, trật tự xây dựng và chính sách an sinh xã hội.",
            c(52),
            c(49),
            c(weeks),
            c(weeks + 4),
            c(4)
        ),
    );
    m.insert(
        "N08.text",
        format!(
            "Trong kỳ, phường tiếp nhận {} đơn các loại (khiếu nại, tố cáo, kiến nghị, phản ánh), đã giải quyết {} đơn; riêng đơn thuộc thẩm quyền của công dân {} đơn, đã giải quyết {} đơn, còn tồn đọng {} đơn đang xác minh theo quy định (phụ lục I kèm theo).",
            c(48),
            c(31),
            c(6),
            c(5),
            c(1)
        ),
    );
    m.insert(
        "N09.text",
        format!(
            "Các tổ hòa giải tiếp nhận {} vụ, hòa giải thành {} vụ, không thành {} vụ; tỷ lệ hòa giải thành {}. Duy trì {} tổ hòa giải với {} hòa giải viên.",
            c(13),
            c(11),
            c(2),
            percent_of(11, 13).unwrap_or_default(),
            c(12),
            c(84)
        ),
    );
    m.insert("N10.text", "Tổ chức tuyên truyền, phổ biến pháp luật về đất đai, phòng, chống ma túy, an toàn giao thông lồng ghép trong sinh hoạt khóm và qua hệ thống loa truyền thanh.".into());
    m.insert("N11.text", "Cán bộ, công chức chấp hành nghiêm kỷ luật, kỷ cương hành chính, quy tắc ứng xử nơi công sở; không có trường hợp vi phạm phải xử lý.".into());
    m.insert(
        "N12.text",
        format!(
            "Thực hiện tốt Luật Thực hiện dân chủ ở cơ sở: công khai {} nội dung để nhân dân biết, tổ chức {} cuộc họp để nhân dân bàn và quyết định; Ban Thanh tra nhân dân tổ chức {} cuộc giám sát.",
            c(11),
            c(6),
            c(4)
        ),
    );
    m.insert("N13.text", format!("Phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể theo quy chế; tạo điều kiện để Mặt trận thực hiện giám sát, phản biện xã hội, tổ chức cho nhân dân góp ý xây dựng Đảng, xây dựng chính quyền.\n{an_ninh}"));
    m.insert(
        "N14.text",
        format!(
            "Xét duyệt chính trị cho {} thanh niên, giao {} thanh niên lên đường nhập ngũ, đạt 100% chỉ tiêu. Vận động lắp đặt {} camera an ninh tại {} điểm với tổng trị giá {}.",
            c(45),
            c(18),
            c(32),
            c(14),
            money(480_000_000)
        ),
    );
    for (org, label) in [
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc phường tổ chức tiếp xúc cử tri, giám sát việc thực hiện chính sách an sinh xã hội."),
        ("HOI_LHPN", "Hội Liên hiệp Phụ nữ vận động hội viên tham gia phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”."),
        ("DOAN_TN", "Đoàn Thanh niên tổ chức chiến dịch tình nguyện hè, ra quân làm sạch môi trường và hỗ trợ nhân dân làm thủ tục trực tuyến."),
        ("HOI_CCB", "Hội Cựu chiến binh tham gia giữ gìn an ninh trật tự, giúp hội viên vay vốn phát triển kinh tế."),
        ("HOI_ND", "Hội Nông dân vận động hội viên sản xuất, kinh doanh giỏi, chuyển đổi cơ cấu cây trồng."),
        ("CONG_DOAN", "Công đoàn cơ sở chăm lo đời sống đoàn viên, tổ chức thăm hỏi đoàn viên khó khăn."),
        ("HOI_NCT", "Hội Người cao tuổi duy trì câu lạc bộ dưỡng sinh, tham gia hòa giải ở khu dân cư."),
        ("HOI_CTD", "Hội Chữ thập đỏ vận động hiến máu tình nguyện, trao quà cho người có hoàn cảnh khó khăn."),
        ("HOI_KHUYEN_HOC", "Hội Khuyến học trao học bổng cho học sinh nghèo vượt khó học giỏi."),
        ("KHAC", "Các hội quần chúng khác tích cực tham gia các phong trào của địa phương."),
    ] {
        let key: &'static str = match org {
            "MTTQ" => "N15.MTTQ",
            "HOI_LHPN" => "N15.HOI_LHPN",
            "DOAN_TN" => "N15.DOAN_TN",
            "HOI_CCB" => "N15.HOI_CCB",
            "HOI_ND" => "N15.HOI_ND",
            "CONG_DOAN" => "N15.CONG_DOAN",
            "HOI_NCT" => "N15.HOI_NCT",
            "HOI_CTD" => "N15.HOI_CTD",
            "HOI_KHUYEN_HOC" => "N15.HOI_KHUYEN_HOC",
            _ => "N15.KHAC",
        };
        m.insert(key, format!("{label} {label}"));
    }
    m.insert(
        "N16.text",
        format!(
            "Phong trào thi đua “Dân vận khéo” tiếp tục lan tỏa; toàn phường có {} mô hình, điển hình, trong đó lĩnh vực kinh tế {} mô hình, văn hóa - xã hội {} mô hình, quốc phòng - an ninh {} mô hình, xây dựng hệ thống chính trị {} mô hình; đăng ký mới trong kỳ {} mô hình.",
            c(33),
            c(12),
            c(9),
            c(4),
            c(5),
            c(6)
        ),
    );
    m.insert(
        "N17.text",
        format!(
            "Duy trì {} Tổ nhân dân tự quản hoạt động hiệu quả; {} hội quán với {} thành viên sinh hoạt định kỳ, chia sẻ kinh nghiệm sản xuất, giữ gìn an ninh trật tự.",
            c(578),
            c(9),
            int(287)
        ),
    );
    m.insert(
        "N18.text",
        format!(
            "Nhân dân hiến đất, đóng góp {} và {} ngày công xây dựng đường giao thông, chỉnh trang khu dân cư.",
            money(850_000_000),
            int(2300)
        ),
    );
    m.insert("N19.text", "Các cơ sở tôn giáo hoạt động đúng pháp luật, đăng ký hoạt động tôn giáo theo quy định; chức sắc, tín đồ tích cực tham gia các phong trào thi đua của địa phương.".into());
    m.insert(
        "N20.text",
        format!(
            "Khối dân vận họp {} cuộc, tổ chức {} lượt nắm tình hình cơ sở, tham mưu {} văn bản; mở {} lớp tập huấn nghiệp vụ công tác dân vận.",
            c(6),
            c(24),
            c(5),
            c(2)
        ),
    );
    m.insert("N21.text", format!("Các Tổ dân vận khóm nắm tình hình nhân dân, phản ánh kịp thời kiến nghị của nhân dân với cấp ủy, chính quyền.\n{tư_tưởng}"));
    m.insert(
        "N22.uu_diem",
        format!(
            "Công tác dân vận được cấp ủy quan tâm lãnh đạo, chỉ đạo; phong trào thi đua “Dân vận khéo” có nhiều mô hình mới.\n{bối_cảnh}\n{kinh_tế}\nViệc thực hiện dân chủ ở cơ sở đi vào nền nếp; công tác tiếp công dân, đối thoại, giải quyết đơn thư được quan tâm, nhiều vụ việc được giải quyết ngay từ cơ sở, góp phần củng cố niềm tin của nhân dân đối với Đảng, chính quyền."
        ),
    );
    m.insert("N22.han_che", "Một số chi bộ chưa thường xuyên nắm tình hình tư tưởng nhân dân; việc nhân rộng mô hình “Dân vận khéo” còn chậm.".into());
    m.insert("N22.nguyen_nhan", "Một số cán bộ kiêm nhiệm nhiều việc; kinh phí hoạt động còn hạn chế.".into());
    m.insert("N22.bai_hoc", "Phát huy vai trò nêu gương của cán bộ, đảng viên; lắng nghe và giải quyết kịp thời kiến nghị chính đáng của nhân dân.".into());
    m.insert(
        "N23.text",
        "Tiếp tục quán triệt các chủ trương của Đảng về công tác dân vận.\nNâng cao chất lượng phong trào thi đua “Dân vận khéo”.\nThực hiện tốt Luật Thực hiện dân chủ ở cơ sở.\nĐẩy mạnh cải cách hành chính, chuyển đổi số.\nPhối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể."
            .into(),
    );
    m.insert(
        "N24.text",
        "Đề nghị cấp trên quan tâm hỗ trợ kinh phí xây dựng nhà đại đoàn kết và tập huấn nghiệp vụ cho cán bộ khóm."
            .into(),
    );
    m
}

/// A fully filled report of a kind: every indicator, narrative and list of the
/// built-in template, with consistent figures (no errors when evaluated).
pub fn full_report(kind: Kind) -> Report {
    let template = Template::builtin(kind);
    let (pt, year) = period_of(kind);
    let mut r = Report::new(
        format!("00000000-0000-4000-8000-00000000000{}", if kind == Kind::Dang { 1 } else { 2 }),
        kind,
        pt,
        year,
        unit_profile(),
        fixed_time(),
    );
    let (from, to) = (r.period.from, r.period.to);
    let weeks = match (from, to) {
        (Some(f), Some(t)) => ((t - f).num_days() + 1) / 7 + 1,
        _ => 52,
    };
    let value_keys = template.value_keys();
    let has = |k: &str| value_keys.iter().any(|x| x == k);
    for (k, cur, prev) in figures(weeks) {
        if !has(k) {
            continue;
        }
        r.values.insert(k.to_string(), Value::Int(cur));
        if let Some(p) = prev {
            r.cung_ky.insert(k.to_string(), Value::Int(p));
        }
    }
    r.values.insert("tg_thi_dua".into(), t("Phong trào “Sống tốt đời, đẹp đạo”"));
    // N15: every organisation block.
    for (i, org) in ORGS.iter().enumerate() {
        let i = i as i64;
        for (base, cur, prev) in [
            ("hv_ket_nap_moi", 12 + i, Some(10 + i)),
            ("tiep_xuc_cu_tri_cuoc", 2, Some(2)),
            ("cu_tri_tham_du", 150 + 10 * i, None),
            ("y_kien_cu_tri", 20 + i, None),
            ("van_de", 12, None),
            ("van_de_giai_trinh", 7, None),
            ("van_de_chuyen_giai_quyet", 4, None),
            ("giam_sat_cuoc", 3, Some(2)),
            ("phan_bien_cuoc", 1, Some(1)),
        ] {
            let k = format!("{base}.{org}");
            r.values.insert(k.clone(), Value::Int(cur));
            if let Some(p) = prev {
                r.cung_ky.insert(k, Value::Int(p));
            }
        }
    }
    r.lists = lists(year);
    let texts = narratives(kind, weeks);
    for key in template.narrative_keys() {
        let text = texts
            .get(key.as_str())
            .cloned()
            .unwrap_or_else(|| format!("Nội dung mục {key} được trình bày đầy đủ theo hướng dẫn."));
        r.texts.insert(key, text);
    }
    r.qualifiers.insert("quy_vi_nguoi_ngheo".into(), "hơn".into());
    r.header = Header {
        number: Some("15".into()),
        day: Some(20),
        month: Some(if kind == Kind::Dang { 12 } else { 6 }),
        year: Some(year),
        due_date: Some(d(year, if kind == Kind::Dang { 12 } else { 6 }, 25)),
    };
    r.can_cu = vec![
        Citation {
            loai: "Kế hoạch".into(),
            so_ky_hieu: "98/KHPH-UBNDTP-BDVTU".into(),
            ngay: Some(d(year, 3, 30)),
            co_quan: "Ủy ban nhân dân thành phố và Ban Dân vận Thành ủy".into(),
            trich_yeu: "phối hợp thực hiện công tác dân vận chính quyền năm 2025".into(),
            phrase: String::new(),
        },
        Citation {
            loai: "Công văn".into(),
            so_ky_hieu: "590/PNV-DVCQ".into(),
            ngay: Some(d(year, 5, 20)),
            co_quan: "Phòng Nội vụ".into(),
            trich_yeu: "về việc báo cáo kết quả công tác dân vận".into(),
            phrase: String::new(),
        },
    ];
    r.footnotes = vec![
        Footnote { id: "kh".into(), text: "Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND phường".into() },
        Footnote { id: "qd".into(), text: "Quyết định số 45/QĐ-UBND ngày 02/3/2025".into() },
    ];
    r.options.include_pl1 = true;
    r
}

/// A small CQ report (the docs/domain.md §5.1 hòa giải figures and a narrative
/// holding markup), for exchange tests: unit "P1", period H1 2025.
pub fn small_cq_report(id: &str, now: DateTime<Utc>) -> Report {
    let unit = UnitProfile { code: "P1".into(), name: "PHƯỜNG 1".into(), ..Default::default() };
    let mut r = Report::new(id, Kind::Cq, PeriodType::H1, 2025, unit, now);
    r.values.insert("hg_tiep_nhan".into(), Value::Int(13));
    r.values.insert("hg_thanh".into(), Value::Int(11));
    r.values.insert("hg_khong_thanh".into(), Value::Int(2));
    r.cung_ky.insert("hg_thanh".into(), Value::Int(12));
    r.texts.insert("N01.text".into(), "Tình hình <b>ổn định</b> <script>alert(1)</script>".into());
    r
}

/// Two short synthetic reports for the golden tests of the whole printed
/// text (`tests/golden/print/`): units, names and figures are invented for
/// these tests. Each has lists (a table and numbered sentences), a footnote,
/// a node marked "Không phát sinh trong kỳ", a figure marked "Không theo
/// dõi", numbered tasks with the cadre's own numbers, optional nodes left
/// empty (so the numbers close up) and small counts (zero padding).
pub fn golden_report(kind: Kind) -> Report {
    match kind {
        Kind::Cq => golden_cq(),
        Kind::Dang => golden_dang(),
    }
}

fn ints(r: &mut Report, figures: &[(&str, i64, Option<i64>)]) {
    for (k, cur, prev) in figures {
        r.values.insert(k.to_string(), Value::Int(*cur));
        if let Some(p) = prev {
            r.cung_ky.insert(k.to_string(), Value::Int(*p));
        }
    }
}

fn texts(r: &mut Report, texts: &[(&str, &str)]) {
    for (k, v) in texts {
        r.texts.insert(k.to_string(), v.to_string());
    }
}

/// A city-level People's Committee (CQ), 6 tháng đầu năm 2024.
fn golden_cq() -> Report {
    let unit = UnitProfile {
        code: "TP-TANHUNG".into(),
        name: "THÀNH PHỐ TÂN HƯNG".into(),
        party_upper: "ĐẢNG BỘ TỈNH BÌNH GIANG".into(),
        state_upper: None,
        place: "Tân Hưng".into(),
        cq: IssuerProfile {
            issuer: "ỦY BAN NHÂN DÂN THÀNH PHỐ TÂN HƯNG".into(),
            symbol: "BC-UBND".into(),
            signer: Signature {
                quyen_han: "TM. ỦY BAN NHÂN DÂN".into(),
                chuc_vu: "CHỦ TỊCH".into(),
                ho_ten: "Lê Minh Khoa".into(),
            },
            recipients: vec![
                "Sở Nội vụ tỉnh".into(),
                "Ban Dân vận Thành ủy".into(),
                "CT, các PCT UBND thành phố".into(),
                "Lưu: VT".into(),
            ],
            sentence_name: String::new(),
        },
        ..UnitProfile::default()
    };
    let at = Utc.with_ymd_and_hms(2024, 6, 18, 8, 0, 0).single().unwrap_or_default();
    let mut r = Report::new("00000000-0000-4000-8000-0000000000c1", Kind::Cq, PeriodType::H1, 2024, unit, at);
    r.header = Header { number: Some("142".into()), day: Some(18), month: Some(6), year: Some(2024), due_date: None };
    r.can_cu = vec![Citation {
        loai: "Kế hoạch".into(),
        so_ky_hieu: "35/KH-UBND".into(),
        ngay: Some(d(2024, 1, 22)),
        co_quan: "Ủy ban nhân dân thành phố".into(),
        trich_yeu: "thực hiện công tác dân vận chính quyền năm 2024".into(),
        phrase: String::new(),
    }];
    r.footnotes = vec![Footnote {
        id: "kh35".into(),
        text: "Kế hoạch số 35/KH-UBND ngày 22/01/2024 của UBND thành phố".into(),
    }];
    texts(
        &mut r,
        &[
            ("N01.text", "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn thành phố ổn định; nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng."),
            ("N02.text", "Thành ủy ban hành kế hoạch lãnh đạo công tác dân vận chính quyền năm 2024[^kh35]; cấp ủy các cấp quan tâm chỉ đạo thực hiện."),
            ("N03.tuyen_truyen", "Ủy ban nhân dân thành phố triển khai kế hoạch đến 100% cơ quan, đơn vị và Ủy ban nhân dân các phường, xã."),
            ("N03.kiem_tra", "Tổ chức kiểm tra việc thực hiện công tác dân vận chính quyền tại 04 cơ quan, đơn vị."),
            ("N07.text", "Lãnh đạo Ủy ban nhân dân thành phố tiếp công dân định kỳ theo lịch; các kiến nghị được chuyển xử lý kịp thời."),
            ("N08.text", "Các đơn thư thuộc thẩm quyền được giải quyết đúng thời hạn."),
            ("N09.text", "Công tác hòa giải ở cơ sở được duy trì, phần lớn các vụ việc được hòa giải thành ngay tại cơ sở."),
            ("N12.text", "Thực hiện tốt việc công khai các nội dung theo Luật Thực hiện dân chủ ở cơ sở."),
            ("N22.uu_diem", "Công tác dân vận chính quyền được quan tâm chỉ đạo, gắn với nhiệm vụ chính trị của địa phương."),
            ("N22.han_che", "Một số cơ quan chưa chủ động báo cáo kết quả thực hiện."),
            ("N22.nguyen_nhan", "Cán bộ làm công tác dân vận ở một số đơn vị còn kiêm nhiệm nhiều việc."),
            ("N23.text", "1. Tiếp tục triển khai Kế hoạch công tác dân vận chính quyền năm 2024.\n2) Nâng cao chất lượng tiếp công dân, đối thoại với nhân dân.\n\n- Nhân rộng mô hình “Dân vận khéo” trong cải cách hành chính.\nSơ kết 01 năm thực hiện mô hình hội quán."),
            ("N24.text", "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ công tác dân vận chính quyền.\nĐề nghị hỗ trợ kinh phí nhân rộng mô hình hội quán."),
        ],
    );
    ints(
        &mut r,
        &[
            ("doi_thoai_tong", 4, Some(3)),
            ("tcd_thuong_xuyen_luot", 52, Some(60)),
            ("tcd_thuong_xuyen_nguoi", 49, Some(58)),
            ("tcd_dinh_ky_luot", 6, Some(6)),
            ("tcd_dinh_ky_nguoi", 30, Some(24)),
            ("don_tiep_nhan.cbccvc", 0, None),
            ("don_thuoc_tham_quyen.cbccvc", 0, None),
            ("don_da_giai_quyet.cbccvc", 0, None),
            ("don_tiep_nhan.cong_dan", 7, Some(9)),
            ("don_thuoc_tham_quyen.cong_dan", 6, Some(9)),
            ("don_da_giai_quyet.cong_dan", 5, Some(6)),
            ("hg_tiep_nhan", 13, Some(16)),
            ("hg_thanh", 11, Some(12)),
            ("hg_khong_thanh", 2, Some(4)),
            ("to_ndtq", 12, None),
            ("hoi_quan_so", 2, None),
        ],
    );
    // The city does not count the Chủ tịch's dialogues separately.
    r.not_tracked.insert(
        "doi_thoai_chu_tich".into(),
        "Chủ tịch Ủy ban nhân dân thành phố đối thoại với nhân dân lồng ghép trong các buổi tiếp công dân định kỳ."
            .into(),
    );
    // No Dân vận khéo models were recognised this half-year.
    r.none_in_period.insert("N16".into(), String::new());
    r.lists.insert(
        "mo_hinh_cchc".into(),
        vec![
            row(&[
                ("ten", t("Mô hình “Một cửa thân thiện”")),
                ("don_vi_ap_dung", t("Bộ phận tiếp nhận và trả kết quả")),
            ]),
            row(&[("ten", t("Mô hình “Thứ Năm không hẹn”")), ("don_vi_ap_dung", t("Phường 2"))]),
        ],
    );
    r.lists.insert(
        "hoi_quan_ds".into(),
        vec![
            row(&[
                ("ten", t("Hội quán Sen Hồng")),
                ("xa_phuong", t("Khóm 3, Phường 1")),
                ("thanh_vien", Value::Int(35)),
            ]),
            // A row added and left blank in the editor: not printed.
            Row::new(),
            row(&[("ten", t("Hội quán Đồng Xanh")), ("xa_phuong", t("Xã Tân Thuận")), ("thanh_vien", Value::Int(8))]),
        ],
    );
    r
}

/// A town party committee (ĐẢNG), 9 tháng năm 2024.
fn golden_dang() -> Report {
    let unit = UnitProfile {
        code: "TT-HOABINH".into(),
        name: "THỊ TRẤN HÒA BÌNH".into(),
        party_upper: "ĐẢNG BỘ HUYỆN TÂN HƯNG".into(),
        state_upper: None,
        place: "Hòa Bình".into(),
        dang: IssuerProfile {
            issuer: "ĐẢNG ỦY THỊ TRẤN HÒA BÌNH".into(),
            symbol: "BC/ĐU".into(),
            signer: Signature {
                quyen_han: "T/M BAN THƯỜNG VỤ".into(),
                chuc_vu: "PHÓ BÍ THƯ".into(),
                ho_ten: "Phạm Thị Hoa".into(),
            },
            recipients: vec![
                "Ban Thường vụ Huyện ủy".into(),
                "Ban Dân vận Huyện ủy".into(),
                "Các chi bộ trực thuộc".into(),
                "Lưu Văn phòng Đảng ủy".into(),
            ],
            sentence_name: String::new(),
        },
        ..UnitProfile::default()
    };
    let at = Utc.with_ymd_and_hms(2024, 9, 20, 8, 0, 0).single().unwrap_or_default();
    let mut r = Report::new("00000000-0000-4000-8000-0000000000d1", Kind::Dang, PeriodType::M9, 2024, unit, at);
    r.header = Header { number: Some("87".into()), day: Some(20), month: Some(9), year: Some(2024), due_date: None };
    r.can_cu = vec![Citation {
        loai: "Công văn".into(),
        so_ky_hieu: "215-CV/BDVHU".into(),
        ngay: Some(d(2024, 9, 5)),
        co_quan: "Ban Dân vận Huyện ủy".into(),
        trich_yeu: "báo cáo kết quả công tác dân vận 9 tháng năm 2024".into(),
        phrase: String::new(),
    }];
    r.footnotes = vec![Footnote {
        id: "nq".into(),
        text: "Nghị quyết số 12-NQ/ĐU ngày 10/01/2024 của Đảng ủy thị trấn".into(),
    }];
    texts(
        &mut r,
        &[
            ("N01.text", "Nhân dân trên địa bàn thị trấn tin tưởng vào sự lãnh đạo của Đảng; đời sống vật chất, tinh thần tiếp tục được cải thiện."),
            ("N02.text", "Đảng ủy ban hành Nghị quyết lãnh đạo công tác dân vận năm 2024[^nq] và chỉ đạo các chi bộ xây dựng kế hoạch thực hiện."),
            ("N07.text", "Bí thư Đảng ủy tiếp công dân định kỳ theo quy định."),
            ("N08.text", "Đơn thư được tiếp nhận, phân loại và chuyển giải quyết đúng quy định."),
            ("N09.text", "Các tổ hòa giải hoạt động thường xuyên."),
            ("N12.text", "Các chi bộ thực hiện tốt phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”."),
            ("N16.text", "Phong trào thi đua “Dân vận khéo” tiếp tục lan tỏa trong cả hệ thống chính trị."),
            ("N22.uu_diem", "Cấp ủy quan tâm lãnh đạo; các đoàn thể phối hợp chặt chẽ."),
            ("N22.han_che", "Việc nhân rộng mô hình còn chậm."),
            ("N22.nguyen_nhan", "Kinh phí hỗ trợ mô hình còn hạn chế."),
            ("N23.text", "- Tiếp tục thực hiện Nghị quyết của Đảng ủy về công tác dân vận.\n- Sơ kết mô hình hội quán.\n- Chuẩn bị tổng kết công tác dân vận năm 2024."),
        ],
    );
    ints(
        &mut r,
        &[
            ("doi_thoai_tong", 3, Some(2)),
            ("tcd_thuong_xuyen_luot", 20, Some(18)),
            ("tcd_thuong_xuyen_nguoi", 22, Some(18)),
            ("tcd_dinh_ky_luot", 9, Some(9)),
            ("tcd_dinh_ky_nguoi", 11, Some(9)),
            ("doi_thoai_chu_tich", 1, Some(1)),
            ("don_tiep_nhan.cbccvc", 0, None),
            ("don_thuoc_tham_quyen.cbccvc", 0, None),
            ("don_da_giai_quyet.cbccvc", 0, None),
            ("don_tiep_nhan.cong_dan", 4, Some(5)),
            ("don_thuoc_tham_quyen.cong_dan", 4, Some(5)),
            ("don_da_giai_quyet.cong_dan", 4, Some(4)),
            ("hg_tiep_nhan", 6, Some(8)),
            ("hg_thanh", 5, Some(6)),
            ("hg_khong_thanh", 1, Some(2)),
            ("dvk_tap_the", 2, None),
            ("dvk_ca_nhan", 1, None),
            ("dvk_kinh_te", 2, None),
            ("dvk_van_hoa_xa_hoi", 1, None),
            ("to_ndtq", 9, None),
            ("hoi_quan_so", 2, None),
        ],
    );
    // The party committee's dialogues are counted; the Khối dân vận did not meet separately.
    r.none_in_period.insert(
        "N20".into(),
        "Trong kỳ, Khối dân vận không tổ chức hoạt động riêng; các nội dung được lồng ghép trong giao ban của Đảng ủy."
            .into(),
    );
    r.lists.insert(
        "dvk_ds".into(),
        vec![
            row(&[
                ("ten", t("Mô hình “Nuôi heo đất giúp học sinh nghèo”")),
                ("linh_vuc", t("Văn hóa - xã hội")),
                ("loai", t("Tập thể")),
                ("chu_the", t("Chi hội Phụ nữ khóm 2")),
                ("ap_khom", t("Khóm 2")),
            ]),
            row(&[
                ("ten", t("Mô hình “Vườn cây kinh tế”")),
                ("linh_vuc", t("Kinh tế")),
                ("loai", t("Tập thể")),
                ("chu_the", t("Hội Nông dân thị trấn")),
                ("ap_khom", t("Khóm 4")),
            ]),
            row(&[
                ("ten", t("Ông Nguyễn Văn Tư, hiến đất làm đường")),
                ("linh_vuc", t("Kinh tế")),
                ("loai", t("Cá nhân")),
                ("chu_the", t("Nguyễn Văn Tư")),
                ("ap_khom", t("Khóm 1")),
            ]),
        ],
    );
    r.lists.insert(
        "hoi_quan_ds".into(),
        vec![
            row(&[("ten", t("Hội quán Bình An")), ("xa_phuong", t("Khóm 1")), ("thanh_vien", Value::Int(42))]),
            row(&[("ten", t("Hội quán Phú Lợi")), ("xa_phuong", t("Khóm 3")), ("thanh_vien", Value::Int(27))]),
        ],
    );
    r.lists.insert(
        "ntm_xa".into(),
        vec![row(&[
            ("ten_xa", t("Thị trấn Hòa Bình")),
            ("tieu_chi_dat", Value::Int(7)),
            ("tieu_chi_tong", Value::Int(9)),
            ("khong_dat", t("Tiêu chí 3, tiêu chí 8")),
        ])],
    );
    r
}
