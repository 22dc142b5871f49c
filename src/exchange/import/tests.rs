use super::*;
use crate::exchange::export;
use crate::fixtures::{exchange_time as now, exported, resigned};
use crate::model::{Kind, PeriodType};
use chrono::TimeZone;
use serde_json::json;

/// A small report with one mark of each kind and a replaced sentence (schema
/// 2), so the fuzzing and the tampering tests below reach them too.
fn sample(id: &str) -> Report {
    let mut r = crate::fixtures::small_cq_report(id, now());
    r.none_in_period.insert("N16".into(), "Không phát sinh.".into());
    r.not_tracked.insert("doi_thoai_chu_tich".into(), String::new());
    r.sentences.insert(
        "opening".into(),
        crate::model::SentenceOverride {
            text: "Thực hiện Kế hoạch phối hợp, Ủy ban nhân dân phường báo cáo như sau:".into(),
            written_against: "Ủy ban nhân dân Phường 1 báo cáo như sau:".into(),
        },
    );
    r
}

/// (file name, bytes, expected error) for every way a file can be bad.
fn bad_corpus() -> Vec<(&'static str, Vec<u8>, ImportError)> {
    let good = exported(&sample("4b8f0a4e-0000-4000-8000-000000000004"));
    let set = |pointer: &'static str, v: Json| {
        move |f: &mut Json| {
            *f.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = v;
        }
    };
    let badv = |path: &str| ImportError::BadValue { path: path.into(), why: String::new() };
    vec![
        ("empty.json", Vec::new(), ImportError::Empty),
        ("spaces.json", b"   \n".to_vec(), ImportError::Empty),
        ("word.docx", b"PK\x03\x04 binary".to_vec(), ImportError::NotJson(String::new())),
        ("latin1.json", vec![0xff, 0xfe, 0x00], ImportError::NotJson(String::new())),
        ("html.json", b"<html><script>alert(1)</script></html>".to_vec(), ImportError::NotJson(String::new())),
        ("truncated.json", good.as_bytes()[..good.len() / 2].to_vec(), ImportError::Truncated),
        ("huge.json", vec![b' '; MAX_FILE_BYTES + 1], ImportError::TooLarge(MAX_FILE_BYTES + 1)),
        ("array.json", b"[1,2,3]".to_vec(), ImportError::WrongSchema(String::new())),
        (
            "other-schema.json",
            resigned(&good, set("/schema", json!("danvan-backup"))),
            ImportError::WrongSchema(String::new()),
        ),
        ("newer.json", resigned(&good, set("/schemaVersion", json!(99))), ImportError::NewerSchema(99)),
        (
            "no-version.json",
            resigned(&good, |f| {
                f.as_object_mut().unwrap().remove("schemaVersion");
            }),
            ImportError::BadShape(String::new()),
        ),
        (
            "no-sha.json",
            {
                let mut f: Json = serde_json::from_str(&good).unwrap();
                f.as_object_mut().unwrap().remove("sha256");
                serde_json::to_vec(&f).unwrap()
            },
            ImportError::MissingChecksum,
        ),
        (
            "edited.json",
            good.replacen("\"hg_thanh\": 11", "\"hg_thanh\": 12", 1).into_bytes(),
            ImportError::ChecksumMismatch,
        ),
        (
            "unknown-template.json",
            resigned(&good, set("/report/template/id", json!("XYZ"))),
            ImportError::UnknownTemplate(String::new(), 0),
        ),
        (
            "future-template.json",
            resigned(&good, set("/report/template/version", json!(42))),
            ImportError::UnknownTemplate(String::new(), 0),
        ),
        (
            "no-report.json",
            resigned(&good, |f| {
                f.as_object_mut().unwrap().remove("report");
            }),
            ImportError::BadShape(String::new()),
        ),
        ("kind-wrong.json", resigned(&good, set("/report/kind", json!("ABC"))), ImportError::BadShape(String::new())),
        (
            "no-kind.json",
            resigned(&good, |f| {
                f["report"].as_object_mut().unwrap().remove("kind");
            }),
            ImportError::BadShape(String::new()),
        ),
        ("string-number.json", resigned(&good, set("/report/values/hg_thanh", json!("mười một"))), badv("hg_thanh")),
        ("negative.json", resigned(&good, set("/report/values/hg_thanh", json!(-3))), badv("hg_thanh")),
        ("fraction.json", resigned(&good, set("/report/values/hg_thanh", json!(11.5))), badv("hg_thanh")),
        (
            "too-big.json",
            resigned(&good, set("/report/values/hg_thanh", json!(9_000_000_000_000_000_i64))),
            badv("hg_thanh"),
        ),
        ("unknown-key.json", resigned(&good, set("/report/values", json!({"khong_co": 1}))), badv("khong_co")),
        ("cung-ky-text.json", resigned(&good, set("/report/cung_ky/hg_thanh", json!("abc"))), badv("cung_ky.hg_thanh")),
        (
            "long-text.json",
            resigned(&good, set("/report/texts/N01.text", json!("x".repeat(MAX_TEXT_CHARS + 1)))),
            badv("N01.text"),
        ),
        ("unknown-text.json", resigned(&good, set("/report/texts", json!({"N99.text": "x"}))), badv("N99.text")),
        ("bad-year.json", resigned(&good, set("/report/period/year", json!(3025))), badv("period.year")),
        ("bad-id.json", resigned(&good, set("/report/id", json!("../../etc"))), badv("reportId")),
        (
            "bad-list.json",
            resigned(&good, set("/report/lists", json!({"hoi_quan_ds": [{"thanh_vien": -1}]}))),
            badv("hoi_quan_ds.0.thanh_vien"),
        ),
        (
            "bad-column.json",
            resigned(&good, set("/report/lists", json!({"hoi_quan_ds": [{"evil": 1}]}))),
            badv("hoi_quan_ds.0.evil"),
        ),
        (
            "bad-qualifier.json",
            resigned(&good, set("/report/qualifiers", json!({"hg_thanh": "<b>rất nhiều</b>"}))),
            badv("qualifiers.hg_thanh"),
        ),
        ("bad-day.json", resigned(&good, set("/report/header/day", json!(45))), badv("header")),
        (
            "long-citation.json",
            resigned(&good, set("/report/can_cu", json!([{"trich_yeu": "x".repeat(MAX_TEXT_CHARS + 1)}]))),
            badv("thông tin chung"),
        ),
        (
            "id-mismatch.json",
            resigned(&good, set("/reportId", json!("4b8f0a4e-0000-4000-8000-00000000ffff"))),
            ImportError::BadShape(String::new()),
        ),
        ("inner-newer.json", resigned(&good, set("/report/schema_version", json!(99))), ImportError::NewerSchema(99)),
        ("kind-template.json", resigned(&good, set("/report/kind", json!("DANG"))), badv("kind")),
        (
            "bad-outline-hash.json",
            resigned(&good, set("/report/template/hash", json!("x".repeat(100_000)))),
            badv("template.hash"),
        ),
        (
            "deep.json",
            format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes(),
            ImportError::NotJson(String::new()),
        ),
    ]
}

