//! One open editor of one draft, without the browser: which stored revision
//! it is based on, what a save does with the previous revision, when the
//! next write is due, the crash journal of its unsaved edits, a conflict
//! with another tab, and whether it may write at all.
//!
//! The editor view (`ui::editor`) keeps only signals, timers and event
//! listeners; it asks a [`Session`] what to do and shows the outcome. Every
//! method takes the store and the time as arguments, so the whole policy
//! runs natively over [`crate::storage::MemoryStore`] in the tests below.
//!
//! The path of a keystroke to localStorage: the input's `on:input` handler
//! (`ui::editor::inputs::ValueInput`, or `ui::fields` for plain texts) calls
//! `Ctx::set` / `Ctx::apply` (`ui/editor/ctx.rs`), which runs `ctx.record`:
//! [`Session::record`] appends the edit to the journal and writes it at once
//! (`DraftStore::write_journal`, `storage/drafts.rs`). `Ctx::edit` then
//! applies the edit to the report signal and runs `ctx.changed`:
//! [`Session::changed`] says when the write is due (`editor/autosave.rs`),
//! and the view sets a timer. When it fires, the view's `flush` calls
//! [`Session::flush`], which calls `drafts::save` (`editor/drafts.rs`) →
//! `DraftStore::save` (`storage/drafts.rs`) → `KeyValueStore::replace`
//! (`storage/local.rs`, the browser's `localStorage`), and on success
//! clears the journal.

use super::autosave::Autosave;
use super::drafts::{self, Opened};
use super::journal::{Edit, Journal};
use crate::model::Report;
use crate::storage::{DraftStore, Envelope, KeyValueStore, Previous, SaveError};
use chrono::{DateTime, Utc};

/// The state of one open editor (see the module documentation).
#[derive(Clone, Debug)]
pub struct Session {
    id: String,
    /// This editor's own journal: another tab on the same draft has its own.
    journal_id: String,
    /// The stored revision the report on screen is based on.
    revision: u64,
    /// `.prev` keeps the revision this editor opened; later autosaves leave it.
    previous: Previous,
    autosave: Autosave,
    journal: Journal,
    /// The revision another tab stored while this one had unsaved edits.
    conflict: Option<u64>,
    read_only: bool,
}

/// What [`Session::flush`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Flush {
    /// Nothing pending, a conflict waiting for the cadre's choice, or read-only.
    NothingToDo,
    /// Written and read back as revision `revision`.
    Saved { revision: u64, at: DateTime<Utc> },
    /// Another tab stored revision `stored`: nothing was written.
    Conflict { stored: u64 },
    /// Not written; the message says why and what to do.
    Failed(String),
}

/// What a `storage` event on this draft's key means for this editor.
#[derive(Clone, Debug, PartialEq)]
pub enum OtherTab {
    /// Not a newer revision (or not readable): nothing to do.
    Ignore,
    /// Another tab saved a newer revision and nothing here is unsaved: the
    /// session is now based on it; show this report.
    Adopt(Box<Report>),
    /// Another tab saved revision `stored` while edits here are unsaved.
    Conflict { stored: u64 },
    /// Another tab deleted the draft.
    Deleted,
}

/// What opening the editor did with the journals [`drafts::open`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Started {
    /// Edits of a crashed editor were replayed into the report: they are
    /// unsaved changes now (the view calls [`Session::changed`]).
    pub replayed: bool,
    /// Copies holding the edits of stale journals.
    pub recovered: Vec<Recovered>,
    /// Why a stale journal could not be kept as a copy (it stays stored).
    pub failed: Option<String>,
}

/// A draft made from a stale journal's edits (see [`drafts::save_recovered_copy`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub id: String,
    pub name: String,
    pub edits: usize,
}

/// Why "Khôi phục bản lưu trước" did not show the previous revision.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreFailed {
    pub message: String,
    /// The previous revision was not this draft's and was quarantined: none is left.
    pub no_previous: bool,
}

impl Session {
    /// The session of an editor (`editor` names it among other tabs) on `opened`.
    pub fn new(opened: &Opened, editor: &str) -> Session {
        Session {
            id: opened.report.id.clone(),
            journal_id: drafts::journal_id(&opened.report.id, editor),
            revision: opened.revision,
            previous: Previous::Keep,
            autosave: Autosave::default(),
            journal: opened.journal.clone(),
            conflict: None,
            read_only: opened.read_only.is_some(),
        }
    }

