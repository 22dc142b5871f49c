use super::*;
use crate::storage::{DraftId, MemoryStore};
use chrono::TimeZone;
use serde_json::json;

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, 1, 8, minute, 0).unwrap()
}

fn summary(id: &str) -> DraftSummary {
    DraftSummary {
        id: id.to_string(),
        name: format!("Báo cáo {id}"),
        unit: "Phường 1".into(),
        kind: Kind::Cq,
        period_type: PeriodType::H1,
        year: 2025,
        status: Status::Draft,
        progress: 10,
        updated_at: at(0),
        exported_at: None,
        template: None,
    }
}

fn save(
    store: &DraftStore<MemoryStore>,
    id: &str,
    text: &str,
    expected: Option<u64>,
) -> Result<SaveOutcome, SaveError> {
    store.save(&summary(id), 1, "CQ", 1, &json!({ "text": text }), expected, Previous::Keep, at(1))
}

#[test]
fn saved_draft_is_listed_and_loads_back() {
    let store = DraftStore::new(MemoryStore::new());
    let outcome = save(&store, "a", "xin chào", None).unwrap();
    assert_eq!(outcome.revision, 1);
    let (list, problems) = store.list();
    assert!(problems.is_empty());
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].updated_at, at(1));
    let loaded = store.load("a").unwrap().unwrap();
    assert_eq!(loaded.envelope.report.tree().unwrap(), json!({ "text": "xin chào" }));
    assert!(!loaded.has_previous);
}

#[test]
fn each_save_increments_revision_and_keeps_previous() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "một", None).unwrap();
    let second = save(&store, "a", "hai", Some(1)).unwrap();
    assert_eq!(second.revision, 2);
    let loaded = store.load("a").unwrap().unwrap();
    assert!(loaded.has_previous);
    let restored = store.restore_previous("a", at(2)).unwrap();
    assert_eq!(restored.revision, 3);
    assert_eq!(store.load("a").unwrap().unwrap().envelope.report.tree().unwrap(), json!({ "text": "một" }));
}

#[test]
fn a_save_that_leaves_the_previous_revision_keeps_the_older_one() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "lúc mở", None).unwrap();
    save(&store, "a", "sửa 1", Some(1)).unwrap();
    let leave = |text: &str, expected| {
        store.save(&summary("a"), 1, "CQ", 1, &json!({ "text": text }), Some(expected), Previous::Leave, at(2)).unwrap()
    };
    leave("sửa 2", 2);
    assert_eq!(leave("sửa 3", 3).revision, 4);
    assert_eq!(store.load("a").unwrap().unwrap().envelope.report.tree().unwrap(), json!({ "text": "sửa 3" }));
    store.restore_previous("a", at(3)).unwrap();
    assert_eq!(store.load("a").unwrap().unwrap().envelope.report.tree().unwrap(), json!({ "text": "lúc mở" }));
    // The swap kept what was current, so it can be switched back.
    store.restore_previous("a", at(4)).unwrap();
    assert_eq!(store.load("a").unwrap().unwrap().envelope.report.tree().unwrap(), json!({ "text": "sửa 3" }));
}

#[test]
fn autosave_leaves_the_index_to_the_list_which_shows_the_draft_as_saved() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "một", None).unwrap();
    let index = store.backend().get("bcdv.index").unwrap();
    let mut later = summary("a");
    later.name = "Tên mới".into();
    store.save(&later, 1, "CQ", 1, &json!({ "text": "hai" }), Some(1), Previous::Leave, at(5)).unwrap();
    assert_eq!(store.backend().get("bcdv.index").unwrap(), index, "not rewritten by a save of a listed draft");
    let (list, _) = store.list();
    assert_eq!((list[0].name.as_str(), list[0].updated_at), ("Tên mới", at(5)), "the list reads the draft itself");
    let index: Index = serde_json::from_str(&store.backend().get("bcdv.index").unwrap().unwrap()).unwrap();
    assert_eq!(index.drafts[0].name, "Tên mới", "and refreshes the index");
}