fn same_variant(a: &ImportError, b: &ImportError) -> bool {
    match (a, b) {
        (ImportError::BadValue { path: p, .. }, ImportError::BadValue { path: q, .. }) => p == q,
        (ImportError::NewerSchema(x), ImportError::NewerSchema(y)) => x == y,
        (ImportError::TooLarge(x), ImportError::TooLarge(y)) => x == y,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

#[test]
fn every_bad_file_is_refused_with_its_own_message_and_nothing_changes() {
    let corpus = bad_corpus();
    assert!(corpus.len() >= 20);
    for (name, bytes, expected) in corpus {
        let err = read_report_file(name, &bytes, now()).expect_err(name);
        assert!(same_variant(&err, &expected), "{name}: got {err:?}, expected {expected:?}");
        let message = err.message(name);
        assert!(message.starts_with(&format!("Tệp «{name}»: ")), "{message}");
        // Vietnamese only: no library text such as "missing field" leaks out.
        for english in ["missing", "variant", "expected", "invalid type", "line "] {
            assert!(!message.contains(english), "{name}: {message}");
        }
    }
}

/// A file as version 1 of the app wrote it: no replaced sentences, no
/// sentence name, no citation phrase, no trích yếu or figure options.
fn version_1_file(report: &Report) -> Vec<u8> {
    let mut v1 = report.clone();
    v1.sentences.clear();
    resigned(&exported(&v1), |f| {
        f["schemaVersion"] = json!(1);
        let r = f["report"].as_object_mut().unwrap();
        r.insert("schema_version".into(), json!(1));
        r.remove("sentences");
        for option in ["trich_yeu_with_plan", "print_figures", "figures_by_node"] {
            r["options"].as_object_mut().unwrap().remove(option);
        }
        for kind in ["dang", "cq"] {
            r["unit"][kind].as_object_mut().unwrap().remove("sentence_name");
        }
        for c in r["can_cu"].as_array_mut().unwrap() {
            c.as_object_mut().unwrap().remove("phrase");
        }
        let text = serde_json::to_string(&f["report"]).unwrap();
        assert!(!text.contains("sentence") && !text.contains("phrase"), "a version-1 report has none of these");
    })
}

#[test]
fn version_1_file_imports_with_its_content_unchanged_and_exports_again_as_version_2() {
    let mut original = crate::fixtures::full_report(Kind::Cq);
    original.id = "4b8f0a4e-0000-4000-8000-0000000000a1".into();
    let incoming = read_report_file("v1.json", &version_1_file(&original), now()).unwrap();
    assert_eq!(incoming.migrated_from, Some(1));
    assert_eq!(incoming.report.schema_version, 2);
    let mut expected = original.clone();
    expected.exported_at = incoming.report.exported_at;
    expected.status = incoming.report.status;
    assert_eq!(incoming.report, expected, "nothing added, nothing lost");
    let again: Json = serde_json::from_str(&exported(&incoming.report)).unwrap();
    assert_eq!(again["schemaVersion"], json!(2));
    assert_eq!(again["report"]["schema_version"], json!(2));
    let back = read_report_file("v2.json", serde_json::to_string(&again).unwrap().as_bytes(), now()).unwrap();
    assert_eq!(back.migrated_from, None);
}

#[test]
fn replaced_sentences_with_a_bad_id_or_too_long_a_text_are_refused() {
    let good = exported(&sample("4b8f0a4e-0000-4000-8000-0000000000a2"));
    let bad_id =
        resigned(&good, |f| f["report"]["sentences"]["<script>"] = json!({"text": "x", "written_against": ""}));
    assert!(matches!(read_report_file("s.json", &bad_id, now()), Err(ImportError::BadValue { .. })));
    let long = "a".repeat(MAX_TEXT_CHARS + 1);
    let too_long = resigned(&good, |f| f["report"]["sentences"]["opening"]["text"] = json!(long));
    match read_report_file("s.json", &too_long, now()) {
        Err(ImportError::BadValue { path, .. }) => assert_eq!(path, "sentences.opening"),
        other => panic!("{other:?}"),
    }
    let not_an_object = resigned(&good, |f| f["report"]["sentences"]["opening"] = json!(3));
    assert!(read_report_file("s.json", &not_an_object, now()).is_err());
    let kept = read_report_file("s.json", good.as_bytes(), now()).unwrap();
    assert_eq!(kept.report.sentences["opening"].written_against, "Ủy ban nhân dân Phường 1 báo cáo như sau:");
}

#[test]
fn version_0_file_from_the_spec_sketch_is_migrated() {
    let good = exported(&sample("4b8f0a4e-0000-4000-8000-000000000005"));
    let v0 = resigned(&good, |f| {
        f["schemaVersion"] = json!(0);
        let period = f["report"]["period"].as_object_mut().unwrap();
        let t = period.remove("period_type").unwrap();
        period.insert("type".into(), t);
        let period = f["period"].as_object_mut().unwrap();
        let t = period.remove("period_type").unwrap();
        period.insert("type".into(), t);
    });
    let incoming = read_report_file("v0.json", &v0, now()).unwrap();
    assert_eq!(incoming.migrated_from, Some(0));
    assert_eq!(incoming.report.period.period_type, PeriodType::H1);
}

#[test]
fn marks_travel_in_the_file_and_hostile_marks_are_refused_with_a_message() {
    let file = exported(&sample("4b8f0a4e-0000-4000-8000-0000000000a1"));
    let back = read_report_file("a.json", file.as_bytes(), now()).unwrap().report;
    assert_eq!(back.none_in_period.get("N16").map(String::as_str), Some("Không phát sinh."));
    assert!(back.not_tracked.contains_key("doi_thoai_chu_tich"));
    type Change = fn(&mut Json);
    let cases: [(&str, Change); 3] = [
        ("unknown node", |f| f["report"]["none_in_period"]["N99"] = json!("")),
        ("unknown figure", |f| f["report"]["not_tracked"]["khong_co"] = json!("")),
        ("huge sentence", |f| f["report"]["none_in_period"]["N16"] = json!("x".repeat(limits::MAX_TEXT_CHARS + 1))),
    ];
    for (what, change) in cases {
        let bad = resigned(&file, change);
        let err = read_report_file("a.json", &bad, now()).expect_err(what);
        assert!(matches!(err, ImportError::BadValue { .. }), "{what}: {err:?}");
    }
    let many = resigned(&file, |f| {
        let marks: serde_json::Map<String, Json> =
            (0..=limits::MAX_MARKS).map(|i| (format!("N{i}"), json!(""))).collect();
        f["report"]["none_in_period"] = Json::Object(marks);
    });
    assert!(matches!(read_report_file("a.json", &many, now()), Err(ImportError::BadValue { .. })));
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// Byte-level mutations of a valid file: never a panic, and every
        /// outcome is a report that passes the checks or a message.
        #[test]
        fn mutated_files_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)) {
            let mut bytes = exported(&sample("4b8f0a4e-0000-4000-8000-000000000006")).into_bytes();
            for (at, byte, op) in edits {
                let i = at.index(bytes.len().max(1));
                match op {
                    0 if !bytes.is_empty() => bytes[i] = byte,
                    1 => bytes.insert(i, byte),
                    _ if !bytes.is_empty() => { bytes.remove(i); }
                    _ => {}
                }
            }
            match read_report_file("m.json", &bytes, now()) {
                Ok(incoming) => prop_assert!(check_report(&incoming.report).is_ok()),
                Err(e) => prop_assert!(e.message("m.json").starts_with("Tệp «m.json»")),
            }
        }
    }
}

