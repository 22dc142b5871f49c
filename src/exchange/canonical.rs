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
    let key = format!("\"{key}\"");
    let mut out = Vec::with_capacity(bytes.len());
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // At depth 1: where the current member starts in `out`, and whether the
    // next string is a member's key.
    let mut member_start = 0usize;
    let mut expect_key = false;
    let mut key_start = None::<usize>;
    let mut drop_member = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if in_string {
            if escaped {
                out.push(b);
                escaped = false;
                continue;
            }
            // Copy the run up to the next quote or backslash at once: most
            // of a report is narrative text.
            let run = bytes[i - 1..].iter().position(|&c| c == b'"' || c == b'\\').unwrap_or(bytes.len() - (i - 1));
            out.extend_from_slice(&bytes[i - 1..i - 1 + run]);
            i += run.saturating_sub(1);
            if run == 0 {
                out.push(b);
                if b == b'\\' {
                    escaped = true;
                } else {
                    in_string = false;
                    if let Some(start) = key_start.take() {
                        drop_member = out[start..] == *key.as_bytes();
                    }
                }
            }
            continue;
        }
        match b {
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            b'"' => {
                if depth == 1 && expect_key {
                    key_start = Some(out.len());
                    expect_key = false;
                }
                in_string = true;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth == 1 {
                    if b != b'{' || !out.is_empty() {
                        return None;
                    }
                    member_start = 1;
                    expect_key = true;
                }
            }
            b'}' | b']' => {
                if depth == 1 {
                    if b != b'}' {
                        return None;
                    }
                    if drop_member {
                        // Cut the member and the comma before it, if any.
                        let cut = if out.get(member_start.wrapping_sub(1)) == Some(&b',') { member_start - 1 } else { member_start };
                        out.truncate(cut);
                        drop_member = false;
                    }
                }
                depth = depth.checked_sub(1)?;
            }
            b',' if depth == 1 => {
                if drop_member {
                    out.truncate(member_start);
                    drop_member = false;
                    // The next member now starts where the dropped one did.
                    expect_key = true;
                    continue;
                }
                out.push(b);
                member_start = out.len();
                expect_key = true;
                continue;
            }
            _ => {}
        }
        out.push(b);
    }
    (depth == 0 && !in_string && out.first() == Some(&b'{')).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        for value in [json!({ "a": 1, "b": 2, "sha256": "x" }), json!({ "sha256": "x", "a": 1 }), json!({ "sha256": "x" })] {
            let text = serde_json::to_string_pretty(&value).unwrap();
            assert_eq!(String::from_utf8(compact_without(text.as_bytes(), "sha256").unwrap()).unwrap(), canonical_without(&value, "sha256"));
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
    fn anything_but_an_object_is_declined() {
        for text in ["", "[1]", "\"x\"", "{\"a\":1", "{\"a\":\"1}", "{\"a\":1}}", "1 {}"] {
            assert_eq!(compact_without(text.as_bytes(), "sha256"), None, "{text}");
        }
    }
}