    /// Take over the journals `opened` found. Replayed ones are written
    /// under this editor's id first, so a crash right now still loses
    /// nothing, and only then removed. Edits made on an older revision than
    /// the one stored (another tab saved since) are kept in a copy each, so
    /// neither they nor the stored draft are lost.
    pub fn start<S: KeyValueStore>(
        &mut self,
        store: &DraftStore<S>,
        opened: &Opened,
        mut new_id: impl FnMut() -> String,
        now: DateTime<Utc>,
    ) -> Started {
        let mut started = Started { replayed: !self.journal.is_empty(), ..Started::default() };
        if started.replayed && self.write_journal(store) {
            for old in &opened.replayed_journals {
                let _ = store.clear_journal(old);
            }
        }
        if self.read_only {
            return started;
        }
        for stale in &opened.stale_journals {
            match drafts::save_recovered_copy(store, &opened.report, stale, &new_id(), now) {
                Ok(copy) => {
                    started.recovered.push(Recovered { id: copy.id, name: copy.name, edits: stale.1.entries.len() })
                }
                Err(e) => {
                    started.failed = Some(format!(
                        "Có thay đổi chưa lưu từ lần mở trước nhưng không lưu được thành bản sao: {} \
                         Các thay đổi đó vẫn được giữ trong bộ nhớ của trình duyệt.",
                        e.message()
                    ))
                }
            }
        }
        started
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The revision another tab stored, while the cadre has not chosen.
    pub fn conflict(&self) -> Option<u64> {
        self.conflict
    }

    /// Whether there are changes not yet written.
    pub fn pending(&self) -> bool {
        self.autosave.pending()
    }

    /// Whether [`Session::flush`] would write (the view checks it before
    /// reading the report's completion, which may evaluate it).
    pub fn wants_save(&self) -> bool {
        self.autosave.pending() && self.conflict.is_none() && !self.read_only
    }

    /// The report changed at `now_ms`; returns when the write becomes due.
    pub fn changed(&mut self, now_ms: f64) -> f64 {
        self.autosave.changed(now_ms)
    }

    /// Whether the pending write is due at `now_ms`.
    pub fn is_due(&self, now_ms: f64) -> bool {
        self.autosave.is_due(now_ms)
    }

    /// Journal `edit` and write the journal at once (best effort: when
    /// storage is full the editor already says so). A read-only editor
    /// journals nothing.
    pub fn record<S: KeyValueStore>(&mut self, store: &DraftStore<S>, edit: Edit) {
        if self.read_only {
            return;
        }
        self.journal.base_revision = self.revision;
        self.journal.entries.push(edit);
        self.write_journal(store);
    }

    fn write_journal<S: KeyValueStore>(&self, store: &DraftStore<S>) -> bool {
        serde_json::to_string(&self.journal).is_ok_and(|raw| store.write_journal(&self.journal_id, &raw).is_ok())
    }

    /// Forget this editor's journal: everything in it is saved, or dropped
    /// by the cadre's choice.
    fn clear_journal<S: KeyValueStore>(&mut self, store: &DraftStore<S>) {
        self.journal.entries.clear();
        let _ = store.clear_journal(&self.journal_id);
    }

    /// Write `report` now if anything is pending, as the revision after the
    /// one this session is based on. `progress` is its completion for the
    /// draft list; `started_ms` is when the write started: changes made
    /// after it stay pending.
    pub fn flush<S: KeyValueStore>(
        &mut self,
        store: &DraftStore<S>,
        report: &Report,
        progress: u8,
        started_ms: f64,
        now: DateTime<Utc>,
    ) -> Flush {
        if !self.wants_save() {
            return Flush::NothingToDo;
        }
        match drafts::save(store, report, progress, Some(self.revision), self.previous, now) {
            Ok(outcome) => {
                self.revision = outcome.revision;
                self.previous = Previous::Leave;
                self.autosave.saved(started_ms);
                // Everything journaled so far is in this revision.
                self.clear_journal(store);
                Flush::Saved { revision: outcome.revision, at: outcome.saved_at }
            }
            Err(SaveError::Conflict { stored, .. }) => {
                self.conflict = Some(stored);
                Flush::Conflict { stored }
            }
            Err(e) => Flush::Failed(e.message()),
        }
    }

    /// Another tab changed this draft's stored entry to `new_value` (`None`:
    /// removed it).
    pub fn other_tab(&mut self, new_value: Option<&str>) -> OtherTab {
        let Some(raw) = new_value else { return OtherTab::Deleted };
        let Ok(envelope) = serde_json::from_str::<Envelope>(raw) else { return OtherTab::Ignore };
        if envelope.revision <= self.revision {
            return OtherTab::Ignore;
        }
        if self.autosave.pending() {
            self.conflict = Some(envelope.revision);
            return OtherTab::Conflict { stored: envelope.revision };
        }
        match Report::from_stored(envelope.report.text()) {
            Ok(report) => {
                self.adopt(envelope.revision);
                OtherTab::Adopt(Box::new(report))
            }
            Err(_) => OtherTab::Ignore,
        }
    }

    /// "Giữ bản đang sửa ở đây": the next flush writes over the other tab's
    /// revision. False when there is no conflict.
    pub fn keep_mine(&mut self) -> bool {
        match self.conflict.take() {
            Some(stored) => {
                self.revision = stored;
                true
            }
            None => false,
        }
    }

    /// "Dùng bản ở thẻ kia": this tab's edits are dropped, journal included,
    /// so reopening the draft cannot bring them back; returns the stored
    /// draft to show.
    pub fn use_theirs<S: KeyValueStore>(&mut self, store: &DraftStore<S>) -> Result<Box<Opened>, String> {
        self.clear_journal(store);
        self.reload(store)
    }

    /// "Khôi phục bản lưu trước": swap the stored and the previous revision
    /// and show the restored one. The view flushes pending edits first.
    pub fn restore_previous<S: KeyValueStore>(
        &mut self,
        store: &DraftStore<S>,
        now: DateTime<Utc>,
    ) -> Result<Box<Opened>, RestoreFailed> {
        match store.restore_previous(&self.id, now) {
            Ok(_) => {
                // `.prev` now holds what was on screen: keep it to switch back.
                self.previous = Previous::Leave;
                self.reload(store).map_err(|message| RestoreFailed { message, no_previous: false })
            }
            Err(e) => Err(RestoreFailed { message: e.message(), no_previous: matches!(e, SaveError::Damaged(_)) }),
        }
    }

    /// Base the session on the stored draft and return it.
    fn reload<S: KeyValueStore>(&mut self, store: &DraftStore<S>) -> Result<Box<Opened>, String> {
        let opened = drafts::open(store, &self.id).map_err(|e| e.message())?;
        self.adopt(opened.revision);
        Ok(Box::new(opened))
    }

    /// The screen now shows stored revision `revision` exactly: nothing of
    /// this tab is left to journal or save.
    fn adopt(&mut self, revision: u64) {
        self.journal.entries.clear();
        self.revision = revision;
        self.autosave = Autosave::default();
        self.conflict = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::journal::Journal;
    use crate::model::{Kind, PeriodType, UnitProfile};
    use crate::storage::{MemoryStore, StorageError};
    use chrono::TimeZone;

    const ID: &str = "r1";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 9, 20, 2, 0, 0).unwrap()
    }

