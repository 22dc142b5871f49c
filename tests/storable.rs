#![cfg(not(target_arch = "wasm32"))]
//! Drafts as the app can store them: every value goes through the editor's
//! own input rules from arbitrary typed text, and every such draft survives
//! its backup and its export (`model::limits`: whatever the app can store,
//! its own backup restores and its own export imports). An integration test
//! because it spans the editor and the exchange layer.

use bao_cao_dan_van::editor::journal::{self, apply, Edit};
use bao_cao_dan_van::editor::{input, paths};
use bao_cao_dan_van::exchange::backup::{checked_backup, read_backup};
use bao_cao_dan_van::model::{limits, FieldPath, Kind, Mark, PeriodType, Report, UnitProfile, Value};
use bao_cao_dan_van::template::{FieldType, Template};
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::Value as Json;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap()
}

/// What a cadre may type: numbers in every spelling, half-typed
/// numbers, dates good and bad, words, and anything at all.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        (0i64..=limits::MAX_NUMBER * 10).prop_map(|n| n.to_string()),
        "[0-9]{1,4}(,[0-9]{1,3})?",
        "[0-9]{1,3}(\\.[0-9]{3}){0,6}",
        "[0-9]{4,6}-[0-9]{2}-[0-9]{2}",
        ".{0,30}",
    ]
}

/// A choice field offers only its options (a select, not a text box).
fn picked(ty: &FieldType, raw: String) -> String {
    match ty {
        FieldType::Enum(options) if !options.is_empty() => options[raw.len() % options.len()].value.clone(),
        _ => raw,
    }
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    let first = chrono::TimeZone::with_ymd_and_hms(&Utc, *limits::MOMENT_YEARS.start(), 1, 1, 0, 0, 0).unwrap();
    (0i64..100 * 365 * 86_400).prop_map(move |s| first + chrono::Duration::seconds(s))
}

prop_compose! {
    fn draft()(
        dang in any::<bool>(),
        period in prop::sample::select(PeriodType::ALL.to_vec()),
        year in limits::PERIOD_YEARS,
        times in (moment(), moment(), prop::option::of(moment())),
        name in ".{0,40}",
        header in (".{0,80}", typed(), typed(), typed()),
        values in prop::collection::vec((any::<prop::sample::Index>(), typed(), any::<bool>()), 0..12),
        texts in prop::collection::vec((any::<prop::sample::Index>(), ".{0,60}"), 0..4),
        cells in prop::collection::vec(
            (any::<prop::sample::Index>(), 0usize..4, any::<prop::sample::Index>(), typed()),
            0..12,
        ),
        marks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), ".{0,40}"), 0..6),
        sentences in prop::collection::vec(
            (prop::sample::select(SENTENCE_IDS.to_vec()), ".{0,60}", ".{0,60}", ".{0,60}", any::<bool>()),
            0..4,
        ),
        wording in (".{0,40}", ".{0,40}", any::<bool>(), any::<bool>(), any::<prop::sample::Index>(), ".{0,3}"),
    ) -> Report {
        let kind = if dang { Kind::Dang } else { Kind::Cq };
        let template = Template::builtin(kind);
        let id = "4b8f0a4e-0000-4000-8000-0000000000f1";
        let mut r = Report::new(id, kind, period, year, UnitProfile::default(), times.0);
        (r.updated_at, r.exported_at, r.name) = (times.1, times.2, name);
        r.header.number = limits::doc_number(&header.0);
        r.header.day = limits::in_range(&header.1, &limits::ISSUE_DAYS);
        r.header.month = limits::in_range(&header.2, &limits::ISSUE_MONTHS);
        r.header.year = limits::in_range(&header.3, &limits::ISSUE_YEARS);
        let keys = template.value_keys();
        for (at, raw, cung_ky) in values {
            let key = at.get(&keys);
            let ty = &template.indicator(key).unwrap().indicator.ty;
            if let Some(v) = input::read(ty, &picked(ty, raw)).value {
                if cung_ky { &mut r.cung_ky } else { &mut r.values }.insert(key.clone(), v);
            }
        }
        let narratives = template.narrative_keys();
        for (at, text) in texts {
            r.texts.insert(at.get(&narratives).clone(), text);
        }
        let lists: Vec<_> = template.nodes_flat().into_iter().flat_map(|n| n.lists.iter()).collect();
        for (at, row, col, raw) in cells {
            let list = at.get(&lists);
            let column = col.get(&list.columns);
            let rows = r.lists.entry(list.key.clone()).or_default();
            rows.resize(rows.len().max(row + 1), Default::default());
            if let Some(v) = input::read(&column.ty, &picked(&column.ty, raw)).value {
                rows[row].insert(column.key.clone(), v);
            }
        }
        // "Không phát sinh trong kỳ" / "Không theo dõi" marks, set as the editor sets
        // them: the checkbox, then (sometimes) a sentence.
        let marks_of: Vec<(Mark, String)> = paths::editable(template, &r)
            .into_iter()
            .filter_map(|p| match p {
                FieldPath::Mark { mark, key, sentence: false } => Some((mark, key)),
                _ => None,
            })
            .collect();
        for (at, with_sentence, sentence) in marks {
            let (mark, key) = at.get(&marks_of);
            journal::apply_entry(template, &mut r, &FieldPath::mark(*mark, key).to_string(), "true");
            if with_sentence {
                journal::apply_entry(template, &mut r, &FieldPath::mark_sentence(*mark, key).to_string(), &sentence);
            }
        }
        // Issue 14: replaced sentences, names and options, through the editor's own edits.
        for (id, text, against, typed_after, reset) in sentences {
            let id = id.to_string();
            apply(template, &mut r, &Edit::TakeOver { id: id.clone(), text, written_against: against });
            apply(template, &mut r, &Edit::set(format!("sentences.{id}"), typed_after));
            if reset {
                apply(template, &mut r, &Edit::ResetSentence { id });
            }
        }
        let (sentence_name, phrase, with_plan, figures, node, choice) = wording;
        apply(template, &mut r, &Edit::set("unit.sentence_name", sentence_name));
        apply(template, &mut r, &Edit::AddRow { list: "can_cu".into() });
        apply(template, &mut r, &Edit::set("can_cu.0.phrase", phrase));
        apply(template, &mut r, &Edit::set("options.trich_yeu_with_plan", with_plan.to_string()));
        apply(template, &mut r, &Edit::set("options.print_figures", figures.to_string()));
        let nodes = template.nodes_flat();
        apply(template, &mut r, &Edit::set(format!("options.figures.{}", node.get(&nodes).id), choice));
        r
    }
}