#[test]
fn the_quick_road_takes_exported_files_and_agrees_with_the_careful_one() {
    for kind in Kind::ALL {
        let file = export(Template::builtin(kind), &crate::fixtures::full_report(kind), "test", now()).json;
        let compact = serde_json::to_string(&serde_json::from_str::<Json>(&file).unwrap()).unwrap();
        for text in [file.as_str(), compact.as_str()] {
            let quick =
                read_as_exported("a.json", text.as_bytes(), None).expect("an exported file takes the quick road");
            assert_eq!(quick, read_checked("a.json", text.as_bytes(), false).unwrap());
        }
    }
}

#[test]
fn the_quick_road_declines_what_the_careful_one_refuses() {
    let file = exported(&sample("4b8f0a4e-0000-4000-8000-0000000000bb"));
    // One character of a narrative changed after export.
    let tampered = file.replacen("ổn định", "ổn đinh", 1);
    assert_eq!(read_as_exported("a.json", tampered.as_bytes(), None), None);
    assert_eq!(read_report_file("a.json", tampered.as_bytes(), now()), Err(ImportError::ChecksumMismatch));
    // A hash computed elsewhere is used as given: a wrong one is no shortcut.
    let content = quick_checksum_content(file.as_bytes()).unwrap();
    let right = crate::exchange::export::sha256_hex(&content);
    assert!(read_as_exported("a.json", file.as_bytes(), Some(&right)).is_some());
    assert_eq!(read_as_exported("a.json", file.as_bytes(), Some(&"0".repeat(64))), None);
    assert!(
        read_report_file_hashed("a.json", file.as_bytes(), Some(&"0".repeat(64)), now()).is_ok(),
        "the careful road still accepts it"
    );
    // Whitespace added inside a string changes the content, not just the layout.
    let spaced = file.replacen("ổn định", "ổn  định", 1);
    assert_eq!(read_report_file("a.json", spaced.as_bytes(), now()), Err(ImportError::ChecksumMismatch));
    // A valid checksum over an invalid value: the careful road says what is wrong.
    let bad = resigned(&file, |f| f["report"]["values"]["hg_thanh"] = json!(-3));
    assert_eq!(read_as_exported("a.json", &bad, None), None);
    assert!(matches!(read_report_file("a.json", &bad, now()), Err(ImportError::BadValue { .. })));
}

