use super::*;
use crate::engine::{evaluate, numbering};
use crate::fixtures::{fixed_time, full_report, spec_5_1_figures, unit_profile};
use crate::model::{Citation, FieldPath, Footnote, PeriodType, Value};
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

/// One text per heading of the body, made from its number and title.
fn heading_texts(d: &Document, text: impl Fn(&str, &str) -> String) -> Vec<String> {
    d.body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { number, title, .. } => Some(text(number, title)),
            _ => None,
        })
        .collect()
}

fn headings(d: &Document) -> Vec<String> {
    heading_texts(d, |number, title| format!("{number} {title}"))
}

fn numbers(d: &Document) -> Vec<String> {
    heading_texts(d, |number, _| number.to_string())
}

fn paragraphs(d: &Document) -> Vec<String> {
    plain_paragraphs(&d.body)
}

/// The plain text of each paragraph among `blocks`.
fn plain_paragraphs(blocks: &[Block]) -> Vec<String> {
    blocks
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
    assert_eq!(d.trich_yeu, "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025");
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
    assert_eq!(d.trich_yeu, "tình hình công tác dân vận năm 2025");
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
        "Căn cứ Kế hoạch số 98/KHPH-UBNDTP-BDVTU ngày 30 tháng 3 năm 2025 của Ủy ban nhân dân thành phố và Ban Dân \
         vận Thành ủy về phối hợp thực hiện công tác dân vận chính quyền năm 2025 và Công văn số 590/PNV-DVCQ ngày 20 \
         tháng 5 năm 2025 của Phòng Nội vụ về việc báo cáo kết quả công tác dân vận; Ủy ban nhân dân Phường 1 báo cáo \
         kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 như sau:"
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
        "Thực hiện Kế hoạch số 98/KHPH-UBNDTP-BDVTU ngày 30 tháng 3 năm 2025 của Ủy ban nhân dân thành phố và Ban \
         Dân vận Thành ủy về phối hợp thực hiện công tác dân vận chính quyền năm 2025 và Kế hoạch số \
         98/KHPH-UBNDTP-BDVTU, Ban Thường vụ Đảng ủy Phường 1 báo cáo tình hình công tác dân vận năm 2025 như sau:"
    );
}

#[test]
fn opening_without_citations_and_a_dang_signature_for_the_dang_uy() {
    let mut r = blank(Kind::Dang, PeriodType::Q3, 2025);
    r.signature.quyen_han = "T/M ĐẢNG ỦY".into();
    r.unit.name = "XÃ TÂN PHÚ".into();
    r.unit.dang.issuer = "ĐẢNG ỦY XÃ TÂN PHÚ".into();
    r.options.trich_yeu_with_plan = true;
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
        "Thực hiện Công văn số 12-CV/BDVTU ngày 04 tháng 9 năm 2025 về việc báo cáo quý III, Đảng ủy xã Tân Phú báo cáo tình hình \
         công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025 như sau:"
    );
}

#[test]
fn closing_sentence_ends_with_slash_for_cq_and_a_full_stop_for_dang() {
    assert_eq!(
        doc(&full_report(Kind::Cq)).closing.plain(),
        "Trên đây là báo cáo kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 của Ủy ban nhân dân Phường 1./."
    );
    let mut with_plan = full_report(Kind::Dang);
    with_plan.options.trich_yeu_with_plan = true;
    let dang = doc(&with_plan).closing.plain();
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

// ---- Replaced sentences (issue 14 item 1) and W07 ----------------------------

fn take_over(r: &mut Report, id: &SentenceId, text: &str) {
    let t = Template::builtin(r.kind);
    let generated = crate::print::sentences(t, r, &evaluate(t, r))
        .into_iter()
        .find(|s| &s.id == id)
        .unwrap_or_else(|| panic!("{id:?} is generated"))
        .generated;
    r.sentences.insert(id.key(), crate::model::SentenceOverride { text: text.into(), written_against: generated });
}

#[test]
fn every_replaced_sentence_prints_as_written() {
    for kind in Kind::ALL {
        let mut r = full_report(kind);
        r.options.include_pl1 = true;
        let t = Template::builtin(kind);
        let all = crate::print::sentences(t, &r, &evaluate(t, &r));
        assert!(all.iter().any(|s| matches!(s.id, SentenceId::Figure { .. })), "{kind:?} has figure lines");
        assert!(all.iter().any(|s| matches!(s.id, SentenceId::Bullet { .. })), "{kind:?} has appendix bullets");
        for (i, s) in all.iter().enumerate() {
            take_over(&mut r, &s.id, &format!("Câu viết tay số {i}."));
        }
        let d = doc(&r);
        assert_eq!(d.trich_yeu, "Câu viết tay số 0.");
        assert_eq!(d.opening.plain(), "Câu viết tay số 1.");
        assert_eq!(d.closing.plain(), "Câu viết tay số 2.");
        let mut printed: Vec<String> = d
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.plain()),
                _ => None,
            })
            .collect();
        let appendix = d.appendix.expect("appendix printed");
        printed.push(appendix.attached_to.clone());
        for g in &appendix.tables.t1.groups {
            printed.extend(g.bullets.iter().cloned());
        }
        printed.extend(appendix.tables.t2.bullets.iter().cloned());
        printed.extend(appendix.tables.t3.bullets.iter().cloned());
        for (i, s) in all.iter().enumerate().skip(3) {
            let want = format!("Câu viết tay số {i}.");
            assert!(printed.contains(&want), "{kind:?}: {:?} not printed as written", s.id);
        }
        // The generated forms are gone from the paper.
        for s in &all {
            assert!(!printed.contains(&s.generated), "{kind:?}: {:?} still generated", s.id);
        }
    }
}

