//! Printed heading numbers (docs/domain.md §4.6): generated, so they never skip or repeat.

use super::progress::is_printed;
use crate::format;
use crate::model::{Kind, Report};
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
        out.push((node.id.clone(), heading_number(template.kind, level, index)));
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
    let fix = |s: String| if upper { format::uppercase(&s) } else { s };
    let mut s = t.clone();
    if s.contains("{ky_sau}") {
        s = s.replace("{ky_sau}", &fix(pt.next_name(year)));
    }
    if s.contains("{ky_nay}") {
        s = s.replace("{ky_nay}", &fix(pt.name(year)));
    }
    s
}

/// Heading number for a node at `level` (1, 2, 3) and 1-based `index` among its
/// printed siblings: CQ "I." "1." "a)"; DANG "I-" "1." "a)".
///
/// Level 3 letters follow the Vietnamese enumeration used in NĐ 30 and legal
/// texts: a b c d đ e g h i k l m n o p q r s t u v x y (no f j w z; "đ"
/// comes after "d"). Past the 23rd item they double up: "aa)", "ab)", …
/// Level 4 and deeper are bullets ("-"); level 0 and index 0 give "".
pub fn heading_number(kind: Kind, level: u8, index: usize) -> String {
    if index == 0 {
        return String::new();
    }
    match (level, kind) {
        (0, _) => String::new(),
        (1, Kind::Cq) => format!("{}.", format::roman(index)),
        (1, Kind::Dang) => format!("{}-", format::roman(index)),
        (2, _) => format!("{index}."),
        (3, _) => format!("{})", letters(index)),
        _ => "-".to_string(),
    }
}

const LETTERS: [char; 23] =
    ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/// Bijective base-23 over [`LETTERS`]: 1 → "a", 23 → "y", 24 → "aa".
fn letters(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_level_one_is_roman_with_kind_punctuation() {
        assert_eq!(heading_number(Kind::Cq, 1, 1), "I.");
        assert_eq!(heading_number(Kind::Cq, 1, 4), "IV.");
        assert_eq!(heading_number(Kind::Dang, 1, 1), "I-");
        assert_eq!(heading_number(Kind::Dang, 1, 5), "V-");
    }

    #[test]
    fn heading_level_two_is_arabic_with_dot_for_both_kinds() {
        assert_eq!(heading_number(Kind::Cq, 2, 1), "1.");
        assert_eq!(heading_number(Kind::Dang, 2, 12), "12.");
    }

    #[test]
    fn heading_level_three_uses_vietnamese_letter_order() {
        let got: Vec<String> = (1..=7).map(|i| heading_number(Kind::Cq, 3, i)).collect();
        assert_eq!(got, ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]);
        assert_eq!(heading_number(Kind::Dang, 3, 1), "a)");
        assert_eq!(heading_number(Kind::Cq, 3, 23), "y)");
        assert_eq!(heading_number(Kind::Cq, 3, 24), "aa)");
        assert_eq!(heading_number(Kind::Cq, 3, 25), "ab)");
        assert_eq!(heading_number(Kind::Cq, 3, 23 * 24), "yy)");
        assert_eq!(heading_number(Kind::Cq, 3, 23 * 24 + 1), "aaa)");
    }

    #[test]
    fn heading_outside_three_levels_or_index_zero() {
        assert_eq!(heading_number(Kind::Cq, 4, 1), "-");
        assert_eq!(heading_number(Kind::Dang, 9, 3), "-");
        assert_eq!(heading_number(Kind::Cq, 0, 1), "");
        assert_eq!(heading_number(Kind::Cq, 2, 0), "");
    }

    #[test]
    fn heading_numbers_are_nfc() {
        assert!(unicode_normalization::is_nfc(&heading_number(Kind::Cq, 3, 5)));
    }
}