#[test]
fn a_far_future_or_out_of_range_moment_is_refused_naming_the_field_on_both_roads() {
    let good = exported(&sample("4b8f0a4e-0000-4000-8000-0000000000d1"));
    for (pointer, value, field) in [
        ("/report/exported_at", json!("+262142-12-31T23:59:59Z"), "exported_at"),
        ("/report/updated_at", json!("+262142-12-31T23:59:59Z"), "updated_at"),
        ("/report/created_at", json!("1970-01-01T00:00:00Z"), "created_at"),
        ("/report/period/to", json!("+262142-12-31"), "period.to"),
        ("/report/header/due_date", json!("9999-01-01"), "header.due_date"),
        ("/report/can_cu", json!([{"ngay": "0001-01-01"}]), "can_cu.0.ngay"),
    ] {
        let bytes = resigned(&good, |f| *f.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = value.clone());
        let err = read_report_file("x.json", &bytes, now()).expect_err(field);
        assert!(matches!(&err, ImportError::BadValue { path, .. } if path == field), "{field}: {err:?}");
        assert!(err.message("x.json").contains(&format!("«{field}»")), "{}", err.message("x.json"));
        // The checksum is valid, so the quick road would take it were it not checked.
        let hash = crate::exchange::export::sha256_hex(&quick_checksum_content(&bytes).unwrap());
        assert!(read_report_file_hashed("x.json", &bytes, Some(&hash), now()).is_err(), "{field}");
    }
}

