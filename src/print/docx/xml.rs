//! Text for WordprocessingML parts: escaping, the characters XML 1.0 allows,
//! and runs of text.

/// Whether `c` may stand in an XML 1.0 document (the `Char` production).
/// C1 controls (U+007F–U+009F) are allowed by XML but mean nothing on paper
/// and upset some readers, so they are refused too.
fn allowed(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..
    )
}

/// Append `s` escaped for element content and attribute values; characters
/// XML 1.0 forbids (NUL, form feed, U+FFFF, …) are dropped, since no escape
/// can carry them.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `s` escaped (see [`escape_into`]).
#[cfg(test)]
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// One run: `rpr` (already XML, may be empty) and the text. A tab becomes
/// `<w:tab/>` and a line break `<w:br/>`, because Word folds both to a space
/// inside `<w:t>`.
pub(crate) fn run(out: &mut String, rpr: &str, text: &str) {
    out.push_str("<w:r>");
    if !rpr.is_empty() {
        out.push_str("<w:rPr>");
        out.push_str(rpr);
        out.push_str("</w:rPr>");
    }
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            out.push_str("<w:br/>");
        }
        first = false;
        let mut first_piece = true;
        for piece in line.split('\t') {
            if !first_piece {
                out.push_str("<w:tab/>");
            }
            first_piece = false;
            let piece = piece.trim_end_matches('\r');
            if !piece.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                escape_into(out, piece);
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_not_interpreted() {
        assert_eq!(escape("<w:p>a & b]]>\"x\""), "&lt;w:p&gt;a &amp; b]]&gt;&quot;x&quot;");
    }

    #[test]
    fn characters_xml_forbids_are_dropped_and_vietnamese_kept() {
        assert_eq!(escape("a\u{0}b\u{b}c\u{c}d\u{1b}e\u{ffff}f\u{85}g"), "abcdefg");
        assert_eq!(escape("Ủy ban nhân dân\u{a0}phường"), "Ủy ban nhân dân\u{a0}phường");
    }

    #[test]
    fn tabs_and_line_breaks_become_word_elements() {
        let mut out = String::new();
        run(&mut out, "<w:b/>", "a\tb\r\nc");
        assert_eq!(
            out,
            "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">a</w:t><w:tab/>\
             <w:t xml:space=\"preserve\">b</w:t><w:br/><w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
    }
}
