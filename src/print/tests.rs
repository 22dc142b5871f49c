use super::*;
use crate::engine::{evaluate, numbering};
use crate::fixtures::{fixed_time, full_report, spec_5_1_figures, unit_profile};
use crate::model::{Citation, Footnote, PeriodType};
use chrono::NaiveDate;
use unicode_normalization::is_nfc;

const NB6: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";
const NB5: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

fn blank(kind: Kind, period: PeriodType, year: i32) -> Report {
    Report::new("r1", kind, period, year, unit_profile(), fixed_time())
}

fn doc(report: &Report) -> Document {
    build_report(report)
}

fn texts(lines: &[HeaderLine]) -> Vec<(&str, HeaderRole, bool)> {
    lines.iter().map(|l| (l.text.as_str(), l.role, l.rule_below)).collect()
}

fn headings(d: &Document) -> Vec<String> {
    d.body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { number, title, .. } => Some(format!("{number} {title}")),
            _ => None,
        })
        .collect()
}

fn numbers(d: &Document) -> Vec<String> {
    d.body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { number, .. } => Some(number.clone()),
            _ => None,
        })
        .collect()
}

fn paragraphs(d: &Document) -> Vec<String> {
    d.body
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p.plain()),
            _ => None,
        })
        .collect()
}

/// Every required narrative filled with one sentence, nothing else.
fn required_only(kind: Kind, period: PeriodType) -> Report {
    let mut r = blank(kind, period, 2025);
    let template = Template::builtin(kind);
    for (_, node) in template.walk() {
        for n in &node.narratives {
            if node.required && n.required && n.group.is_none() {
                r.texts.insert(n.key.clone(), format!("Nội dung {}.", n.key));
            }
        }
    }
    r
}

// ---- Header ---------------------------------------------------------------

#[test]
fn cq_header_has_issuer_with_rule_quoc_hieu_tieu_ngu_number_and_italic_date_line() {
    let d = doc(&full_report(Kind::Cq));
    assert_eq!(
        texts(&d.header.left),
        vec![("ỦY BAN NHÂN DÂN", HeaderRole::Issuer, false), ("PHƯỜNG 1", HeaderRole::Issuer, true)]
    );
    assert_eq!(
        texts(&d.header.right),
        vec![
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HeaderRole::NationalName, false),
            ("Độc lập - Tự do - Hạnh phúc", HeaderRole::Motto, true),
        ]
    );
    assert_eq!(d.header.number, "Số: 15/BC-UBND");
    assert_eq!(d.header.date, "Phường 1, ngày 20 tháng 6 năm 2025");
    assert_eq!(d.title, "BÁO CÁO");
    assert_eq!(
        d.trich_yeu,
        "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 và phương hướng, nhiệm vụ 6 tháng cuối năm 2025"
    );
}

#[test]
fn cq_header_prints_the_co_quan_chu_quan_and_pads_or_blanks_the_number() {
    let mut r = full_report(Kind::Cq);
    r.unit.state_upper = Some("Ủy ban nhân dân thành phố Sa Đéc".into());
    r.header.number = Some("5".into());
    let d = doc(&r);
    assert_eq!(d.header.left[0].text, "ỦY BAN NHÂN DÂN THÀNH PHỐ SA ĐÉC");
    assert_eq!(d.header.left[0].role, HeaderRole::UpperBody);
    assert_eq!(d.header.number, "Số: 05/BC-UBND");

    r.header.number = None;
    r.header.day = None;
    assert_eq!(doc(&r).header.number, format!("Số:{NB6}/BC-UBND").replacen(':', ": ", 1));
    assert_eq!(number_line(Kind::Cq, Some("  "), "BC-UBND"), format!("Số: {NB6}/BC-UBND"));
    assert_eq!(doc(&r).header.date, "Phường 1, ngày \u{a0}\u{a0}\u{a0} tháng 6 năm 2025");
}

