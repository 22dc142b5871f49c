use super::*;
use crate::model::{PeriodType, Status, TemplateRef};
use crate::storage::MemoryStore;
use chrono::{TimeZone, Utc};

/// A loaded outline: the built-in CQ outline under another id, version and
/// issuer. Each test uses its own id, since the registry is shared by
/// tests running in parallel.
fn outline(id: &str, version: u32) -> Template {
    let mut value: serde_json::Value = serde_json::from_str(&Template::builtin(Kind::Cq).to_json()).unwrap();
    value["id"] = id.into();
    value["version"] = version.into();
    value["title"] = format!("Đề cương {id} phiên bản {version}").into();
    value["issuer"] = "Ban Dân vận Thành ủy".into();
    let text = value.to_string();
    Template::from_file(&format!("{id}.json"), text.as_bytes()).unwrap()
}

fn draft(id: &str, name: &str, template: Option<TemplateRef>) -> DraftSummary {
    DraftSummary {
        id: id.into(),
        name: name.into(),
        unit: "Phường 1".into(),
        kind: Kind::Cq,
        period_type: PeriodType::H1,
        year: 2026,
        status: Status::Draft,
        progress: 0,
        updated_at: Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap(),
        exported_at: None,
        template,
    }
}

fn reference(id: &str, version: u32) -> TemplateRef {
    outline(id, version).template_ref()
}

#[test]
fn saved_outline_is_listed_with_its_metadata_and_exported_as_stored() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    let t = outline("ST_LIST", 2);
    store.save(&t).unwrap();
    let list = store.list();
    assert_eq!(list.len(), 1);
    let meta = &list[0];
    assert_eq!((meta.id.as_str(), meta.version), ("ST_LIST", 2));
    assert_eq!(meta.title, "Đề cương ST_LIST phiên bản 2");
    assert_eq!(meta.issuer, "Ban Dân vận Thành ủy");
    assert_eq!(meta.kind, Some(Kind::Cq));
    assert_eq!(meta.hash, t.hash(), "the stored text is the canonical form the hash is taken of");
    let json = store.json("ST_LIST", 2).unwrap();
    let back = Template::from_file("lai.json", json.as_bytes()).unwrap();
    assert_eq!(back.hash(), t.hash(), "exported again, it loads as the same outline");
    assert!(json.len() <= t.to_json().len());
    assert_eq!(meta.bytes, 2 * ("bcdv.outline.ST_LIST.2".len() + json.encode_utf16().count()));
    assert_eq!(memory.snapshot().keys().collect::<Vec<_>>(), ["bcdv.outline.ST_LIST.2"]);
    assert_eq!(store.json("ST_LIST", 3), None);
}

#[test]
fn outlines_are_listed_by_id_with_the_newest_version_first() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    for (id, version) in [("ST_B", 1), ("ST_A", 1), ("ST_B", 10), ("ST_B", 2)] {
        store.save(&outline(id, version)).unwrap();
    }
    let order: Vec<(String, u32)> = store.list().into_iter().map(|m| (m.id, m.version)).collect();
    assert_eq!(order, [("ST_A".into(), 1), ("ST_B".into(), 10), ("ST_B".into(), 2), ("ST_B".into(), 1)]);
}

#[test]
fn saving_the_same_outline_again_changes_nothing() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    store.save(&outline("ST_AGAIN", 1)).unwrap();
    let before = memory.snapshot();
    store.save(&outline("ST_AGAIN", 1)).unwrap();
    assert_eq!(memory.snapshot(), before);
    // Also when the stored text is laid out otherwise (indented).
    memory.set("bcdv.outline.ST_AGAIN.1", &outline("ST_AGAIN", 1).to_json()).unwrap();
    let before = memory.snapshot();
    store.save(&outline("ST_AGAIN", 1)).unwrap();
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn another_outline_under_a_stored_id_and_version_is_refused_and_the_stored_one_kept() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    store.save(&outline("ST_CLASH", 1)).unwrap();
    let before = memory.snapshot();
    let mut value: serde_json::Value = serde_json::from_str(&outline("ST_CLASH", 1).to_json()).unwrap();
    value["title"] = "Một đề cương khác".into();
    let other = Template::from_file("khac.json", value.to_string().as_bytes()).unwrap();
    let err = store.save(&other).unwrap_err();
    assert!(err.message().contains("đã có đề cương «ST_CLASH phiên bản 1» với nội dung khác"), "{}", err.message());
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn builtin_outlines_are_never_stored_and_their_id_and_version_cannot_be_taken() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    for kind in Kind::ALL {
        store.save(Template::builtin(kind)).unwrap();
    }
    assert!(memory.snapshot().is_empty());
    let cq = Template::builtin(Kind::Cq);
    let mut value: serde_json::Value = serde_json::from_str(&cq.to_json()).unwrap();
    value["title"] = "Đề cương sửa tay".into();
    // A file could not bring it in (`Template::from_file` refuses it too); storage refuses it anyway.
    let changed = Template::from_json(&value.to_string()).unwrap();
    let err = store.save(&changed).unwrap_err();
    assert!(err.message().contains("có sẵn trong ứng dụng"), "{}", err.message());
    assert!(memory.snapshot().is_empty());
}