    fn store_with_draft() -> DraftStore<MemoryStore> {
        let store = DraftStore::new(MemoryStore::new());
        drafts::create(&store, ID, Kind::Cq, PeriodType::Q3, 2025, UnitProfile::default(), now()).unwrap();
        store
    }

    fn open(store: &DraftStore<MemoryStore>, editor: &str) -> (Session, Report) {
        let opened = drafts::open(store, ID).unwrap();
        (Session::new(&opened, editor), opened.report)
    }

    /// Type `text` into the report's name as the editor does: journal, apply, schedule.
    fn type_name(session: &mut Session, store: &DraftStore<MemoryStore>, report: &mut Report, text: &str, at: f64) {
        let edit = Edit::set("name", text);
        session.record(store, edit.clone());
        crate::editor::journal::apply(crate::template::Template::builtin(report.kind), report, &edit);
        session.changed(at);
    }

    /// Editor "a" and editor "b" open the draft; "b" saves "thẻ kia" as
    /// revision 2; then, when `typing`, "a" types "thẻ này" (not saved yet).
    /// Returns the store, "a" and its report.
    fn other_tab_saved(typing: bool) -> (DraftStore<MemoryStore>, Session, Report) {
        let store = store_with_draft();
        let (mut mine, mut my_report) = open(&store, "a");
        let (mut theirs, mut their_report) = open(&store, "b");
        type_name(&mut theirs, &store, &mut their_report, "thẻ kia", 0.0);
        assert!(matches!(theirs.flush(&store, &their_report, 0, 0.0, now()), Flush::Saved { revision: 2, .. }));
        if typing {
            type_name(&mut mine, &store, &mut my_report, "thẻ này", 0.0);
        }
        (store, mine, my_report)
    }