#[test]
fn sentence_ids_read_back_from_their_keys() {
    for kind in Kind::ALL {
        let r = full_report(kind);
        let t = Template::builtin(kind);
        for s in crate::print::sentences(t, &r, &evaluate(t, &r)) {
            assert_eq!(SentenceId::parse(&s.id.key()), Some(s.id.clone()));
        }
    }
    assert_eq!(SentenceId::parse("bullet.t9.0"), None);
    assert_eq!(SentenceId::parse("figure.N09"), None);
    assert_eq!(SentenceId::parse("nonsense"), None);
}

#[test]
fn changing_a_figure_after_a_replacement_raises_w07_naming_the_sentence_until_confirmed() {
    let mut r = full_report(Kind::Cq);
    let t = Template::builtin(Kind::Cq);
    let figure = crate::print::sentences(t, &r, &evaluate(t, &r))
        .into_iter()
        .find(|s| s.id == SentenceId::Figure { node: "N09".into(), line: "hg_thanh".into() })
        .expect("a hòa giải thành line");
    take_over(&mut r, &figure.id, "- Hòa giải thành 11 vụ, đạt kết quả tốt.");
    take_over(&mut r, &SentenceId::Opening, "Thực hiện kế hoạch, Ủy ban nhân dân phường báo cáo như sau:");
    assert_eq!(stale_sentences(t, &r, &evaluate(t, &r)), vec![], "nothing changed yet");
    r.values.insert("hg_thanh".into(), crate::model::Value::Int(12));
    let issues = stale_sentences(t, &r, &evaluate(t, &r));
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].rule, "W07");
    assert_eq!(issues[0].paths, vec![FieldPath::Sentence("figure.N09.hg_thanh".into())]);
    assert!(issues[0].message.contains("Hòa giải thành"), "{}", issues[0].message);
    assert!(issues[0].message.contains("12 vụ"), "names today's sentence: {}", issues[0].message);
    assert!(doc(&r).body.iter().any(|b| matches!(b, Block::Para(p) if p.plain().contains("đạt kết quả tốt"))));
    // "Vẫn dùng câu này": the sentence now answers to today's generated one.
    let today = crate::print::sentences(t, &r, &evaluate(t, &r)).into_iter().find(|s| s.id == figure.id).unwrap();
    r.sentences.get_mut(&figure.id.key()).unwrap().written_against = today.generated;
    assert_eq!(stale_sentences(t, &r, &evaluate(t, &r)), vec![]);
    // A new citation changes the opening it was written against.
    r.can_cu.push(Citation { loai: "Công văn".into(), so_ky_hieu: "1/UBND".into(), ..Citation::default() });
    let issues = stale_sentences(t, &r, &evaluate(t, &r));
    assert_eq!(issues.iter().map(|i| i.paths[0].to_string()).collect::<Vec<_>>(), ["sentences.opening"]);
    // "Dùng lại câu tự động".
    r.sentences.remove("opening");
    assert_eq!(stale_sentences(t, &r, &evaluate(t, &r)), vec![]);
}