#[test]
fn save_from_a_stale_tab_is_refused_and_changes_nothing() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "tab 1", None).unwrap();
    save(&store, "a", "tab 1 again", Some(1)).unwrap();
    let before = store.backend().snapshot();
    let err = save(&store, "a", "tab 2 stale", Some(1)).unwrap_err();
    assert_eq!(err, SaveError::Conflict { stored: 2, expected: Some(1) });
    assert_eq!(store.backend().snapshot(), before);
}

#[test]
fn new_draft_may_not_overwrite_an_existing_one() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "first", None).unwrap();
    assert!(matches!(save(&store, "a", "second", None), Err(SaveError::Conflict { .. })));
}

#[test]
fn full_storage_reports_quota_and_keeps_the_stored_revision() {
    let store = DraftStore::new(MemoryStore::with_quota(2_000));
    save(&store, "a", "ngắn", None).unwrap();
    let before = store.load("a").unwrap().unwrap();
    let long = "chữ ".repeat(1_000);
    let err = save(&store, "a", &long, Some(1)).unwrap_err();
    assert_eq!(err, SaveError::Storage(StorageError::QuotaExceeded));
    assert!(err.message().contains("Xuất tệp ngay"));
    assert_eq!(store.load("a").unwrap().unwrap(), before);
}

#[test]
fn previous_copy_is_dropped_rather_than_failing_the_save_when_space_is_short() {
    // Room for one copy of the draft plus the index, not for a second copy.
    let store = DraftStore::new(MemoryStore::with_quota(1_500));
    save(&store, "a", &"x".repeat(300), None).unwrap();
    let outcome = save(&store, "a", &"y".repeat(300), Some(1)).unwrap();
    assert_eq!(outcome.revision, 2);
    assert_eq!(store.load("a").unwrap().unwrap().envelope.report.tree().unwrap(), json!({ "text": "y".repeat(300) }));
}

#[test]
fn a_refused_save_keeps_the_stored_revision_and_its_previous_one() {
    let store = DraftStore::new(MemoryStore::with_quota(3_000));
    save(&store, "a", "một", None).unwrap();
    save(&store, "a", "hai", Some(1)).unwrap();
    let before = store.backend().snapshot();
    let err = save(&store, "a", &"ba ".repeat(1_000), Some(2)).unwrap_err();
    assert_eq!(err, SaveError::Storage(StorageError::QuotaExceeded));
    assert_eq!(store.backend().snapshot(), before);
}

#[test]
fn revision_is_read_from_the_head_of_an_envelope_this_app_wrote() {
    let store = DraftStore::new(MemoryStore::new());
    for _ in 0..12 {
        let expected = store.load("a").unwrap().map(|d| d.envelope.revision);
        save(&store, "a", "x", expected).unwrap();
    }
    let raw = store.backend().get("bcdv.draft.a").unwrap().unwrap();
    assert_eq!(revision_in_head(&raw.chars().take(ENVELOPE_HEAD_CHARS).collect::<String>()), Some(12));
}

#[test]
fn revision_head_scan_declines_anything_else() {
    for head in [
        "",
        "{\"revision\":3,\"storage_version\":1}",
        "{\"storage_version\":1,\"template_id\":\"CQ\"",
        "{\"storage_version\":1,\"revision\":",
        "{\"storage_version\":1,\"revision\":12",
        "{\"storage_version\":1,\"revision\":-1,",
        "{\"storage_version\":1,\"revision\":1.5,",
        "{\"storage_version\":1,\"revision\":99999999999999999999999,",
    ] {
        assert_eq!(revision_in_head(head), None, "{head}");
    }
    assert_eq!(revision_in_head("{\"storage_version\":1,\"revision\":7}"), Some(7));
}

