//! "Tải bản Word": the printed [`Document`] as an editable .docx
//! (WordprocessingML in a ZIP), made in the browser with no dependency.
//!
//! This is the second renderer of the one document model; the first is the
//! HTML of `ui::print` with `style/print.css`. Every size, weight and spacing
//! here is the one that stylesheet gives the same element (SPEC §3, §4), and
//! every layout decision comes from the model: one function per block kind,
//! nothing looked up by text. What Word does better than a browser is used:
//! footnotes are real footnotes at the foot of each page (the HTML prints them
//! before the signature block), and page numbers are a PAGE field from page 2.
//! The font is Times New Roman (the office standard; LibreOffice substitutes
//! the metric-compatible Liberation Serif); the screen keeps the bundled Tinos.

mod xml;
mod zip;

#[cfg(test)]
mod tests;

use super::{AppendixPage, Block, Document, Header, HeaderLine, HeaderRole, Paragraph, Signing, Span};
use crate::engine::{Appendix, SimpleTable};
use crate::model::Kind;
use xml::run;

/// MIME type of a .docx file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The download name: the PDF's name with `.docx`.
pub fn file_name(doc: &Document) -> String {
    format!("{}.docx", doc.file_name)
}

/// The XML parts that carry the layout (the package parts around them are fixed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    /// `word/document.xml`.
    pub document: String,
    /// `word/styles.xml`.
    pub styles: String,
    /// `word/settings.xml`.
    pub settings: String,
    /// `word/footnotes.xml`.
    pub footnotes: String,
    /// `word/header1.xml`: the page number, from page 2 of the body.
    pub header_page: String,
    /// `word/header2.xml`: empty, for page 1 and for Phụ lục I.
    pub header_empty: String,
}

/// The .docx file of a printed document.
pub fn docx(doc: &Document) -> Vec<u8> {
    let p = parts(doc);
    zip::stored(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", p.document.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/styles.xml", p.styles.as_bytes()),
        ("word/settings.xml", p.settings.as_bytes()),
        ("word/footnotes.xml", p.footnotes.as_bytes()),
        ("word/header1.xml", p.header_page.as_bytes()),
        ("word/header2.xml", p.header_empty.as_bytes()),
    ])
}

/// Every layout part of a printed document.
pub fn parts(doc: &Document) -> Parts {
    let look = Look::of(doc.kind);
    let mut w = Writer { doc, look, out: String::with_capacity(64 * 1024), notes: String::new(), noted: Vec::new() };
    w.document();
    Parts {
        document: w.out,
        styles: styles(&look),
        settings: SETTINGS.to_string(),
        footnotes: format!("{FOOTNOTES_HEAD}{}</w:footnotes>", w.notes),
        header_page: header_page(),
        header_empty: format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}>{}</w:hdr>",
            EMPTY_HEADER_P
        ),
    }
}

// ---- Page geometry (twips: 1/20 pt; 1 mm ≈ 56,7 twips) --------------------

/// A4 portrait, 210 × 297 mm.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// Margins (SPEC §4.1 defaults): top and bottom 20 mm, left 30 mm, right 15 mm.
/// (print.css gives 30,2 / 15,2 mm so that Chromium's rounding never puts text
/// inside the minimum; Word places text exactly.)
const MARGIN_TOP: u32 = 1134;
const MARGIN_BOTTOM: u32 = 1134;
const MARGIN_LEFT: u32 = 1701;
const MARGIN_RIGHT: u32 = 850;
/// The page number sits 10 mm from the top edge, centred in the top margin.
const HEADER_DIST: u32 = 567;
/// Text width of a portrait page (164,9 mm) and of a landscape one.
const TEXT_W: u32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
const TEXT_W_LANDSCAPE: u32 = PAGE_H - MARGIN_LEFT - MARGIN_RIGHT;
/// First-line indent of body paragraphs, 1,27 cm.
const INDENT: u32 = 720;

/// Millimetres to twips.
fn mm(v: f64) -> u32 {
    (v * 1440.0 / 25.4).round() as u32
}

/// Share `percent` of `width`.
fn share(width: u32, percent: u32) -> u32 {
    width * percent / 100
}

/// Sizes and weights that differ between the kinds (print.css `.doc-cq` /
/// `.doc-dang`), in half-points as Word counts font sizes.
#[derive(Clone, Copy, Debug)]
struct Look {
    kind: Kind,
    /// Left header column, % of the text width (CQ 40, DANG 48).
    header_left: u32,
    upper_body: u32,
    issuer: u32,
    national: u32,
    motto: u32,
    party: u32,
    number: u32,
    date: u32,
    doc_type: u32,
    recipients_label: u32,
    recipient: u32,
    page_number: u32,
}