#[test]
fn dang_header_has_upper_body_issuer_star_hyphen_number_and_party_name_with_rule() {
    let d = doc(&full_report(Kind::Dang));
    assert_eq!(
        texts(&d.header.left),
        vec![
            ("ĐẢNG BỘ THÀNH PHỐ SA ĐÉC", HeaderRole::UpperBody, false),
            ("ĐẢNG ỦY PHƯỜNG 1", HeaderRole::Issuer, false),
            ("*", HeaderRole::Star, false),
        ]
    );
    assert_eq!(texts(&d.header.right), vec![("ĐẢNG CỘNG SẢN VIỆT NAM", HeaderRole::PartyName, true)]);
    assert_eq!(d.header.number, "Số 15-BC/ĐU");
    assert_eq!(d.header.date, "Phường 1, ngày 20 tháng 12 năm 2025");
    assert_eq!(d.trich_yeu, "tình hình công tác dân vận năm 2025 và phương hướng, nhiệm vụ năm 2026");
    assert_eq!(number_line(Kind::Dang, None, "BC/ĐU"), format!("Số {NB5}-BC/ĐU"));
    assert_eq!(number_line(Kind::Dang, Some("7"), "BC/ĐU"), "Số 7-BC/ĐU");
}

#[test]
fn header_falls_back_to_the_unit_name_when_the_profile_has_no_issuer() {
    let mut r = blank(Kind::Cq, PeriodType::Q3, 2025);
    r.unit.cq.issuer.clear();
    r.unit.cq.symbol.clear();
    r.unit.name = "Xã Tân Phú".into();
    let d = doc(&r);
    assert_eq!(d.header.left.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"]);
    assert_eq!(d.header.number, format!("Số: {NB6}/BC-UBND"));
}

// ---- Nơi nhận and signature ----------------------------------------------

#[test]
fn cq_recipients_end_with_semicolons_and_the_luu_line_with_a_full_stop() {
    let d = doc(&full_report(Kind::Cq));
    assert_eq!(d.signing.recipients_label, "Nơi nhận:");
    assert_eq!(
        d.signing.recipients,
        ["- Phòng Nội vụ thành phố;", "- Ban Dân vận Đảng ủy phường;", "- CT và các PCT UBND phường;", "- Lưu: VT."]
    );
    assert_eq!(
        (d.signing.authority.as_str(), d.signing.position.as_str(), d.signing.name.as_str()),
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Thị Bích")
    );
}

#[test]
fn dang_recipients_end_with_commas_and_lưu_văn_phòng_with_a_full_stop() {
    let d = doc(&full_report(Kind::Dang));
    assert_eq!(
        d.signing.recipients,
        [
            "- Ban Thường vụ Thành ủy,",
            "- Ban Dân vận Thành ủy,",
            "- Các chi bộ trực thuộc,",
            "- Mặt trận Tổ quốc và các đoàn thể phường,",
            "- Lưu Văn phòng Đảng ủy.",
        ]
    );
    assert_eq!((d.signing.authority.as_str(), d.signing.position.as_str()), ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
}

#[test]
fn recipient_punctuation_is_added_once_the_luu_line_moved_last_or_added() {
    let typed: Vec<String> = ["- Sở Nội vụ;", "Lưu: VT", "Phòng Nội vụ,", "  "].iter().map(|s| s.to_string()).collect();
    assert_eq!(recipient_lines(Kind::Cq, &typed), ["- Sở Nội vụ;", "- Phòng Nội vụ;", "- Lưu: VT."]);
    let none: Vec<String> = vec!["Tỉnh ủy".into()];
    assert_eq!(recipient_lines(Kind::Dang, &none), ["- Tỉnh ủy,", "- Lưu Văn phòng Đảng ủy."]);
    assert_eq!(recipient_lines(Kind::Cq, &[]), ["- Lưu: VT."]);
}

// ---- Opening and closing ---------------------------------------------------

#[test]
fn cq_opening_cites_each_document_in_full_then_names_the_issuer() {
    let d = doc(&full_report(Kind::Cq));
    assert_eq!(
        d.opening.plain(),
        "Căn cứ Kế hoạch số 98/KHPH-UBNDTP-BDVTU ngày 30/3/2025 của Ủy ban nhân dân thành phố và Ban Dân vận Thành ủy \
         về phối hợp thực hiện công tác dân vận chính quyền năm 2025; Công văn số 590/PNV-DVCQ ngày 20/5/2025 của \
         Phòng Nội vụ về việc báo cáo kết quả công tác dân vận; Ủy ban nhân dân Phường 1 báo cáo kết quả thực hiện \
         công tác dân vận 6 tháng đầu năm 2025 và phương hướng, nhiệm vụ 6 tháng cuối năm 2025 như sau:"
    );
}

#[test]
fn dang_opening_starts_thuc_hien_and_a_repeated_document_is_cited_short() {
    let mut r = full_report(Kind::Dang);
    r.can_cu.truncate(1);
    r.can_cu.push(r.can_cu[0].clone());
    let d = doc(&r);
    assert_eq!(
        d.opening.plain(),
        "Thực hiện Kế hoạch số 98/KHPH-UBNDTP-BDVTU ngày 30/3/2025 của Ủy ban nhân dân thành phố và Ban Dân vận \
         Thành ủy về phối hợp thực hiện công tác dân vận chính quyền năm 2025; Kế hoạch số 98/KHPH-UBNDTP-BDVTU, \
         Ban Thường vụ Đảng ủy Phường 1 báo cáo tình hình công tác dân vận năm 2025 và phương hướng, nhiệm vụ năm 2026 như sau:"
    );
}

#[test]
fn opening_without_citations_and_a_dang_signature_for_the_dang_uy() {
    let mut r = blank(Kind::Dang, PeriodType::Q3, 2025);
    r.signature.quyen_han = "T/M ĐẢNG ỦY".into();
    r.unit.name = "XÃ TÂN PHÚ".into();
    let d = doc(&r);
    assert_eq!(
        d.opening.plain(),
        "Đảng ủy xã Tân Phú báo cáo tình hình công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025 như sau:"
    );
    let mut c = Citation { loai: "Công văn".into(), so_ky_hieu: "12-CV/BDVTU".into(), ..Citation::default() };
    c.ngay = NaiveDate::from_ymd_opt(2025, 9, 4);
    c.trich_yeu = "về việc báo cáo quý III".into();
    r.can_cu = vec![c];
    assert_eq!(
        doc(&r).opening.plain(),
        "Thực hiện Công văn số 12-CV/BDVTU ngày 04/9/2025 về việc báo cáo quý III, Đảng ủy xã Tân Phú báo cáo tình hình \
         công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025 như sau:"
    );
}

#[test]
fn closing_sentence_ends_with_slash_for_cq_and_a_full_stop_for_dang() {
    assert_eq!(
        doc(&full_report(Kind::Cq)).closing.plain(),
        "Trên đây là báo cáo kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 và phương hướng, nhiệm vụ 6 tháng \
         cuối năm 2025 của Ủy ban nhân dân Phường 1./."
    );
    let dang = doc(&full_report(Kind::Dang)).closing.plain();
    assert_eq!(
        dang,
        "Trên đây là báo cáo tình hình công tác dân vận năm 2025 và phương hướng, nhiệm vụ năm 2026 của Ban Thường vụ Đảng ủy Phường 1."
    );
    assert!(!dang.ends_with("./."));
}

// ---- Numbering ---------------------------------------------------------------

#[test]
fn cq_numbering_skips_empty_optional_nodes_and_never_repeats() {
    let r = required_only(Kind::Cq, PeriodType::H1);
    let d = doc(&r);
    assert_eq!(
        headings(&d),
        [
            "I. ĐẶC ĐIỂM TÌNH HÌNH",
            "II. SỰ QUAN TÂM LÃNH, CHỈ ĐẠO CỦA CẤP ỦY",
            "III. CÔNG TÁC CHỈ ĐẠO TRIỂN KHAI",
            "1. Công tác tuyên truyền, triển khai",
            "2. Công tác kiểm tra",
            "IV. KẾT QUẢ THỰC HIỆN",
            "1. Tiếp công dân, đối thoại, giải quyết đơn thư, hòa giải ở cơ sở, phổ biến, giáo dục pháp luật (phụ lục I kèm theo)",
            "a) Tiếp công dân, đối thoại",
            "b) Giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh",
            "c) Hòa giải ở cơ sở",
            "2. Thực hiện dân chủ ở cơ sở",
            "3. Phong trào thi đua “Dân vận khéo”, mô hình mới, cách làm hay",
            "a) Phong trào thi đua “Dân vận khéo”",
            "V. ĐÁNH GIÁ CHUNG",
            "1. Ưu điểm",
            "2. Những hạn chế và nguyên nhân của hạn chế",
            "a) Hạn chế",
            "b) Nguyên nhân",
            "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025",
        ]
    );
    // The numbers are the engine's, in the same order.
    let engine: Vec<String> =
        numbering(Template::builtin(Kind::Cq), &r).into_iter().filter(|(id, _)| id != "PL1").map(|(_, n)| n).collect();
    assert_eq!(numbers(&d), engine);
}

#[test]
fn filling_an_optional_node_renumbers_the_following_ones() {
    let mut r = required_only(Kind::Cq, PeriodType::H1);
    r.texts.insert("N10.text".into(), "Tuyên truyền pháp luật.".into());
    r.texts.insert("N24.text".into(), "Đề nghị hỗ trợ kinh phí.".into());
    r.texts.insert("N04.text".into(), "Vận động nhân dân.".into());
    let h = headings(&doc(&r));
    assert!(h.contains(&"d) Tuyên truyền, phổ biến, giáo dục pháp luật".to_string()), "{h:?}");
    assert!(h.contains(&"1. Công tác dân vận trong thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm an sinh xã hội, phòng, chống dịch bệnh".to_string()));
    assert!(h.contains(&"a) Trong phát triển kinh tế - xã hội".to_string()));
    assert!(h.contains(&"2. Tiếp công dân, đối thoại, giải quyết đơn thư, hòa giải ở cơ sở, phổ biến, giáo dục pháp luật (phụ lục I kèm theo)".to_string()));
    assert_eq!(h.last().map(String::as_str), Some("VII. KIẾN NGHỊ, ĐỀ XUẤT"));
}

#[test]
fn dang_numbering_uses_roman_hyphen_and_skips_the_empty_kien_nghi() {
    let d = doc(&required_only(Kind::Dang, PeriodType::Q3));
    let top: Vec<String> = d
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, number, title, .. } => Some(format!("{number} {title}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        top,
        [
            "I- TÌNH HÌNH NHÂN DÂN",
            "II- TÌNH HÌNH (KẾT QUẢ) CÔNG TÁC DÂN VẬN",
            "III- ĐÁNH GIÁ CHUNG",
            "IV- CHƯƠNG TRÌNH CÔNG TÁC DÂN VẬN QUÝ IV NĂM 2025",
        ]
    );
    let n = numbers(&d);
    assert!(n.windows(2).all(|w| w[0] != w[1]), "{n:?}");
}

// ---- Narratives, figures, footnotes -----------------------------------------

#[test]
fn narratives_split_into_paragraphs_and_dash_lines_stay_dash_lines() {
    let mut r = required_only(Kind::Cq, PeriodType::H1);
    r.texts.insert("N01.text".into(), "Đoạn một.\n\nĐoạn hai.\n- Gạch đầu dòng.\n  \n+ Dấu cộng.".into());
    let d = doc(&r);
    let i = d.body.iter().position(|b| matches!(b, Block::Heading { node_id, .. } if node_id == "N01")).unwrap_or(0);
    let paras: Vec<&Paragraph> = d.body[i + 1..i + 5]
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(
        paras.iter().map(|p| p.plain()).collect::<Vec<_>>(),
        ["Đoạn một.", "Đoạn hai.", "- Gạch đầu dòng.", "+ Dấu cộng."]
    );
    assert_eq!(paras.iter().map(|p| p.dash).collect::<Vec<_>>(), [false, false, true, true]);
}

#[test]
fn dang_danh_gia_chung_uses_run_in_labels() {
    let d = doc(&full_report(Kind::Dang));
    let p = d
        .body
        .iter()
        .find_map(|b| match b {
            Block::Para(p) if matches!(p.spans.first(), Some(Span::RunIn(l)) if l == "Nguyên nhân: ") => {
                Some(p.clone())
            }
            _ => None,
        })
        .expect("a Nguyên nhân run-in paragraph");
    assert_eq!(p.plain(), "Nguyên nhân: Một số cán bộ kiêm nhiệm nhiều việc; kinh phí hoạt động còn hạn chế.");
}

#[test]
fn figures_are_generated_from_the_data_with_units_deltas_and_rates() {
    let mut r = required_only(Kind::Cq, PeriodType::H1);
    spec_5_1_figures(&mut r);
    let p = paragraphs(&doc(&r));
    for line in [
        "- Hòa giải thành: 11 vụ (giảm 01 so với cùng kỳ)",
        "- Số vụ (việc) tiếp nhận, thụ lý: 13 vụ (giảm 03 so với cùng kỳ)",
        "- Tỷ lệ hòa giải thành: 84,62% (tăng 9,62 điểm % so với cùng kỳ)",
        "- Tỷ lệ hòa giải không thành: 15,38% (giảm 9,62 điểm % so với cùng kỳ)",
        "- Số lần (lượt) tiếp thường xuyên: 52 lượt (giảm 08 so với cùng kỳ)",
        "- Đối thoại giải quyết khiếu nại của Chủ tịch UBND: 04 cuộc (tăng 01 so với cùng kỳ)",
    ] {
        assert!(p.iter().any(|x| x == line), "missing {line:?} in {p:#?}");
    }
    let cong_dan = p.iter().find(|x| x.starts_with("- Công dân: ")).expect("row group line");
    assert!(cong_dan.contains("số đơn thư tồn đọng 01 đơn (giảm 02 so với cùng kỳ)"), "{cong_dan}");
    assert!(cong_dan.ends_with('.'));
}

#[test]
fn appendix_has_heading_lines_and_the_engine_tables_with_spec_bullets() {
    let mut r = required_only(Kind::Cq, PeriodType::H1);
    spec_5_1_figures(&mut r);
    r.header.number = Some("15".into());
    r.header.day = Some(20);
    r.header.month = Some(6);
    let d = doc(&r);
    let a = d.appendix.expect("CQ always prints Phụ lục I");
    assert_eq!(a.label, "Phụ lục I");
    assert_eq!(a.title, "KẾT QUẢ TIẾP CÔNG DÂN; XỬ LÝ ĐƠN THƯ VÀ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO");
    assert_eq!(a.attached_to, "(Kèm theo Báo cáo số 15/BC-UBND ngày 20 tháng 6 năm 2025 của Ủy ban nhân dân Phường 1)");
    assert_eq!(a.tables.t3.cells[3], "84,62%");
    assert!(a.tables.t3.bullets.contains(&"- Hòa giải thành: 11/13 vụ so với cùng kỳ 12/16 vụ".to_string()));
    assert_eq!(
        a.tables.t1.groups[1].bullets,
        [
            "- Cuộc đối thoại tăng 01",
            "- Số lượng đơn, thư tiếp nhận giảm 02",
            "- Số đơn thư thuộc thẩm quyền giải quyết giảm 03",
            "- Số đơn thư đã giải quyết giảm 01",
            "- Số đơn thư tồn đọng giảm 02",
        ]
    );
    // Blank number and day in a draft.
    r.header.number = None;
    r.header.day = None;
    let a = doc(&r).appendix.expect("appendix");
    assert_eq!(
        a.attached_to,
        format!(
            "(Kèm theo Báo cáo số {NB6}/BC-UBND ngày \u{a0}\u{a0}\u{a0} tháng 6 năm 2025 của Ủy ban nhân dân Phường 1)"
        )
    );
}

#[test]
fn dang_prints_phu_luc_only_on_request_and_then_refers_to_it_once() {
    let mut r = required_only(Kind::Dang, PeriodType::Q3);
    spec_5_1_figures(&mut r);
    let d = doc(&r);
    assert!(d.appendix.is_none());
    assert!(!headings(&d).iter().any(|h| h.contains("phụ lục")));
    r.options.include_pl1 = true;
    let d = doc(&r);
    assert_eq!(d.appendix.as_ref().map(|a| a.label.as_str()), Some("Phụ lục I"));
    let refs: Vec<String> = headings(&d).into_iter().filter(|h| h.contains("(phụ lục I kèm theo)")).collect();
    assert_eq!(refs, ["a) Tiếp công dân, đối thoại với nhân dân (phụ lục I kèm theo)"]);
    assert!(d
        .appendix
        .map(|a| a.attached_to.starts_with(&format!("(Kèm theo Báo cáo số {NB5}-BC/ĐU ngày")))
        .unwrap_or(false));
}

#[test]
fn footnotes_are_numbered_in_order_of_first_reference_per_kind() {
    for (kind, m1, m2) in [(Kind::Cq, "1", "2"), (Kind::Dang, "(1)", "(2)")] {
        let mut r = required_only(kind, PeriodType::Q3);
        r.footnotes = vec![
            Footnote { id: "b".into(), text: "Chú thích B".into() },
            Footnote { id: "a".into(), text: "Chú thích A".into() },
            Footnote { id: "unused".into(), text: "Không dùng".into() },
        ];
        r.texts.insert("N01.text".into(), "Theo kế hoạch[^a] và chỉ thị[^b].".into());
        r.texts.insert("N02.text".into(), "Nhắc lại[^a], sai mã [^x] và [^ ].".into());
        let d = doc(&r);
        let n01 = d.body.iter().find_map(|b| match b {
            Block::Para(p) if p.plain().starts_with("Theo kế hoạch") => Some(p.clone()),
            _ => None,
        });
        assert_eq!(
            n01.map(|p| p.spans),
            Some(vec![
                Span::Text("Theo kế hoạch".into()),
                Span::NoteRef(m1.into()),
                Span::Text(" và chỉ thị".into()),
                Span::NoteRef(m2.into()),
                Span::Text(".".into()),
            ])
        );
        let n02 = paragraphs(&d).into_iter().find(|p| p.starts_with("Nhắc lại"));
        assert_eq!(n02, Some(format!("Nhắc lại{m1}, sai mã [^x] và [^ ].")));
        assert_eq!(
            d.footnotes,
            [
                Note { marker: m1.into(), text: "Chú thích A".into() },
                Note { marker: m2.into(), text: "Chú thích B".into() }
            ]
        );
    }
}

// ---- Empty outline -----------------------------------------------------------

#[test]
fn empty_outline_lists_every_node_with_guidance_lines_and_fields_but_no_data() {
    let r = full_report(Kind::Cq);
    let template = Template::builtin(Kind::Cq);
    let d = blank_outline(template, &r);
    assert!(d.blank);
    assert_eq!(d.file_name, "BCDV_P1-SADEC_2025H1_CQ_de-cuong");
    assert_eq!(d.header.number, format!("Số: {NB6}/BC-UBND"));
    assert_eq!(d.header.date, "Phường 1, ngày \u{a0}\u{a0}\u{a0} tháng \u{a0}\u{a0}\u{a0} năm 2025");
    assert!(d.footnotes.is_empty());
    assert!(!d.body.iter().any(|b| matches!(b, Block::Para(_))), "no filled text");
    let h = headings(&d);
    assert_eq!(h.first().map(String::as_str), Some("I. ĐẶC ĐIỂM TÌNH HÌNH"));
    assert_eq!(h.last().map(String::as_str), Some("VII. KIẾN NGHỊ, ĐỀ XUẤT"));
    assert!(h.contains(&"c) Trong phòng, chống dịch bệnh".to_string()), "optional nodes too: {h:?}");
    assert!(!h.iter().any(|x| x.contains("Bài học")), "annual-only node left out of a 6-month outline");
    let n01 = d.body.iter().position(|b| matches!(b, Block::Heading { node_id, .. } if node_id == "N01")).unwrap_or(0);
    assert!(
        matches!(&d.body[n01 + 1], Block::Guidance(g) if g.starts_with("Nêu khái quát tình hình kinh tế - xã hội"))
    );
    assert_eq!(d.body[n01 + 2], Block::Lines(5));
    assert!(d.body.contains(&Block::Field { label: "Hòa giải thành".into(), unit: "vụ".into() }));
    assert!(d
        .body
        .contains(&Block::Field {
            label: "Số lượng đơn thư đã tiếp nhận (Công dân)".into(), unit: "đơn".into()
        }));
    let a = d.appendix.expect("blank Phụ lục I");
    assert!(a.tables.t3.cells.iter().all(String::is_empty));
    assert!(a.tables.t3.bullets.is_empty());
    assert_eq!(d.signing.name, "Trần Thị Bích");
}

#[test]
fn empty_outline_of_a_dang_year_report_includes_bai_hoc_and_labelled_lines() {
    let r = blank(Kind::Dang, PeriodType::Y, 2025);
    let d = blank_outline(Template::builtin(Kind::Dang), &r);
    assert!(d.body.contains(&Block::Label("Bài học kinh nghiệm:".into())));
    assert!(d.body.contains(&Block::Label("Hội Nông dân:".into())));
    assert!(d.appendix.is_none(), "DANG prints Phụ lục I only on request");
    assert_eq!(headings(&d).last().map(String::as_str), Some("V- KIẾN NGHỊ"));
}

// ---- Names and text ----------------------------------------------------------

#[test]
fn unit_names_read_correctly_inside_sentences() {
    assert_eq!(unit_phrase("PHƯỜNG 1"), "Phường 1");
    assert_eq!(unit_phrase("XÃ TÂN PHÚ"), "xã Tân Phú");
    assert_eq!(unit_phrase("thị trấn mỹ an"), "thị trấn Mỹ An");
    assert_eq!(unit_phrase("ĐẶC KHU PHÚ QUỐC"), "đặc khu Phú Quốc");
    assert_eq!(unit_phrase("Sa Đéc"), "Sa Đéc");
}

#[test]
fn file_name_names_unit_period_and_kind() {
    assert_eq!(doc(&full_report(Kind::Cq)).file_name, "BCDV_P1-SADEC_2025H1_CQ");
    assert_eq!(doc(&full_report(Kind::Dang)).file_name, "BCDV_P1-SADEC_2025Y_DANG");
    let mut r = blank(Kind::Dang, PeriodType::Q3, 2025);
    r.unit.code.clear();
    r.unit.name = "Phường 1 / Sa Đéc".into();
    assert_eq!(file_name(&r, false), "BCDV_Phường-1---Sa-Đéc_2025Q3_DANG");
}

#[test]
fn every_printed_string_is_nfc() {
    let mut r = full_report(Kind::Cq);
    r.texts.insert("N01.text".into(), "Tie\u{302}\u{301}p da\u{302}n".into());
    r.recipients.push("Pho\u{300}ng".into());
    let d = doc(&r);
    let mut all =
        vec![d.trich_yeu.clone(), d.opening.plain(), d.closing.plain(), d.header.number.clone(), d.header.date.clone()];
    all.extend(d.header.left.iter().chain(&d.header.right).map(|l| l.text.clone()));
    all.extend(paragraphs(&d));
    all.extend(headings(&d));
    all.extend(d.signing.recipients.clone());
    for s in all {
        assert!(is_nfc(&s), "not NFC: {s:?}");
    }
}

#[test]
fn the_view_model_matches_a_fresh_evaluation() {
    let r = full_report(Kind::Cq);
    let t = Template::builtin(Kind::Cq);
    assert_eq!(build(t, &r, &evaluate(t, &r)), build_report(&r));
}
