//! Body blocks: numbered headings, narrative paragraphs with footnote
//! markers, generated figure lines; and the empty-outline body.

use super::sentences::SentenceId;
use super::{Block, Note, Paragraph, Span};
use crate::engine::{computed_text, filled_rows, node_title, value_text, Evaluation, Exact};
use crate::format;
use crate::model::{FieldPath, Footnote, Kind, Report, Value};
use crate::template::{Column, Display, FieldType, Indicator, ListDef, ListPrint, Node, Requirement, Template};
use std::collections::HashMap;

/// Footnote numbering: markers are numbered in order of first reference;
/// a second reference to the same note reuses its number.
pub(crate) struct Notes<'a> {
    kind: Kind,
    footnotes: &'a [Footnote],
    used: Vec<(String, String)>,
    out: Vec<Note>,
}

impl<'a> Notes<'a> {
    pub(crate) fn new(kind: Kind, report: &'a Report) -> Notes<'a> {
        Notes { kind, footnotes: &report.footnotes, used: Vec::new(), out: Vec::new() }
    }

    /// The marker of footnote `id`, numbering it on first use; None for an unknown id.
    fn marker(&mut self, id: &str) -> Option<String> {
        if let Some((_, m)) = self.used.iter().find(|(u, _)| u == id) {
            return Some(m.clone());
        }
        let note = self.footnotes.iter().find(|f| f.id == id)?;
        let n = self.out.len() + 1;
        let marker = match self.kind {
            Kind::Cq => n.to_string(),
            Kind::Dang => format!("({n})"),
        };
        self.used.push((id.to_string(), marker.clone()));
        self.out.push(Note { marker: marker.clone(), text: format::nfc(note.text.trim()) });
        Some(marker)
    }

    /// Split a line at `[^id]` tokens; tokens of unknown notes stay as typed,
    /// so the mistake is visible rather than silently dropped.
    pub(crate) fn spans(&mut self, line: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut text = String::new();
        let mut rest = line;
        while let Some(start) = rest.find("[^") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(']') else { break };
            let id = &after[..end];
            let valid = !id.is_empty() && !id.chars().any(char::is_whitespace);
            match valid.then(|| self.marker(id)).flatten() {
                Some(marker) => {
                    text.push_str(&rest[..start]);
                    if !text.is_empty() {
                        spans.push(Span::Text(std::mem::take(&mut text)));
                    }
                    spans.push(Span::NoteRef(marker));
                }
                None => text.push_str(&rest[..start + 2 + end + 1]),
            }
            rest = &after[end + 1..];
        }
        text.push_str(rest);
        if !text.is_empty() {
            spans.push(Span::Text(text));
        }
        spans
    }

    pub(crate) fn into_notes(self) -> Vec<Note> {
        self.out
    }
}

/// Paragraphs of a narrative: one per non-empty line (blank lines and single
/// newlines both separate paragraphs); a line starting "- " or "+ " stays a
/// dash line. `label` becomes a run-in label on the first paragraph.
fn text_paragraphs(text: &str, label: Option<&str>, notes: &mut Notes) -> Vec<Paragraph> {
    let text = format::nfc(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        let dash = line.starts_with("- ") || line.starts_with("+ ");
        let mut spans = Vec::new();
        if let (0, Some(label)) = (i, label) {
            spans.push(Span::RunIn(format!("{label}: ")));
        }
        spans.extend(notes.spans(line));
        out.push(Paragraph { spans, dash });
    }
    out
}

/// A narrative edited as items: one paragraph per item, numbered "1.", "2.",
/// …; a number or bullet the cadre typed is not doubled (`format::task_items`).
fn item_paragraphs(text: &str, label: Option<&str>, notes: &mut Notes) -> Vec<Paragraph> {
    let mut out = Vec::new();
    if let Some(label) = label {
        out.push(Paragraph { spans: vec![Span::RunIn(format!("{label}:"))], dash: false });
    }
    for (i, item) in format::task_items(&format::nfc(text)).iter().enumerate() {
        let mut spans = vec![Span::Text(format!("{} ", format::item_number(i)))];
        spans.extend(notes.spans(item));
        out.push(Paragraph { spans, dash: false });
    }
    out
}

