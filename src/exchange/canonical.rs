//! The quick road to a file's checksum. `sha256` covers the canonical JSON
//! text of the envelope without its `sha256` member (object keys sorted,
//! no whitespace), which is what this app's pretty-printed export becomes
//! once its whitespace is dropped and that member cut out. Hashing that
//! text directly saves building and re-serialising a JSON tree, which is
//! most of the cost of checking hundreds of files. A file in any other
//! form (re-indented by an editor, keys reordered, escapes spelled
//! differently) gives another hash and takes the careful road.

/// The text of the JSON object `bytes` without insignificant whitespace and
/// without its top-level member named `key`. `None` when `bytes` is not an
/// object or the scan finds something it does not expect (the caller then
/// parses the file properly).
pub fn compact_without(bytes: &[u8], key: &str) -> Option<Vec<u8>> {
    compact(bytes, key.as_bytes(), false)
}

/// [`compact_without`] for a text in which every object names its members
/// in strictly ascending byte order, spelled without escapes, as this app's
/// export writes them (canonical JSON sorts object keys); `None` for any
/// other text. Such a text names no member twice in any object, so the
/// quick road learns that from the scan it needs for the checksum anyway,
/// without a walk of its own ([`duplicate_key`]) over every received file.
pub fn compact_sorted_without(bytes: &[u8], key: &str) -> Option<Vec<u8>> {
    compact(bytes, key.as_bytes(), true)
}

/// An open object or array of the scan in [`compact`].
struct Open {
    object: bool,
    /// An object's last member name so far, as a range of the input.
    last_name: Option<(usize, usize)>,
}

fn compact(bytes: &[u8], key: &[u8], sorted: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut open: Vec<Open> = Vec::new();
    // Whether the next string is a member's name.
    let mut expect_name = false;
    // At depth 1: where the current member starts in `out`, and whether it
    // is the one to cut out.
    let mut member_start = 0usize;
    let mut drop_member = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\n' | b'\r' | b'\t' => {
                // A pretty-printed line starts with a run of spaces.
                i += 1;
                while bytes.get(i) == Some(&b' ') {
                    i += 1;
                }
                continue;
            }
            b'"' => {
                // Copy the whole string at once: most of a report is narrative text.
                let start = i + 1;
                let (end, escaped) = string_end(bytes, start)?;
                out.extend_from_slice(&bytes[i..=end]);
                i = end + 1;
                if std::mem::take(&mut expect_name) {
                    let name = &bytes[start..end];
                    let container = open.last_mut()?;
                    if sorted {
                        let after_last = container.last_name.is_none_or(|(from, to)| name > &bytes[from..to]);
                        if escaped || !after_last {
                            return None;
                        }
                        container.last_name = Some((start, end));
                    }
                    // Spelled with an escape, it is not the member cut out
                    // (the exporter writes no escape there).
                    if open.len() == 1 {
                        drop_member = name == key;
                    }
                }
                continue;
            }
            b'{' | b'[' => {
                if open.is_empty() {
                    if b != b'{' || !out.is_empty() {
                        return None;
                    }
                    member_start = 1;
                }
                open.push(Open { object: b == b'{', last_name: None });
                expect_name = b == b'{';
            }
            b'}' | b']' => {
                let closed = open.pop()?;
                if open.is_empty() {
                    if !closed.object || b != b'}' {
                        return None;
                    }
                    if drop_member {
                        // Cut the member and the comma before it, if any.
                        let cut = if out.get(member_start.wrapping_sub(1)) == Some(&b',') {
                            member_start - 1
                        } else {
                            member_start
                        };
                        out.truncate(cut);
                        drop_member = false;
                    }
                }
                expect_name = false;
            }
            b',' => {
                expect_name = open.last().is_some_and(|o| o.object);
                if open.len() == 1 {
                    i += 1;
                    if drop_member {
                        // The next member now starts where the dropped one did.
                        out.truncate(member_start);
                        drop_member = false;
                        continue;
                    }
                    out.push(b);
                    member_start = out.len();
                    continue;
                }
            }
            _ => {}
        }
        out.push(b);
        i += 1;
    }
    (open.is_empty() && out.first() == Some(&b'{')).then_some(out)
}

/// Where the JSON string whose text begins at `start` (after its opening
/// quote) ends: the index of its closing quote, and whether it holds an
/// escape. `None` when the text ends first.
fn string_end(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let mut end = start;
    let mut escaped = false;
    loop {
        end += quote_or_backslash(bytes.get(end..)?)?;
        if bytes[end] == b'"' {
            return Some((end, escaped));
        }
        escaped = true;
        end += 2;
    }
}

