//! Applying an imported report to the draft store: whether its id is
//! already stored, and what each of the user's choices stores. Reading and
//! checking the file is `exchange::import`, which touches no storage.

use super::drafts;
use crate::model::Report;
use crate::storage::{DraftStore, DraftSummary, KeyValueStore, Previous, SaveError, SaveOutcome};
use crate::template::Template;
use chrono::{DateTime, Utc};

/// How an incoming report relates to what is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Existing {
    /// No report with this id is stored.
    New,
    /// The same report is already stored: importing changes nothing.
    Identical,
    /// Another version of this report is stored: the user must choose.
    Different(DraftSummary),
}

/// What to do with a report whose id is already stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Replace,
    KeepBoth,
    Skip,
}

/// Compare an incoming report with storage.
pub fn classify<S: KeyValueStore>(store: &DraftStore<S>, incoming: &Report) -> Existing {
    match drafts::open(store, &incoming.id) {
        Ok(stored) if &stored.report == incoming => Existing::Identical,
        Ok(stored) => Existing::Different(drafts::summary(&stored.report, 0)),
        // An unreadable stored draft is never replaced silently.
        Err(drafts::OpenError::NotFound) => Existing::New,
        Err(_) => Existing::Different(drafts::summary(incoming, 0)),
    }
}

/// Result of applying one incoming report.
#[derive(Clone, Debug, PartialEq)]
pub enum Applied {
    Stored { id: String, outcome: SaveOutcome },
    Unchanged,
    Skipped,
}

/// Store `incoming` according to `choice` (ignored for new or identical reports).
pub fn apply<S: KeyValueStore>(
    store: &DraftStore<S>,
    incoming: &Report,
    choice: Choice,
    new_id: impl FnOnce() -> String,
    now: DateTime<Utc>,
) -> Result<Applied, SaveError> {
    let template = Template::for_report(incoming);
    let progress = drafts::progress_percent(template, incoming);
    match classify(store, incoming) {
        Existing::Identical => Ok(Applied::Unchanged),
        Existing::New => {
            let outcome = drafts::save(store, incoming, progress, None, Previous::Keep, now)?;
            Ok(Applied::Stored { id: incoming.id.clone(), outcome })
        }
        Existing::Different(_) => match choice {
            Choice::Skip => Ok(Applied::Skipped),
            Choice::Replace => {
                let current = store.load(&incoming.id).ok().flatten().map(|d| d.envelope.revision);
                let outcome = drafts::save(store, incoming, progress, current, Previous::Keep, now)?;
                Ok(Applied::Stored { id: incoming.id.clone(), outcome })
            }
            Choice::KeepBoth => {
                let mut copy = incoming.clone();
                copy.id = new_id();
                copy.name = format!("{} (bản nhập)", copy.name);
                let outcome = drafts::save(store, &copy, progress, None, Previous::Keep, now)?;
                Ok(Applied::Stored { id: copy.id, outcome })
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::import::read_report_file;
    use crate::fixtures::{exchange_time as now, exported, resigned};
    use crate::model::Status;
    use crate::storage::MemoryStore;
    use proptest::prelude::*;
    use serde_json::json;

    fn sample(id: &str) -> Report {
        crate::fixtures::small_cq_report(id, now())
    }

    #[test]
    fn export_delete_import_gives_back_the_identical_report() {
        let store = DraftStore::new(MemoryStore::new());
        let report = sample("4b8f0a4e-0000-4000-8000-000000000001");
        drafts::save(&store, &report, 0, None, Previous::Keep, now()).unwrap();
        let file = exported(&report);
        store.delete(&report.id).unwrap();
        let incoming = read_report_file("a.json", file.as_bytes(), now()).unwrap();
        assert_eq!(
            apply(&store, &incoming.report, Choice::Skip, || unreachable!(), now()).unwrap(),
            Applied::Stored {
                id: report.id.clone(),
                outcome: SaveOutcome { revision: 1, saved_at: now(), index_stale: false }
            }
        );
        let back = drafts::open(&store, &report.id).unwrap().report;
        assert_eq!(Report { status: report.status, exported_at: None, ..back.clone() }, report);
        assert_eq!(back.status, Status::Exported);
        assert_eq!(back.texts["N01.text"], report.texts["N01.text"], "text kept literally");
    }

    #[test]
    fn importing_the_same_file_twice_changes_nothing() {
        let store = DraftStore::new(MemoryStore::new());
        let file = exported(&sample("4b8f0a4e-0000-4000-8000-000000000002"));
        let incoming = read_report_file("a.json", file.as_bytes(), now()).unwrap();
        apply(&store, &incoming.report, Choice::Replace, || unreachable!(), now()).unwrap();
        let before = store.backend().snapshot();
        let again = apply(&store, &incoming.report, Choice::Replace, || unreachable!(), now()).unwrap();
        assert_eq!(again, Applied::Unchanged);
        assert_eq!(store.backend().snapshot(), before);
    }

    #[test]
    fn a_different_version_of_a_stored_report_asks_and_each_choice_does_what_it_says() {
        let store = DraftStore::new(MemoryStore::new());
        let mut report = sample("4b8f0a4e-0000-4000-8000-000000000003");
        drafts::save(&store, &report, 0, None, Previous::Keep, now()).unwrap();
        report.texts.insert("N01.text".into(), "Bản mới hơn".into());
        assert!(matches!(classify(&store, &report), Existing::Different(_)));

        let before = store.backend().snapshot();
        assert_eq!(apply(&store, &report, Choice::Skip, || unreachable!(), now()).unwrap(), Applied::Skipped);
        assert_eq!(store.backend().snapshot(), before);

        let kept = apply(&store, &report, Choice::KeepBoth, || "copy-1".into(), now()).unwrap();
        let Applied::Stored { id, .. } = kept else { panic!("{kept:?}") };
        assert_eq!(id, "copy-1");
        assert_eq!(store.list().0.len(), 2);

        apply(&store, &report, Choice::Replace, || unreachable!(), now()).unwrap();
        let stored = drafts::open(&store, &report.id).unwrap().report;
        assert_eq!(stored.texts["N01.text"], "Bản mới hơn");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// Structural mutations that keep a valid checksum, so the value
        /// checks themselves are exercised; storage never changes on refusal.
        #[test]
        fn resigned_value_mutations_never_panic_and_refusals_change_nothing(
            key in prop::sample::select(vec!["hg_thanh", "hg_tiep_nhan", "tthc_tiep_nhan", "khong_co", "N01.text"]),
            value in prop_oneof![
                any::<i64>().prop_map(|n| json!(n)),
                any::<f64>().prop_map(|f| json!(f)),
                ".{0,40}".prop_map(|s| json!(s)),
                Just(json!(null)),
                Just(json!([1, 2])),
                Just(json!({"a": 1})),
            ],
        ) {
            let store = DraftStore::new(MemoryStore::new());
            let before = store.backend().snapshot();
            let good = exported(&sample("4b8f0a4e-0000-4000-8000-000000000007"));
            let bytes = resigned(&good, |f| { f["report"]["values"][key] = value; });
            match read_report_file("v.json", &bytes, now()) {
                Ok(incoming) => {
                    prop_assert!(apply(&store, &incoming.report, Choice::Skip, || "x".into(), now()).is_ok());
                }
                Err(e) => {
                    prop_assert!(!e.message("v.json").is_empty());
                    prop_assert_eq!(store.backend().snapshot(), before);
                }
            }
        }
    }
}