#[test]
fn an_entry_in_another_field_order_is_read_whole() {
    let store = DraftStore::new(MemoryStore::new());
    let raw = format!(
        "{{\"revision\":5,\"storage_version\":1,\"schema_version\":1,\"template_id\":\"CQ\",\"template_version\":1,\
         \"saved_at\":\"2025-07-01T08:00:00Z\",\"summary\":{},\"report\":{{}}}}",
        serde_json::to_string(&summary("a")).unwrap()
    );
    store.backend().set("bcdv.draft.a", &raw).unwrap();
    assert_eq!(save(&store, "a", "x", Some(4)).unwrap_err(), SaveError::Conflict { stored: 5, expected: Some(4) });
    assert_eq!(save(&store, "a", "x", Some(5)).unwrap().revision, 6);
    assert_eq!(store.backend().get("bcdv.draft.a.prev").unwrap().unwrap(), raw);
}

#[test]
fn corrupted_draft_is_quarantined_and_others_still_list() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "good", "ok", None).unwrap();
    store.backend().set("bcdv.draft.bad", "{ this is not json").unwrap();
    let (list, problems) = store.list();
    assert_eq!(list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["good"]);
    assert_eq!(problems.len(), 1);
    let Problem::Corrupted { key, quarantined_as: Some(q), .. } = &problems[0] else { panic!("{problems:?}") };
    assert_eq!(key, "bcdv.draft.bad");
    assert_eq!(store.backend().get(q).unwrap().as_deref(), Some("{ this is not json"));
    assert_eq!(store.backend().get("bcdv.draft.bad").unwrap(), None);
    assert!(problems[0].message().contains("cách ly"));
    // Reported once: the next start is clean.
    assert!(store.list().1.is_empty());
    assert_eq!(store.quarantined().len(), 1);
}

#[test]
fn corrupted_index_is_rebuilt_from_drafts() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "1", None).unwrap();
    save(&store, "b", "2", None).unwrap();
    store.backend().set("bcdv.index", "[[[").unwrap();
    let (list, problems) = store.list();
    assert_eq!(list.len(), 2);
    assert_eq!(problems.len(), 1);
    let (_, again) = store.list();
    assert!(again.is_empty());
}

#[test]
fn delete_then_undelete_restores_exactly() {
    // Typed reports keep their field order ("z" before "a"); a parsed
    // `serde_json::Value` would sort them, so undo must put back the text.
    #[derive(Serialize)]
    struct Typed {
        z: &'static str,
        a: u8,
    }
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "bản trước", None).unwrap();
    store.save(&summary("a"), 1, "CQ", 1, &Typed { z: "giữ lại", a: 1 }, Some(1), Previous::Keep, at(1)).unwrap();
    let before = store.backend().snapshot();
    let removed = store.delete("a").unwrap().unwrap();
    assert!(store.list().0.is_empty());
    assert_eq!(store.undelete(&removed, || unreachable!("no copy needed")).unwrap(), Undeleted::Restored);
    assert_eq!(store.backend().snapshot(), before, "draft, previous revision and index all back");
    assert_eq!(store.list().0.len(), 1);
}

#[test]
fn profile_round_trips_and_corrupt_profile_is_quarantined() {
    let store = DraftStore::new(MemoryStore::new());
    store.save_profile(&json!({ "ten": "PHƯỜNG 1" })).unwrap();
    assert_eq!(store.load_profile::<serde_json::Value>().unwrap(), Some(json!({ "ten": "PHƯỜNG 1" })));
    store.backend().set("bcdv.profile", "nope").unwrap();
    assert!(matches!(store.load_profile::<serde_json::Value>(), Err(Problem::Corrupted { .. })));
    assert_eq!(store.load_profile::<serde_json::Value>().unwrap(), None);
}

#[test]
fn other_sites_keys_are_never_touched() {
    let store = DraftStore::new(MemoryStore::new());
    store.backend().set("other.app", "{ not ours").unwrap();
    save(&store, "a", "1", None).unwrap();
    let _ = store.list();
    assert_eq!(store.backend().get("other.app").unwrap().as_deref(), Some("{ not ours"));
}