#[test]
fn a_file_dated_after_the_receivers_clock_is_refused_and_a_day_of_slack_is_allowed() {
    let mut r = sample("4b8f0a4e-0000-4000-8000-0000000000d2");
    r.updated_at = Utc.with_ymd_and_hms(2099, 1, 1, 0, 0, 0).unwrap();
    let file = exported(&r);
    let err = read_report_file("f.json", file.as_bytes(), now()).unwrap_err();
    assert!(
        matches!(&err, ImportError::BadValue { path, why } if path == "updated_at" && why.contains("tương lai")),
        "{err:?}"
    );
    assert!(
        read_report_file("f.json", file.as_bytes(), r.updated_at).is_ok(),
        "accepted once the clock has reached it"
    );
    let mut r = sample("4b8f0a4e-0000-4000-8000-0000000000d3");
    r.updated_at = now() + chrono::Duration::hours(20);
    assert!(read_report_file("g.json", exported(&r).as_bytes(), now()).is_ok(), "a sender some hours ahead is fine");
}

#[test]
fn a_duplicate_key_at_any_depth_is_refused_on_both_roads() {
    let file = exported(&sample("4b8f0a4e-0000-4000-8000-0000000000d4"));
    // Hide a first value the checksum does not cover: the JSON tree keeps
    // only the last, so the checksum still matches.
    for (at, hidden) in [
        ("\"hg_thanh\": 11", "\"hg_thanh\": 999,\n      \"hg_thanh\": 11"),
        ("\"schemaVersion\": 2", "\"schemaVersion\": 2,\n  \"schemaVersion\": 2"),
        ("\"kind\": \"CQ\"", "\"kind\": \"DANG\", \"kind\": \"CQ\""),
    ] {
        let text = file.replacen(at, hidden, 1);
        assert_ne!(text, file, "{at}");
        let content = quick_checksum_content(text.as_bytes()).unwrap();
        let hash = crate::exchange::export::sha256_hex(&content);
        for result in [
            read_report_file("d.json", text.as_bytes(), now()),
            read_report_file_hashed("d.json", text.as_bytes(), Some(&hash), now()),
        ] {
            let err = result.expect_err(at);
            assert!(matches!(err, ImportError::DuplicateKey(_)), "{at}: {err:?}");
            let message = err.message("d.json");
            assert!(message.starts_with("Tệp «d.json»: trường «") && message.contains("hai lần"), "{message}");
        }
    }
}

