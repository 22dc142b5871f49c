//! Embeds the built-in template files (src/template/*.json) without their
//! indentation: the sources stay readable for authors, while the wasm
//! download carries only the compact text. Only whitespace between JSON
//! tokens is removed, so keys, strings and numbers stay byte-identical and
//! the runtime parses exactly what the authors wrote.

use std::path::Path;

const TEMPLATES: [&str; 4] = ["catalogue.json", "cq.json", "dang.json", "outline.schema.json"];

fn main() {
    // The linked wasm keeps its relocations so the post-build split
    // (src/web/post_build.mjs, wasm-split-cli) can cut the on-demand screens
    // into their own chunks. Only the app binary: test binaries are never split.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in TEMPLATES {
        let source = Path::new("src/template").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("read {}: {e}", source.display()));
        std::fs::write(Path::new(&out_dir).join(name), compact_json(&text)).expect("write compact template");
    }
    check_shipped_outlines(&out_dir);
}

/// What the compiled built-in outlines (src/template/shipped/) are made
/// from: the outline sources and the code of the types and of the compiler.
const SHIPPED_SOURCES: [&str; 9] = [
    "src/template/catalogue.json",
    "src/template/cq.json",
    "src/template/dang.json",
    "src/template/mod.rs",
    "src/template/compiled.rs",
    "src/template/compile.rs",
    "src/template/formula.rs",
    "src/template/raw.rs",
    "src/template/shipped.rs",
];

/// Writes the digest of [`SHIPPED_SOURCES`] for the test that remakes the
/// shipped outlines, and refuses to build the app (wasm) when the shipped
/// ones were made from other sources: the browser would get a stale outline.
fn check_shipped_outlines(out_dir: &str) {
    // FNV-1a: a change detector, not a security check.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in SHIPPED_SOURCES {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        for b in path.bytes().chain([0]).chain(text).chain([0]) {
            hash = (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let digest = format!("{hash:016x}\n");
    std::fs::write(Path::new(out_dir).join("shipped-sources.digest"), &digest).expect("write digest");
    let recorded = "src/template/shipped/sources.digest";
    println!("cargo:rerun-if-changed={recorded}");
    let stale = std::fs::read_to_string(recorded).ok().as_deref() != Some(digest.as_str());
    if stale && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        panic!(
            "src/template/shipped/ was made from other outline sources than those in src/template: \
             run `cargo test --locked --lib template::shipped` (it remakes the files), then build again"
        );
    }
}

/// JSON text without insignificant whitespace (outside strings).
fn compact_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
            in_string = c == '"';
        }
    }
    out
}
