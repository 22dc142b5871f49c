//! Narratives written one item per line (phương hướng, nhiệm vụ; kiến nghị,
//! đề xuất), printed numbered "1.", "2.", … (docs/domain.md §4.6).

/// The items of a text: one per non-empty line, trimmed, without a number or
/// bullet the cadre typed at its start ("1.", "2)", "-", "+", "•"), so the
/// printed number is never doubled. A figure at the start stays ("1.250 hộ …",
/// "2025 …"): a marker must be followed by a space.
pub fn task_items(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| strip_marker(l).to_string()).collect()
}

fn strip_marker(line: &str) -> &str {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = if digits > 0 {
        line[digits..].strip_prefix(['.', ')'])
    } else {
        line.strip_prefix(['-', '+', '•', '–', '*'])
    };
    match rest {
        Some(after) if after.starts_with(char::is_whitespace) && !after.trim().is_empty() => after.trim_start(),
        _ => line,
    }
}

/// The printed number of the item at 0-based `index`: "1.", "2.", …
pub fn item_number(index: usize) -> String {
    format!("{}.", index + 1)
}

/// The text with the item at 0-based `index` swapped with the one before it
/// (`up`) or after it; `None` when there is no such neighbour. The lines
/// move as typed (markers, spacing), blank lines stay where they are.
pub fn move_item(text: &str, index: usize, up: bool) -> Option<String> {
    let mut lines: Vec<&str> = text.lines().collect();
    let items: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty()).collect();
    let other = if up { index.checked_sub(1)? } else { index + 1 };
    let (a, b) = (*items.get(index)?, *items.get(other)?);
    lines.swap(a, b);
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_and_bullets_are_not_doubled() {
        let text =
            "1. Tiếp tục tuyên truyền\n2) Nâng cao chất lượng\n- Củng cố tổ hòa giải\n+ Sơ kết mô hình\n• Khen thưởng";
        assert_eq!(
            task_items(text),
            ["Tiếp tục tuyên truyền", "Nâng cao chất lượng", "Củng cố tổ hòa giải", "Sơ kết mô hình", "Khen thưởng"]
        );
    }

    #[test]
    fn blank_lines_are_skipped_and_leading_figures_stay() {
        let text = "\n  Vận động 1.250 hộ tham gia  \n\n1.250 hộ được hỗ trợ\n2025 là năm bản lề\n12 tổ hòa giải";
        assert_eq!(
            task_items(text),
            ["Vận động 1.250 hộ tham gia", "1.250 hộ được hỗ trợ", "2025 là năm bản lề", "12 tổ hòa giải"]
        );
    }

    #[test]
    fn a_bare_marker_is_kept_as_typed() {
        assert_eq!(task_items("1.\n-"), ["1.", "-"]);
        assert_eq!(item_number(0), "1.");
        assert_eq!(item_number(9), "10.");
    }

    #[test]
    fn an_item_moves_up_or_down_past_its_neighbour_and_blank_lines_stay() {
        let text = "1. Một\n\n- Hai\nBa";
        assert_eq!(move_item(text, 1, true).as_deref(), Some("- Hai\n\n1. Một\nBa"));
        assert_eq!(move_item(text, 1, false).as_deref(), Some("1. Một\n\nBa\n- Hai"));
        assert_eq!(task_items(&move_item(text, 2, true).unwrap()), ["Một", "Ba", "Hai"]);
        assert_eq!(move_item(text, 0, true), None, "the first item has nothing above it");
        assert_eq!(move_item(text, 2, false), None, "the last item has nothing below it");
        assert_eq!(move_item(text, 7, true), None);
    }
}