impl Look {
    fn of(kind: Kind) -> Look {
        match kind {
            Kind::Cq => Look {
                kind,
                header_left: 40,
                upper_body: 26,
                issuer: 26,
                national: 25,
                motto: 28,
                party: 30,
                number: 26,
                date: 28,
                doc_type: 28,
                recipients_label: 24,
                recipient: 22,
                page_number: 26,
            },
            Kind::Dang => Look {
                kind,
                header_left: 48,
                upper_body: 28,
                issuer: 28,
                national: 28,
                motto: 28,
                party: 30,
                number: 28,
                date: 28,
                doc_type: 32,
                recipients_label: 28,
                recipient: 24,
                page_number: 28,
            },
        }
    }
}

// ---- Run and paragraph properties ---------------------------------------

/// Character formatting of a run; `size` 0 keeps the style's size.
#[derive(Clone, Copy, Debug, Default)]
struct Font {
    size: u32,
    bold: bool,
    italic: bool,
    caps: bool,
    underline: bool,
    superscript: bool,
}

impl Font {
    fn sized(size: u32) -> Font {
        Font { size, ..Font::default() }
    }
    fn bold(self) -> Font {
        Font { bold: true, ..self }
    }
    fn italic(self) -> Font {
        Font { italic: true, ..self }
    }

    /// `<w:rPr>` content, in the schema's element order.
    fn xml(self) -> String {
        let mut s = String::new();
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            s.push_str("<w:i/><w:iCs/>");
        }
        if self.caps {
            s.push_str("<w:caps/>");
        }
        if self.size > 0 {
            s.push_str(&format!("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", self.size));
        }
        if self.underline {
            s.push_str("<w:u w:val=\"single\"/>");
        }
        if self.superscript {
            s.push_str("<w:vertAlign w:val=\"superscript\"/>");
        }
        s
    }
}

/// Line spacing: an exact height in twips. CSS `line-height: 1.3` is 1,3 ×
/// the font size, while Word's "multiple" scales the font's own line gap
/// (≈ 1,15 em for Times New Roman); exact heights keep the lines, and so the
/// page breaks, where the HTML print puts them.
#[derive(Clone, Copy, Debug)]
enum Line {
    Exact(u32),
}

/// CSS `line-height: {percent}%` at `size` half-points, in twips.
fn css_line(size: u32, percent: u32) -> Option<Line> {
    Some(Line::Exact(size * percent / 10))
}

/// Paragraph formatting; only what is set is written.
#[derive(Clone, Copy, Debug, Default)]
struct Para {
    style: Option<&'static str>,
    keep_next: bool,
    /// A solid rule along the top edge (the short rules of the header).
    rule_top: bool,
    /// A right tab with a dot leader at this position (lines to write on).
    dot_tab: Option<u32>,
    before: Option<u32>,
    after: Option<u32>,
    line: Option<Line>,
    left: u32,
    right: u32,
    first_line: u32,
    jc: Option<&'static str>,
    /// Size of the paragraph mark (for empty rule paragraphs).
    mark: u32,
}

impl Para {
    fn style(style: &'static str) -> Para {
        Para { style: Some(style), ..Para::default() }
    }
    fn center() -> Para {
        Para { jc: Some("center"), ..Para::default() }
    }

    /// `<w:pPr>…</w:pPr>`, in the schema's element order.
    fn xml(&self) -> String {
        let mut s = String::from("<w:pPr>");
        if let Some(st) = self.style {
            s.push_str(&format!("<w:pStyle w:val=\"{st}\"/>"));
        }
        if self.keep_next {
            s.push_str("<w:keepNext/>");
        }
        if self.rule_top {
            s.push_str("<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>");
        }
        if let Some(pos) = self.dot_tab {
            s.push_str(&format!("<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{pos}\"/></w:tabs>"));
        }
        if self.before.is_some() || self.after.is_some() || self.line.is_some() {
            s.push_str("<w:spacing");
            if let Some(b) = self.before {
                s.push_str(&format!(" w:before=\"{b}\""));
            }
            if let Some(a) = self.after {
                s.push_str(&format!(" w:after=\"{a}\""));
            }
            match self.line {
                Some(Line::Exact(l)) => s.push_str(&format!(" w:line=\"{l}\" w:lineRule=\"exact\"")),
                None => {}
            }
            s.push_str("/>");
        }
        if self.left > 0 || self.right > 0 || self.first_line > 0 {
            s.push_str(&format!(
                "<w:ind w:left=\"{}\" w:right=\"{}\" w:firstLine=\"{}\"/>",
                self.left, self.right, self.first_line
            ));
        }
        if let Some(jc) = self.jc {
            s.push_str(&format!("<w:jc w:val=\"{jc}\"/>"));
        }
        if self.mark > 0 {
            s.push_str(&format!("<w:rPr><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/></w:rPr>", self.mark));
        }
        s.push_str("</w:pPr>");
        s
    }
}

