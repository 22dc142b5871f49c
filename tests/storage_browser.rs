//! Browser tests of the localStorage backend, run by
//! `cargo test --target wasm32-unknown-unknown` in headless Chromium.
#![cfg(target_arch = "wasm32")]

use bao_cao_dan_van::model::{Kind, PeriodType, Status};
use bao_cao_dan_van::storage::local::{clear_app_keys, LocalStore};
use bao_cao_dan_van::storage::{DraftStore, DraftSummary, KeyValueStore, Previous, SaveError, StorageError};
use chrono::{TimeZone, Utc};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn summary(id: &str) -> DraftSummary {
    DraftSummary {
        id: id.into(),
        name: "Báo cáo quý III".into(),
        unit: "Phường 1".into(),
        kind: Kind::Dang,
        period_type: PeriodType::Q3,
        year: 2025,
        status: Status::Draft,
        progress: 0,
        updated_at: Utc.with_ymd_and_hms(2025, 10, 1, 0, 0, 0).unwrap(),
        exported_at: None,
        template: None,
    }
}

#[wasm_bindgen_test]
fn draft_survives_in_real_local_storage() {
    clear_app_keys();
    let store = DraftStore::new(LocalStore::open().unwrap());
    let now = Utc::now();
    store
        .save(&summary("t1"), 1, "DANG", 1, &json!({ "N01.text": "Tình hình ổn định" }), None, Previous::Keep, now)
        .unwrap();
    // A second, independent handle reads what the first wrote.
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("bcdv.draft.t1").unwrap().unwrap();
    assert!(raw.contains("Tình hình ổn định"));
    let again = DraftStore::new(LocalStore::open().unwrap());
    let (list, problems) = again.list();
    assert!(problems.is_empty());
    assert_eq!(list[0].id, "t1");
    clear_app_keys();
}

#[wasm_bindgen_test]
fn full_local_storage_is_reported_as_quota_exceeded() {
    clear_app_keys();
    let local = LocalStore::open().unwrap();
    // Fill the origin's quota (about 5 MB in Chromium) with 1 MB chunks.
    let chunk = "x".repeat(1 << 20);
    let mut filler = Vec::new();
    for i in 0..64 {
        let key = format!("bcdv.filler.{i}");
        if local.set(&key, &chunk).is_err() {
            break;
        }
        filler.push(key);
    }
    let small = "y".repeat(64 << 10);
    let mut last = Ok(());
    for i in 0..64 {
        last = local.set(&format!("bcdv.filler.s{i}"), &small);
        if last.is_err() {
            break;
        }
    }
    assert_eq!(last, Err(StorageError::QuotaExceeded));
    let store = DraftStore::new(LocalStore::open().unwrap());
    let big = json!({ "text": "z".repeat(256 << 10) });
    let err = store.save(&summary("t2"), 1, "DANG", 1, &big, None, Previous::Keep, Utc::now()).unwrap_err();
    assert_eq!(err, SaveError::Storage(StorageError::QuotaExceeded));
    clear_app_keys();
}

#[wasm_bindgen_test]
fn replace_keeps_the_old_text_and_head_reads_only_the_start() {
    clear_app_keys();
    let local = LocalStore::open().unwrap();
    assert!(local.replace("bcdv.test.k", "một", Some("bcdv.test.old")).unwrap());
    assert_eq!(local.get("bcdv.test.old").unwrap(), None);
    assert!(local.replace("bcdv.test.k", "hai ba", Some("bcdv.test.old")).unwrap());
    assert_eq!(local.get("bcdv.test.k").unwrap().as_deref(), Some("hai ba"));
    assert_eq!(local.get("bcdv.test.old").unwrap().as_deref(), Some("một"));
    assert_eq!(local.get_head("bcdv.test.k", 3).unwrap().as_deref(), Some("hai"));
    assert_eq!(local.get_head("bcdv.test.none", 3).unwrap(), None);
    clear_app_keys();
}

#[wasm_bindgen_test]
fn saves_through_local_storage_count_revisions_and_refuse_a_stale_tab() {
    clear_app_keys();
    let store = DraftStore::new(LocalStore::open().unwrap());
    let text = "Nhân dân phấn khởi. ".repeat(2_000);
    let mut revision = None;
    for i in 0..3 {
        let report = json!({ "N01.text": format!("{text}{i}") });
        revision = Some(
            store.save(&summary("t3"), 1, "DANG", 1, &report, revision, Previous::Keep, Utc::now()).unwrap().revision,
        );
    }
    assert_eq!(revision, Some(3));
    let loaded = store.load("t3").unwrap().unwrap();
    assert_eq!(loaded.envelope.report.tree().unwrap(), json!({ "N01.text": format!("{text}2") }));
    assert!(loaded.has_previous);
    let stale = store.save(&summary("t3"), 1, "DANG", 1, &json!({}), Some(2), Previous::Keep, Utc::now()).unwrap_err();
    assert_eq!(stale, SaveError::Conflict { stored: 3, expected: Some(2) });
    store.restore_previous("t3", Utc::now()).unwrap();
    assert_eq!(
        store.load("t3").unwrap().unwrap().envelope.report.tree().unwrap(),
        json!({ "N01.text": format!("{text}1") })
    );
    clear_app_keys();
}

/// The room the home screen's storage notice states (`storage::space`) is
/// what Chromium's localStorage really holds: 5 Mi UTF-16 code units of keys
/// and values, whether the characters are ASCII or Vietnamese.
#[wasm_bindgen_test]
fn local_storage_holds_what_the_storage_notice_says() {
    use bao_cao_dan_van::storage::LOCAL_STORAGE_QUOTA;
    clear_app_keys();
    let local = LocalStore::open().unwrap();
    let others: usize = local
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.encode_utf16().count() + local.get(k).unwrap().map_or(0, |v| v.encode_utf16().count()))
        .sum();
    let key = "bcdv.probe";
    let fits = |text: &str| {
        let ok = local.set(key, text).is_ok();
        local.remove(key).unwrap();
        ok
    };
    let (mut lo, mut hi) = (0usize, 2 * LOCAL_STORAGE_QUOTA);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&"x".repeat(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    assert_eq!(others + key.len() + lo, LOCAL_STORAGE_QUOTA, "ASCII");
    assert!(fits(&"ệ".repeat(lo)), "Vietnamese letters count one unit each");
    assert!(!fits(&"ệ".repeat(lo + 1)));
    clear_app_keys();
}