#[test]
fn figure_lines_follow_the_report_option_and_the_section_override() {
    let mut r = full_report(Kind::Cq);
    let dashes = |r: &Report| {
        doc(r)
            .body
            .iter()
            .filter(|b| matches!(b, Block::Para(p) if p.dash && p.plain().starts_with("- Hòa giải thành")))
            .count()
    };
    assert_eq!(dashes(&r), 1);
    r.options.print_figures = false;
    assert_eq!(dashes(&r), 0);
    r.options.figures_by_node.insert("N09".into(), true);
    assert_eq!(dashes(&r), 1);
    r.options.print_figures = true;
    r.options.figures_by_node.insert("N09".into(), false);
    assert_eq!(dashes(&r), 0);
}

#[test]
fn names_in_sentences_come_from_the_header_or_the_profile() {
    let mut r = full_report(Kind::Cq);
    r.unit.cq.issuer = "ỦY BAN NHÂN DÂN THÀNH PHỐ CAO LÃNH".into();
    assert!(doc(&r).closing.plain().ends_with("của Ủy ban nhân dân thành phố Cao Lãnh./."));
    let t1 = evaluate(Template::builtin(Kind::Cq), &r).appendix.unwrap().t1;
    let row = t1.groups.iter().find_map(|g| g.text_row.clone()).unwrap();
    assert!(row.starts_with("Đối thoại giải quyết khiếu nại của Chủ tịch UBND thành phố là"), "{row}");
    r.unit.cq.sentence_name = "Ủy ban nhân dân Thành phố".into();
    assert!(doc(&r).closing.plain().ends_with("của Ủy ban nhân dân Thành phố./."));
    let mut d = full_report(Kind::Dang);
    d.unit.dang.issuer = "THÀNH ỦY CAO LÃNH".into();
    d.signature.quyen_han = "T/M THÀNH ỦY".into();
    let opening = doc(&d).opening.plain();
    assert!(opening.contains(", Thành ủy Cao Lãnh báo cáo"), "{opening}");
    assert!(!opening.contains("Thành Phố"));
}

#[test]
fn citations_join_with_va_and_keep_their_own_phrase() {
    let mut r = full_report(Kind::Cq);
    r.can_cu[0].phrase = "giữa Ủy ban nhân dân phường và Ban Dân vận Đảng ủy phường".into();
    r.can_cu.push(Citation { loai: "Hướng dẫn".into(), so_ky_hieu: "05-HD/BDVTU".into(), ..Citation::default() });
    let opening = doc(&r).opening.plain();
    assert!(
        opening.starts_with(
            "Căn cứ Kế hoạch số 98/KHPH-UBNDTP-BDVTU ngày 30 tháng 3 năm 2025 giữa Ủy ban nhân dân phường và Ban Dân \
             vận Đảng ủy phường; Công văn số 590/PNV-DVCQ ngày 20 tháng 5 năm 2025 của Phòng Nội vụ về việc báo cáo kết \
             quả công tác dân vận và Hướng dẫn số 05-HD/BDVTU; Ủy ban nhân dân"
        ),
        "{opening}"
    );
}