/// What a node marked "Không phát sinh trong kỳ" prints when the cadre wrote no sentence.
pub const NONE_SENTENCE: &str = "Không phát sinh trong kỳ.";

/// "giảm 03 so với cùng kỳ", "bằng cùng kỳ"; None when there is no comparison.
fn delta_phrase(evaluation: &Evaluation, key: &str) -> Option<String> {
    let text = &evaluation.deltas.get(key)?.text;
    if text.is_empty() {
        None
    } else if text.contains("cùng kỳ") {
        Some(text.clone())
    } else {
        Some(format!("{text} so với cùng kỳ"))
    }
}

/// An indicator's value as printed: the entered value with unit and
/// qualifier, else a computed value for the same key (e.g. `don_ton_dong`).
fn indicator_value(
    template: &Template,
    report: &Report,
    evaluation: &Evaluation,
    key: &str,
    ind: &Indicator,
) -> Option<String> {
    if let Some(text) = value_text(template, report, key) {
        return Some(text);
    }
    let c = evaluation.computed.get(key)?;
    let shown = match (&c.value, &ind.ty) {
        // Counts read like entered counts ("01 đơn" when padding is on).
        (Exact::Int { value }, FieldType::Int) if *value >= 0 => format::count(*value, report.options.pad_small_counts),
        _ => c.display.clone(),
    };
    Some(computed_text(report, key, &c.value, &shown, &ind.unit))
}

/// A computed value as printed: counts follow the report's zero padding like
/// entered counts ("02"), everything else reads as the engine displays it.
fn padded_display(report: &Report, display: Display, c: &crate::engine::ComputedValue) -> String {
    match (display, &c.value) {
        (Display::Count, Exact::Int { value }) if *value >= 0 => format::count(*value, report.options.pad_small_counts),
        _ => c.display.clone(),
    }
}

fn figure(text: String) -> Paragraph {
    Paragraph { spans: vec![Span::Text(text)], dash: true }
}

/// One generated figure line and the key that names it within its node
/// (the indicator or computed key, or the row group id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FigureLine {
    pub(crate) key: String,
    pub(crate) text: String,
}

/// Generated figure lines of a node, built from the data: one dash line per
/// ungrouped indicator or computed value ("- Hòa giải thành: 11 vụ (giảm 01
/// so với cùng kỳ)", "- Tỷ lệ hòa giải thành: 84,62% (tăng 9,62 điểm % so
/// với cùng kỳ)"), and one line per row group with data, keyed by group id.
pub(crate) fn figures(
    template: &Template,
    report: &Report,
    evaluation: &Evaluation,
    node: &Node,
) -> (Vec<FigureLine>, HashMap<String, FigureLine>) {
    let mut lines = Vec::new();
    let indicator_keys: Vec<&str> = node.indicators.iter().map(|i| i.key.as_str()).collect();
    for ind in node.indicators.iter().filter(|i| !i.grouped) {
        let Some(value) = indicator_value(template, report, evaluation, &ind.key, ind) else { continue };
        let mut line = format!("- {}: {value}", ind.label);
        if let Some(d) = delta_phrase(evaluation, &ind.key) {
            line.push_str(&format!(" ({d})"));
        }
        lines.push(FigureLine { key: ind.key.clone(), text: line });
    }
    for def in node.computed.iter().filter(|c| c.per_row.is_none() && !indicator_keys.contains(&c.key.as_str())) {
        let Some(c) = evaluation.computed.get(&def.key) else { continue };
        let shown = padded_display(report, def.display, c);
        let mut line = format!("- {}: {}", def.label, computed_text(report, &def.key, &c.value, &shown, &def.unit));
        if let Some(d) = delta_phrase(evaluation, &def.key) {
            line.push_str(&format!(" ({d})"));
        }
        lines.push(FigureLine { key: def.key.clone(), text: line });
    }
    let mut groups = HashMap::new();
    for g in &node.groups {
        let mut items = Vec::new();
        for ind in node.indicators.iter().filter(|i| i.grouped) {
            let key = FieldPath::group_key(&ind.key, &g.id);
            let Some(value) = indicator_value(template, report, evaluation, &key, ind) else { continue };
            let mut item = format!("{} {value}", format::lower_first(&ind.label));
            if let Some(d) = delta_phrase(evaluation, &key) {
                item.push_str(&format!(" ({d})"));
            }
            items.push(item);
        }
        for def in node.computed.iter().filter(|c| c.per_row.is_none() && !indicator_keys.contains(&c.key.as_str())) {
            let key = FieldPath::group_key(&def.key, &g.id);
            let Some(c) = evaluation.computed.get(&key) else { continue };
            let value = computed_text(report, &key, &c.value, &padded_display(report, def.display, c), &def.unit);
            let mut item = format!("{} {value}", format::lower_first(&def.label));
            if let Some(d) = delta_phrase(evaluation, &key) {
                item.push_str(&format!(" ({d})"));
            }
            items.push(item);
        }
        if !items.is_empty() {
            let text = format!("- {}: {}.", g.label, items.join("; "));
            groups.insert(g.id.clone(), FigureLine { key: g.id.clone(), text });
        }
    }
    (lines, groups)
}

