//! Heuristic checks of figures typed in narratives.
//!
//! - W01: a rate typed after (or before) one of a computed rate's `mentions`
//!   ("tỷ lệ hòa giải thành đạt 85,62%") differs from the exact rate by more
//!   than 0,01 điểm and is not a correct rounding at its own precision
//!   ("84,6%" for 84,615…% is accepted).
//! - W02: a count typed with an indicator's `mention` and unit ("tiếp nhận 48
//!   đơn", "578 tổ nhân dân tự quản") matches none of the entered values that
//!   share the phrase in that node (grouped indicators: any group or their sum).
//! - W04: a large bare number (≥ 1.000.000) right after a money word
//!   ("kinh phí", "số tiền", "trị giá"…) with no unit after it.
//! - W06: a number with "." as decimal separator ("95.83%", "3.2 tỷ") before
//!   "%" or a unit.
//! - E08: "cùng kỳ năm X" / "so với năm X" with X ≠ year − 1 (and X < year).
//!
//! Only the narratives of the mention's own node are scanned for W01/W02;
//! matching is on NFC lower-cased text. A mention "phrase {n}" looks forward
//! (up to 15 letters/spaces before a count, up to 40 characters before a rate),
//! "{n} phrase" looks backward (the number right before, optionally followed
//! by the unit).

use super::computed::Side;
use super::env::to_i64;
use super::{fmt, Issue};
use crate::format::Rational;
use crate::model::{FieldPath, Report};
use crate::template::{Level, Node, Template};

/// A number token in text.
#[derive(Clone, Debug, PartialEq)]
struct Num {
    start: usize,
    end: usize,
    raw: String,
    /// Integer value in Vietnamese notation ("1.250" → 1250).
    int: Option<i64>,
    /// Exact value in Vietnamese notation ("84,62" → 8462/100).
    value: Option<Rational>,
    /// Decimal places typed after ",".
    places: u32,
    /// Uses "." as a decimal separator ("95.83").
    dot_decimal: bool,
}

fn parse_vi(raw: &str) -> (Option<i64>, Option<Rational>, u32, bool) {
    let (int_part, frac) = match raw.split_once(',') {
        Some((a, b)) => (a, Some(b)),
        None => (raw, None),
    };
    let groups: Vec<&str> = int_part.split('.').collect();
    let grouped_ok = groups.len() == 1
        || (groups[0].len() <= 3 && !groups[0].is_empty() && groups[1..].iter().all(|g| g.len() == 3));
    let dot_decimal = !grouped_ok && groups.len() == 2 && frac.is_none();
    if !grouped_ok || frac.is_some_and(|f| f.is_empty() || f.contains('.') || f.contains(',')) {
        return (None, None, 0, dot_decimal);
    }
    let digits: String = groups.concat();
    let Ok(whole) = digits.parse::<i64>() else { return (None, None, 0, false) };
    match frac {
        None => (Some(whole), Some(Rational::from_integer(whole as i128)), 0, false),
        Some(f) => {
            let places = f.len().min(12) as u32;
            let Ok(fv) = f[..places as usize].parse::<i64>() else { return (None, None, 0, false) };
            let den = 10i128.pow(places);
            (None, Some(Rational::new(whole as i128 * den + fv as i128, den)), places, false)
        }
    }
}

/// Number tokens: digits joined by single "." or "," between digits.
fn numbers(text: &str) -> Vec<Num> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if i > 0 && b[i - 1].is_ascii_alphabetic() {
            // Part of a code like "m2" or "QĐ217": not a figure.
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || ((b[i] == b'.' || b[i] == b',') && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
        {
            i += 1;
        }
        let raw = &text[start..i];
        let (int, value, places, dot_decimal) = parse_vi(raw);
        out.push(Num { start, end: i, raw: raw.to_string(), int, value, places, dot_decimal });
    }
    out
}

/// NFC, lower-cased text for matching (typed or pasted text may be NFD),
/// with one tone placement ("hoà" matches "hòa", see
/// [`crate::format::old_tone_placement`]); the template's phrases are
/// normalised the same way when it is compiled.
fn normalise(s: &str) -> String {
    // Combining marks U+0300–U+036F start with byte 0xCC or 0xCD in UTF-8.
    let lowered =
        if s.bytes().any(|x| x == 0xCC || x == 0xCD) { lower_all(&crate::format::nfc(s)) } else { lower_all(s) };
    crate::format::old_tone_placement(&lowered)
}

