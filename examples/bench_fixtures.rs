//! Writes the browser benchmark's fixtures (used by `.ci/bench`, not a test).
//! Run with `cargo run --release --example bench_fixtures -- <out dir>`.
//!
//! - `storage.json`: the localStorage entries (`bcdv.index`, `bcdv.draft.<id>`)
//!   that the app itself writes for the full CQ and DANG reports of
//!   [`full_report`], saved through the app's own draft code over an
//!   in-memory store, so the envelopes are exactly what the editor reads;
//! - `ids.json`: the draft id of each kind;
//! - `wards/*.json`: 200 export files of full CQ reports with distinct unit
//!   codes, names and report ids, each with a valid sha256 (made by the app's
//!   own exporter), for the "Tổng hợp" merge.

use bao_cao_dan_van::editor::drafts;
use bao_cao_dan_van::exchange::export;
use bao_cao_dan_van::fixtures::{fixed_time, full_report};
use bao_cao_dan_van::model::Kind;
use bao_cao_dan_van::storage::{DraftStore, MemoryStore, Previous};
use bao_cao_dan_van::template::Template;
use std::collections::BTreeMap;
use std::path::PathBuf;

const WARDS: usize = 200;

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench/fixtures".into()));
    let wards = out.join("wards");
    if wards.exists() {
        std::fs::remove_dir_all(&wards).expect("clear wards dir");
    }
    std::fs::create_dir_all(&wards).expect("create fixture dirs");

    // Drafts exactly as the app stores them.
    let store = DraftStore::new(MemoryStore::new());
    let mut ids = BTreeMap::new();
    let mut narrative_chars = BTreeMap::new();
    for kind in Kind::ALL {
        let report = full_report(kind);
        let progress = drafts::progress_percent(Template::builtin(kind), &report);
        drafts::save(&store, &report, progress, None, Previous::Keep, fixed_time()).expect("save fixture draft");
        ids.insert(kind.code().to_string(), report.id.clone());
        narrative_chars
            .insert(kind.code().to_string(), report.texts.values().map(|t| t.chars().count()).sum::<usize>());
    }
    let entries = store.backend().snapshot();
    let sizes: BTreeMap<&String, usize> = entries.iter().map(|(k, v)| (k, v.len())).collect();
    std::fs::write(out.join("storage.json"), serde_json::to_string(&entries).expect("json"))
        .expect("write storage.json");
    std::fs::write(
        out.join("ids.json"),
        serde_json::to_string_pretty(
            &serde_json::json!({ "ids": ids, "narrative_chars": narrative_chars, "entry_bytes": sizes }),
        )
        .expect("json"),
    )
    .expect("write ids.json");

    // 200 wards' export files of one kind and period.
    let template = Template::builtin(Kind::Cq);
    let base = full_report(Kind::Cq);
    let mut total = 0usize;
    for i in 0..WARDS {
        let mut r = base.clone();
        r.id = format!("00000000-0000-4000-8000-{:012}", 100_000 + i);
        r.unit.code = format!("P{:03}-BENCH", i + 1);
        r.unit.name = format!("PHƯỜNG {}", i + 1);
        let file = export(template, &r, env!("CARGO_PKG_VERSION"), fixed_time());
        total += file.json.len();
        std::fs::write(wards.join(&file.name), &file.json).expect("write ward file");
    }
    println!("fixtures in {}: drafts {:?}, {} ward files ({} kB total)", out.display(), ids, WARDS, total / 1024);
}