/// Approximate advance width of `text` in Times New Roman Bold at `size`
/// half-points, in twips: for the rules "as long as the text" under the
/// Tiêu ngữ and the party name (CSS draws them under the text box). Per-class
/// widths in 1/1000 em, from the font's metrics; within a few per cent.
fn bold_text_width(text: &str, size: u32) -> u32 {
    let em: u32 = text
        .chars()
        .map(|c| match c {
            ' ' => 250,
            '-' | '–' => 333,
            'I' | 'J' => 389,
            'M' => 944,
            'W' => 1000,
            c if c.is_uppercase() => 722,
            'i' | 'í' | 'ì' | 'ỉ' | 'ĩ' | 'ị' | 'l' | 'j' => 278,
            'f' | 't' | 'r' => 350,
            'm' => 833,
            'w' => 722,
            c if c.is_alphanumeric() => 530,
            _ => 333,
        })
        .sum();
    // size/2 pt × 20 twips per pt × em/1000.
    em * size * 10 / 1000
}

// ---- The document ---------------------------------------------------------

struct Writer<'a> {
    doc: &'a Document,
    look: Look,
    out: String,
    /// `<w:footnote>` elements written so far.
    notes: String,
    /// Markers already given a footnote: a second reference to the same note
    /// is a plain superscript marker, as Word has one reference per footnote.
    noted: Vec<String>,
}