/// Lower-case ASCII and the Vietnamese capitals; other scripts are left as
/// typed, which is enough for matching Vietnamese phrases and much faster
/// than full case mapping. Unchanged runs are copied as whole slices.
fn lower_all(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let (lower, width) = match b[i] {
            x @ b'A'..=b'Z' => ((x + 32) as char, 1),
            0xC3 | 0xC4 | 0xC5 | 0xC6 | 0xE1 => match s[i..].chars().next() {
                Some(c) => (vietnamese_lower(c), c.len_utf8()),
                None => break,
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let original = &s[i..i + width];
        if lower.len_utf8() == width && original.starts_with(lower) {
            i += width;
            continue;
        }
        out.push_str(&s[copied..i]);
        out.push(lower);
        i += width;
        copied = i;
    }
    out.push_str(&s[copied..]);
    out
}

/// Lower case of a Vietnamese capital (À..Þ, Ă Đ Ĩ Ũ Ơ Ư, Ạ..Ỹ); other characters unchanged.
fn vietnamese_lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => u + 1,
        0x1AF => 0x1B0,
        0x1EA0..=0x1EF9 if u.is_multiple_of(2) => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Skip whitespace and quotes forward from `i`.
fn skip_ws(t: &str, mut i: usize) -> usize {
    while let Some(c) = t[i..].chars().next() {
        if c.is_whitespace() || "\"“”'‘’".contains(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Trim whitespace and quotes backward from `i`.
fn trim_back(t: &str, mut i: usize) -> usize {
    while let Some(c) = t[..i].chars().next_back() {
        if c.is_whitespace() || "\"“”'‘’".contains(c) {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn starts_with_word(t: &str, i: usize, word: &str) -> bool {
    t[i..].starts_with(word) && t[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// One figure found for a mention.
struct Found {
    num: Num,
    snippet: String,
}

/// Numbers introduced by a mention pattern in `t` (already normalised).
fn find_mentions(t: &str, nums: &[Num], mention: &str, unit: &str, rate: bool) -> Vec<Found> {
    let mut out = Vec::new();
    let (m, unit) = (mention, unit);
    if let Some(prefix) = m.strip_suffix("{n}").map(str::trim_end) {
        if prefix.is_empty() {
            return out;
        }
        for (pos, _) in t.match_indices(prefix) {
            let after = pos + prefix.len();
            let limit = if rate { 40 } else { 15 };
            let next = nums.iter().find(|n| n.start >= after);
            let Some(n) = next else { continue };
            let gap = &t[after..n.start];
            if gap.chars().count() > limit || gap.contains(['\n', ';']) || gap.contains(". ") {
                continue;
            }
            if rate {
                // First percentage in the window.
                let Some(p) = nums
                    .iter()
                    .filter(|x| x.start >= after)
                    .take_while(|x| t[after..x.start].chars().count() <= limit)
                    .find(|x| t[skip_ws(t, x.end)..].starts_with('%'))
                else {
                    continue;
                };
                let g = &t[after..p.start];
                if g.contains(['\n', ';']) || g.contains(". ") {
                    continue;
                }
                out.push(Found { num: p.clone(), snippet: t[pos..skip_ws(t, p.end) + 1].to_string() });
            } else {
                if !gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == ':') {
                    continue;
                }
                let mut e = n.end;
                if t[e..].starts_with('/') {
                    if let Some(d) = nums.iter().find(|x| x.start == e + 1) {
                        e = d.end;
                    }
                }
                let u = skip_ws(t, e);
                if !unit.is_empty() && !starts_with_word(t, u, unit) {
                    continue;
                }
                if t[skip_ws(t, n.end)..].starts_with('%') {
                    continue;
                }
                out.push(Found { num: n.clone(), snippet: t[pos..u + unit.len()].trim_end().to_string() });
            }
        }
    } else if let Some(suffix) = m.strip_prefix("{n}").map(str::trim_start) {
        if suffix.is_empty() {
            return out;
        }
        for (pos, _) in t.match_indices(suffix) {
            let mut e = trim_back(t, pos);
            if rate {
                if !t[..e].ends_with('%') {
                    continue;
                }
                e = trim_back(t, e - 1);
            } else if !unit.is_empty() && t[..e].ends_with(unit) && !suffix.starts_with(unit) {
                e = trim_back(t, e - unit.len());
            }
            if let Some(n) = nums.iter().find(|n| n.end == e) {
                if !rate && t[skip_ws(t, n.end)..].starts_with('%') {
                    continue;
                }
                out.push(Found { num: n.clone(), snippet: t[n.start..pos + suffix.len()].to_string() });
            }
        }
    }
    out
}

/// Whether a typed percentage agrees with an exact rate (see module doc).
fn rate_agrees(typed: &Rational, places: u32, exact: &Rational) -> bool {
    let exact_pct = exact * Rational::from_integer(100);
    let diff = if *typed > exact_pct { typed - exact_pct } else { exact_pct - typed };
    let tol_abs = Rational::new(1, 100);
    let half_unit = Rational::new(1, 2 * 10i128.pow(places.min(12)));
    diff <= tol_abs || diff <= half_unit
}

/// A narrative prepared once for every check: key, normalised text, number tokens.
struct Prepared<'a> {
    key: &'a str,
    text: String,
    nums: Vec<Num>,
}

/// Run W01, W02, W04 (text), W06 and the E08 year check on every narrative.
pub(crate) fn text_checks(template: &Template, report: &Report, cur: &Side, issues: &mut Vec<Issue>) {
    let prepared: Vec<Prepared> = report
        .texts
        .iter()
        // Every check here is about a figure: text without digits has nothing to check.
        .filter(|(_, v)| v.bytes().any(|b| b.is_ascii_digit()))
        .map(|(k, v)| {
            let text = normalise(v);
            let nums = numbers(&text);
            Prepared { key: k.as_str(), text, nums }
        })
        .collect();
    if prepared.is_empty() {
        return;
    }

    for node in &template.nodes_flat() {
        if node.part_of.is_some() {
            continue;
        }
        let prefix = format!("{}.", node.id);
        let texts: Vec<&Prepared> = prepared.iter().filter(|p| p.key.starts_with(&prefix)).collect();
        if texts.is_empty() {
            continue;
        }
        let at = NodeTexts { template, report, node, texts, cur };
        mentions_w01(&at, issues);
        mentions_w02(&at, issues);
    }
    for p in &prepared {
        let node_id = p.key.split('.').next();
        w06_and_w04(p.key, &p.text, &p.nums, node_id, issues);
        e08_years(report, p.key, &p.text, &p.nums, node_id, issues);
    }
}

/// The narratives of one node with figures in them, and what W01 and W02
/// check them against.
struct NodeTexts<'a> {
    template: &'a Template,
    report: &'a Report,
    node: &'a Node,
    texts: Vec<&'a Prepared<'a>>,
    cur: &'a Side,
}

fn node_label(template: &Template, report: &Report, id: &str) -> String {
    template.node(id).map(|n| super::node_title(n, report)).unwrap_or_else(|| id.to_string())
}

fn mentions_w01(at: &NodeTexts, issues: &mut Vec<Issue>) {
    let &NodeTexts { template, report, node, ref texts, cur } = at;
    let insts: Vec<_> = template
        .index
        .computed
        .iter()
        .filter(|c| c.node_id == node.id && c.display.is_rate() && c.per_row.is_none())
        .collect();
    let Some(phrases) = distinct(insts.iter().flat_map(|c| c.mentions.iter().map(String::as_str)).collect()) else {
        return;
    };
    for p in texts {
        let (key, t, nums) = (p.key, &p.text, &p.nums);
        for (i, f) in longest_matches(&phrases, |i| find_mentions(t, nums, phrases[i], "", true)) {
            let phrase = phrases[i];
            let Some(typed) = &f.num.value else { continue };
            let cands: Vec<_> = insts
                .iter()
                .filter(|c| c.mentions.iter().any(|m| m == phrase))
                .filter_map(|c| cur.exact.get(&c.key).map(|r| (c, r)))
                .collect();
            if cands.is_empty() || cands.iter().any(|(_, r)| rate_agrees(typed, f.num.places, r)) {
                continue;
            }
            let (c, r) = cands[0];
            issues.push(Issue::new(
                "W01",
                Level::Warning,
                vec![FieldPath::key(key), FieldPath::key(&c.key)],
                format!(
                    "Mục “{}” ghi “{}”, khác {} tính được từ số liệu ({})",
                    node_label(template, report, &node.id),
                    f.snippet,
                    crate::format::lower_first(&c.label),
                    fmt::percent(r)
                ),
                Some(node.id.as_str()),
            ));
        }
    }
}

/// The phrases to look for, sorted and each once; none when there are none.
fn distinct<T: Ord>(mut phrases: Vec<T>) -> Option<Vec<T>> {
    phrases.sort();
    phrases.dedup();
    (!phrases.is_empty()).then_some(phrases)
}

/// Figures found by several phrases (by index), each owned by the longest
/// phrase that introduces it ("đang giải quyết 70" beats "giải quyết 70").
fn longest_matches(phrases: &[&str], find: impl Fn(usize) -> Vec<Found>) -> Vec<(usize, Found)> {
    let mut found: Vec<(usize, Found)> = Vec::new();
    for (i, phrase) in phrases.iter().enumerate() {
        for f in find(i) {
            match found.iter_mut().find(|(_, g)| g.num.start == f.num.start) {
                Some(slot) if phrases[slot.0].len() < phrase.len() => *slot = (i, f),
                Some(_) => {}
                None => found.push((i, f)),
            }
        }
    }
    found.sort_by_key(|(_, f)| f.num.start);
    found
}

fn mentions_w02(at: &NodeTexts, issues: &mut Vec<Issue>) {
    let &NodeTexts { template, report, node, ref texts, cur } = at;
    let phrases: Vec<(&str, &str)> =
        node.indicators.iter().flat_map(|i| i.mentions.iter().map(move |m| (m.as_str(), i.unit.as_str()))).collect();
    let Some(phrases) = distinct(phrases) else { return };
    for p in texts {
        let (key, t, nums) = (p.key, &p.text, &p.nums);
        let texts_only: Vec<&str> = phrases.iter().map(|(p, _)| *p).collect();
        let found = longest_matches(&texts_only, |i| find_mentions(t, nums, phrases[i].0, phrases[i].1, false));
        for (i, f) in found {
            let (phrase, unit) = phrases[i];
            let Some(n) = f.num.int else { continue };
            let cands = candidates(template, report, node, phrase, unit, cur);
            if cands.is_empty() || cands.iter().any(|(_, _, v)| *v == n) {
                continue;
            }
            let listed: Vec<String> = cands.iter().map(|(_, l, v)| format!("{l} ({})", fmt::int(*v))).collect();
            let mut paths = vec![FieldPath::key(key)];
            paths.extend(
                cands.iter().filter(|(k, _, _)| template.indicator(k).is_some()).map(|(k, _, _)| FieldPath::key(k)),
            );
            issues.push(Issue::new(
                "W02",
                Level::Warning,
                paths,
                format!(
                    "Mục “{}” ghi “{}”, khác số liệu đã nhập: {}",
                    node_label(template, report, &node.id),
                    f.snippet,
                    listed.join("; ")
                ),
                Some(node.id.as_str()),
            ));
        }
    }
}

/// Values a phrase may refer to: every indicator of the node with this phrase
/// and unit (grouped ones: each group and their sum), as (key, label, value).
fn candidates(
    template: &Template,
    report: &Report,
    node: &Node,
    phrase: &str,
    unit: &str,
    cur: &Side,
) -> Vec<(String, String, i64)> {
    let mut cands = Vec::new();
    for ind in node.indicators.iter().filter(|i| i.unit == unit && i.mentions.iter().any(|m| m == phrase)) {
        let keys: Vec<String> = if ind.grouped {
            node.groups.iter().map(|g| FieldPath::group_key(&ind.key, &g.id)).collect()
        } else {
            vec![ind.key.clone()]
        };
        let mut sum: Option<i64> = None;
        for k in &keys {
            let v = super::compare::effective(template, &report.values, &cur.exact, k, 0).and_then(|r| to_i64(&r));
            if let Some(v) = v {
                let label = template.indicator(k).map(|x| x.full_label()).unwrap_or_else(|| k.clone());
                cands.push((k.clone(), label, v));
                sum = Some(sum.unwrap_or(0).saturating_add(v));
            }
        }
        if ind.grouped {
            if let Some(s) = sum {
                cands.push((ind.key.clone(), ind.label.clone(), s));
            }
        }
    }
    cands
}

const UNIT_WORDS: [&str; 10] = ["%", "tỷ", "triệu", "nghìn", "ngàn", "ha", "tấn", "m2", "m²", "km"];
const MONEY_WORDS: [&str; 7] =
    ["kinh phí", "số tiền", "trị giá", "tổng trị giá", "thành tiền", "vận động được", "với tổng số tiền"];
const MONEY_UNITS: [&str; 8] = ["đồng", "đ", "triệu", "tỷ", "nghìn", "ngàn", "vnđ", "vnd"];

fn w06_and_w04(key: &str, t: &str, nums: &[Num], node_id: Option<&str>, issues: &mut Vec<Issue>) {
    let bad: Vec<&Num> = nums
        .iter()
        .filter(|n| n.dot_decimal)
        .filter(|n| {
            let a = skip_ws(t, n.end);
            UNIT_WORDS.iter().any(|u| if *u == "%" { t[a..].starts_with('%') } else { starts_with_word(t, a, u) })
        })
        .collect();
    if !bad.is_empty() {
        let examples: Vec<String> = bad.iter().take(3).map(|n| format!("“{}”", n.raw)).collect();
        issues.push(Issue::new("W06", Level::Warning, vec![FieldPath::key(key)], format!(
                "Đoạn văn có số {} dùng dấu chấm (.) làm dấu thập phân; tiếng Việt dùng dấu phẩy (,) cho phần thập phân và dấu chấm để phân cách hàng nghìn",
                examples.join(", ")
            ), node_id));
    }
    for n in nums {
        let Some(v) = n.int else { continue };
        if v < 1_000_000 {
            continue;
        }
        let lead = trim_back(t, n.start);
        let mut lo = lead.saturating_sub(40);
        while !t.is_char_boundary(lo) {
            lo -= 1;
        }
        let near = &t[lo..lead];
        if !MONEY_WORDS.iter().any(|w| near.contains(w)) {
            continue;
        }
        let a = skip_ws(t, n.end);
        if MONEY_UNITS.iter().any(|u| starts_with_word(t, a, u)) {
            continue;
        }
        issues.push(Issue::new(
            "W04",
            Level::Warning,
            vec![FieldPath::key(key)],
            format!("Số tiền “{}” trong đoạn văn không ghi đơn vị (đồng, triệu đồng, tỷ đồng)", n.raw),
            node_id,
        ));
    }
}

fn e08_years(report: &Report, key: &str, t: &str, nums: &[Num], node_id: Option<&str>, issues: &mut Vec<Issue>) {
    let year = report.period.year as i64;
    for phrase in ["cùng kỳ năm", "so với năm"] {
        for (pos, _) in t.match_indices(phrase) {
            let a = skip_ws(t, pos + phrase.len());
            let Some(n) = nums.iter().find(|n| n.start == a) else { continue };
            let Some(y) = n.int.filter(|_| n.raw.len() == 4) else { continue };
            if y != year - 1 && y < year {
                issues.push(Issue::new(
                    "E08",
                    Level::Error,
                    vec![FieldPath::key(key)],
                    format!(
                        "Đoạn văn so sánh “{} {}” nhưng cùng kỳ của báo cáo năm {} là năm {}",
                        phrase,
                        n.raw,
                        year,
                        year - 1
                    ),
                    node_id,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_number_tokens_parse_with_grouping_and_decimal_comma() {
        let t = "tiếp nhận 1.250 hồ sơ, đạt 97,46%; 95.83% sai; 17.11";
        let n = numbers(t);
        assert_eq!(n[0].int, Some(1250));
        assert_eq!(n[1].value, Some(Rational::new(9746, 100)));
        assert!(n[2].dot_decimal);
        assert!(n[3].dot_decimal);
    }

    #[test]
    fn lowering_covers_vietnamese_capitals_and_nfd_input() {
        assert_eq!(
            normalise("ĐẢNG ỦY PHƯỜNG 1, Tổ Nhân Dân Tự Quản, ƠI ĂN ĨU ŨA Ý"),
            "đảng ủy phường 1, tổ nhân dân tự quản, ơi ăn ĩu ũa ý"
        );
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Hòa giải THÀNH").collect();
        assert_eq!(normalise(&nfd), "hòa giải thành");
    }

    #[test]
    fn forward_count_mention_needs_the_unit() {
        let t = normalise("Trong kỳ tiếp nhận 48 đơn; tiếp nhận 13 vụ");
        let nums = numbers(&t);
        let f = find_mentions(&t, &nums, "tiếp nhận {n}", "đơn", false);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].num.int, Some(48));
        assert_eq!(f[0].snippet, "tiếp nhận 48 đơn");
    }

    #[test]
    fn backward_mentions_read_the_number_before_the_phrase() {
        let t = normalise("Toàn phường có 578 Tổ nhân dân tự quản và 09 hội quán; đạt 125% kế hoạch");
        let nums = numbers(&t);
        assert_eq!(find_mentions(&t, &nums, "{n} tổ nhân dân tự quản", "tổ", false)[0].num.int, Some(578));
        assert_eq!(find_mentions(&t, &nums, "{n} hội quán", "hội quán", false)[0].num.int, Some(9));
        assert_eq!(find_mentions(&t, &nums, "{n} kế hoạch", "", true)[0].num.int, Some(125));
    }

    #[test]
    fn typed_rate_is_accepted_when_it_is_a_correct_rounding() {
        let exact = Rational::new(11, 13);
        assert!(rate_agrees(&Rational::new(8462, 100), 2, &exact));
        assert!(rate_agrees(&Rational::new(846, 10), 1, &exact));
        assert!(!rate_agrees(&Rational::new(8562, 100), 2, &exact));
    }
}
