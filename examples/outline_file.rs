//! Writes an outline (đề cương) file for the end-to-end tests: the built-in
//! outline of a kind under another id, version, title and issuer, as the
//! level above would issue it. Not a test; run by
//! `tests/e2e/specs/17-outlines-exchange.test.mjs`:
//! `cargo run --example outline_file -- <CQ|DANG> <id> <version> <title> <issuer> [first heading]`.

use bao_cao_dan_van::model::Kind;
use bao_cao_dan_van::template::Template;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, id, version, title, issuer, rest @ ..] = args.as_slice() else {
        eprintln!("usage: outline_file <CQ|DANG> <id> <version> <title> <issuer> [first heading]");
        std::process::exit(2);
    };
    let kind = if kind == "DANG" { Kind::Dang } else { Kind::Cq };
    let mut value: serde_json::Value =
        serde_json::from_str(&Template::builtin(kind).to_json()).expect("the built-in outline is JSON");
    value["id"] = id.as_str().into();
    value["version"] = version.parse::<u32>().expect("version").into();
    value["title"] = title.as_str().into();
    value["issuer"] = issuer.as_str().into();
    if let Some(heading) = rest.first() {
        value["nodes"][0]["title"] = heading.as_str().into();
    }
    let text = serde_json::to_string_pretty(&value).expect("JSON");
    // What the app loads, so a test never starts from a file the app refuses.
    Template::from_file("outline_file.json", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    println!("{text}");
}
