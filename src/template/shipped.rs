//! The built-in outlines as the app ships them: compiled when the app is
//! built, only decoded when it starts.
//!
//! Compiling an outline (reading its JSON, checking it, resolving every
//! formula) was the largest piece of the app's own work before the
//! editor's first screen (≈ 30 ms of 150 ms at 1×, docs/startup-trace.md).
//! The built-in outlines are fixed for a build, so `shipped/<kind>.postcard`
//! holds each one as [`Template`] compiled from `src/template/*.json` (its
//! hash included), in postcard's compact binary form of serde's data model. The
//! outline compiler and the readers of outline JSON then run only for an
//! outline received as a file, in that screen's own wasm chunk.
//!
//! Invariants:
//! - Each file is exactly the encoding of the outline compiled from the
//!   sources in the tree: the test `the_shipped_outlines_are_the_json_files_compiled`
//!   compares the bytes, and rewrites the files (and fails) when they differ.
//! - `shipped/sources.digest` names the sources the files were made from
//!   (the outline JSON and the code of the types and of the compiler; see
//!   build.rs). build.rs refuses a wasm build whose digest differs, so a
//!   stale outline cannot reach a browser; `cargo test` remakes the files.
//! - A decoded outline is marked built-in and has no written form;
//!   [`written`] reads that form from the JSON when an outline is exported.

use super::raw::{self, RawCatalogue, RawTemplate};
use super::Template;
use crate::model::Kind;

// Compact copies of src/template/*.json written by build.rs.
const CATALOGUE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));
const DANG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dang.json"));
const CQ_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/cq.json"));

const DANG: &[u8] = include_bytes!("shipped/dang.postcard");
const CQ: &[u8] = include_bytes!("shipped/cq.postcard");

/// The first members of [`Template`], in its order: read without decoding
/// the rest.
#[derive(serde::Deserialize)]
pub(super) struct Head {
    pub id: String,
    pub version: u32,
}

fn bytes(kind: Kind) -> &'static [u8] {
    match kind {
        Kind::Dang => DANG,
        Kind::Cq => CQ,
    }
}

/// The built-in outline of `kind`.
///
/// Panics only if the shipped file does not decode, which the tests rule out.
pub(super) fn decode(kind: Kind) -> Template {
    let mut template: Template = postcard::from_bytes(bytes(kind))
        .unwrap_or_else(|e| panic!("built-in template {} does not decode: {e}", kind.code()));
    template.builtin = true;
    template
}

/// The id and version of the built-in outline of `kind`.
pub(super) fn head(kind: Kind) -> Head {
    postcard::take_from_bytes(bytes(kind))
        .map(|(head, _)| head)
        .unwrap_or_else(|e| panic!("built-in template {} does not decode: {e}", kind.code()))
}

/// The built-in outline of `kind` as written: its outline file with the
/// catalogue's content merged in (what [`Template::to_json`] writes).
pub(super) fn written(kind: Kind) -> RawTemplate {
    let mut outline: RawTemplate = serde_json::from_str(outline_json(kind))
        .unwrap_or_else(|e| panic!("built-in template {} is invalid: {e}", kind.code()));
    let catalogue: RawCatalogue =
        serde_json::from_str(CATALOGUE_JSON).unwrap_or_else(|e| panic!("the outline catalogue is invalid: {e}"));
    raw::merge_catalogue(&mut outline.nodes, &catalogue);
    outline
}

fn outline_json(kind: Kind) -> &'static str {
    match kind {
        Kind::Dang => DANG_JSON,
        Kind::Cq => CQ_JSON,
    }
}

/// `Option<NaiveDate>` as a day number: a date's text would need chrono's
/// date parser in the first download.
pub(super) mod day {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.map(|d| d.num_days_from_ce()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<i32>::deserialize(d)?
            .map(|n| NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| D::Error::custom("day out of range")))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn compiled(kind: Kind) -> Template {
        Template::from_outline(outline_json(kind), CATALOGUE_JSON).unwrap()
    }

    fn encode(t: &Template) -> Vec<u8> {
        postcard::to_allocvec(t).unwrap()
    }

    #[test]
    fn the_shipped_outlines_are_the_json_files_compiled() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/template/shipped");
        let mut rewritten = Vec::new();
        for kind in Kind::ALL {
            let fresh = encode(&compiled(kind));
            if fresh != bytes(kind) {
                let name = format!("{}.postcard", kind.code().to_lowercase());
                std::fs::write(dir.join(&name), &fresh).unwrap();
                rewritten.push(name);
            }
        }
        let digest = include_str!(concat!(env!("OUT_DIR"), "/shipped-sources.digest"));
        if std::fs::read_to_string(dir.join("sources.digest")).ok().as_deref() != Some(digest) {
            std::fs::write(dir.join("sources.digest"), digest).unwrap();
            rewritten.push("sources.digest".into());
        }
        assert!(
            rewritten.is_empty(),
            "src/template/shipped/{{{}}} did not match the outline sources and have been remade: \
             run the tests again and commit them",
            rewritten.join(",")
        );
    }

    #[test]
    fn a_shipped_outline_is_the_compiled_one() {
        for kind in Kind::ALL {
            let (shipped, fresh) = (decode(kind), compiled(kind));
            assert!(shipped.is_builtin());
            assert_eq!(shipped.hash(), fresh.hash());
            assert_eq!(shipped.to_json(), fresh.to_json(), "its written form is the JSON's");
            // As JSON values: maps compare by content, whatever their order in the table.
            let value = |t: &Template| serde_json::to_value(t).unwrap();
            assert_eq!(value(&shipped), value(&fresh), "it decodes to what was encoded");
            let head = head(kind);
            assert_eq!((head.id.as_str(), head.version), (fresh.id.as_str(), fresh.version));
        }
    }

    #[test]
    fn embedded_templates_are_the_source_files_without_whitespace() {
        for (embedded, source) in [
            (CATALOGUE_JSON, include_str!("catalogue.json")),
            (DANG_JSON, include_str!("dang.json")),
            (CQ_JSON, include_str!("cq.json")),
        ] {
            let parsed: serde_json::Value = serde_json::from_str(embedded).expect("embedded JSON parses");
            assert_eq!(parsed, serde_json::from_str::<serde_json::Value>(source).unwrap());
            assert!(embedded.len() < source.len() && !embedded.contains('\n'));
        }
    }
}