impl Writer<'_> {
    fn p(&mut self, para: &Para, runs: &str) {
        self.out.push_str("<w:p>");
        self.out.push_str(&para.xml());
        self.out.push_str(runs);
        self.out.push_str("</w:p>");
    }

    /// A paragraph of one run.
    fn p_text(&mut self, para: &Para, font: Font, text: &str) {
        let mut r = String::new();
        run(&mut r, &font.xml(), text);
        self.p(para, &r);
    }

    /// An empty paragraph whose top border is a rule `width` wide, centred in `avail`.
    fn rule(&mut self, width: u32, avail: u32, before: u32, after: u32) {
        let side = avail.saturating_sub(width.min(avail)) / 2;
        let para = Para {
            rule_top: true,
            before: Some(before),
            after: Some(after),
            line: Some(Line::Exact(60)),
            left: side,
            right: side,
            mark: 2,
            ..Para::default()
        };
        self.p(&para, "");
    }

    fn document(&mut self) {
        let doc = self.doc;
        self.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        self.out.push_str(&format!("<w:document {NS}><w:body>"));
        // LibreOffice pushes a table that opens a document down by a line
        // (16 pt) when the page has a first-page header; a 1 pt paragraph
        // before it keeps the header block at the top margin, as in Word.
        self.p(&Para { after: Some(0), line: Some(Line::Exact(20)), mark: 2, ..Para::default() }, "");
        self.header(&doc.header);
        self.title();
        self.para(&doc.opening, false);
        for block in &doc.body {
            self.block(block);
        }
        // The closing sentence stays on the page of the signature block.
        self.para(&doc.closing, true);
        self.signing(&doc.signing);
        match &doc.appendix {
            Some(appendix) => {
                self.section_end(&body_section(), false);
                self.appendix(appendix);
                self.section_end(&appendix_section(), true);
            }
            None => self.section_end(&body_section(), true),
        }
        self.out.push_str("</w:body></w:document>");
    }

    /// Ends a section: a 1 pt paragraph carries a section break; the last
    /// section's properties close the body instead.
    fn section_end(&mut self, sect: &str, last: bool) {
        let tiny = Para { after: Some(0), line: Some(Line::Exact(20)), mark: 2, ..Para::default() };
        if last {
            self.p(&tiny, "");
            self.out.push_str(sect);
        } else {
            let ppr = tiny.xml();
            let ppr = ppr.replace("</w:pPr>", &format!("{sect}</w:pPr>"));
            self.out.push_str(&format!("<w:p>{ppr}</w:p>"));
        }
    }

    // ---- Header table (SPEC §4.2, §4.3) ----

    fn header_font(&self, role: HeaderRole) -> Font {
        let l = &self.look;
        match role {
            HeaderRole::UpperBody => Font::sized(l.upper_body),
            HeaderRole::Issuer => Font::sized(l.issuer).bold(),
            HeaderRole::Star => Font::sized(l.issuer),
            HeaderRole::NationalName => Font::sized(l.national).bold(),
            HeaderRole::Motto => Font::sized(l.motto).bold(),
            HeaderRole::PartyName => Font::sized(l.party).bold(),
        }
    }

    fn header_lines(&mut self, lines: &[HeaderLine], width: u32) {
        for l in lines {
            let font = self.header_font(l.role);
            self.p_text(&Para { line: css_line(font.size, 120), ..Para::center() }, font, &l.text);
            if l.rule_below {
                match l.role {
                    // A short rule, 30% of the column (print.css `.hl-issuer.rule-below::after`).
                    HeaderRole::Issuer | HeaderRole::UpperBody | HeaderRole::Star => {
                        self.rule(share(width, 30), width, 30, 0)
                    }
                    // As long as the text (Tiêu ngữ, party name).
                    HeaderRole::NationalName | HeaderRole::Motto | HeaderRole::PartyName => {
                        self.rule(bold_text_width(&l.text, font.size), width, 30, 0)
                    }
                }
            }
        }
    }

    fn header(&mut self, h: &Header) {
        let left = share(TEXT_W, self.look.header_left);
        let right = TEXT_W - left;
        self.table_start(&[left, right], false);
        self.out.push_str("<w:tr>");
        self.cell_start(left, None);
        self.header_lines(&h.left, left);
        self.out.push_str("</w:tc>");
        self.cell_start(right, None);
        self.header_lines(&h.right, right);
        self.out.push_str("</w:tc></w:tr><w:tr>");
        let second = |size| Para { before: Some(mm(3.0)), line: css_line(size, 120), ..Para::center() };
        let (number, date) = (Font::sized(self.look.number), Font::sized(self.look.date).italic());
        self.cell_start(left, None);
        self.p_text(&second(number.size), number, &h.number);
        self.out.push_str("</w:tc>");
        self.cell_start(right, None);
        self.p_text(&second(date.size), date, &h.date);
        self.out.push_str("</w:tc></w:tr></w:tbl>");
    }

    // ---- Title and trích yếu ----

    fn title(&mut self) {
        let doc = self.doc;
        let title =
            Para { before: Some(mm(6.0)), line: css_line(self.look.doc_type, 120), keep_next: true, ..Para::center() };
        self.p_text(&title, Font::sized(self.look.doc_type).bold(), &doc.title);
        let last_gap = mm(6.0);
        match doc.kind {
            Kind::Cq => {
                let ty = Para { before: Some(20), line: css_line(28, 120), keep_next: true, ..Para::center() };
                self.p_text(&ty, Font::sized(28).bold(), &doc.trich_yeu);
                // print.css `.doc-cq .trich-yeu::after`: 30% of the text width.
                self.rule(share(TEXT_W, 30), TEXT_W, 40, last_gap);
            }
            Kind::Dang => {
                let ty = Para { before: Some(20), line: css_line(28, 120), keep_next: true, ..Para::center() };
                self.p_text(&ty, Font::sized(28).bold(), &doc.trich_yeu);
                let dashes = Para { after: Some(last_gap), line: css_line(28, 120), ..Para::center() };
                self.p_text(&dashes, Font::sized(28), "-----");
            }
        }
    }

    // ---- Body blocks: one function per kind ----

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, number, title, .. } => self.heading(*level, number, title),
            Block::Para(p) => self.para(p, false),
            Block::Guidance(text) => self.guidance(text),
            Block::Label(text) => self.label(text),
            Block::Lines(n) => self.lines(*n),
            Block::Field { label, unit } => self.field(label, unit),
            Block::Table { header, rows } => self.list_table(header, rows),
        }
    }

    /// A list printed as a table (print.css `.list-table`): grid borders, a
    /// repeated header row, "STT" 8% of the width, the other columns sharing the rest.
    fn list_table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let n = header.len().max(1) as u32;
        let stt = share(TEXT_W, 8);
        let other = if n > 1 { (TEXT_W - stt) / (n - 1) } else { TEXT_W };
        let cols: Vec<u32> = (0..n).map(|i| if i == 0 && n > 1 { stt } else { other }).collect();
        self.table_start(&cols, true);
        let th = Cell { bold: true, centred: true, keep_next: false };
        self.row_start(true);
        for (c, w) in header.iter().zip(&cols) {
            self.grid_cell(*w, "<w:vAlign w:val=\"center\"/>", th, &[c]);
        }
        self.out.push_str("</w:tr>");
        for row in rows {
            self.row_start(false);
            for (i, (c, w)) in row.iter().zip(&cols).enumerate() {
                let cell = Cell { bold: false, centred: i == 0, keep_next: false };
                self.grid_cell(*w, "", cell, &[c]);
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
        // Word joins two tables with nothing between them; a small gap keeps them apart.
        self.p(&Para { after: Some(120), line: Some(Line::Exact(120)), ..Para::default() }, "");
    }

    /// The number is text, not Word list numbering: it was generated for
    /// this report and must not renumber itself when a leader edits.
    fn heading(&mut self, level: u8, number: &str, title: &str) {
        let style = match level {
            1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        self.p_text(&Para::style(style), Font::default(), &format!("{number} {title}"));
    }

    fn para(&mut self, p: &Paragraph, keep_next: bool) {
        let mut runs = String::new();
        for span in &p.spans {
            match span {
                Span::Text(t) => run(&mut runs, "", t),
                Span::RunIn(t) => run(&mut runs, "<w:i/><w:iCs/>", t),
                Span::NoteRef(marker) => self.note_ref(&mut runs, marker),
            }
        }
        self.p(&Para { keep_next, ..Para::style("BodyText") }, &runs);
    }

    /// A footnote marker: the first reference to a note makes the footnote.
    /// Word numbers footnotes itself (1, 2, … in reference order, which is
    /// the model's order), so a leader can add one in Word; brackets around
    /// the number ("(1)", ĐẢNG) are superscript text on both sides of it.
    /// (Custom marks would print the bracketed mark twice in LibreOffice.)
    fn note_ref(&mut self, runs: &mut String, marker: &str) {
        const REF: &str = "<w:rStyle w:val=\"FootnoteReference\"/>";
        let index = self.doc.footnotes.iter().position(|n| n.marker == marker);
        let Some(index) = index.filter(|_| !self.noted.iter().any(|m| m == marker)) else {
            run(runs, REF, marker);
            return;
        };
        self.noted.push(marker.to_string());
        let id = index + 1;
        let (before, after) = around_number(marker);
        let mark = |out: &mut String, element: &str| {
            if !before.is_empty() {
                run(out, REF, before);
            }
            out.push_str(&format!("<w:r><w:rPr>{REF}</w:rPr>{element}</w:r>"));
            if !after.is_empty() {
                run(out, REF, after);
            }
        };
        mark(runs, &format!("<w:footnoteReference w:id=\"{id}\"/>"));
        self.notes
            .push_str(&format!("<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"));
        mark(&mut self.notes, "<w:footnoteRef/>");
        run(&mut self.notes, "", &format!(" {}", self.doc.footnotes[index].text));
        self.notes.push_str("</w:p></w:footnote>");
    }

    fn guidance(&mut self, text: &str) {
        self.p_text(&Para::style("Guidance"), Font::default(), text);
    }

    fn label(&mut self, text: &str) {
        self.p_text(&Para::style("FillLabel"), Font::default(), text);
    }

    /// Lines to write on: 9 mm each, dotted (a dot-leader tab, as Word forms do).
    fn lines(&mut self, n: usize) {
        for i in 0..n {
            let para = Para {
                dot_tab: Some(TEXT_W),
                after: Some(if i + 1 == n { 120 } else { 0 }),
                line: Some(Line::Exact(mm(9.0))),
                ..Para::default()
            };
            self.p(&para, "<w:r><w:tab/></w:r>");
        }
    }

    /// "- {label}: ……… {unit}", the dots reaching the right margin.
    fn field(&mut self, label: &str, unit: &str) {
        let para = Para {
            dot_tab: Some(TEXT_W - INDENT),
            after: Some(60),
            line: css_line(28, 130),
            left: INDENT,
            ..Para::default()
        };
        let mut runs = String::new();
        run(&mut runs, "", &format!("- {label}: "));
        runs.push_str("<w:r><w:tab/></w:r>");
        if !unit.is_empty() {
            run(&mut runs, "", &format!(" {unit}"));
        }
        self.p(&para, &runs);
    }

    // ---- Nơi nhận and signature (SPEC §4.7) ----

    fn signing(&mut self, s: &Signing) {
        let left = share(TEXT_W, 45);
        let right = TEXT_W - left;
        let l = self.look;
        self.table_start(&[left, right], false);
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        self.cell_start(left, None);
        let gap = mm(4.0);
        let label_font = match l.kind {
            Kind::Cq => Font::sized(l.recipients_label).bold().italic(),
            Kind::Dang => Font { underline: true, ..Font::sized(l.recipients_label) },
        };
        let label =
            Para { before: Some(gap), after: Some(20), line: css_line(l.recipients_label, 115), ..Para::default() };
        self.p_text(&label, label_font, &s.recipients_label);
        let line = Para { line: css_line(l.recipient, 115), ..Para::default() };
        for r in &s.recipients {
            self.p_text(&line, Font::sized(l.recipient), r);
        }
        self.out.push_str("</w:tc>");
        self.cell_start(right, None);
        let first = Para { before: Some(gap), line: css_line(28, 120), ..Para::center() };
        let centred = Para { line: css_line(28, 120), ..Para::center() };
        self.p_text(&first, Font::sized(28).bold(), &s.authority);
        let position = match l.kind {
            Kind::Cq => Font::sized(28).bold(),
            Kind::Dang => Font::sized(28),
        };
        self.p_text(&centred, position, &s.position);
        self.p(&Para { line: Some(Line::Exact(mm(28.0))), ..Para::center() }, "");
        self.p_text(&centred, Font::sized(28).bold(), &s.name);
        self.out.push_str("</w:tc></w:tr></w:tbl>");
    }

    // ---- Tables ----

    /// `<w:tbl>` with fixed column widths; `grid` gives it 0,5 pt borders.
    /// (Word rejects a file whose properties are out of the schema's order.)
    fn table_start(&mut self, cols: &[u32], grid: bool) {
        let total: u32 = cols.iter().sum();
        self.out.push_str(&format!("<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>"));
        if grid {
            self.out.push_str("<w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                self.out.push_str(&format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"));
            }
            self.out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/>");
            // Cell padding 1,5 pt / 4 pt (print.css `.grid td`).
            self.out.push_str(
                "<w:tblCellMar><w:top w:w=\"30\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>\
                 <w:bottom w:w=\"30\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>",
            );
        } else {
            self.out.push_str(
                "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>\
                 <w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>\
                 <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/>\
                 <w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>",
            );
        }
        self.out.push_str("<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>");
        for c in cols {
            self.out.push_str(&format!("<w:gridCol w:w=\"{c}\"/>"));
        }
        self.out.push_str("</w:tblGrid>");
    }

    /// Opens `<w:tc>`; `extra` adds gridSpan / vMerge / vAlign (schema order).
    fn cell_start(&mut self, width: u32, extra: Option<&str>) {
        self.out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{}</w:tcPr>",
            extra.unwrap_or("")
        ));
    }

    /// One grid cell: one paragraph per line.
    fn grid_cell<S: AsRef<str>>(&mut self, width: u32, extra: &str, cell: Cell, lines: &[S]) {
        self.cell_start(width, Some(extra));
        let para = Para {
            line: css_line(24, 115),
            jc: Some(if cell.centred { "center" } else { "left" }),
            keep_next: cell.keep_next,
            ..Para::default()
        };
        let font = if cell.bold { Font::sized(24).bold() } else { Font::sized(24) };
        if lines.is_empty() {
            self.p(&para, "");
        }
        for l in lines {
            self.p_text(&para, font, l.as_ref());
        }
        self.out.push_str("</w:tc>");
    }

    fn row_start(&mut self, header: bool) {
        self.out.push_str(if header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
    }

    // ---- Phụ lục I (SPEC §3): landscape section ----

    fn appendix(&mut self, a: &AppendixPage) {
        let heading = Para { line: css_line(28, 120), keep_next: true, ..Para::center() };
        self.p_text(&heading, Font::sized(28).bold(), &a.label);
        self.p_text(&heading, Font { caps: true, ..Font::sized(28).bold() }, &a.title);
        let attached = Para { keep_next: true, ..heading };
        self.p_text(&attached, Font::sized(28).italic(), &a.attached_to);
        self.appendix_tables(&a.tables);
    }

    fn table_title(&mut self, text: &str) {
        let para = Para { line: css_line(26, 130), keep_next: true, ..Para::default() };
        self.p_text(&para, Font::sized(26).bold(), text);
    }

    fn appendix_tables(&mut self, a: &Appendix) {
        // Column 5 (Đánh giá chung) 40%, columns 1–4 share the rest (print.css `.grid`).
        let assess = share(TEXT_W_LANDSCAPE, 40);
        let num = (TEXT_W_LANDSCAPE - assess) / 4;
        let cols = [num, num, num, num, assess];
        let span4 = num * 4;
        let t1 = &a.t1;
        self.table_title(&t1.title);
        self.table_start(&cols, true);
        let th = Cell { bold: true, centred: true, keep_next: false };
        let col5 = t1.columns.get(4).map(String::as_str).unwrap_or("");
        self.row_start(true);
        self.grid_cell(span4, "<w:gridSpan w:val=\"4\"/><w:vAlign w:val=\"center\"/>", th, &[&t1.header_top]);
        self.grid_cell(assess, "<w:vMerge w:val=\"restart\"/><w:vAlign w:val=\"center\"/>", th, &[col5]);
        self.out.push_str("</w:tr>");
        self.row_start(true);
        for c in t1.columns.iter().take(4) {
            self.grid_cell(num, "<w:vAlign w:val=\"center\"/>", th, &[c]);
        }
        self.grid_cell(assess, "<w:vMerge/>", th, &NO_LINES);
        self.out.push_str("</w:tr>");
        let td = Cell { bold: false, centred: true, keep_next: false };
        let left = Cell { bold: false, centred: false, keep_next: false };
        for g in &t1.groups {
            self.row_start(false);
            let group = Cell { bold: true, centred: false, keep_next: true };
            self.grid_cell(TEXT_W_LANDSCAPE, "<w:gridSpan w:val=\"5\"/>", group, &[&g.title]);
            self.out.push_str("</w:tr>");
            let bullets: Vec<&str> = g.bullets.iter().map(String::as_str).collect();
            match &g.text_row {
                Some(text) => {
                    self.row_start(false);
                    self.grid_cell(span4, "<w:gridSpan w:val=\"4\"/><w:vAlign w:val=\"center\"/>", left, &[text]);
                    self.grid_cell(assess, "<w:vMerge w:val=\"restart\"/>", left, &bullets);
                    self.out.push_str("</w:tr>");
                    self.row_start(false);
                    for c in &g.cells {
                        self.grid_cell(num, "<w:vAlign w:val=\"center\"/>", td, &[c]);
                    }
                    self.grid_cell(assess, "<w:vMerge/>", left, &NO_LINES);
                    self.out.push_str("</w:tr>");
                }
                None => {
                    self.row_start(false);
                    for c in &g.cells {
                        self.grid_cell(num, "<w:vAlign w:val=\"center\"/>", td, &[c]);
                    }
                    self.grid_cell(assess, "", left, &bullets);
                    self.out.push_str("</w:tr>");
                }
            }
        }
        self.out.push_str("</w:tbl>");
        self.simple_table(&a.t2, &cols);
        self.simple_table(&a.t3, &cols);
    }

    /// T2 / T3: one header row, one data row.
    fn simple_table(&mut self, t: &SimpleTable, cols: &[u32; 5]) {
        self.table_title(&t.title);
        self.table_start(cols, true);
        let th = Cell { bold: true, centred: true, keep_next: false };
        self.row_start(true);
        for (c, w) in t.columns.iter().zip(cols) {
            self.grid_cell(*w, "<w:vAlign w:val=\"center\"/>", th, &[c]);
        }
        self.out.push_str("</w:tr>");
        self.row_start(false);
        let td = Cell { bold: false, centred: true, keep_next: false };
        for (c, w) in t.cells.iter().zip(cols) {
            self.grid_cell(*w, "<w:vAlign w:val=\"center\"/>", td, &[c]);
        }
        let bullets: Vec<&str> = t.bullets.iter().map(String::as_str).collect();
        self.grid_cell(cols[4], "", Cell { bold: false, centred: false, keep_next: false }, &bullets);
        self.out.push_str("</w:tr></w:tbl>");
    }
}