fn quarantined_texts(store: &DraftStore<MemoryStore>) -> Vec<String> {
    store.quarantined().into_iter().map(|(_, raw)| raw).collect()
}

// Defect 3: "Hoàn tác" after another tab saved the deleted draft again.
#[test]
fn undo_of_a_delete_keeps_the_text_saved_since_and_brings_the_deleted_one_back_as_a_copy() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "cũ", None).unwrap();
    save(&store, "a", "cũ 2", Some(1)).unwrap();
    let removed = store.delete("a").unwrap().unwrap();
    // The tab that still has the draft open keeps typing; its autosave
    // writes the draft back, continuing from the revision it had.
    let newer = save(&store, "a", "mới từ thẻ khác", Some(2)).unwrap();
    assert_eq!(newer.revision, 3, "a save after a delete continues from its own revision");
    let newer_raw = store.backend().get("bcdv.draft.a").unwrap();

    let undone = store.undelete(&removed, || "copy-1".to_string()).unwrap();
    assert_eq!(undone, Undeleted::AsCopy { id: "copy-1".into() });
    assert_eq!(store.backend().get("bcdv.draft.a").unwrap(), newer_raw, "the newer text is not overwritten");
    let copy = store.load("copy-1").unwrap().unwrap().envelope;
    assert_eq!(copy.report.tree().unwrap(), json!({ "text": "cũ 2" }));
    assert_eq!(copy.summary.name, "Báo cáo a (bản khôi phục)");
    let prev = store.backend().get("bcdv.draft.copy-1.prev").unwrap().unwrap();
    assert!(prev.contains("\"copy-1\"") && prev.contains("\"cũ\""), "its previous revision came along: {prev}");
    let (list, problems) = store.list();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["copy-1", "a"]);
}

// Defect 7: the unit profile, edited in two tabs.
#[test]
fn profile_saves_check_the_stored_version_and_a_stale_tab_writes_nothing() {
    let store = DraftStore::new(MemoryStore::new());
    let first = store.save_profile_checked(&json!({ "name": "PHƯỜNG 1" }), profile_tag(None)).unwrap();
    // Tab A and tab B both loaded `first`; A saves first.
    let a = store.save_profile_checked(&json!({ "name": "PHƯỜNG 1", "code": "P1" }), first).unwrap();
    assert_ne!(a, first);
    let before = store.backend().snapshot();
    let err = store.save_profile_checked(&json!({ "name": "PHƯỜNG MỘT" }), first).unwrap_err();
    assert_eq!(err, SaveError::Conflict { stored: a, expected: Some(first) });
    assert_eq!(store.backend().snapshot(), before, "the stale tab wrote nothing");
    let loaded = store.load_profile_tagged::<serde_json::Value>().unwrap().unwrap();
    assert_eq!(loaded, StoredProfile { profile: json!({ "name": "PHƯỜNG 1", "code": "P1" }), tag: a });
    // Keeping this tab's version is a save based on what is stored now.
    let kept = store.save_profile_checked(&json!({ "name": "PHƯỜNG MỘT" }), a).unwrap();
    assert_eq!(store.load_profile::<serde_json::Value>().unwrap(), Some(json!({ "name": "PHƯỜNG MỘT" })));
    assert_eq!(kept, profile_tag(store.backend().get("bcdv.profile").unwrap().as_deref()));
}

