//! The printed document as plain text, in reading order: what a clerk reads
//! on paper, without typography. Used by the golden tests of the whole
//! printed report (`tests/golden/print/`) and handy for reviewing a change.

use super::{AppendixPage, Block, Document, Span};

/// The whole document as text: header, title and trích yếu, opening, body,
/// closing, notes, Nơi nhận and signature, Phụ lục. Tables are rows of cells
/// separated by " | "; headings keep their number.
pub fn plain_text(doc: &Document) -> String {
    let mut out = Vec::new();
    let h = &doc.header;
    let width = h.left.len().max(h.right.len());
    for i in 0..width {
        let left = h.left.get(i).map_or("", |l| l.text.as_str());
        let right = h.right.get(i).map_or("", |l| l.text.as_str());
        out.push(format!("{left:<40} | {right}").trim_end().to_string());
    }
    out.push(format!("{:<40} | {}", h.number, h.date));
    out.push(String::new());
    out.push(doc.title.clone());
    out.push(doc.trich_yeu.clone());
    out.push(String::new());
    out.push(doc.opening.plain());
    for block in &doc.body {
        block_text(block, &mut out);
    }
    out.push(doc.closing.plain());
    if !doc.footnotes.is_empty() {
        out.push("____".into());
        out.extend(doc.footnotes.iter().map(|n| format!("{} {}", n.marker, n.text)));
    }
    out.push(String::new());
    let s = &doc.signing;
    out.push(format!("{:<40} | {}", s.recipients_label, s.authority));
    let right = [s.position.as_str(), "", s.name.as_str()];
    for i in 0..s.recipients.len().max(right.len()) {
        let left = s.recipients.get(i).map_or("", String::as_str);
        let r = right.get(i).copied().unwrap_or("");
        out.push(format!("{left:<40} | {r}").trim_end().to_string());
    }
    if let Some(a) = &doc.appendix {
        appendix_text(a, &mut out);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn block_text(block: &Block, out: &mut Vec<String>) {
    match block {
        Block::Heading { number, title, .. } => out.push(format!("{number} {title}")),
        Block::Para(p) => out.push(
            p.spans
                .iter()
                .map(|s| match s {
                    Span::Text(t) => t.clone(),
                    Span::RunIn(t) => t.clone(),
                    Span::NoteRef(m) => format!("^{m}"),
                })
                .collect(),
        ),
        Block::Guidance(t) => out.push(format!("({t})")),
        Block::Label(t) => out.push(t.clone()),
        Block::Lines(n) => out.extend((0..*n).map(|_| "…".repeat(20))),
        Block::Field { label, unit } => out.push(format!("- {label}: ……… {unit}").trim_end().to_string()),
        Block::Table { header, rows } => {
            out.push(format!("| {} |", header.join(" | ")));
            out.extend(rows.iter().map(|r| format!("| {} |", r.join(" | "))));
        }
    }
}

fn appendix_text(a: &AppendixPage, out: &mut Vec<String>) {
    out.push(String::new());
    out.push(a.label.clone());
    out.push(a.title.clone());
    out.push(a.attached_to.clone());
    let t = &a.tables;
    out.push(t.t1.title.clone());
    out.push(format!("| {} | {} |", t.t1.header_top, t.t1.columns.join(" | ")));
    for g in &t.t1.groups {
        out.push(g.title.clone());
        if let Some(text) = &g.text_row {
            out.push(text.clone());
        }
        out.push(format!("| {} | {} |", g.cells.join(" | "), g.bullets.join(" ")));
    }
    for s in [&t.t2, &t.t3] {
        out.push(s.title.clone());
        out.push(format!("| {} |", s.columns.join(" | ")));
        out.push(format!("| {} | {} |", s.cells.join(" | "), s.bullets.join(" ")));
    }
}