/// A note marker split around its number: "(1)" → ("(", ")"), "1" → ("", "").
fn around_number(marker: &str) -> (&str, &str) {
    let start = marker.find(|c: char| c.is_ascii_digit()).unwrap_or(marker.len());
    let end = marker.rfind(|c: char| c.is_ascii_digit()).map_or(start, |i| i + 1);
    (&marker[..start], &marker[end..])
}

/// A merged-away cell still holds one (empty) paragraph.
const NO_LINES: [&str; 0] = [];

/// How a grid cell's text is set.
#[derive(Clone, Copy, Debug)]
struct Cell {
    bold: bool,
    centred: bool,
    keep_next: bool,
}

/// The body section: A4 portrait, page number from page 2 (`w:titlePg`).
fn body_section() -> String {
    section("rIdHeaderPage", &format!("<w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>"), "<w:titlePg/>")
}

/// Phụ lục I: landscape A4 (width and height swapped), no page number (it
/// is numbered apart from the report, as in the HTML print).
fn appendix_section() -> String {
    let page =
        format!("<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"{PAGE_H}\" w:h=\"{PAGE_W}\" w:orient=\"landscape\"/>");
    section("rIdHeaderEmpty", &page, "")
}

/// A section's properties: the header of its pages (the first page's is
/// always empty), its page, the margins, then `after`.
fn section(default_header: &str, page: &str, after: &str) -> String {
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{default_header}\"/>\
         <w:headerReference w:type=\"first\" r:id=\"rIdHeaderEmpty\"/>{page}{}{after}</w:sectPr>",
        page_margins()
    )
}