#[test]
fn the_profile_stays_the_bare_object_older_versions_wrote() {
    let store = DraftStore::new(MemoryStore::new());
    let raw = r#"{"name":"PHƯỜNG 1","code":"P1"}"#;
    store.backend().set("bcdv.profile", raw).unwrap();
    let loaded = store.load_profile_tagged::<crate::model::UnitProfile>().unwrap().unwrap();
    assert_eq!((loaded.profile.code.as_str(), loaded.tag), ("P1", profile_tag(Some(raw))));
    store.save_profile_checked(&loaded.profile, loaded.tag).unwrap();
    let stored: crate::model::UnitProfile =
        serde_json::from_str(&store.backend().get("bcdv.profile").unwrap().unwrap()).unwrap();
    assert_eq!(stored, loaded.profile);
    assert_eq!(profile_tag(None), 0);
    assert_ne!(profile_tag(Some("")), 0, "an empty text is not \"nothing stored\"");
    assert_ne!(profile_tag(Some(r#"{"code":"P1"}"#)), profile_tag(Some(r#"{"code":"P2"}"#)));
}

// Defect 9: `<id>.prev` is not a draft id.
#[test]
fn a_previous_revision_key_is_never_read_as_a_draft_nor_quarantined() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "một", None).unwrap();
    save(&store, "a", "hai", Some(1)).unwrap();
    let before = store.backend().snapshot();
    assert_eq!(store.load("a.prev").unwrap(), None);
    assert_eq!(store.delete("a.prev").unwrap(), None);
    assert!(store.restore_previous("a.prev", at(2)).is_err());
    assert_eq!(store.backend().snapshot(), before, "nothing moved, nothing quarantined");
    assert!(store.load("a").unwrap().unwrap().has_previous);
    for bad in ["", "a.prev", "a/b", "a b", &"x".repeat(65)] {
        assert_eq!(DraftId::parse(bad), None, "{bad:?}");
    }
    assert!(DraftId::parse("0f8fad5b-d9cb-469f-a165-70867728950e").is_some());
}

// Defect 11a: the report inside names another draft.
#[test]
fn a_draft_whose_report_names_another_draft_is_quarantined_and_never_saved_into_it() {
    let store = DraftStore::new(MemoryStore::new());
    store.save(&summary("b"), 1, "CQ", 1, &json!({ "id": "b", "text": "B" }), None, Previous::Keep, at(1)).unwrap();
    let b_before = store.backend().get("bcdv.draft.b").unwrap();
    let b_raw = store.backend().get("bcdv.draft.b").unwrap().unwrap();
    let planted = b_raw.replace("\"id\":\"b\",\"name\"", "\"id\":\"a\",\"name\"");
    assert!(planted.contains("\"id\":\"a\""), "summary id rewritten");
    store.backend().set("bcdv.draft.a", &planted).unwrap();
    let Err(Problem::Corrupted { quarantined_as: Some(_), reason, .. }) = store.load("a") else {
        panic!("not quarantined")
    };
    assert!(reason.contains("(b) không khớp"), "{reason}");
    assert_eq!(store.backend().get("bcdv.draft.a").unwrap(), None);
    assert_eq!(quarantined_texts(&store), [planted], "kept in quarantine");
    assert_eq!(store.backend().get("bcdv.draft.b").unwrap(), b_before, "the other draft untouched");
    assert_eq!(store.list().0.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["b"]);
}

// Defect 11b: `.prev` holding another draft's envelope.
#[test]
fn a_previous_revision_of_another_draft_is_quarantined_not_restored_over_it() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "A", None).unwrap();
    save(&store, "b", "B", None).unwrap();
    let b_raw = store.backend().get("bcdv.draft.b").unwrap().unwrap();
    let a_raw = store.backend().get("bcdv.draft.a").unwrap();
    store.backend().set("bcdv.draft.a.prev", &b_raw).unwrap();
    let err = store.restore_previous("a", at(2)).unwrap_err();
    let SaveError::Damaged(Problem::Corrupted { quarantined_as: Some(_), .. }) = &err else { panic!("{err:?}") };
    assert!(err.message().contains("cách ly"), "{}", err.message());
    assert_eq!(store.backend().get("bcdv.draft.b").unwrap().as_deref(), Some(b_raw.as_str()), "b untouched");
    assert_eq!(store.backend().get("bcdv.draft.a").unwrap(), a_raw, "a untouched");
    assert_eq!(store.backend().get("bcdv.draft.a.prev").unwrap(), None);
    assert_eq!(quarantined_texts(&store), [b_raw]);
}