#[test]
fn half_typed_text_of_a_number_field_is_accepted_as_unparsed_but_a_plain_text_is_not() {
    let mut r = sample("4b8f0a4e-0000-4000-8000-0000000000d5");
    r.values.insert("hg_thanh".into(), Value::Unparsed("12,7".into()));
    r.lists.insert(
        "hoi_quan_ds".into(),
        vec![[("thanh_vien".to_string(), Value::Unparsed("4O".into()))].into_iter().collect()],
    );
    let back = read_report_file("u.json", exported(&r).as_bytes(), now()).unwrap().report;
    assert_eq!(back.values["hg_thanh"], Value::Unparsed("12,7".into()));
    assert_eq!(back.lists["hoi_quan_ds"][0]["thanh_vien"], Value::Unparsed("4O".into()));
    // In a text field it is not a thing the editor stores.
    let bad = resigned(&exported(&sample("4b8f0a4e-0000-4000-8000-0000000000d6")), |f| {
        f["report"]["values"]["hg_thanh"] = json!("12,7");
    });
    assert!(
        matches!(read_report_file("t.json", &bad, now()), Err(ImportError::BadValue { path, .. }) if path == "hg_thanh")
    );
}

/// `report` as written against an outline this device does not have.
fn of_unknown_outline(report: &Report, change: impl FnOnce(&mut Json)) -> Vec<u8> {
    resigned(&exported(report), |f| {
        let outline = json!({ "id": "TP-KHONG-CO", "version": 3, "hash": "ab".repeat(32) });
        f["template"] = outline.clone();
        f["report"]["template"] = outline;
        change(f);
    })
}

#[test]
fn a_file_whose_outline_the_device_lacks_is_refused_by_a_merge_but_kept_by_an_import() {
    let report = sample("4b8f0a4e-0000-4000-8000-0000000000a1");
    let bytes = of_unknown_outline(&report, |_| {});
    let err = read_report_file("tp.json", &bytes, now()).unwrap_err();
    assert_eq!(err, ImportError::UnknownTemplate("TP-KHONG-CO".into(), 3));
    assert!(err.message("tp.json").contains("«TP-KHONG-CO» phiên bản 3"), "{}", err.message("tp.json"));
    let kept = read_report_file_keeping("tp.json", &bytes, now()).unwrap();
    assert!(kept.outline_missing);
    assert_eq!(kept.report.template.id, "TP-KHONG-CO");
    assert_eq!(kept.report.values, report.values);
    assert_eq!(kept.report.texts, report.texts);
    // A file of a known outline comes back as before.
    let known = read_report_file_keeping("a.json", exported(&report).as_bytes(), now()).unwrap();
    assert!(!known.outline_missing);
}

#[test]
fn a_kept_file_of_an_unknown_outline_still_passes_every_check_that_needs_no_outline() {
    let report = sample("4b8f0a4e-0000-4000-8000-0000000000a2");
    let rows: Vec<Json> = (0..=MAX_LIST_ROWS).map(|_| json!({ "ten": "x" })).collect();
    type Change = Box<dyn FnOnce(&mut Json)>;
    let cases: Vec<(&str, Change)> = vec![
        ("negative", Box::new(|f: &mut Json| f["report"]["values"]["moi"] = json!(-1))),
        ("too big", Box::new(|f: &mut Json| f["report"]["values"]["moi"] = json!(MAX_NUMBER + 1))),
        ("long text", Box::new(|f: &mut Json| f["report"]["texts"]["X.text"] = json!("x".repeat(MAX_TEXT_CHARS + 1)))),
        (
            "long cell",
            Box::new(|f: &mut Json| f["report"]["lists"]["ds"] = json!([{ "ten": "x".repeat(MAX_TEXT_CHARS + 1) }])),
        ),
        ("many rows", Box::new(move |f: &mut Json| f["report"]["lists"]["ds"] = Json::Array(rows))),
        ("bad id", Box::new(|f: &mut Json| f["report"]["id"] = json!("../x"))),
        ("bad year", Box::new(|f: &mut Json| f["report"]["period"]["year"] = json!(3025))),
    ];
    for (what, change) in cases {
        let bytes = of_unknown_outline(&report, change);
        assert!(
            matches!(read_report_file_keeping("tp.json", &bytes, now()), Err(ImportError::BadValue { .. })),
            "{what}"
        );
    }
    // Keys the outline will define are kept as they are.
    let bytes = of_unknown_outline(&report, |f| f["report"]["values"]["chi_tieu_moi"] = json!(7));
    let kept = read_report_file_keeping("tp.json", &bytes, now()).unwrap();
    assert_eq!(kept.report.values["chi_tieu_moi"], crate::model::Value::Int(7));
}