#[test]
fn totals_print_with_their_unit_word_and_qualifier_and_hon_never_rounds_up() {
    let mut r = full_report(Kind::Cq);
    let line = |r: &Report, start: &str| {
        doc(r)
            .body
            .iter()
            .find_map(|b| match b {
                Block::Para(p) if p.plain().starts_with(start) => Some(p.plain()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no line starting {start}"))
    };
    assert_eq!(line(&r, "- Tổng số suất hỗ trợ"), "- Tổng số suất hỗ trợ an sinh xã hội: 1.470 suất");
    r.qualifiers.insert("asxh_tong_suat".into(), "hơn".into());
    assert_eq!(line(&r, "- Tổng số suất hỗ trợ"), "- Tổng số suất hỗ trợ an sinh xã hội: hơn 1.470 suất");
    // A computed money total with "hơn": cut, not rounded up.
    let rows = r.lists.get_mut("asxh").unwrap();
    rows.truncate(1);
    rows[0].insert("so_tien".into(), Value::Int(2_356_800_000));
    r.qualifiers.insert("asxh_tong_tien".into(), "hơn".into());
    assert_eq!(line(&r, "- Tổng số tiền hỗ trợ"), "- Tổng số tiền hỗ trợ an sinh xã hội: hơn 2,356 tỷ đồng");
    r.qualifiers.remove("asxh_tong_tien");
    assert_eq!(line(&r, "- Tổng số tiền hỗ trợ"), "- Tổng số tiền hỗ trợ an sinh xã hội: 2,357 tỷ đồng");
    // An entered amount with "hơn" too, and the unit word the outline gives ("cuộc").
    r.values.insert("quy_vi_nguoi_ngheo".into(), Value::Int(2_359_000_000));
    assert!(line(&r, "- Vận động Quỹ").starts_with("- Vận động Quỹ “Vì người nghèo”: hơn 2,359 tỷ đồng"));
    r.values.insert("quy_vi_nguoi_ngheo".into(), Value::Int(2_359_900_000));
    assert!(line(&r, "- Vận động Quỹ").starts_with("- Vận động Quỹ “Vì người nghèo”: hơn 2,359 tỷ đồng"));
    assert!(line(&r, "- Tổng số cuộc đối thoại").starts_with("- Tổng số cuộc đối thoại với nhân dân: 12 cuộc"));
}

// ---- Issue 14: lists, nothing empty, numbered tasks, zero padding ----

mod body_content {
    use super::*;
    use crate::fixtures::golden_report;
    use crate::model::Row;
    use crate::template::Level;
    use std::path::PathBuf;

    fn tables(d: &Document) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
        d.body
            .iter()
            .filter_map(|b| match b {
                Block::Table { header, rows } => Some((header.clone(), rows.clone())),
                _ => None,
            })
            .collect()
    }

    fn row(cells: &[(&str, Value)]) -> Row {
        cells.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    /// The body after the heading of `node_id`, up to the next heading.
    fn under(d: &Document, node_id: &str) -> Vec<Block> {
        let start = d
            .body
            .iter()
            .position(|b| matches!(b, Block::Heading { node_id: id, .. } if id == node_id))
            .unwrap_or_else(|| panic!("{node_id} is printed"));
        d.body[start + 1..].iter().take_while(|b| !matches!(b, Block::Heading { .. })).cloned().collect()
    }

    /// The plain text of each paragraph under the heading of `node_id`.
    fn paragraphs_under(d: &Document, node_id: &str) -> Vec<String> {
        plain_paragraphs(&under(d, node_id))
    }

    #[test]
    fn a_list_prints_as_a_table_with_a_header_row_at_its_node() {
        let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
        r.lists.insert(
            "hoi_quan_ds".into(),
            vec![
                row(&[
                    ("ten", text("Hội quán Sen Hồng")),
                    ("xa_phuong", text("Khóm 3")),
                    ("thanh_vien", Value::Int(35)),
                ]),
                row(&[("ten", text("Hội quán Đồng Xanh")), ("thanh_vien", Value::Int(8))]),
            ],
        );
        let d = doc(&r);
        let body = under(&d, "N17");
        let at = body.iter().position(|b| b == &Block::Para(Paragraph::text("Danh sách hội quán:"))).expect("lead-in");
        assert_eq!(
            body[at + 1],
            Block::Table {
                header: vec![
                    "STT".into(),
                    "Tên hội quán".into(),
                    "Ấp, khóm / xã, phường".into(),
                    "Số thành viên (người)".into()
                ],
                rows: vec![
                    vec!["1".into(), "Hội quán Sen Hồng".into(), "Khóm 3".into(), "35".into()],
                    vec!["2".into(), "Hội quán Đồng Xanh".into(), "".into(), "08".into()],
                ],
            }
        );
    }

    #[test]
    fn a_list_marked_sentences_prints_one_numbered_sentence_per_row() {
        let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
        r.lists.insert(
            "mo_hinh_cchc".into(),
            vec![
                row(&[("ten", text("Mô hình “Một cửa thân thiện”")), ("don_vi_ap_dung", text("Bộ phận một cửa"))]),
                row(&[("ten", text("Mô hình “Thứ Năm không hẹn”"))]),
            ],
        );
        let d = doc(&r);
        let paras: Vec<String> = paragraphs_under(&d, "N06");
        assert_eq!(
            paras,
            [
                "Mô hình cải cách hành chính:",
                "1. Mô hình “Một cửa thân thiện” (đơn vị áp dụng: Bộ phận một cửa).",
                "2. Mô hình “Thứ Năm không hẹn”.",
            ]
        );
        assert!(tables(&d).is_empty());
    }

    #[test]
    fn a_node_whose_only_content_is_a_list_is_not_an_empty_heading() {
        let mut r = blank(Kind::Dang, PeriodType::Q3, 2025);
        r.lists
            .insert("ntm_xa".into(), vec![row(&[("ten_xa", text("Xã Tân Thuận")), ("tieu_chi_dat", Value::Int(17))])]);
        let d = doc(&r);
        let body = under(&d, "N18");
        assert!(matches!(&body[1], Block::Table { rows, .. } if rows[0][1] == "Xã Tân Thuận" && rows[0][2] == "17"));
        // The per-row rate (C09) is a column of its own, from the template's default of 19 criteria.
        let (header, rows) = &tables(&d)[0];
        assert_eq!(header.last().map(String::as_str), Some("Tỷ lệ tiêu chí đạt"));
        assert_eq!(rows[0].last().map(String::as_str), Some("89,47%"));
    }

    #[test]
    fn blank_list_rows_are_not_printed_and_a_list_of_blank_rows_prints_no_heading() {
        let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
        r.lists.insert("hoi_quan_ds".into(), vec![Row::new(), row(&[("ten", text(" "))])]);
        let d = doc(&r);
        assert!(!d.body.iter().any(|b| matches!(b, Block::Heading { node_id, .. } if node_id == "N17")));
        assert!(!numbering(Template::builtin(Kind::Cq), &r).iter().any(|(id, _)| id == "N17"));
    }

    #[test]
    fn a_blank_list_row_is_not_counted_by_the_rules_either() {
        let template = Template::builtin(Kind::Cq);
        let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
        r.values.insert("hoi_quan_so".into(), Value::Int(1));
        r.lists.insert("hoi_quan_ds".into(), vec![row(&[("ten", text("Hội quán Sen Hồng"))]), Row::new()]);
        let e = evaluate(template, &r);
        assert!(!e.issues.iter().any(|i| i.rule == "E07"), "{:?}", e.issues);
        r.values.insert("hoi_quan_so".into(), Value::Int(2));
        let e = evaluate(template, &r);
        assert!(e.issues.iter().any(|i| i.rule == "E07" && i.message.contains("có 1 dòng")), "{:?}", e.issues);
    }

    #[test]
    fn optional_nodes_without_content_are_left_out_and_numbers_close_up() {
        let r = golden_report(Kind::Cq);
        let d = doc(&r);
        let printed: Vec<String> = headings(&d);
        // N04, N04c, N10, N11, N13, N14, N15, N18, N19 have no content: left out.
        for id in ["N04", "N10", "N11", "N13", "N14", "N15", "N18", "N19"] {
            assert!(!d.body.iter().any(|b| matches!(b, Block::Heading { node_id, .. } if node_id == id)), "{id}");
        }
        // Numbers at each level run 1, 2, 3 … without gaps: the print and the engine agree.
        let engine: Vec<String> = numbering(Template::builtin(Kind::Cq), &r)
            .into_iter()
            .filter(|(id, _)| id != "PL1")
            .map(|(_, n)| n)
            .collect();
        assert_eq!(numbers(&d), engine);
        assert!(printed
            .iter()
            .any(|h| h.starts_with("1. Trong bảo đảm an sinh xã hội") || h.starts_with("1. Cải cách")));
        // No heading is followed directly by another heading of the same or a higher level.
        for w in d.body.windows(2) {
            if let (Block::Heading { level: a, number, .. }, Block::Heading { level: b, .. }) = (&w[0], &w[1]) {
                assert!(b > a, "heading {number} has nothing under it");
            }
        }
    }

    #[test]
    fn a_node_marked_none_prints_its_sentence_or_the_default_one_and_satisfies_e10() {
        let template = Template::builtin(Kind::Cq);
        let mut r = golden_report(Kind::Cq);
        let d = doc(&r);
        assert_eq!(under(&d, "N16"), [Block::Para(Paragraph::text("Không phát sinh trong kỳ."))]);
        let e = evaluate(template, &r);
        assert!(!e.issues.iter().any(|i| i.rule == "E10"), "{:?}", e.issues);
        r.none_in_period.insert("N16".into(), "Trong kỳ, thành phố chưa tổ chức bình chọn mô hình.".into());
        r.values.insert("dvk_tong".into(), Value::Int(4));
        let d = doc(&r);
        assert_eq!(
            under(&d, "N16"),
            [Block::Para(Paragraph::text("Trong kỳ, thành phố chưa tổ chức bình chọn mô hình."))]
        );
        // Unmarked, the node is required again and its missing items are errors.
        r.none_in_period.clear();
        r.values.clear();
        let e = evaluate(template, &r);
        assert!(e.issues.iter().any(|i| i.rule == "E10" && i.node_id.as_deref() == Some("N16")));
    }

    #[test]
    fn a_node_marked_none_where_the_template_says_nothing_prints_no_heading() {
        let template = Template::builtin(Kind::Dang);
        let json = template.to_json().replacen("\"id\": \"N20\",", "\"id\": \"N20\",\n\"when_none\": \"nothing\",", 1);
        let quiet = Template::from_json(&json).expect("template with when_none loads");
        assert_eq!(quiet.node("N20").map(|n| n.when_none), Some(crate::template::WhenNone::Nothing));
        let r = golden_report(Kind::Dang);
        let d = build(&quiet, &r, &evaluate(&quiet, &r));
        assert!(!d.body.iter().any(|b| matches!(b, Block::Heading { node_id, .. } if node_id == "N20")));
        let numbers_of = |t: &Template| numbering(t, &r).into_iter().map(|(id, _)| id).collect::<Vec<_>>();
        assert!(numbers_of(template).contains(&"N20".to_string()));
        assert!(!numbers_of(&quiet).contains(&"N20".to_string()));
        assert!(!evaluate(&quiet, &r).issues.iter().any(|i| i.rule == "E10"));
    }

    #[test]
    fn a_figure_marked_not_tracked_is_a_notice_not_an_error_and_prints_its_sentence() {
        let template = Template::builtin(Kind::Cq);
        let mut r = golden_report(Kind::Cq);
        let e = evaluate(template, &r);
        let notice = e.issues.iter().find(|i| i.rule == "I01").expect("a notice for the untracked figure");
        assert_eq!(notice.level, Level::Notice);
        assert_eq!(notice.paths, ["doi_thoai_chu_tich"]);
        assert!(crate::engine::can_finalise(&e).is_ok(), "{:?}", e.errors());
        let d = doc(&r);
        assert!(paragraphs(&d).iter().any(|p| p.starts_with("Chủ tịch Ủy ban nhân dân thành phố đối thoại")));
        assert!(!paragraphs(&d).iter().any(|p| p.contains("Đối thoại của Chủ tịch")));
        // Phụ lục I says the same in place of "… là … cuộc", and without the sentence says nothing.
        let row = |r: &Report| {
            let groups = crate::engine::evaluate(template, r).appendix.expect("Phụ lục I").t1.groups;
            groups.iter().find(|g| g.group == "cong_dan").and_then(|g| g.text_row.clone())
        };
        assert!(
            row(&r).is_some_and(|t| t.starts_with("Chủ tịch Ủy ban nhân dân thành phố đối thoại")),
            "{:?}",
            row(&r)
        );
        r.not_tracked.insert("doi_thoai_chu_tich".into(), String::new());
        assert_eq!(row(&r), None, "no row and no “…”");
        r.not_tracked.clear();
        let e = evaluate(template, &r);
        assert!(e.errors().iter().any(|i| i.rule == "E10" && i.paths.iter().any(|p| *p == "doi_thoai_chu_tich")));
    }

    #[test]
    fn tasks_print_numbered_without_doubling_typed_numbers() {
        let d = doc(&golden_report(Kind::Cq));
        let tasks: Vec<String> = paragraphs_under(&d, "N23");
        assert_eq!(
            tasks,
            [
                "1. Tiếp tục triển khai Kế hoạch công tác dân vận chính quyền năm 2024.",
                "2. Nâng cao chất lượng tiếp công dân, đối thoại với nhân dân.",
                "3. Nhân rộng mô hình “Dân vận khéo” trong cải cách hành chính.",
                "4. Sơ kết 01 năm thực hiện mô hình hội quán.",
            ]
        );
        let template = Template::builtin(Kind::Cq);
        let items: Vec<&str> = template
            .walk()
            .iter()
            .flat_map(|(_, n)| n.narratives.iter())
            .filter(|n| n.items)
            .map(|n| n.key.as_str())
            .collect::<Vec<_>>();
        assert_eq!(items, ["N23.text", "N24.text"]);
    }

    #[test]
    fn table_cells_and_sentences_follow_the_same_zero_padding() {
        let mut r = golden_report(Kind::Cq);
        let d = doc(&r);
        let appendix = d.appendix.as_ref().expect("CQ prints Phụ lục I");
        assert_eq!(appendix.tables.t3.cells[..3], ["13", "11", "02"]);
        assert!(paragraphs(&d).iter().any(|p| p == "- Hòa giải không thành: 02 vụ (giảm 02 so với cùng kỳ)"));
        assert_eq!(tables(&d)[0].1[1][3], "08");
        r.options.pad_small_counts = false;
        let d = doc(&r);
        assert_eq!(d.appendix.as_ref().map(|a| a.tables.t3.cells[2].clone()).as_deref(), Some("2"));
        assert!(paragraphs(&d).iter().any(|p| p == "- Hòa giải không thành: 2 vụ (giảm 2 so với cùng kỳ)"));
        assert_eq!(tables(&d)[0].1[1][3], "8");
    }

    fn golden_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/print")
    }

    fn check_golden(name: &str, text: &str) {
        let path = golden_dir().join(format!("{name}.txt"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(golden_dir()).expect("create golden dir");
            std::fs::write(&path, text).expect("write golden");
            return;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run UPDATE_GOLDEN=1 cargo test print and review it", path.display()));
        assert!(
            want == text,
            "{} differs from the printed text; run UPDATE_GOLDEN=1 cargo test print and review the diff",
            path.display()
        );
    }

    /// The golden report of `kind` can be finalised and prints as its golden file.
    fn check_golden_report(kind: Kind, name: &str) {
        let r = golden_report(kind);
        let e = evaluate(Template::builtin(kind), &r);
        assert!(e.errors().is_empty(), "the golden report can be finalised: {:?}", e.errors());
        check_golden(name, &plain_text(&doc(&r)));
    }

    #[test]
    fn golden_whole_printed_text_of_a_city_peoples_committee_report() {
        check_golden_report(Kind::Cq, "cq-thanh-pho");
    }

    #[test]
    fn golden_whole_printed_text_of_a_town_party_committee_report() {
        check_golden_report(Kind::Dang, "dang-thi-tran");
    }

    #[test]
    fn the_golden_reports_with_every_sentence_replaced_print_the_replacements_and_a_changed_figure_raises_w07() {
        for kind in Kind::ALL {
            let mut r = golden_report(kind);
            let t = Template::builtin(kind);
            let all = crate::print::sentences(t, &r, &evaluate(t, &r));
            assert!(all.len() > 4, "{kind:?}: trích yếu, opening, closing and figure lines are replaceable");
            for (i, s) in all.iter().enumerate() {
                take_over(&mut r, &s.id, &format!("Câu viết tay số {i}."));
            }
            let text = plain_text(&doc(&r));
            for i in 0..all.len() {
                assert_eq!(
                    text.matches(&format!("Câu viết tay số {i}.")).count(),
                    1,
                    "{kind:?}: replacement {i} printed once"
                );
            }
            assert!(crate::print::stale_sentences(t, &r, &evaluate(t, &r)).is_empty(), "{kind:?}: nothing stale yet");
            // A figure a replaced figure line was written against changes.
            let key = all
                .iter()
                .find_map(|s| match &s.id {
                    SentenceId::Figure { line, .. } if matches!(r.values.get(line), Some(Value::Int(_))) => {
                        Some(line.clone())
                    }
                    _ => None,
                })
                .expect("a figure line of an entered value");
            let bumped = match r.values[&key] {
                Value::Int(n) => Value::Int(n + 1),
                ref other => panic!("{key} is a count, not {other:?}"),
            };
            r.values.insert(key.clone(), bumped);
            let stale = crate::print::stale_sentences(t, &r, &evaluate(t, &r));
            assert!(stale.iter().any(|i| i.rule == "W07"), "{kind:?}: changing {key} raises W07");
        }
    }
}

/// The editor shows the general sentences before the first evaluation:
/// they must be exactly the first of the sentences the evaluation gives.
#[test]
fn general_sentences_are_the_first_sentences_and_need_no_evaluation() {
    for kind in [Kind::Cq, Kind::Dang] {
        let report = full_report(kind);
        let template = Template::for_report(&report);
        let general = general_sentences(&report);
        let all = sentences(template, &report, &evaluate(template, &report));
        assert_eq!(general.len(), 3);
        assert_eq!(&all[..3], &general[..], "{kind:?}");
        assert!(all.len() > 3, "{kind:?}: figure lines follow");
    }
}