/// The report is kept as its text; a previous revision whose text no JSON
/// tree can hold (a number out of range) is quarantined, never restored as
/// an empty report.
#[test]
fn a_previous_revision_no_tree_can_hold_is_quarantined_not_restored() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "A", None).unwrap();
    save(&store, "a", "A2", Some(1)).unwrap();
    let prev = store.backend().get("bcdv.draft.a.prev").unwrap().unwrap();
    let bad = prev.replacen("{\"text\":", "{\"so\":1e400,\"text\":", 1);
    assert_ne!(bad, prev);
    store.backend().set("bcdv.draft.a.prev", &bad).unwrap();
    let a_raw = store.backend().get("bcdv.draft.a").unwrap();
    let err = store.restore_previous("a", at(3)).unwrap_err();
    let SaveError::Damaged(Problem::Corrupted { quarantined_as: Some(_), .. }) = &err else { panic!("{err:?}") };
    assert_eq!(store.backend().get("bcdv.draft.a").unwrap(), a_raw, "a untouched");
    assert_eq!(quarantined_texts(&store), [bad]);
}

// Defect 11c: an envelope of a newer storage layout.
#[test]
fn an_envelope_of_a_newer_storage_layout_is_listed_and_deletable_but_never_rewritten() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "một", None).unwrap();
    let stored_raw = store.backend().get("bcdv.draft.a").unwrap().unwrap();
    let newer = stored_raw.replace("{\"storage_version\":1,", "{\"storage_version\":2,");
    store.backend().set("bcdv.draft.a", &newer).unwrap();
    assert_eq!(save(&store, "a", "hai", Some(1)).unwrap_err(), SaveError::NewerLayout { stored: 2 });
    assert!(SaveError::NewerLayout { stored: 2 }.message().contains("phiên bản mới hơn"));
    assert_eq!(store.backend().get("bcdv.draft.a").unwrap().as_deref(), Some(newer.as_str()));
    // Nor is it restored over, nor restored from.
    save(&store, "b", "b", None).unwrap();
    store.backend().set("bcdv.draft.b.prev", &newer.replace("\"id\":\"a\"", "\"id\":\"b\"")).unwrap();
    assert_eq!(store.restore_previous("b", at(3)).unwrap_err(), SaveError::NewerLayout { stored: 2 });
    assert_eq!(store.list().0.len(), 2, "listed");
    assert!(store.delete("a").unwrap().is_some(), "deletable");
    assert_eq!(store.backend().get("bcdv.draft.a").unwrap(), None);
}

// Defect 11d: a journal cut off mid-write.
#[test]
fn an_unreadable_journal_is_quarantined_never_deleted() {
    let store = DraftStore::new(MemoryStore::new());
    let cut = r#"{"base_revision":1,"entries":{"N01.te"#;
    store.write_journal("a", cut).unwrap();
    let loaded = store.load_journal::<serde_json::Value>("a");
    let Err(Problem::Corrupted { key, quarantined_as: Some(_), .. }) = loaded else { panic!("not quarantined") };
    assert_eq!(key, "bcdv.journal.a");
    assert_eq!(store.read_journal("a"), None);
    assert_eq!(quarantined_texts(&store), [cut]);
    assert_eq!(store.load_journal::<serde_json::Value>("a").unwrap(), None, "reported once");
}