/// Sentence ids the print generates, and one it may generate in a later outline.
const SENTENCE_IDS: [&str; 7] =
    ["trich_yeu", "opening", "closing", "attached_to", "figure.N09.hg_thanh", "bullet.t2.0", "figure.N99.future_key"];

fn json(r: &Report) -> Json {
    serde_json::to_value(r).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_storable_draft_survives_backup_then_restore_identical(r in draft()) {
        let checked = checked_backup(std::slice::from_ref(&r), &UnitProfile::default(), "t", now());
        prop_assert_eq!(&checked.not_restorable, &vec![]);
        let restored = read_backup("b.json", checked.json.as_bytes()).unwrap();
        prop_assert_eq!(restored.reports.iter().map(json).collect::<Vec<_>>(), vec![json(&r)]);
    }

    #[test]
    fn every_storable_draft_survives_export_then_import_identical(r in draft()) {
        // The receiver's clock is after every moment a draft can hold.
        let later = chrono::TimeZone::with_ymd_and_hms(&Utc, *limits::MOMENT_YEARS.end(), 12, 31, 0, 0, 0).unwrap();
        let file = bao_cao_dan_van::exchange::export(Template::builtin(r.kind), &r, "t", now());
        let back = bao_cao_dan_van::exchange::import::read_report_file(&file.name, file.json.as_bytes(), later);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        let back = back.unwrap().report;
        let expected = Report { exported_at: Some(now()), status: back.status, ..r.clone() };
        prop_assert_eq!(json(&back), json(&expected));
    }
}

#[test]
fn a_whole_number_left_as_12_7_is_kept_and_restored() {
    let id = "4b8f0a4e-0000-4000-8000-0000000000f2";
    let mut r = Report::new(id, Kind::Cq, PeriodType::Q3, 2025, UnitProfile::default(), now());
    r.values.insert("hg_thanh".into(), input::read(&FieldType::Int, "12,7").value.unwrap());
    assert_eq!(r.values["hg_thanh"], Value::Unparsed("12,7".into()));
    let checked = checked_backup(std::slice::from_ref(&r), &UnitProfile::default(), "t", now());
    assert_eq!(checked.not_restorable, vec![]);
    assert_eq!(read_backup("b.json", checked.json.as_bytes()).unwrap().reports, vec![r]);
}