#[test]
fn a_full_store_refuses_the_outline_and_stores_nothing_of_it() {
    let t = outline("ST_FULL", 1);
    // Room for the key and a little of the text: the write fails as a whole.
    let memory = MemoryStore::with_quota(1000);
    let store = OutlineStore::new(&memory);
    let err = store.save(&t).unwrap_err();
    assert_eq!(err, StorageError::QuotaExceeded);
    assert!(OutlineStore::<MemoryStore>::save_message(&err)
        .starts_with("Bộ nhớ của trình duyệt đã đầy: đề cương CHƯA được lưu."));
    assert!(memory.snapshot().is_empty());
    assert!(store.list().is_empty());
}

#[test]
fn removing_an_outline_is_refused_while_drafts_use_it_and_lists_them() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    store.save(&outline("ST_USED", 1)).unwrap();
    store.save(&outline("ST_USED", 2)).unwrap();
    let drafts = [
        draft("a", "Báo cáo 6 tháng", Some(reference("ST_USED", 1))),
        draft("b", "Báo cáo quý 3", Some(reference("ST_USED", 2))),
        draft("c", "Báo cáo cũ", None),
        draft("d", "Báo cáo năm", Some(reference("ST_USED", 1))),
    ];
    let before = memory.snapshot();
    assert_eq!(store.remove("ST_USED", 1, &drafts), Err(vec!["Báo cáo 6 tháng".into(), "Báo cáo năm".into()]));
    assert_eq!(memory.snapshot(), before);
    // Its last draft gone, the outline goes too; version 2 stays.
    assert_eq!(store.remove("ST_USED", 1, &drafts[1..3]), Ok(()));
    let left: Vec<u32> = store.list().into_iter().map(|m| m.version).collect();
    assert_eq!(left, [2]);
}

#[test]
fn stored_outlines_are_registered_at_start_so_drafts_naming_them_resolve() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    let t = outline("ST_START", 3);
    store.save(&t).unwrap();
    let r = t.template_ref();
    assert!(store.register_all().is_empty());
    let found = Template::for_ref(&r).expect("registered");
    assert_eq!(found.hash(), t.hash());
    assert!(registry::all().iter().any(|t| t.id == "ST_START" && t.version == 3));
    // Removed, it no longer resolves.
    store.remove("ST_START", 3, &[]).unwrap();
    assert!(Template::for_ref(&r).is_none());
}

#[test]
fn any_stored_answers_for_outline_keys_only() {
    let memory = MemoryStore::new();
    let store = OutlineStore::new(&memory);
    assert!(!store.any_stored());
    memory.set("bcdv.draft.x", "{}").unwrap();
    memory.set("bcdv.outline.bad id.1", "{}").unwrap();
    memory.set("bcdv.outline.ST_X.01", "{}").unwrap();
    assert!(!store.any_stored(), "keys no outline is stored under");
    memory.set("bcdv.outline.ST_BROKEN.1", "{").unwrap();
    assert!(store.any_stored(), "an outline that no longer loads still counts: its notice comes from register_all");
}

#[test]
fn a_stored_outline_that_no_longer_loads_is_reported_and_kept() {
    let memory = MemoryStore::new();
    memory
        .set("bcdv.outline.ST_BROKEN.1", "{\"id\":\"ST_BROKEN\",\"version\":1,\"kind\":\"CQ\",\"title\":\"Hỏng\"")
        .unwrap();
    let t = outline("ST_OTHER", 1);
    memory.set("bcdv.outline.ST_MOVED.1", &t.to_json()).unwrap();
    memory.set("bcdv.outline.ST_PLAIN.1", &outline("ST_PLAIN", 1).to_json()).unwrap();
    let before = memory.snapshot();
    let store = OutlineStore::new(&memory);
    let notices = store.register_all();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(registry::all().iter().any(|t| t.id == "ST_PLAIN"), "an indented outline text loads as well");
    assert!(notices[0].contains("«ST_BROKEN phiên bản 1» không mở được nữa"), "{}", notices[0]);
    assert!(notices[1].contains("«ST_MOVED phiên bản 1» lại mang mã «ST_OTHER phiên bản 1»"), "{}", notices[1]);
    assert!(registry::all().iter().all(|t| t.id != "ST_BROKEN" && t.id != "ST_MOVED"));
    assert_eq!(memory.snapshot(), before, "nothing is deleted silently");
    // Still listed, so it can be removed from the outline screen.
    let listed: Vec<String> = store.list().into_iter().map(|m| m.id).collect();
    assert_eq!(listed, ["ST_BROKEN", "ST_MOVED", "ST_PLAIN"]);
}

#[test]
fn compacting_drops_whitespace_between_tokens_and_keeps_strings_whole() {
    let text = "{\n  \"a\": [1, 2],\n  \"b\": \"x  \\\" y\\\\\",\n  \"c\": \"\\u00e9 z\"\n}";
    let out = compact(text);
    assert_eq!(out, "{\"a\":[1,2],\"b\":\"x  \\\" y\\\\\",\"c\":\"\\u00e9 z\"}");
    let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(parsed, serde_json::from_str::<serde_json::Value>(text).unwrap());
}

#[test]
fn only_keys_the_store_writes_are_read_as_outlines() {
    assert_eq!(outline_key("ST-1", 2).as_deref(), Some("bcdv.outline.ST-1.2"));
    for bad in ["", "a.b", "x y", "ĐẢNG", &"x".repeat(65)] {
        assert_eq!(outline_key(bad, 1), None, "{bad:?}");
    }
    for key in ["bcdv.outline.a.01", "bcdv.outline.a.b.1", "bcdv.outline.a", "bcdv.outline..1", "bcdv.draft.a.1"] {
        assert_eq!(parse_key(key), None, "{key}");
    }
    assert_eq!(parse_key("bcdv.outline.ST_1.12"), Some(("ST_1".into(), 12)));
}
