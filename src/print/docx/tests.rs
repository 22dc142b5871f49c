//! The .docx renderer: golden parts (reviewed by reading them; rewrite with
//! `UPDATE_GOLDEN=1 cargo test docx`), well-formed XML, a valid archive,
//! and hostile text shown literally.

use super::*;
use crate::fixtures::full_report;
use crate::model::{Footnote, Kind, Report};
use crate::print::{blank_outline, build_report};
use crate::template::Template;
use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/docx")
}

/// One element per line, so a golden file reads (and diffs) like a document.
/// Only tag starts are split: text never holds a raw `<`, it is escaped.
fn pretty(xml: &str) -> String {
    let mut out = xml.to_string();
    for tag in [
        "<w:p>",
        "<w:tbl>",
        "<w:tr>",
        "<w:tc>",
        "<w:footnote ",
        "<w:style ",
        "<w:sectPr>",
        "<w:docDefaults>",
        "</w:body>",
    ] {
        out = out.replace(tag, &format!("\n{tag}"));
    }
    out.push('\n');
    out
}

fn check_golden(case: &str, part: &str, xml: &str) {
    let path = golden_dir().join(case).join(format!("{part}.xml"));
    let text = pretty(xml);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("create golden dir");
        std::fs::write(&path, &text).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run UPDATE_GOLDEN=1 cargo test docx and review it", path.display()));
    assert!(
        want == text,
        "{} differs from the golden file; run UPDATE_GOLDEN=1 cargo test docx and review the diff",
        path.display()
    );
}

/// The full fixture with references to its two footnotes (the fixture has
/// the notes but no `[^id]` in its texts): at the end of the first line of
/// N01 and of N02. The e2e spec 12-docx adds the same two.
fn full(kind: Kind) -> Report {
    let mut r = full_report(kind);
    for (key, id) in [("N01.text", "kh"), ("N02.text", "qd")] {
        if let Some(t) = r.texts.get_mut(key) {
            *t = if t.contains('\n') { t.replacen('\n', &format!("[^{id}]\n"), 1) } else { format!("{t}[^{id}]") };
        }
    }
    r
}

fn cases() -> Vec<(&'static str, Document)> {
    let cq = full(Kind::Cq);
    vec![
        ("cq", build_report(&cq)),
        ("dang", build_report(&full(Kind::Dang))),
        ("blank-cq", blank_outline(Template::builtin(Kind::Cq), &cq)),
    ]
}