/// A figure line as printed: the cadre's sentence when replaced.
fn printed_figure(report: &Report, node: &Node, line: FigureLine) -> Paragraph {
    let id = SentenceId::Figure { node: node.id.clone(), line: line.key };
    figure(super::sentences::chosen(report, &id, line.text))
}

/// Nodes whose heading refers to Phụ lục I when the template title does not already.
const APPENDIX_NODES: [&str; 3] = ["N07", "N08", "N09"];
const APPENDIX_REF: &str = "(phụ lục I kèm theo)";

/// The body of a filled report: printed nodes only, in outline order, with
/// the engine's numbers (so none is skipped or repeated).
pub(crate) fn filled_body(
    template: &Template,
    report: &Report,
    evaluation: &Evaluation,
    numbers: &[(String, String)],
    appendix_printed: bool,
    notes: &mut Notes,
) -> Vec<Block> {
    let number_of: HashMap<&str, &str> = numbers.iter().map(|(id, n)| (id.as_str(), n.as_str())).collect();
    let template_refers = template.walk().iter().any(|(_, n)| format::lowercase(&n.title).contains("phụ lục"));
    let mut appendix_ref_done = template_refers;
    let mut out = Vec::new();
    for (depth, node) in template.walk() {
        let Some(number) = number_of.get(node.id.as_str()) else { continue };
        if node.appendix {
            continue;
        }
        let mut title = node_title(node, report);
        if appendix_printed && !appendix_ref_done && APPENDIX_NODES.contains(&node.id.as_str()) {
            title = format!("{title} {APPENDIX_REF}");
            appendix_ref_done = true;
        }
        out.push(Block::Heading {
            node_id: node.id.clone(),
            level: depth.min(u8::MAX as usize) as u8,
            number: number.to_string(),
            title,
        });
        // The mark stands for the node's own content, which stays stored
        // (unmarking brings it back) but is not printed.
        if let Some(sentence) = report.none_sentence(&node.id) {
            let sentence = format::nfc(sentence.trim());
            let sentence = if sentence.is_empty() { NONE_SENTENCE.to_string() } else { sentence };
            out.extend(text_paragraphs(&sentence, None, notes).into_iter().map(Block::Para));
            continue;
        }
        let narratives: Vec<_> = node
            .narratives
            .iter()
            .filter(|n| n.periods.is_empty() || n.periods.contains(&report.period.period_type))
            .collect();
        let labelled = narratives.len() > 1;
        let (lines, mut group_lines) = if report.options.prints_figures(&node.id) {
            figures(template, report, evaluation, node)
        } else {
            Default::default()
        };
        for n in &narratives {
            if let Some(text) = report.text(&n.key) {
                let label = labelled.then_some(n.label.as_str());
                let paragraphs =
                    if n.items { item_paragraphs(text, label, notes) } else { text_paragraphs(text, label, notes) };
                out.extend(paragraphs.into_iter().map(Block::Para));
            }
            if let Some(line) = n.group.as_ref().and_then(|g| group_lines.remove(g)) {
                out.push(Block::Para(printed_figure(report, node, line)));
            }
        }
        out.extend(lines.into_iter().map(|line| Block::Para(printed_figure(report, node, line))));
        for g in &node.groups {
            if let Some(line) = group_lines.remove(&g.id) {
                out.push(Block::Para(printed_figure(report, node, line)));
            }
        }
        for key in node.value_keys().iter().filter(|k| report.value(k).is_none()) {
            if let Some(sentence) = report.not_tracked.get(key).map(|s| format::nfc(s.trim())) {
                out.extend(text_paragraphs(&sentence, None, notes).into_iter().map(Block::Para));
            }
        }
        for list in &node.lists {
            out.extend(list_blocks(node, list, report, evaluation));
        }
    }
    out
}

