//! Generated heading numbers, node titles and completion.

mod common;
use bao_cao_dan_van::engine::{node_title, numbering, printed_nodes};
use bao_cao_dan_van::fixtures::full_report;
use bao_cao_dan_van::model::{Kind, PeriodType};
use bao_cao_dan_van::template::Template;
use common::*;

fn numbers_of(kind: Kind, r: &bao_cao_dan_van::model::Report) -> Vec<(String, String)> {
    numbering(Template::builtin(kind), r)
}

fn lookup<'a>(n: &'a [(String, String)], id: &str) -> Option<&'a str> {
    n.iter().find(|(i, _)| i == id).map(|(_, s)| s.as_str())
}

#[test]
fn numbering_of_an_empty_cq_report_skips_optional_nodes_without_gaps() {
    let r = blank(Kind::Cq, PeriodType::H1, 2025);
    let n = numbers_of(Kind::Cq, &r);
    let tops: Vec<&str> = n
        .iter()
        .filter(|(_, s)| s.ends_with('.') && s.chars().all(|c| "IVXLC.".contains(c)))
        .map(|(_, s)| s.as_str())
        .collect();
    assert_eq!(tops, ["I.", "II.", "III.", "IV.", "V.", "VI."], "N24 (optional, empty) leaves no VII.");
    assert_eq!(lookup(&n, "N01"), Some("I."));
    assert_eq!(lookup(&n, "N03a"), Some("1."));
    assert_eq!(lookup(&n, "N03b"), Some("2."));
    assert_eq!(lookup(&n, "G_CQ_KET_QUA"), Some("IV."));
    // IV.1 (KT-XH: all optional, empty) is skipped, so tiếp dân becomes 1.
    assert_eq!(lookup(&n, "G_CQ_KTXH"), None);
    assert_eq!(lookup(&n, "N06"), None);
    assert_eq!(lookup(&n, "G_CQ_TIEP_DAN"), Some("1."));
    assert_eq!(lookup(&n, "N07"), Some("a)"));
    assert_eq!(lookup(&n, "N08"), Some("b)"));
    assert_eq!(lookup(&n, "N09"), Some("c)"));
    assert_eq!(lookup(&n, "N10"), None);
    assert_eq!(lookup(&n, "N12"), Some("2."));
    assert_eq!(lookup(&n, "G_CQ_MO_HINH"), Some("3."));
    assert_eq!(lookup(&n, "N22"), Some("V."));
    assert_eq!(lookup(&n, "N22a"), Some("1."));
    assert_eq!(lookup(&n, "N22b"), Some("2."));
    assert_eq!(lookup(&n, "N22b1"), Some("a)"));
    assert_eq!(lookup(&n, "N22b2"), Some("b)"));
    assert_eq!(lookup(&n, "N22c"), None, "bài học is annual only");
    assert_eq!(lookup(&n, "N23"), Some("VI."));
    assert_eq!(lookup(&n, "PL1"), Some("Phụ lục I"));
}

#[test]
fn numbering_closes_up_when_an_optional_node_gets_content() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    text(&mut r, "N04.dich_benh", "Tuyên truyền phòng, chống sốt xuất huyết.");
    text(&mut r, "N24.text", "Đề nghị hỗ trợ kinh phí.");
    let n = numbers_of(Kind::Cq, &r);
    assert_eq!(lookup(&n, "G_CQ_KTXH"), Some("1."));
    assert_eq!(lookup(&n, "N04c"), Some("a)"), "the only printed child of IV.1");
    assert_eq!(lookup(&n, "N04"), None);
    assert_eq!(lookup(&n, "G_CQ_TIEP_DAN"), Some("2."));
    assert_eq!(lookup(&n, "N24"), Some("VII."));
}

