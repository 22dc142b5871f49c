//! Embeds the built-in template files (src/template/*.json) without their
//! indentation: the sources stay readable for authors, while the wasm
//! download carries only the compact text. Only whitespace between JSON
//! tokens is removed, so keys, strings and numbers stay byte-identical and
//! the runtime parses exactly what the authors wrote.

use std::path::Path;

const TEMPLATES: [&str; 4] = ["catalogue.json", "cq.json", "dang.json", "outline.schema.json"];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in TEMPLATES {
        let source = Path::new("src/template").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("read {}: {e}", source.display()));
        std::fs::write(Path::new(&out_dir).join(name), compact_json(&text)).expect("write compact template");
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