    /// The text another tab's save leaves under the draft's key.
    fn stored_text(store: &DraftStore<MemoryStore>) -> Option<String> {
        store.backend().get(&crate::storage::draft_key(ID)).unwrap()
    }

    fn stored_name(store: &DraftStore<MemoryStore>) -> String {
        drafts::open(store, ID).unwrap().report.name
    }

    fn stored_revision(store: &DraftStore<MemoryStore>) -> u64 {
        store.load(ID).unwrap().unwrap().envelope.revision
    }

    fn journal_of(store: &DraftStore<MemoryStore>, editor: &str) -> Option<Journal> {
        store.load_journal(&drafts::journal_id(ID, editor)).unwrap()
    }

    #[test]
    fn a_change_is_saved_as_the_next_revision_when_due() {
        let store = store_with_draft();
        let (mut session, mut report) = open(&store, "a");
        type_name(&mut session, &store, &mut report, "Báo cáo quý III", 1_000.0);
        assert!(!session.is_due(1_000.0));
        assert!(session.is_due(1_400.0));
        let flushed = session.flush(&store, &report, 10, 1_400.0, now());
        assert_eq!(flushed, Flush::Saved { revision: 2, at: now() });
        assert_eq!(stored_name(&store), "Báo cáo quý III");
        assert_eq!(session.revision(), 2);
        assert!(!session.pending());
    }

    #[test]
    fn nothing_is_written_when_nothing_is_pending() {
        let store = store_with_draft();
        let (mut session, report) = open(&store, "a");
        let before = store.backend().snapshot();
        assert_eq!(session.flush(&store, &report, 0, 0.0, now()), Flush::NothingToDo);
        assert_eq!(store.backend().snapshot(), before);
    }

    #[test]
    fn changes_made_while_writing_stay_pending() {
        let store = store_with_draft();
        let (mut session, mut report) = open(&store, "a");
        type_name(&mut session, &store, &mut report, "một", 0.0);
        session.changed(500.0);
        assert!(matches!(session.flush(&store, &report, 0, 400.0, now()), Flush::Saved { .. }));
        assert!(session.pending(), "the change at 500 ms came after the write started");
    }

    #[test]
    fn a_revision_stored_by_another_tab_is_a_conflict_and_nothing_is_overwritten() {
        let (store, mut mine, my_report) = other_tab_saved(true);
        assert_eq!(mine.flush(&store, &my_report, 0, 0.0, now()), Flush::Conflict { stored: 2 });
        assert_eq!(mine.conflict(), Some(2));
        assert_eq!(stored_name(&store), "thẻ kia");
        assert_eq!(mine.flush(&store, &my_report, 0, 0.0, now()), Flush::NothingToDo, "waits for the cadre's choice");
        assert!(journal_of(&store, "a").is_some(), "the unsaved edits stay journaled");
    }

    #[test]
    fn keeping_mine_after_a_conflict_saves_over_the_other_tab() {
        let (store, mut mine, my_report) = other_tab_saved(true);
        mine.flush(&store, &my_report, 0, 0.0, now());
        assert!(mine.keep_mine());
        assert_eq!(mine.conflict(), None);
        assert_eq!(mine.flush(&store, &my_report, 0, 0.0, now()), Flush::Saved { revision: 3, at: now() });
        assert_eq!(stored_name(&store), "thẻ này");
        assert!(!mine.keep_mine(), "no conflict is left to resolve");
    }

