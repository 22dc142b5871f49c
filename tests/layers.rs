#![cfg(not(target_arch = "wasm32"))]
//! Layers import only downward. Every `crate::<module>` path in `src/`
//! (in `use` lines, in expressions and in doc links) must name a layer that
//! the file's own layer may use; the rules are [`ALLOWED`]. There is no list
//! of exceptions: a file that needs something from above moves up, or the
//! thing it needs moves down.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What each layer may use, lowest first. A layer may always use itself;
/// `lib.rs` and `main.rs` tie the layers together and may use any.
const ALLOWED: [(&str, &[&str]); 11] = [
    ("format", &[]),
    ("model", &[]),
    ("template", &["format", "model"]),
    ("engine", &["format", "model", "template"]),
    ("storage", &["model", "template"]),
    ("print", &["format", "model", "template", "engine"]),
    ("exchange", &["format", "model", "template", "engine"]),
    ("fixtures", &["format", "model", "template", "engine", "storage", "print", "exchange"]),
    ("editor", &["format", "model", "template", "engine", "storage", "print", "exchange", "fixtures"]),
    ("route", &["storage"]),
    ("ui", &["format", "model", "template", "engine", "storage", "print", "exchange", "fixtures", "editor", "route"]),
];

/// Test data: the tests of any layer may build their reports with it.
const TEST_DATA: &str = "fixtures";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layer a file belongs to: the first component under `src/`, without `.rs`.
fn layer_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// Every module named right after `crate::` in `line`, including each
/// member of a group (`crate::{model::Report, format}`). A group that runs
/// over several lines is read by [`group_members`].
fn crate_refs(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        // `$crate::` in macros and `other_crate::` are not this crate's paths.
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            out.extend(group_members(group));
            continue;
        }
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

/// The first path segment of each member of a `{…}` group that starts `text`
/// (up to its closing brace or the end of `text`).
fn group_members(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut at_member_start) = (0, true);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_member_start = true,
            c if at_member_start && (c.is_ascii_alphabetic() || c == '_') => {
                let name: String = text[i..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                for _ in 1..name.chars().count() {
                    chars.next();
                }
                out.push(name);
                at_member_start = false;
            }
            _ => {}
        }
    }
    out
}

/// Lines of test code: a file that is a test module (`tests.rs`, `tests/…`),
/// or the body of an inline `#[cfg(test)] mod … { … }`.
fn test_lines(relative: &Path, lines: &[&str]) -> Vec<bool> {
    if relative.components().any(|c| c.as_os_str() == "tests" || c.as_os_str() == "tests.rs") {
        return vec![true; lines.len()];
    }
    let mut marks = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let inline_test_module = lines[i].trim().starts_with("#[cfg(")
            && lines[i].contains("test")
            && lines.get(i + 1).is_some_and(|next| next.trim_start().starts_with("mod ") && next.contains('{'));
        if !inline_test_module {
            i += 1;
            continue;
        }
        // Count braces to the end of the module; string contents are rare
        // enough here, and an unclosed count marks the rest of the file.
        let mut depth = 0i64;
        let mut j = i + 1;
        while j < lines.len() {
            marks[j] = true;
            depth += lines[j].matches('{').count() as i64 - lines[j].matches('}').count() as i64;
            j += 1;
            if depth <= 0 {
                break;
            }
        }
        i = j;
    }
    marks
}