fn page_margins() -> String {
    format!(
        "<w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" \
         w:left=\"{MARGIN_LEFT}\" w:header=\"{HEADER_DIST}\" w:footer=\"{HEADER_DIST}\" w:gutter=\"0\"/>"
    )
}

// ---- Fixed and per-kind parts -----------------------------------------------

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                  xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

const EMPTY_HEADER_P: &str = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>";

/// The page number, centred: a PAGE field (Word and LibreOffice fill it in).
fn header_page() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p><w:pPr>\
        <w:pStyle w:val=\"Header\"/></w:pPr>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText>\
         </w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r>\
         <w:fldChar w:fldCharType=\"end\"/></w:r>\
         </w:p></w:hdr>"
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footnotes.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>\
<Override PartName=\"/word/header1.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/header2.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
Target=\"word/document.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" \
Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdFootnotes\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>\
<Relationship Id=\"rIdHeaderPage\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rIdHeaderEmpty\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>\
</Relationships>";

/// Footnote ids -1 and 0 are the separator (a short rule, as SPEC §4.8
/// asks) and its continuation, which Word requires and names in settings.
const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
<w:compat>\
<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>\
</w:compat>\
</w:settings>";

const FOOTNOTES_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr>\
<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:r><w:separator/></w:r></w:p></w:footnote>\
<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr>\
<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>";