/// Where the first `"` or `\\` of `bytes` is: where a JSON string ends or
/// has an escape. Most of a report is narrative text, so this looks at
/// eight bytes at a time (a zero byte of `word ^ pattern` marks a match;
/// the lowest flag found this way is always a real one).
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    for (n, chunk) in chunks.by_ref().enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = has_zero(word ^ (ONES * u64::from(b'"'))) | has_zero(word ^ (ONES * u64::from(b'\\')));
        if found != 0 {
            return Some(n * 8 + (found.trailing_zeros() / 8) as usize);
        }
    }
    let rest = chunks.remainder();
    rest.iter().position(|&c| c == b'"' || c == b'\\').map(|at| bytes.len() - rest.len() + at)
}

/// The first member name that appears twice in one object, at any depth,
/// of the JSON text `text` (`None` when there is none; on text that is not
/// JSON the answer means nothing, and the parser says what is wrong). A
/// JSON tree keeps only the last of two equal names, and the checksum
/// covers only that tree, so a file with a hidden first value must be
/// refused on every road.
///
/// It runs over every received file (200 at once in "Tổng hợp"), so it is
/// a plain scan of the text rather than a second parse: it looks only at
/// brackets, commas and where strings end, keeps the names of all open
/// objects on one stack (each object's names sorted at its top) and
/// borrows them from the text; only a name spelled with an escape is
/// decoded to be compared.
pub fn duplicate_key(text: &str) -> Option<String> {
    use std::borrow::Cow;
    let bytes = text.as_bytes();
    // Open containers: whether each is an object, and where its names
    // start on `names`.
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut names: Vec<Cow<str>> = Vec::new();
    let mut expect_name = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let (end, escaped) = string_end(bytes, start)?;
                i = end + 1;
                if !std::mem::take(&mut expect_name) {
                    continue;
                }
                let name = if escaped {
                    Cow::Owned(serde_json::from_str::<String>(text.get(start - 1..=end)?).ok()?)
                } else {
                    Cow::Borrowed(text.get(start..end)?)
                };
                let from = open.last()?.1;
                match names[from..].binary_search(&name) {
                    Ok(_) => return Some(name.chars().take(60).collect()),
                    Err(at) => names.insert(from + at, name),
                }
                continue;
            }
            b'{' => {
                open.push((true, names.len()));
                expect_name = true;
            }
            b'[' => open.push((false, names.len())),
            b'}' | b']' => {
                names.truncate(open.pop()?.1);
                expect_name = false;
            }
            b',' => expect_name = open.last().is_some_and(|&(object, _)| object),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_member_named_twice_is_found_at_any_depth_and_only_then() {
        assert_eq!(duplicate_key(r#"{"a":1,"b":{"c":[{"d":1,"d":2}]}}"#).as_deref(), Some("d"));
        assert_eq!(duplicate_key(r#"{"hg_thanh":1,"hg_thanh":2}"#).as_deref(), Some("hg_thanh"));
        // Spelled with an escape, still the same name.
        assert_eq!(duplicate_key(r#"{"ab":1,"a\u0062":2}"#).as_deref(), Some("ab"));
        assert_eq!(duplicate_key(r#"{"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]}"#), None);
        assert_eq!(duplicate_key("not json"), None);
    }

    #[test]
    fn names_of_an_object_are_remembered_across_its_nested_objects_and_forgotten_after_it() {
        // The outer object's names survive a nested object's push and pop.
        assert_eq!(duplicate_key(r#"{"b":{"z":1,"a":2},"a":1,"c":[{"b":1}],"b":2}"#).as_deref(), Some("b"));
        // Members out of order are still compared with every earlier one.
        assert_eq!(duplicate_key(r#"{"m":1,"z":1,"a":1,"q":{},"z":2}"#).as_deref(), Some("z"));
        // A nested object's names do not leak into its siblings or parent.
        assert_eq!(duplicate_key(r#"{"x":{"y":1,"z":{"y":1}},"y":{"x":1},"z":[{"x":1,"y":2},{"x":1}]}"#), None);
    }

    #[test]
    fn brackets_commas_and_quotes_inside_strings_are_text_not_structure() {
        assert_eq!(duplicate_key(r#"{"a":"\",{\"a\":1,[","b":"}]{,","c":{"a":"\\"}}"#), None);
        assert_eq!(duplicate_key(r#"{"a":"\",{\"b\":1","b":["}",{"x":"{"}],"a":2}"#).as_deref(), Some("a"));
        // A name with an escaped quote is one name, compared decoded.
        assert_eq!(duplicate_key(r#"{"q\"x":1,"q\u0022x":2}"#).as_deref(), Some("q\"x"));
        // Text cut short inside a string: no answer, the parser reports it.
        assert_eq!(duplicate_key(r#"{"a":"unfinished \"#), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_eight_byte_search_finds_the_first_quote_or_backslash(text in "[a-zđ\"\\\\ ]{0,40}") {
            let bytes = text.as_bytes();
            let plain = bytes.iter().position(|&c| c == b'"' || c == b'\\');
            proptest::prop_assert_eq!(quote_or_backslash(bytes), plain);
        }
    }

    fn canonical_without(value: &serde_json::Value, key: &str) -> String {
        let mut v = value.clone();
        v.as_object_mut().unwrap().remove(key);
        serde_json::to_string(&v).unwrap()
    }

    #[test]
    fn pretty_text_becomes_the_canonical_text_without_the_member() {
        let value = json!({
            "a": 1,
            "report": { "sha256": "nested stays", "texts": { "N01.text": "Hai  dấu cách, \"ngoặc\" và \\ {[,]}" } },
            "sha256": "abc",
            "z": [1, 2, { "k": null }],
        });
        for text in [serde_json::to_string_pretty(&value).unwrap(), serde_json::to_string(&value).unwrap()] {
            let out = compact_without(text.as_bytes(), "sha256").unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), canonical_without(&value, "sha256"));
        }
    }

    #[test]
    fn the_member_may_be_first_last_or_alone() {
        for value in
            [json!({ "a": 1, "b": 2, "sha256": "x" }), json!({ "sha256": "x", "a": 1 }), json!({ "sha256": "x" })]
        {
            let text = serde_json::to_string_pretty(&value).unwrap();
            assert_eq!(
                String::from_utf8(compact_without(text.as_bytes(), "sha256").unwrap()).unwrap(),
                canonical_without(&value, "sha256")
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn any_object_pretty_or_compact_gives_its_canonical_text(
            entries in proptest::collection::btree_map("[a-z\"\\\\ ]{0,6}", proptest::prelude::any::<String>(), 0..6),
            nested in proptest::collection::vec(proptest::prelude::any::<String>(), 0..4),
            sha in "[0-9a-f]{64}",
        ) {
            let mut value = serde_json::Map::new();
            for (k, v) in &entries {
                value.insert(k.clone(), json!({ "text": v, "list": nested, "n": k.len() }));
            }
            value.insert("sha256".into(), json!(sha));
            let value = serde_json::Value::Object(value);
            let expected = canonical_without(&value, "sha256");
            for text in [serde_json::to_string_pretty(&value).unwrap(), serde_json::to_string(&value).unwrap()] {
                let out = compact_without(text.as_bytes(), "sha256").unwrap();
                proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), expected.clone());
            }
        }
    }

    #[test]
    fn the_sorted_scan_gives_the_same_text_for_ascending_members_and_declines_anything_else() {
        let value = json!({
            "a": { "": 1, "b": [{ "x": 1, "y": { "k": "\\\"" } }], "c": "{\"a\":1,\"a\":2}" },
            "sha256": "abc",
            "z": [1, { "k": null }],
        });
        let text = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(compact_sorted_without(text.as_bytes(), "sha256"), compact_without(text.as_bytes(), "sha256"));
        for declined in [
            // A member named twice, at the top or deep down.
            r#"{"a":1,"a":1}"#,
            r#"{"a":{"b":[{"x":1,"x":1}]}}"#,
            // Out of order, though no name repeats: not as exported.
            r#"{"b":1,"a":1}"#,
            r#"{"a":[{"y":1,"x":1}]}"#,
            // A name spelled with an escape (the export writes none).
            r#"{"a\u0062":1}"#,
            // A shorter name after a longer one it starts.
            r#"{"ab":1,"a":1}"#,
        ] {
            assert_eq!(compact_sorted_without(declined.as_bytes(), "sha256"), None, "{declined}");
            assert!(compact_without(declined.as_bytes(), "sha256").is_some(), "{declined}");
        }
        // Names are compared whole, not with their quotes: "a" < "a!" < "ab".
        assert!(compact_sorted_without(r#"{"a":1,"a!":2,"ab":3}"#.as_bytes(), "sha256").is_some());
        // Each object has its own order: a nested name may sort before the outer ones.
        assert!(compact_sorted_without(r#"{"m":{"a":1,"z":2},"n":[{"a":1},{"a":2}]}"#.as_bytes(), "k").is_some());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn the_sorted_scan_never_passes_a_text_that_names_a_member_twice(
            names in proptest::collection::vec("[ab\"]{0,2}", 0..6),
            nested in proptest::collection::vec("[ab]{0,2}", 0..4),
        ) {
            // Written by hand, in the given order, so names may repeat or be out of order.
            let member = |n: &String| format!("{}:{{{}}}", json!(n), nested.iter().map(|k| format!("{}:1", json!(k))).collect::<Vec<_>>().join(","));
            let text = format!("{{{}}}", names.iter().map(member).collect::<Vec<_>>().join(","));
            if duplicate_key(&text).is_some() {
                proptest::prop_assert_eq!(compact_sorted_without(text.as_bytes(), "sha256"), None);
            }
        }
    }

    #[test]
    fn anything_but_an_object_is_declined() {
        for text in ["", "[1]", "\"x\"", "{\"a\":1", "{\"a\":\"1}", "{\"a\":1}}", "1 {}"] {
            assert_eq!(compact_without(text.as_bytes(), "sha256"), None, "{text}");
        }
    }
}
