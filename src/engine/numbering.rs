//! Printed heading numbers (docs/domain.md §4.6): generated, so they never skip or repeat.

use super::progress::is_printed;
use crate::format;
use crate::model::Report;
use crate::template::{Node, Template};

/// The printed heading number of every printed node, in print order:
/// CQ "I." "1." "a)", DANG "I-" "1." "a)"; appendices "Phụ lục I", "Phụ lục II".
/// Optional nodes without content are skipped and the numbers close up.
pub fn numbering(template: &Template, report: &Report) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut appendix_no = 0;
    number_level(template, &template.nodes, 1, report, &mut appendix_no, &mut out);
    out
}

fn number_level(
    template: &Template,
    nodes: &[Node],
    level: u8,
    report: &Report,
    appendix_no: &mut usize,
    out: &mut Vec<(String, String)>,
) {
    let mut index = 0;
    for node in nodes.iter().filter(|n| is_printed(n, report)) {
        if node.appendix {
            *appendix_no += 1;
            out.push((node.id.clone(), format!("Phụ lục {}", format::roman(*appendix_no))));
            continue;
        }
        index += 1;
        out.push((node.id.clone(), format::heading_number(template.kind, level, index)));
        number_level(template, &node.children, level + 1, report, appendix_no, out);
    }
}

/// Ids of the nodes that will be printed, in print order.
pub fn printed_nodes(template: &Template, report: &Report) -> Vec<String> {
    template.walk().into_iter().filter(|(_, n)| is_printed(n, report)).map(|(_, n)| n.id.clone()).collect()
}

/// A node's title for this report: `{ky_sau}` becomes the following period
/// ("quý IV năm 2025") and `{ky_nay}` this one; upper-cased in an upper-case title.
pub fn node_title(node: &Node, report: &Report) -> String {
    let t = &node.title;
    if !t.contains('{') {
        return t.clone();
    }
    let (pt, year) = (report.period.period_type, report.period.year);
    let upper = !t.replace("{ky_sau}", "").replace("{ky_nay}", "").chars().any(|c| c.is_lowercase());
    let fix = |s: String| if upper { s.to_uppercase() } else { s };
    let mut s = t.clone();
    if s.contains("{ky_sau}") {
        s = s.replace("{ky_sau}", &fix(format::next_period_phrase(pt, year)));
    }
    if s.contains("{ky_nay}") {
        s = s.replace("{ky_nay}", &fix(format::period_name(pt, year)));
    }
    s
}