/// Styles: Times New Roman 14 pt, Vietnamese; the body, the headings (with
/// outline levels, so Word's navigation pane lists them), the empty-outline
/// styles, footnotes and the page-number header (print.css sizes).
fn styles(look: &Look) -> String {
    let page_number = look.page_number;
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New \
Roman\"/>\
<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
</w:pPrDefault>\
</w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
<w:name w:val=\"Default Paragraph Font\"/>\
<w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
<w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/>\
<w:qFormat/>\
<w:pPr><w:widowControl/><w:spacing w:after=\"120\" w:line=\"364\" w:lineRule=\"exact\"/>\
<w:ind w:firstLine=\"{INDENT}\"/>\
<w:jc w:val=\"both\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"BodyText\"/>\
<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val=\"0\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:caps/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"BodyText\"/>\
<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val=\"1\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"BodyText\"/>\
<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val=\"2\"/></w:pPr>\
<w:rPr><w:i/><w:iCs/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Guidance\"><w:name w:val=\"Guidance\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"60\" w:line=\"288\" w:lineRule=\"exact\"/><w:ind w:firstLine=\"{INDENT}\"/>\
<w:jc w:val=\"both\"/></w:pPr>\
<w:rPr><w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"FillLabel\"><w:name w:val=\"Fill Label\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/>\
<w:spacing w:before=\"40\" w:after=\"0\" w:line=\"364\" w:lineRule=\"exact\"/><w:ind w:firstLine=\"{INDENT}\"/></w:pPr>\
<w:rPr><w:i/><w:iCs/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"40\" w:line=\"276\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr>\
<w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>\
<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"{page_number}\"/><w:szCs w:val=\"{page_number}\"/>\
</w:rPr></w:style>\
</w:styles>"
    )
}