/// Every broken rule in `src/`, as "file:line: rule".
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let layers: BTreeSet<&str> = ALLOWED.iter().map(|(l, _)| *l).collect();
    let mut out = Vec::new();
    for path in files {
        let relative = path.strip_prefix(src).unwrap();
        let layer = layer_of(relative);
        if layer == "lib" || layer == "main" {
            continue;
        }
        let Some((_, allowed)) = ALLOWED.iter().find(|(l, _)| *l == layer) else {
            out.push(format!("src/{}: module `{layer}` has no layer rule in tests/layers.rs", relative.display()));
            continue;
        };
        let text = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let in_test = test_lines(relative, &lines);
        let mut open_group: Option<i64> = None;
        for (n, line) in lines.iter().enumerate() {
            // Plain comments may name other layers in prose; doc comments
            // (`///`, `//!`) are kept: their links are paths.
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") && !trimmed.starts_with("///") && !trimmed.starts_with("//!") {
                continue;
            }
            let mut used_here = crate_refs(line);
            if let Some(open) = open_group.as_mut() {
                // Inside a `use crate::{` that began on an earlier line.
                *open += line.matches('{').count() as i64 - line.matches('}').count() as i64;
                used_here.extend(group_members(line.trim_start()));
                if *open <= 0 {
                    open_group = None;
                }
            } else if let Some(at) = line.find("crate::{") {
                let tail = &line[at + "crate::".len()..];
                let depth = tail.matches('{').count() as i64 - tail.matches('}').count() as i64;
                if depth > 0 {
                    open_group = Some(depth);
                }
            }
            for used in used_here {
                if used == layer || !layers.contains(used.as_str()) {
                    continue;
                }
                if allowed.contains(&used.as_str()) || (in_test[n] && used == TEST_DATA) {
                    continue;
                }
                let rule = if allowed.is_empty() {
                    format!("`{layer}` imports nothing from the rest of the crate")
                } else {
                    format!("`{layer}` may use only {}", allowed.join(", "))
                };
                out.push(format!(
                    "src/{}:{}: uses `crate::{used}`, but {rule}\n    {}",
                    relative.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    out
}

#[test]
fn every_layer_imports_only_from_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let broken = violations(&src);
    assert!(broken.is_empty(), "{} reference(s) break the layer order:\n{}", broken.len(), broken.join("\n"));
}

#[test]
fn every_module_of_the_crate_has_a_layer_rule() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    assert!(modules.len() >= 10, "{modules:?}");
    for m in modules {
        assert!(ALLOWED.iter().any(|(l, _)| *l == m), "module `{m}` has no layer rule");
    }
}

#[test]
fn the_checker_names_file_line_and_rule_of_an_upward_reference() {
    let dir = std::env::temp_dir().join(format!("layers-check-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("model")).unwrap();
    fs::create_dir_all(dir.join("print")).unwrap();
    let model = "use std::fmt;\n// crate::engine in prose is fine\nuse crate::template::Template;\n";
    fs::write(dir.join("model/a.rs"), model).unwrap();
    fs::write(
        dir.join("print/b.rs"),
        "use crate::engine::evaluate;\n#[cfg(test)]\nmod tests {\n    use crate::fixtures::full_report;\n}\n\
         fn f() { crate::fixtures::full_report(); crate::storage::DraftId::new(); }\n\
         use crate::{engine::Appendix, editor::{drafts, input}};\nuse crate::{\n    model::Kind,\n    ui::app,\n};\n",
    )
    .unwrap();
    let broken = violations(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(broken.len(), 5, "{broken:#?}");
    assert!(broken[0].starts_with("src/model/a.rs:3: uses `crate::template`"), "{}", broken[0]);
    assert!(broken[0].contains("`model` imports nothing from the rest of the crate"), "{}", broken[0]);
    let outside_tests = "src/print/b.rs:6: uses `crate::fixtures`, but `print` may use only";
    assert!(broken[1].starts_with(outside_tests), "{}", broken[1]);
    assert!(broken[2].starts_with("src/print/b.rs:6: uses `crate::storage`"), "{}", broken[2]);
    assert!(broken[3].starts_with("src/print/b.rs:7: uses `crate::editor`"), "{}", broken[3]);
    assert!(broken[4].starts_with("src/print/b.rs:10: uses `crate::ui`"), "{}", broken[4]);
}

#[test]
fn format_and_model_state_the_same_bounds() {
    // Kept in both because neither imports the other: the parser's bound and
    // the range of moments shown are the model's limits.
    use bao_cao_dan_van::{format, model::limits};
    assert_eq!(format::MAX_INPUT, limits::MAX_NUMBER);
    assert_eq!(format::MOMENT_YEARS, limits::MOMENT_YEARS);
}
