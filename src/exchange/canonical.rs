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
                        let cut = if out.get(member_start.wrapping_sub(1)) == Some(&b',') {
                            member_start - 1
                        } else {
                            member_start
                        };
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

/// The first member name that appears twice in one object, at any depth,
/// of the JSON text `text` (`None` when there is none, or the text is not
/// JSON: the parser says what is wrong then). A JSON tree keeps only the
/// last of two equal names, and the checksum covers only that tree, so a
/// file with a hidden first value must be refused on every road.
///
/// It runs over every received file (200 at once in "Tổng hợp"), so it
/// allocates nothing per object: the names of all open objects share one
/// stack, each object's names sorted at its top, and names without escapes
/// are borrowed from the text. Taking `&str` lets the parser skip checking
/// UTF-8 string by string.
pub fn duplicate_key(text: &str) -> Option<String> {
    use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
    use std::borrow::Cow;
    use std::fmt;

    /// Walks any JSON value; fails with the duplicated name. `names` holds
    /// the names seen so far in every object that is still open.
    struct Walk<'a, 'de> {
        names: &'a mut Vec<Cow<'de, str>>,
    }
    /// A member name, borrowed from the text when it has no escapes.
    struct Key;

    impl<'de> Visitor<'de> for Key {
        type Value = Cow<'de, str>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a member name")
        }
        fn visit_borrowed_str<E: Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_string()))
        }
    }
    impl<'de> DeserializeSeed<'de> for Key {
        type Value = Cow<'de, str>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
    }
    impl<'de> DeserializeSeed<'de> for Walk<'_, 'de> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Walk<'_, 'de> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E: Error>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E: Error>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E: Error>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E: Error>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E: Error>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E: Error>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(Walk { names: &mut *self.names })?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            // This object's names sit above `start`, sorted; nested objects
            // push theirs above them and pop them before returning. This
            // app writes members in sorted order, so a name usually goes on
            // the top without moving the others.
            let start = self.names.len();
            while let Some(key) = map.next_key_seed(Key)? {
                match self.names[start..].binary_search(&key) {
                    Ok(_) => return Err(A::Error::custom(DUPLICATE.to_string() + &key)),
                    Err(at) => self.names.insert(start + at, key),
                }
                map.next_value_seed(Walk { names: &mut *self.names })?;
            }
            self.names.truncate(start);
            Ok(())
        }
    }
    const DUPLICATE: &str = "duplicate member: ";
    let mut names = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    match (Walk { names: &mut names }).deserialize(&mut de) {
        Err(e) => {
            let text = e.to_string();
            let rest = text.strip_prefix(DUPLICATE)?;
            // serde_json appends " at line L column C".
            let name = rest.rsplit_once(" at line ").map_or(rest, |(name, _)| name);
            Some(name.chars().take(60).collect())
        }
        Ok(()) => None,
    }
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
    fn anything_but_an_object_is_declined() {
        for text in ["", "[1]", "\"x\"", "{\"a\":1", "{\"a\":\"1}", "{\"a\":1}}", "1 {}"] {
            assert_eq!(compact_without(text.as_bytes(), "sha256"), None, "{text}");
        }
    }
}