    #[test]
    fn using_theirs_drops_this_tabs_edits_and_journal() {
        let (store, mut mine, my_report) = other_tab_saved(true);
        mine.flush(&store, &my_report, 0, 0.0, now());
        let shown = mine.use_theirs(&store).unwrap();
        assert_eq!(shown.report.name, "thẻ kia");
        assert_eq!((mine.revision(), mine.conflict(), mine.pending()), (2, None, false));
        assert_eq!(journal_of(&store, "a"), None, "reopening cannot bring the dropped edits back");
        assert_eq!(drafts::open(&store, ID).unwrap().report.name, "thẻ kia");
    }

    #[test]
    fn each_edit_is_journaled_at_once_and_the_journal_is_cleared_by_a_save() {
        let store = store_with_draft();
        let (mut session, mut report) = open(&store, "a");
        type_name(&mut session, &store, &mut report, "gõ dở", 0.0);
        let journal = journal_of(&store, "a").unwrap();
        assert_eq!(journal.base_revision, 1);
        assert_eq!(journal.entries.iter().collect::<Vec<_>>(), [&Edit::set("name", "gõ dở")]);
        session.flush(&store, &report, 0, 0.0, now());
        assert_eq!(journal_of(&store, "a"), None);
        type_name(&mut session, &store, &mut report, "gõ tiếp", 10.0);
        assert_eq!(journal_of(&store, "a").unwrap().base_revision, 2, "later edits are based on the saved revision");
    }

    #[test]
    fn a_read_only_session_never_writes() {
        let store = store_with_draft();
        let mut opened = drafts::open(&store, ID).unwrap();
        opened.read_only = Some("phiên bản mới hơn".into());
        let mut session = Session::new(&opened, "a");
        let mut report = opened.report.clone();
        let before = store.backend().snapshot();
        type_name(&mut session, &store, &mut report, "không được lưu", 0.0);
        assert!(session.is_read_only());
        assert_eq!(session.flush(&store, &report, 0, 0.0, now()), Flush::NothingToDo);
        assert_eq!(store.backend().snapshot(), before);
    }

    #[test]
    fn a_failed_write_is_said_and_the_change_stays_pending() {
        let store = store_with_draft();
        let (mut session, mut report) = open(&store, "a");
        type_name(&mut session, &store, &mut report, &"đầy ".repeat(100), 0.0);
        // The same entries in a store that has no room left for a longer text.
        let stored = store.backend().snapshot();
        let used = stored.iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum();
        let full = DraftStore::new(MemoryStore::with_quota(used));
        for (key, value) in &stored {
            full.backend().set(key, value).unwrap();
        }
        let flushed = session.flush(&full, &report, 0, 0.0, now());
        assert_eq!(flushed, Flush::Failed(SaveError::Storage(StorageError::QuotaExceeded).message()));
        assert!(session.pending());
        assert_eq!(session.revision(), 1);
        assert_eq!(full.backend().snapshot(), stored, "nothing half-saved");
    }

    #[test]
    fn the_first_save_keeps_the_opened_revision_as_previous_and_later_saves_leave_it() {
        let store = store_with_draft();
        let (mut session, mut report) = open(&store, "a");
        type_name(&mut session, &store, &mut report, "lần một", 0.0);
        session.flush(&store, &report, 0, 0.0, now());
        let previous = || store.backend().get(&format!("{}.prev", crate::storage::draft_key(ID))).unwrap().unwrap();
        assert!(previous().contains("\"revision\":1"));
        type_name(&mut session, &store, &mut report, "lần hai", 10.0);
        session.flush(&store, &report, 0, 10.0, now());
        assert_eq!(stored_revision(&store), 3);
        assert!(previous().contains("\"revision\":1"), "`.prev` is still the revision the editor opened");
    }

    #[test]
    fn restoring_the_previous_revision_shows_it_and_keeps_the_replaced_one() {
        let store = store_with_draft();
        let opened_name = stored_name(&store);
        let (mut session, mut report) = open(&store, "a");
        type_name(&mut session, &store, &mut report, "đã sửa", 0.0);
        session.flush(&store, &report, 0, 0.0, now());
        let shown = session.restore_previous(&store, now()).unwrap();
        assert_eq!(shown.report.name, opened_name);
        assert!(shown.has_previous);
        assert_eq!(session.revision(), 3);
        // Switching back: `.prev` now holds the edited revision.
        let shown = session.restore_previous(&store, now()).unwrap();
        assert_eq!(shown.report.name, "đã sửa");
    }