#[test]
fn dang_numbering_uses_hyphenated_roman_numbers_and_optional_appendix() {
    let r = blank(Kind::Dang, PeriodType::Q3, 2025);
    let n = numbers_of(Kind::Dang, &r);
    assert_eq!(lookup(&n, "N01"), Some("I-"));
    assert_eq!(lookup(&n, "G_KET_QUA"), Some("II-"));
    assert_eq!(lookup(&n, "N02"), Some("1."));
    assert_eq!(lookup(&n, "G_DVCQ_LLVT"), Some("2."));
    assert_eq!(lookup(&n, "N07"), Some("a)"));
    assert_eq!(lookup(&n, "N08"), Some("b)"));
    assert_eq!(lookup(&n, "N09"), Some("c)"));
    assert_eq!(lookup(&n, "N12"), Some("d)"));
    assert_eq!(lookup(&n, "G_MTTQ_DOAN_THE"), Some("3."), "holds the required N16");
    assert_eq!(lookup(&n, "N16"), Some("a)"));
    assert_eq!(lookup(&n, "N20"), Some("4."), "N19 (optional, empty) skipped");
    assert_eq!(lookup(&n, "N22"), Some("III-"));
    assert_eq!(lookup(&n, "N23"), Some("IV-"));
    assert_eq!(lookup(&n, "N24"), None);
    assert_eq!(lookup(&n, "PL1"), None, "optional in DANG");
    let full = full_report(Kind::Dang);
    let n = numbers_of(Kind::Dang, &full);
    assert_eq!(lookup(&n, "N24"), Some("V-"));
    assert_eq!(lookup(&n, "PL1"), Some("Phụ lục I"));
}

#[test]
fn numbers_never_repeat_or_skip_among_siblings() {
    for kind in Kind::ALL {
        for r in [blank(kind, PeriodType::Q1, 2025), full_report(kind)] {
            let t = Template::builtin(kind);
            let n = numbering(t, &r);
            let printed = printed_nodes(t, &r);
            assert_eq!(n.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>(), printed);
            fn check(nodes: &[bao_cao_dan_van::template::Node], level: u8, kind: Kind, n: &[(String, String)]) {
                let mut k = 0;
                for node in nodes {
                    if let Some((_, s)) = n.iter().find(|(i, _)| *i == node.id) {
                        if node.appendix {
                            continue;
                        }
                        k += 1;
                        assert_eq!(s, &bao_cao_dan_van::engine::heading_number(kind, level, k));
                        check(&node.children, level + 1, kind, n);
                    }
                }
            }
            check(&t.nodes, 1, kind, &n);
        }
    }
}

#[test]
fn titles_fill_in_the_following_period() {
    let r = blank(Kind::Dang, PeriodType::Q3, 2025);
    let t = Template::builtin(Kind::Dang);
    assert_eq!(node_title(t.node("N23").unwrap(), &r), "CHƯƠNG TRÌNH CÔNG TÁC DÂN VẬN QUÝ IV NĂM 2025");
    let c = blank(Kind::Cq, PeriodType::H1, 2025);
    let t = Template::builtin(Kind::Cq);
    assert_eq!(node_title(t.node("N23").unwrap(), &c), "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025");
    assert_eq!(node_title(t.node("N07").unwrap(), &c), "Tiếp công dân, đối thoại");
}

#[test]
fn progress_counts_required_items_and_names_the_next_missing_one() {
    let mut r = blank(Kind::Cq, PeriodType::H1, 2025);
    let e = eval(&r);
    assert_eq!(e.progress.next_missing.as_deref(), Some("N01.text"));
    assert_eq!(e.progress.done, 0);
    let before = e.progress.total;
    text(&mut r, "N01.text", "Tình hình ổn định.");
    set(&mut r, &[("tcd_thuong_xuyen_luot", 0)]);
    let e = eval(&r);
    assert_eq!(e.progress.done, 2, "0 is filled, not blank");
    assert_eq!(e.progress.total, before);
    assert_eq!(e.progress.next_missing.as_deref(), Some("N02.text"));
    let n01 = e.progress.node("N01").unwrap();
    assert_eq!((n01.done, n01.total, n01.printed), (1, 1, true));
    // Starting an optional node makes its required items count.
    set(&mut r, &[("hoi_quan_so", 3)]);
    let e = eval(&r);
    assert_eq!(e.progress.node("N17").unwrap().missing, ["to_ndtq"]);
    assert_eq!(e.progress.total, before + 1);
    // An N15 block with figures needs its text.
    set(&mut r, &[("hv_ket_nap_moi.HOI_LHPN", 12)]);
    assert_eq!(eval(&r).progress.node("N15").unwrap().missing, ["N15.HOI_LHPN"]);
}

#[test]
fn annual_only_bai_hoc_is_not_asked_in_other_periods() {
    let t = Template::builtin(Kind::Dang);
    let n22 = t.node("N22").unwrap();
    let bai_hoc = n22.narratives.iter().find(|n| n.field == "bai_hoc").unwrap();
    assert_eq!(bai_hoc.periods, [PeriodType::Y]);
    assert!(!Template::builtin(Kind::Cq).node("N22c").unwrap().applies_to(PeriodType::H1));
}
