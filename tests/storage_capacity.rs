#![cfg(not(target_arch = "wasm32"))]
//! What a unit keeps on one device fits localStorage: 10 loaded outlines and
//! 50 full drafts, each with the previous revision the editor keeps, stored
//! by the app's own code over a store with localStorage's real limit
//! (5 Mi UTF-16 code units in Chromium, see `storage::space`).
//! `cargo test --test storage_capacity -- --nocapture` prints the figures.

use bao_cao_dan_van::editor::drafts;
use bao_cao_dan_van::fixtures::{fixed_time, full_report, unit_profile};
use bao_cao_dan_van::model::Kind;
use bao_cao_dan_van::storage::{
    used_units, DraftStore, KeyValueStore, MemoryStore, OutlineStore, Previous, Space, LOCAL_STORAGE_QUOTA,
};
use bao_cao_dan_van::template::Template;

const OUTLINES: usize = 10;
const DRAFTS: usize = 50;

/// A province's outline: a built-in one under its own id and a later
/// version, with one heading renamed, as the level above would issue it.
fn issued_outline(n: usize) -> Template {
    let kind = if n.is_multiple_of(2) { Kind::Cq } else { Kind::Dang };
    let mut value: serde_json::Value = serde_json::from_str(&Template::builtin(kind).to_json()).unwrap();
    value["id"] = format!("TP_{}", kind.code()).into();
    value["version"] = (2 + n / 2).into();
    value["title"] = format!("Đề cương báo cáo công tác dân vận năm 2026, bản {n}").into();
    value["nodes"][0]["title"] = "ĐẶC ĐIỂM TÌNH HÌNH CHUNG CỦA ĐỊA PHƯƠNG".into();
    Template::from_file(&format!("de-cuong-{n}.json"), value.to_string().as_bytes()).unwrap()
}

fn units_of(store: &MemoryStore, prefix: &str) -> usize {
    store
        .snapshot()
        .iter()
        .filter(|(k, _)| k.starts_with(prefix))
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum()
}

#[test]
fn ten_loaded_outlines_and_fifty_full_drafts_fit_local_storage() {
    let memory = MemoryStore::with_quota(LOCAL_STORAGE_QUOTA);
    let outlines = OutlineStore::new(&memory);
    for n in 0..OUTLINES {
        outlines.save(&issued_outline(n)).unwrap_or_else(|e| panic!("outline {n}: {}", e.message()));
    }
    assert_eq!(outlines.list().len(), OUTLINES);
    let outline_units = units_of(&memory, "bcdv.outline.");

    let store = DraftStore::new(&memory);
    store.save_profile(&unit_profile()).unwrap();
    for n in 0..DRAFTS {
        let kind = if n.is_multiple_of(2) { Kind::Cq } else { Kind::Dang };
        let mut report = full_report(kind);
        report.id = format!("draft-{n:02}");
        report.name = format!("{} ({n})", report.name);
        let progress = drafts::progress_percent(Template::builtin(kind), &report);
        // Saved twice, as the editor does: the revision it opened stays under `.prev`.
        drafts::save(&store, &report, progress, None, Previous::Keep, fixed_time())
            .unwrap_or_else(|e| panic!("draft {n}: {}", e.message()));
        report.texts.insert("N01.text".into(), format!("Sửa lần hai của báo cáo {n}."));
        drafts::save(&store, &report, progress, Some(1), Previous::Keep, fixed_time())
            .unwrap_or_else(|e| panic!("draft {n}, second save: {}", e.message()));
    }
    let (list, problems) = store.list();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(list.len(), DRAFTS);
    assert!(memory.keys().unwrap().iter().filter(|k| k.ends_with(".prev")).count() == DRAFTS);

    let used = used_units(&memory);
    let draft_units = units_of(&memory, "bcdv.draft.");
    let space = Space::new(used);
    println!(
        "storage check: {OUTLINES} outlines {outline_units} units ({} kB as UTF-16), {DRAFTS} full drafts with \
         previous revisions {draft_units} units ({} kB), everything {used} of {LOCAL_STORAGE_QUOTA} units \
         ({} %); the notice: {}",
        2 * outline_units / 1024,
        2 * draft_units / 1024,
        space.percent(),
        space.message()
    );
    assert!(used <= LOCAL_STORAGE_QUOTA);
    // Room left for the work of a period: five more full drafts with their revisions.
    let per_draft = draft_units / DRAFTS;
    assert!(LOCAL_STORAGE_QUOTA - used > 5 * per_draft, "only {} units left", LOCAL_STORAGE_QUOTA - used);
}