    #[test]
    fn restoring_without_a_previous_revision_fails_plainly() {
        let store = store_with_draft();
        let (mut session, _) = open(&store, "a");
        let failed = session.restore_previous(&store, now()).unwrap_err();
        assert!(failed.message.contains("không có bản trước"));
        assert!(!failed.no_previous);
    }

    #[test]
    fn another_tabs_save_is_adopted_when_nothing_is_pending() {
        let (store, mut mine, _) = other_tab_saved(false);
        let raw = stored_text(&store);
        match mine.other_tab(raw.as_deref()) {
            OtherTab::Adopt(report) => assert_eq!(report.name, "thẻ kia"),
            other => panic!("expected the other tab's report, got {other:?}"),
        }
        assert_eq!(mine.revision(), 2);
        assert_eq!(mine.other_tab(raw.as_deref()), OtherTab::Ignore, "a revision already shown is ignored");
    }

    #[test]
    fn another_tabs_save_while_edits_are_pending_is_a_conflict() {
        let (store, mut mine, _) = other_tab_saved(true);
        let raw = stored_text(&store);
        assert_eq!(mine.other_tab(raw.as_deref()), OtherTab::Conflict { stored: 2 });
        assert_eq!(mine.conflict(), Some(2));
        assert_eq!(mine.other_tab(None), OtherTab::Deleted);
        assert_eq!(mine.other_tab(Some("{not json")), OtherTab::Ignore);
    }

    fn crashed_editor_journal(store: &DraftStore<MemoryStore>, editor: &str, base_revision: u64, name: &str) {
        let journal = Journal { base_revision, entries: [("name".to_string(), name.to_string())].into() };
        store.write_journal(&drafts::journal_id(ID, editor), &serde_json::to_string(&journal).unwrap()).unwrap();
    }

    #[test]
    fn a_replayed_journal_is_taken_over_at_open_and_saved() {
        let store = store_with_draft();
        crashed_editor_journal(&store, "crashed", 1, "gõ trước khi sập");
        let opened = drafts::open(&store, ID).unwrap();
        let mut session = Session::new(&opened, "a");
        let started = session.start(&store, &opened, || unreachable!("no stale journal"), now());
        assert!(started.replayed && started.recovered.is_empty() && started.failed.is_none());
        assert_eq!(journal_of(&store, "crashed"), None);
        assert_eq!(journal_of(&store, "a").unwrap().entries.len(), 1, "taken over under this editor's id");
        session.changed(0.0);
        assert!(matches!(session.flush(&store, &opened.report, 0, 0.0, now()), Flush::Saved { .. }));
        assert_eq!(stored_name(&store), "gõ trước khi sập");
        assert_eq!(journal_of(&store, "a"), None);
    }

    #[test]
    fn a_stale_journal_becomes_a_recovered_copy_at_open() {
        let store = store_with_draft();
        crashed_editor_journal(&store, "crashed", 0, "gõ trên bản cũ");
        let opened = drafts::open(&store, ID).unwrap();
        let mut session = Session::new(&opened, "a");
        let started = session.start(&store, &opened, || "copy-1".to_string(), now());
        assert!(!started.replayed);
        assert_eq!(started.recovered.len(), 1);
        assert_eq!((started.recovered[0].id.as_str(), started.recovered[0].edits), ("copy-1", 1));
        assert_eq!(drafts::open(&store, "copy-1").unwrap().report.name, "gõ trên bản cũ");
        assert_eq!(stored_name(&store), opened.report.name, "the stored draft is untouched");
        assert_eq!(journal_of(&store, "crashed"), None);
    }

    #[test]
    fn a_read_only_session_makes_no_copies_at_open() {
        let store = store_with_draft();
        crashed_editor_journal(&store, "crashed", 0, "gõ trên bản cũ");
        let mut opened = drafts::open(&store, ID).unwrap();
        opened.read_only = Some("phiên bản mới hơn".into());
        let before = store.backend().snapshot();
        let started = Session::new(&opened, "a").start(&store, &opened, || "copy-1".to_string(), now());
        assert_eq!(started, Started::default());
        assert_eq!(store.backend().snapshot(), before);
    }
}