#[test]
fn a_file_of_a_loaded_outline_imports_once_the_device_has_it() {
    let mut value: Json = serde_json::from_str(&Template::builtin(Kind::Cq).to_json()).unwrap();
    value["id"] = "IMP_TP".into();
    value["version"] = 2.into();
    let outline =
        crate::template::registry::register(Template::from_file("tp.json", value.to_string().as_bytes()).unwrap());
    let mut report = sample("4b8f0a4e-0000-4000-8000-0000000000a3");
    report.template = outline.template_ref();
    let file = export::export(outline, &report, "test", now());
    let parsed: Json = serde_json::from_str(&file.json).unwrap();
    assert_eq!(parsed["template"], json!({ "id": "IMP_TP", "version": 2, "hash": outline.hash() }));
    let incoming = read_report_file("tp.json", file.json.as_bytes(), now()).unwrap();
    assert!(!incoming.outline_missing);
    assert_eq!(incoming.report.template, outline.template_ref());
    // Another outline under the same id and version (another hash) is not it.
    let other = resigned(&file.json, |f| {
        f["template"]["hash"] = json!("cd".repeat(32));
        f["report"]["template"]["hash"] = json!("cd".repeat(32));
    });
    assert!(matches!(read_report_file("tp.json", &other, now()), Err(ImportError::UnknownTemplate(..))));
}

#[test]
fn files_written_before_outlines_had_a_hash_still_import() {
    let report = sample("4b8f0a4e-0000-4000-8000-0000000000a4");
    let old = resigned(&exported(&report), |f| {
        f["template"].as_object_mut().unwrap().remove("hash");
        f["report"]["template"].as_object_mut().unwrap().remove("hash");
    });
    let back = read_report_file("old.json", &old, now()).unwrap().report;
    assert_eq!(back.template.hash, None);
    assert_eq!((back.template.id.as_str(), back.template.version), ("CQ", 1));
}

#[test]
fn a_repeated_member_signed_over_the_files_own_text_is_refused_by_the_merges_quick_road() {
    let file = exported(&sample("4b8f0a4e-0000-4000-8000-0000000000d6"));
    let stated = serde_json::from_str::<Json>(&file).unwrap()["sha256"].as_str().unwrap().to_string();
    for (at, hidden) in [
        ("\"hg_thanh\": 11", "\"hg_thanh\": 999,\n      \"hg_thanh\": 11"),
        ("\"kind\": \"CQ\"", "\"kind\": \"DANG\", \"kind\": \"CQ\""),
    ] {
        // A forger signs the text as the quick road hashes it, both values
        // included: only the refusal of repeated members stops the file.
        let text = file.replacen(at, hidden, 1);
        let forged = crate::exchange::export::sha256_hex(&quick_checksum_content(text.as_bytes()).unwrap());
        let text = text.replacen(&stated, &forged, 1);
        assert!(QuickContent::of(text.as_bytes()).is_none(), "{at}: no quick content, so no hash to vouch for it");
        for result in [
            read_report_file_quick("d.json", text.as_bytes(), None, now()),
            read_report_file_hashed("d.json", text.as_bytes(), Some(&forged), now()),
        ] {
            assert!(matches!(result, Err(ImportError::DuplicateKey(_))), "{at}: {result:?}");
        }
    }
    // The file as exported has quick content whose hash is the stated one.
    let content = QuickContent::of(file.as_bytes()).expect("an exported file names its members in order");
    let hash = QuickHash::of(&content);
    assert_eq!(content.receipt().hashed(stated), hash);
    let quick = read_report_file_quick("a.json", file.as_bytes(), Some(&hash), now()).unwrap();
    assert_eq!(quick, read_checked("a.json", file.as_bytes(), false).unwrap());
}