// Defect 11e: revision u64::MAX.
#[test]
fn a_draft_at_the_last_revision_can_still_be_saved_and_never_wraps() {
    let store = DraftStore::new(MemoryStore::new());
    save(&store, "a", "một", None).unwrap();
    let stored_raw = store.backend().get("bcdv.draft.a").unwrap().unwrap();
    let at_max = stored_raw.replace("\"revision\":1,", &format!("\"revision\":{},", u64::MAX));
    store.backend().set("bcdv.draft.a", &at_max).unwrap();
    assert_eq!(store.load("a").unwrap().unwrap().envelope.revision, u64::MAX);
    for text in ["hai", "ba"] {
        assert_eq!(save(&store, "a", text, Some(u64::MAX)).unwrap().revision, u64::MAX, "saturates");
    }
    assert_eq!(store.load("a").unwrap().unwrap().envelope.report.tree().unwrap(), json!({ "text": "ba" }));
    assert!(matches!(save(&store, "a", "cũ", Some(7)), Err(SaveError::Conflict { .. })), "still checked");
    assert_eq!(next_revision(None), 1);
    assert_eq!(next_revision(Some(u64::MAX - 1)), u64::MAX);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn arbitrary_entry() -> impl Strategy<Value = (String, String)> {
        let key = prop_oneof![
            Just("bcdv.index".to_string()),
            Just("bcdv.profile".to_string()),
            "[a-z0-9-]{0,12}".prop_map(|id| format!("bcdv.draft.{id}")),
            "[a-z0-9-]{0,12}".prop_map(|id| format!("bcdv.draft.{id}.prev")),
            ".{0,20}",
        ];
        let value = prop_oneof![
            ".{0,200}",
            Just(String::new()),
            Just("{}".to_string()),
            Just("null".to_string()),
            Just(r#"{"storage_version":1,"drafts":[{"id":"x"}]}"#.to_string()),
            Just(r#"{"storage_version":1,"schema_version":1,"template_id":"CQ","template_version":1,"revision":1,"saved_at":"2025-01-01T00:00:00Z","summary":{"id":"zz","name":"","unit":"","kind":"CQ","period_type":"Q1","year":2025,"status":"draft","progress":0,"updated_at":"2025-01-01T00:00:00Z"},"report":{}}"#.to_string()),
        ];
        (key, value)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Whatever is in storage, listing and loading never panic, every
        /// listed draft loads, every unreadable entry is reported and kept
        /// (quarantined), and a second pass is clean.
        #[test]
        fn loader_survives_any_storage_content(entries in prop::collection::vec(arbitrary_entry(), 0..12)) {
            let store = DraftStore::new(MemoryStore::new());
            for (k, v) in &entries {
                store.backend().set(k, v).unwrap();
            }
            let raw_values_before: Vec<String> = store.backend().snapshot().into_values().collect();
            let (list, problems) = store.list();
            for d in &list {
                prop_assert!(store.load(&d.id).is_ok());
            }
            for p in &problems {
                prop_assert!(!p.message().is_empty());
            }
            // Nothing is lost: every raw value that was there is still stored
            // under some key (moved to quarantine at worst).
            let after: Vec<String> = store.backend().snapshot().into_values().collect();
            for v in raw_values_before {
                prop_assert!(after.contains(&v), "lost {v:?}");
            }
            let (_, again) = store.list();
            prop_assert!(again.is_empty(), "second pass reported {again:?}");
        }

        /// Whatever is stored, asking for `<id>.prev` (a typed URL) as a
        /// draft finds nothing and moves nothing (defect 9).
        #[test]
        fn a_previous_revision_is_never_opened_or_moved_as_a_draft(
            entries in prop::collection::vec(arbitrary_entry(), 0..12),
        ) {
            let store = DraftStore::new(MemoryStore::new());
            for (k, v) in &entries {
                store.backend().set(k, v).unwrap();
            }
            let _ = store.list();
            let before = store.backend().snapshot();
            for key in before.keys().filter(|k| k.ends_with(".prev")) {
                let id = key.trim_start_matches("bcdv.draft.");
                prop_assert_eq!(store.load(id), Ok(None));
                prop_assert_eq!(store.delete(id), Ok(None));
            }
            prop_assert_eq!(store.backend().snapshot(), before);
        }
    }
}

#[test]
fn a_status_code_this_app_does_not_know_reads_as_a_draft() {
    let mut stored = serde_json::to_value(summary("s1")).unwrap();
    assert_eq!(stored["status"], "draft", "the status is stored as its code");
    stored["status"] = json!("archived");
    let read: DraftSummary = serde_json::from_value(stored).unwrap();
    assert_eq!(read.status, Status::Draft);
}