fn all_parts(p: &Parts) -> [(&'static str, &str); 6] {
    [
        ("document", p.document.as_str()),
        ("styles", p.styles.as_str()),
        ("settings", p.settings.as_str()),
        ("footnotes", p.footnotes.as_str()),
        ("header1", p.header_page.as_str()),
        ("header2", p.header_empty.as_str()),
    ]
}

#[test]
fn parts_of_both_kinds_and_the_empty_outline_equal_the_reviewed_golden_files() {
    for (case, doc) in cases() {
        let p = parts(&doc);
        for (name, xml) in all_parts(&p) {
            if name != "settings" {
                check_golden(case, name, xml);
            }
        }
    }
}

#[test]
fn every_part_is_well_formed_xml() {
    for (case, doc) in cases().into_iter().chain([("hostile", build_report(&hostile_report()))]) {
        let p = parts(&doc);
        for (name, xml) in all_parts(&p).into_iter().chain([
            ("content types", CONTENT_TYPES),
            ("package rels", PACKAGE_RELS),
            ("document rels", DOCUMENT_RELS),
        ]) {
            if let Err(e) = roxmltree::Document::parse(xml) {
                panic!("{case} {name}: {e}");
            }
        }
    }
}

/// `w:t` texts of a part, in document order, joined.
fn text_of(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    doc.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn body_has_every_heading_number_as_text_and_no_list_numbering() {
    let doc = build_report(&full(Kind::Cq));
    let p = parts(&doc);
    assert!(!p.document.contains("<w:numPr>"), "no Word list numbering");
    let text = text_of(&p.document);
    for b in &doc.body {
        if let Block::Heading { number, title, .. } = b {
            assert!(text.contains(&format!("{number} {title}")), "heading {number} {title}");
        }
    }
    assert!(text.contains(&doc.closing.plain()));
    assert!(text.contains(&doc.signing.name));
}

#[test]
fn footnotes_are_real_word_footnotes_numbered_like_the_model() {
    let cq = build_report(&full(Kind::Cq));
    assert!(!cq.footnotes.is_empty(), "the fixture has notes");
    let p = parts(&cq);
    assert_eq!(p.document.matches("<w:footnoteReference ").count(), cq.footnotes.len());
    // CQ: Word's own numbering, which follows reference order like the model.
    assert_eq!(p.footnotes.matches("<w:footnoteRef/>").count(), cq.footnotes.len());
    for n in &cq.footnotes {
        assert!(text_of(&p.footnotes).contains(&n.text), "note {}", n.marker);
        assert!(!text_of(&p.document).contains(&n.text), "note {} is not in the body text", n.marker);
    }
    // DANG: "(1)": Word's number between superscript brackets, in the body and in the note.
    let dang = build_report(&full(Kind::Dang));
    let p = parts(&dang);
    let reference = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t xml:space=\"preserve\">(</w:t>\
    </w:r>\
                     <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>\
                     <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t xml:space=\"preserve\">)</w:t>\
                     </w:r>";
    assert!(p.document.contains(reference));
    assert!(p.footnotes.contains(&reference.replace("<w:footnoteReference w:id=\"1\"/>", "<w:footnoteRef/>")));
    assert!(text_of(&p.footnotes).starts_with(&format!("() {}", dang.footnotes[0].text)), "Word fills in the number");
    assert!(p.settings.contains("<w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/>"), "separators declared");
}

#[test]
fn a_second_reference_to_a_note_repeats_its_marker_without_a_second_footnote() {
    let mut r = full(Kind::Cq);
    let key = r.texts.keys().next().cloned().expect("a narrative");
    r.texts.insert(key, "Lần một[^kh] và lần hai[^kh].".into());
    let doc = build_report(&r);
    let p = parts(&doc);
    let id1 = p.document.matches("<w:footnoteReference w:id=\"1\"/>").count();
    assert_eq!(id1, 1, "one footnote for note 1");
    assert!(p.document.contains("<w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t xml:space=\"preserve\">1</w:t>"));
}

#[test]
fn page_numbers_from_page_two_and_phu_luc_in_a_landscape_section() {
    let doc = build_report(&full(Kind::Cq));
    assert!(doc.appendix.is_some());
    let p = parts(&doc);
    let body_sect = "<w:headerReference w:type=\"default\" r:id=\"rIdHeaderPage\"/>\
    <w:headerReference w:type=\"first\" r:id=\"rIdHeaderEmpty\"/>";
    assert!(p.document.contains(body_sect) && p.document.contains("<w:titlePg/>"), "no number on page 1");
    assert!(p.header_page.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(!p.header_empty.contains("PAGE"));
    assert!(p.document.ends_with(
        "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>\
        <w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" \
         w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    ));
    // Two sections: the break sits in a paragraph before Phụ lục I.
    assert_eq!(p.document.matches("<w:sectPr>").count(), 2);
    let appendix = &p.document[p.document.find("<w:sectPr>").expect("a section break")..];
    // Repeated header rows: T1 has two, T2 and T3 one each; no row splits.
    assert_eq!(appendix.matches("<w:tblHeader/>").count(), 4);
    assert_eq!(appendix.matches("<w:tr>").count(), appendix.matches("<w:cantSplit/>").count());
}

#[test]
fn the_empty_outline_has_guidance_dotted_lines_and_blank_tables() {
    let cq = full(Kind::Cq);
    let doc = blank_outline(Template::builtin(Kind::Cq), &cq);
    let p = parts(&doc);
    assert!(p.document.contains("<w:pStyle w:val=\"Guidance\"/>"));
    assert!(p.document.contains("<w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9355\"/>"), "lines to write on");
    assert_eq!(p.footnotes.matches("<w:footnote ").count(), 2, "only the separators");
    assert!(text_of(&p.document).contains(&doc.header.number));
}

fn hostile_report() -> Report {
    let mut r = full(Kind::Cq);
    let long = "Dòng rất dài ".repeat(770); // ≈ 10 000 characters, no line break.
    let hostile = format!(
        "Mở <w:p>thẻ</w:p> & ]]> \"ngoặc\" <script>alert(1)</script>\u{0}\u{1b}\u{c}\u{fffe}\u{ffff} hết.[^x]\n{long}"
    );
    for t in r.texts.values_mut() {
        *t = hostile.clone();
    }
    r.footnotes = vec![Footnote { id: "x".into(), text: "Chú thích <w:t>&amp; ]]>\u{7}".into() }];
    r.signature.ho_ten = "Tên <b>&</b>".into();
    r.recipients.push("Nơi <w:br/> nhận".into());
    r
}

#[test]
fn hostile_text_is_shown_literally_and_forbidden_characters_are_dropped() {
    let doc = build_report(&hostile_report());
    let p = parts(&doc);
    let text = text_of(&p.document);
    assert!(text.contains("Mở <w:p>thẻ</w:p> & ]]> \"ngoặc\" <script>alert(1)</script> hết."), "literal markup");
    assert!(text.contains(&"Dòng rất dài ".repeat(770).trim_end().to_string()), "the 10 000-character line is whole");
    assert!(text.contains("Tên <b>&</b>") && text.contains("Nơi <w:br/> nhận"));
    assert!(text_of(&p.footnotes).contains("Chú thích <w:t>&amp; ]]>"));
    for bad in ['\u{0}', '\u{1b}', '\u{c}', '\u{7}', '\u{fffe}', '\u{ffff}'] {
        assert!(!p.document.contains(bad) && !p.footnotes.contains(bad), "U+{:04X} dropped", bad as u32);
    }
    // The markup is text: no element was injected.
    assert!(!p.document.contains("<w:p>thẻ") && !p.document.contains("<script>"));
}

#[test]
fn the_archive_passes_unzip_test_and_holds_the_parts_byte_for_byte() {
    let doc = build_report(&hostile_report());
    let bytes = docx(&doc);
    let dir = std::env::temp_dir().join(format!("bcdv-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("report.docx");
    std::fs::write(&file, &bytes).expect("write docx");
    let test = std::process::Command::new("unzip").arg("-t").arg(&file).output();
    let Ok(test) = test else {
        println!("note: `unzip` is not installed; the archive was not checked with it");
        return;
    };
    let log = String::from_utf8_lossy(&test.stdout);
    assert!(test.status.success(), "unzip -t: {log}");
    assert!(log.contains("No errors detected"), "{log}");
    let out =
        std::process::Command::new("unzip").arg("-p").arg(&file).arg("word/document.xml").output().expect("unzip -p");
    assert_eq!(String::from_utf8_lossy(&out.stdout), parts(&doc).document);
    let list = std::process::Command::new("unzip").arg("-Z1").arg(&file).output().expect("unzip -Z1");
    assert_eq!(
        String::from_utf8_lossy(&list.stdout).lines().collect::<Vec<_>>(),
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/footnotes.xml",
            "word/header1.xml",
            "word/header2.xml"
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_same_report_gives_the_same_bytes_and_the_pdf_name_with_docx() {
    let doc = build_report(&full(Kind::Dang));
    assert_eq!(docx(&doc), docx(&doc));
    assert_eq!(file_name(&doc), format!("{}.docx", doc.file_name));
    assert_eq!(file_name(&doc), "BCDV_P1-SADEC_2025Y_DANG.docx");
}

#[test]
fn note_markers_split_around_their_number() {
    assert_eq!(around_number("(12)"), ("(", ")"));
    assert_eq!(around_number("3"), ("", ""));
}

#[test]
fn rules_under_the_motto_and_party_name_are_about_as_long_as_the_text() {
    // Measured in LibreOffice's PDF (Liberation Serif Bold, metric-compatible
    // with Times New Roman Bold): the Tiêu ngữ at 14 pt is 171 pt wide, the
    // party name at 15 pt 206,5 pt. The estimate is within 2 %.
    let w = bold_text_width("Độc lập - Tự do - Hạnh phúc", 28);
    assert!((3360..=3490).contains(&w), "{w} twips, want ≈ 3420");
    let w = bold_text_width("ĐẢNG CỘNG SẢN VIỆT NAM", 30);
    assert!((4050..=4210).contains(&w), "{w} twips, want ≈ 4130");
}