/// A list at its node (docs/domain.md §4.6): a lead-in line with its label,
/// then a table with a header row and a "STT" column, or one numbered
/// sentence per row, as the template says. Rows with no filled cell are left
/// out; nothing is printed for a list without rows.
fn list_blocks(node: &Node, list: &ListDef, report: &Report, evaluation: &Evaluation) -> Vec<Block> {
    let per_row: Vec<_> = node.computed.iter().filter(|c| c.per_row.as_deref() == Some(list.key.as_str())).collect();
    let rows: Vec<Vec<String>> = filled_rows(report, &list.key)
        .map(|(i, row)| {
            let mut cells: Vec<String> = list
                .columns
                .iter()
                .map(|c| row.get(&c.key).map(|v| cell_text(c, v, report)).unwrap_or_default())
                .collect();
            cells.extend(per_row.iter().map(|def| {
                let key = FieldPath::cell_key(&list.key, i, &def.key);
                evaluation.computed.get(&key).map(|c| padded_display(report, def.display, c)).unwrap_or_default()
            }));
            cells
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    let mut labels: Vec<String> = list.columns.iter().map(column_header).collect();
    labels.extend(per_row.iter().map(|def| def.label.clone()));
    let mut out = vec![Block::Para(Paragraph::text(format!("{}:", list.label)))];
    match list.print {
        ListPrint::Table => {
            let mut header = vec!["STT".to_string()];
            header.extend(labels);
            let rows = rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| std::iter::once((i + 1).to_string()).chain(cells).collect())
                .collect();
            out.push(Block::Table { header, rows });
        }
        ListPrint::Sentences => {
            for (i, cells) in rows.iter().enumerate() {
                out.push(Block::Para(Paragraph::text(format!(
                    "{} {}",
                    format::item_number(i),
                    row_sentence(&labels, cells)
                ))));
            }
        }
    }
    out
}

/// A column's header: its label, with the unit of a numeric column unless
/// the label already names it ("Số tiền (đồng)", "Số thành viên (người)",
/// "Tổng số tiêu chí").
fn column_header(c: &Column) -> String {
    let unit = c.unit.as_deref().filter(|u| !u.is_empty() && !format::lowercase(&c.label).contains(u));
    match (&c.ty, unit) {
        (FieldType::Money, _) => format!("{} (đồng)", c.label),
        (_, Some(unit)) if c.ty.is_numeric() => format!("{} ({unit})", c.label),
        _ => c.label.clone(),
    }
}

/// One cell as printed: counts with the report's zero padding (the same
/// choice as the sentences), money in full đồng (the header names the unit),
/// an option's label, a date "3/2/2025", a text as typed; a number that did
/// not parse is printed as typed (E01 already reports it).
fn cell_text(c: &Column, v: &Value, report: &Report) -> String {
    let text = match (&c.ty, v) {
        (FieldType::Int, Value::Int(n)) => format::count(*n, report.options.pad_small_counts),
        (FieldType::Money, Value::Int(n)) => format::int(*n),
        (FieldType::Dec(s), Value::Int(n)) => format::decimal(*n, *s),
        (FieldType::Enum(opts), Value::Text(t)) => {
            opts.iter().find(|o| &o.value == t).map(|o| o.label.clone()).unwrap_or_else(|| t.clone())
        }
        (_, Value::Date(d)) => format::short_date(*d),
        (_, other) => other.as_text().unwrap_or_default(),
    };
    format::nfc(text.trim())
}

/// A row as one sentence: its first filled cell, then the other filled cells
/// as "nhãn: giá trị" in parentheses; ends with ".".
fn row_sentence(labels: &[String], cells: &[String]) -> String {
    let mut filled = labels.iter().zip(cells).filter(|(_, v)| !v.is_empty());
    let mut s = match cells.first().filter(|v| !v.is_empty()) {
        Some(first) => {
            filled.next();
            let rest: Vec<String> = filled.map(|(l, v)| format!("{}: {v}", format::lower_first(l))).collect();
            if rest.is_empty() {
                first.clone()
            } else {
                format!("{first} ({})", rest.join("; "))
            }
        }
        None => filled.map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join("; "),
    };
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

/// Numbers of every node that applies to the period (the empty outline prints
/// them all), same scheme as [`crate::engine::numbering`].
fn number_all(template: &Template, report: &Report) -> Vec<(String, String, u8)> {
    fn go(
        kind: Kind,
        nodes: &[Node],
        level: u8,
        report: &Report,
        appendix_no: &mut usize,
        out: &mut Vec<(String, String, u8)>,
    ) {
        let mut index = 0;
        for node in nodes.iter().filter(|n| n.applies_to(report.period.period_type)) {
            if node.appendix {
                if node.required || report.options.include_pl1 {
                    *appendix_no += 1;
                    out.push((node.id.clone(), format!("Phụ lục {}", format::roman(*appendix_no)), level));
                }
                continue;
            }
            index += 1;
            out.push((node.id.clone(), crate::engine::heading_number(kind, level, index), level));
            go(kind, &node.children, level + 1, report, appendix_no, out);
        }
    }
    let mut out = Vec::new();
    let mut appendix_no = 0;
    go(template.kind, &template.nodes, 1, report, &mut appendix_no, &mut out);
    out
}

/// Dotted lines per narrative of the empty outline.
const LINES_SINGLE: usize = 5;
const LINES_EACH: usize = 3;
const LINES_GROUP: usize = 2;

/// The empty outline body: every node with its guidance, dotted lines for
/// each narrative and a fill-in line per entered indicator; returns the
/// appendix label when Phụ lục I is part of the form.
pub(crate) fn blank_body(template: &Template, report: &Report) -> (Vec<Block>, Option<String>) {
    let mut out = Vec::new();
    let mut appendix = None;
    for (id, number, level) in number_all(template, report) {
        let Some(node) = template.node(&id) else { continue };
        if node.appendix {
            appendix.get_or_insert(number);
            continue;
        }
        out.push(Block::Heading { node_id: id.clone(), level, number, title: node_title(node, report) });
        let guidance = node.guidance.trim();
        if !guidance.is_empty() {
            out.push(Block::Guidance(format::nfc(guidance)));
        }
        let narratives: Vec<_> = node
            .narratives
            .iter()
            .filter(|n| n.periods.is_empty() || n.periods.contains(&report.period.period_type))
            .collect();
        let groups_have_text = narratives.iter().any(|n| n.group.is_some());
        for n in &narratives {
            if narratives.len() > 1 {
                out.push(Block::Label(format!("{}:", n.label)));
                out.push(Block::Lines(if n.group.is_some() { LINES_GROUP } else { LINES_EACH }));
            } else {
                out.push(Block::Lines(LINES_SINGLE));
            }
        }
        for ind in node.indicators.iter().filter(|i| i.req != Requirement::Computed) {
            if !ind.grouped {
                out.push(Block::Field { label: ind.label.clone(), unit: ind.unit.clone() });
            } else if !groups_have_text {
                for g in &node.groups {
                    out.push(Block::Field { label: format!("{} ({})", ind.label, g.label), unit: ind.unit.clone() });
                }
            }
        }
    }
    (out, appendix)
}
