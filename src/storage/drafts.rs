use super::{DraftId, KeyValueStore, StorageError, STORAGE_VERSION};
use crate::model::{de_utc, de_utc_opt, Kind, PeriodType, Status, TemplateRef};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

const INDEX_KEY: &str = "bcdv.index";
/// Key of the unit profile (a `storage` event on it means another tab saved it).
pub const PROFILE_KEY: &str = "bcdv.profile";
const DRAFT_PREFIX: &str = "bcdv.draft.";
const PREV_SUFFIX: &str = ".prev";
const QUARANTINE_PREFIX: &str = "bcdv.quarantine.";
const JOURNAL_PREFIX: &str = "bcdv.journal.";

/// What the draft list shows for one draft; also kept inside each envelope so
/// the index can always be rebuilt from the drafts themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub kind: Kind,
    pub period_type: PeriodType,
    pub year: i32,
    /// Stored as the status code; an unknown code (from a newer app) reads as
    /// a draft, so such a draft is still listed.
    #[serde(deserialize_with = "status_from_code")]
    pub status: Status,
    /// Completion in percent, 0–100.
    pub progress: u8,
    #[serde(deserialize_with = "de_utc")]
    pub updated_at: DateTime<Utc>,
    #[serde(default, deserialize_with = "de_utc_opt")]
    pub exported_at: Option<DateTime<Utc>>,
    /// The outline the draft is written against; `None` in summaries saved
    /// before outlines could be loaded (those name a built-in outline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateRef>,
}

fn status_from_code<'de, D: serde::Deserializer<'de>>(code: D) -> Result<Status, D::Error> {
    Ok(Status::from_code(&String::deserialize(code)?))
}

/// One stored draft. The report itself stays raw JSON here so that a draft of
/// an older (or unknown) schema can still be listed, exported and deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub storage_version: u32,
    pub schema_version: u32,
    pub template_id: String,
    pub template_version: u32,
    /// Incremented by every save; how two tabs notice each other.
    pub revision: u64,
    #[serde(deserialize_with = "de_utc")]
    pub saved_at: DateTime<Utc>,
    pub summary: DraftSummary,
    pub report: StoredReport,
}

/// A stored draft's report as its JSON text, checked to be JSON and not
/// read further: opening a draft reads it straight into a `Report`
/// ([`Report::from_stored`](crate::model::Report::from_stored)), without a
/// JSON tree in between.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredReport(Box<serde_json::value::RawValue>);

impl StoredReport {
    pub fn text(&self) -> &str {
        self.0.get()
    }

    /// The report as a JSON tree (kept as is for a draft opened read-only).
    /// Fails only where the text holds a number no tree can (say `1e400`).
    pub fn tree(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_str(self.text())
    }

    /// The report's own `id` member, as [`foreign`] compares it.
    fn id(&self) -> Option<serde_json::Value> {
        serde_json::from_str::<listed::ReportId>(self.text()).ok().and_then(|id| id.0)
    }
}

/// Equal when the texts are: an envelope read back is the one written.
impl PartialEq for StoredReport {
    fn eq(&self, other: &StoredReport) -> bool {
        self.text() == other.text()
    }
}

/// [`Envelope`] as written: borrows the report instead of copying it.
/// Same fields in the same order, so `revision` is near the start of the text.
#[derive(Serialize)]
struct EnvelopeOut<'a, R: Serialize> {
    storage_version: u32,
    schema_version: u32,
    template_id: &'a str,
    template_version: u32,
    revision: u64,
    saved_at: DateTime<Utc>,
    summary: &'a DraftSummary,
    report: &'a R,
}

/// How much of a stored envelope [`revision_in_head`] looks at: the fields
/// before `revision` are three numbers and a template id.
const ENVELOPE_HEAD_CHARS: usize = 200;

/// What a save must know of the entry it replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StoredHead {
    storage_version: u32,
    revision: u64,
}

/// The `storage_version` an envelope's compact JSON text starts with.
fn layout_in_head(head: &str) -> Option<u32> {
    let digits = head.strip_prefix("{\"storage_version\":")?;
    let end = digits.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 || !matches!(digits[end..].chars().next(), Some(',' | '}')) {
        return None;
    }
    digits[..end].parse().ok()
}

/// The top-level `revision` of an envelope from the first characters of its
/// compact JSON text. In valid JSON the sequence `"revision":` can only be a
/// key (inside a string its quotes would be escaped), and the fields before
/// it hold no objects, so the first match is the envelope's own. `None`
/// when the head does not look like that; the caller then parses it all.
fn revision_in_head(head: &str) -> Option<u64> {
    const KEY: &str = "\"revision\":";
    let prefix = "{\"storage_version\":";
    if !head.starts_with(prefix) {
        return None;
    }
    let at = head.find(KEY)? + KEY.len();
    let digits: &str = &head[at..];
    let end = digits.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 || !matches!(digits[end..].chars().next(), Some(',' | '}')) {
        return None;
    }
    digits[..end].parse().ok()
}

/// The draft list as stored under `bcdv.index`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub storage_version: u32,
    pub drafts: Vec<DraftSummary>,
}

/// Something in storage the user must hear about; the rest keeps working.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// An entry could not be read; its raw text was moved to `quarantined_as`
    /// (or left in place when even that was impossible).
    Corrupted { key: String, quarantined_as: Option<String>, reason: String },
    /// Reading storage failed altogether.
    Storage(StorageError),
}

impl Problem {
    pub fn message(&self) -> String {
        match self {
            Problem::Corrupted { key, quarantined_as: Some(q), reason } => format!(
                "Một mục lưu trữ bị hỏng và đã được cách ly ({key} → {q}): {reason}. \
                 Các báo cáo khác vẫn dùng bình thường."
            ),
            Problem::Corrupted { key, quarantined_as: None, reason } => {
                format!("Một mục lưu trữ bị hỏng ({key}): {reason}. Các báo cáo khác vẫn dùng bình thường.")
            }
            Problem::Storage(e) => e.message(),
        }
    }
}

/// Why a save did not happen. Nothing was written in any of these cases,
/// except `VerifyFailed`, where the browser stored something else.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Another tab saved this draft since we loaded it (`stored` is its revision).
    Conflict {
        stored: u64,
        expected: Option<u64>,
    },
    /// The stored entry was written in a newer storage layout
    /// (`storage_version` > [`STORAGE_VERSION`]): rewriting it in this
    /// version's layout could drop what the newer one added.
    NewerLayout {
        stored: u32,
    },
    /// What was to be written could not be read as this draft's; it was
    /// moved to quarantine (see the problem).
    Damaged(Problem),
    Storage(StorageError),
    /// The write returned, but reading it back gave different text.
    VerifyFailed,
}

impl SaveError {
    pub fn message(&self) -> String {
        match self {
            SaveError::Conflict { .. } => "Báo cáo này vừa được sửa ở một thẻ (tab) khác. \
                 Chưa ghi đè: hãy chọn giữ bản nào."
                .to_string(),
            SaveError::NewerLayout { stored } => format!(
                "Mục này được lưu bởi phiên bản mới hơn của ứng dụng (cách lưu {stored} > {STORAGE_VERSION}). \
                 Chưa ghi đè gì: chỉ xem, xuất tệp hoặc xóa được; hãy cập nhật ứng dụng để sửa."
            ),
            SaveError::Damaged(problem) => problem.message(),
            SaveError::Storage(e) => e.message(),
            SaveError::VerifyFailed => {
                "Lưu xong nhưng đọc lại không khớp: dữ liệu có thể chưa được lưu đúng. Hãy xuất tệp để giữ lại."
                    .to_string()
            }
        }
    }
}

/// Result of a successful, read-back-verified save.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveOutcome {
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    /// The index could not be updated (it is rebuilt on next start).
    pub index_stale: bool,
}

/// A removed draft, kept in memory for "undo".
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub envelope: Envelope,
    /// Its stored text, put back byte for byte.
    pub raw: String,
    /// Raw text of its previous revision, if one was kept.
    pub prev: Option<String>,
}

/// What "Hoàn tác" of a delete did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undeleted {
    /// Put back exactly as it was.
    Restored,
    /// The draft was saved again after the delete (by a tab that still had
    /// it open): that newer text stays, and the deleted one came back as a
    /// copy with this id, named "… (bản khôi phục)".
    AsCopy { id: String },
}

/// The unit profile as stored, with the version tag (see [`profile_tag`])
/// a later save must name.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredProfile<T> {
    pub profile: T,
    pub tag: u64,
}

/// Suffix of the name of a deleted draft put back as a copy.
const RESTORED_COPY: &str = " (bản khôi phục)";

/// A draft as read from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedDraft {
    pub envelope: Envelope,
    /// Whether a previous revision is kept and can be restored.
    pub has_previous: bool,
}

/// What a save does with the revision it replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Previous {
    /// Keep it under `.prev`, restorable (replacing the one kept before).
    Keep,
    /// Leave `.prev` as it is: the editor keeps the revision it opened, not
    /// the one from its own autosave two seconds ago, and autosave stays cheap.
    Leave,
}

/// Drafts, index, profile and quarantine over any [`KeyValueStore`].
pub struct DraftStore<S: KeyValueStore> {
    store: S,
}

/// Key of draft `id`'s envelope (a `storage` event on it means another tab saved it).
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

fn prev_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}{PREV_SUFFIX}")
}

fn journal_key(id: &str) -> String {
    format!("{JOURNAL_PREFIX}{id}")
}

impl<S: KeyValueStore> DraftStore<S> {
    pub fn new(store: S) -> Self {
        DraftStore { store }
    }

    pub fn backend(&self) -> &S {
        &self.store
    }

    /// Every readable draft, in index order (newest first for drafts the
    /// index did not know). Unreadable entries are quarantined and reported.
    pub fn list(&self) -> (Vec<DraftSummary>, Vec<Problem>) {
        let mut problems = Vec::new();
        let keys = match self.store.keys() {
            Ok(keys) => keys,
            Err(e) => return (Vec::new(), vec![Problem::Storage(e)]),
        };
        let mut found: Vec<DraftSummary> = Vec::new();
        // Only `bcdv.draft.<id>`: a `.prev` is not a draft, and a key whose
        // id could not be opened is left alone rather than listed.
        let is_draft = |k: &&String| k.strip_prefix(DRAFT_PREFIX).and_then(DraftId::parse).is_some();
        for key in keys.iter().filter(is_draft) {
            match self.read_listed(key) {
                Ok(Some(summary)) => found.push(summary),
                Ok(None) => {}
                Err(problem) => problems.push(problem),
            }
        }
        let index = match self.read_index() {
            Ok(index) => index,
            Err(problem) => {
                problems.push(problem);
                Index::default()
            }
        };
        // Index order first, then drafts the index missed (e.g. its write failed).
        let mut ordered: Vec<DraftSummary> =
            index.drafts.iter().filter_map(|entry| found.iter().find(|d| d.id == entry.id).cloned()).collect();
        let mut missed: Vec<DraftSummary> =
            found.into_iter().filter(|d| !ordered.iter().any(|o| o.id == d.id)).collect();
        missed.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
        ordered.extend(missed);
        if ordered != index.drafts {
            // Best effort: the index is derived data.
            let _ = self.write_index(&ordered);
        }
        (ordered, problems)
    }

    /// Read one draft; a corrupted entry is quarantined and reported.
    pub fn load(&self, id: &str) -> Result<Option<LoadedDraft>, Problem> {
        // Anything else (e.g. `<id>.prev` from a typed URL) is not a draft:
        // reading it as one would quarantine a healthy entry.
        if DraftId::parse(id).is_none() {
            return Ok(None);
        }
        let Some(envelope) = self.read_envelope(&draft_key(id))? else {
            return Ok(None);
        };
        let has_previous = matches!(self.store.get(&prev_key(id)), Ok(Some(_)));
        Ok(Some(LoadedDraft { envelope, has_previous }))
    }

    /// Save `report` as the next revision of draft `id`.
    ///
    /// `expected` is the revision this tab loaded (None for a new draft). If
    /// storage holds another revision, nothing is written and
    /// [`SaveError::Conflict`] is returned: no tab silently overwrites another.
    /// The write is read back before success is reported; `previous` says
    /// whether the replaced revision is kept under `.prev`.
    ///
    /// This runs on every autosave of a report of some 40 kB, so it never
    /// brings the stored text into wasm: the revision is read from the head
    /// of the entry, and [`KeyValueStore::replace`] verifies the new text and
    /// moves the old one to `.prev` inside the storage backend.
    #[allow(clippy::too_many_arguments)]
    pub fn save<R: Serialize>(
        &self,
        summary: &DraftSummary,
        schema_version: u32,
        template_id: &str,
        template_version: u32,
        report: &R,
        expected: Option<u64>,
        previous: Previous,
        now: DateTime<Utc>,
    ) -> Result<SaveOutcome, SaveError> {
        if DraftId::parse(&summary.id).is_none() {
            return Err(SaveError::Storage(StorageError::Other(format!("mã báo cáo không hợp lệ ({})", summary.id))));
        }
        let key = draft_key(&summary.id);
        let stored = self.stored_head(&key).map_err(SaveError::Storage)?;
        if let Some(head) = stored {
            if head.storage_version > STORAGE_VERSION {
                return Err(SaveError::NewerLayout { stored: head.storage_version });
            }
            if Some(head.revision) != expected {
                return Err(SaveError::Conflict { stored: head.revision, expected });
            }
        }
        let stored_revision = stored.map(|head| head.revision);
        let summary = DraftSummary { updated_at: now, ..summary.clone() };
        let envelope = EnvelopeOut {
            storage_version: STORAGE_VERSION,
            schema_version,
            template_id,
            template_version,
            revision: next_revision(stored_revision.or(expected)),
            saved_at: now,
            summary: &summary,
            report,
        };
        let raw =
            serde_json::to_string(&envelope).map_err(|e| SaveError::Storage(StorageError::Other(e.to_string())))?;
        let prev = (previous == Previous::Keep).then(|| prev_key(&summary.id));
        if !self.store.replace(&key, &raw, prev.as_deref()).map_err(SaveError::Storage)? {
            return Err(SaveError::VerifyFailed);
        }
        // The index gives the list its order; names, status and times come
        // from the drafts themselves (see `list`, which also refreshes the
        // index). So a new revision of a listed draft leaves it alone: one
        // read, parse and write less on every autosave.
        let index_stale = stored_revision.is_none() && self.upsert_index(&summary).is_err();
        Ok(SaveOutcome { revision: envelope.revision, saved_at: now, index_stale })
    }

    /// Layout and revision of the stored entry under `key`, if any and
    /// readable. An unreadable entry counts as absent (the save replaces
    /// it; its text is kept under `.prev`).
    fn stored_head(&self, key: &str) -> Result<Option<StoredHead>, StorageError> {
        let Some(head) = self.store.get_head(key, ENVELOPE_HEAD_CHARS)? else {
            return Ok(None);
        };
        if let (Some(storage_version), Some(revision)) = (layout_in_head(&head), revision_in_head(&head)) {
            return Ok(Some(StoredHead { storage_version, revision }));
        }
        // Not an envelope as this app writes it: read it whole.
        #[derive(Deserialize)]
        struct HeadOnly {
            #[serde(default)]
            storage_version: u32,
            revision: u64,
        }
        let raw = self.store.get(key)?;
        Ok(raw
            .and_then(|raw| serde_json::from_str::<HeadOnly>(&raw).ok())
            .map(|env| StoredHead { storage_version: env.storage_version, revision: env.revision }))
    }

    /// Swap the current and the previous revision of a draft.
    /// The restored copy becomes a new revision so other tabs notice.
    /// A previous revision that is not this draft's (its inner ids name
    /// another draft) or not readable is quarantined, never restored.
    pub fn restore_previous(&self, id: &str, now: DateTime<Utc>) -> Result<SaveOutcome, SaveError> {
        let missing = || SaveError::Storage(StorageError::Other("không có bản trước".into()));
        if DraftId::parse(id).is_none() {
            return Err(missing());
        }
        let key = prev_key(id);
        let prev_raw = self.store.get(&key).map_err(SaveError::Storage)?.ok_or_else(missing)?;
        let prev: Envelope = match serde_json::from_str(&prev_raw) {
            Ok(prev) => prev,
            Err(e) => {
                return Err(SaveError::Damaged(self.quarantine(&key, &prev_raw, &format!("không đọc được ({e})"))))
            }
        };
        if let Some(inner) = foreign_id(&prev, id) {
            let reason = format!("bản lưu trước mang mã báo cáo khác ({inner}), chưa khôi phục");
            return Err(SaveError::Damaged(self.quarantine(&key, &prev_raw, &reason)));
        }
        if prev.storage_version > STORAGE_VERSION {
            return Err(SaveError::NewerLayout { stored: prev.storage_version });
        }
        // Written from its tree, as it was before the report was kept as
        // text; a text no tree can hold is not a revision to restore.
        let report = match prev.report.tree() {
            Ok(report) => report,
            Err(e) => {
                return Err(SaveError::Damaged(self.quarantine(&key, &prev_raw, &format!("không đọc được ({e})"))))
            }
        };
        let current = self.load(id).ok().flatten().map(|d| d.envelope.revision);
        self.save(
            &prev.summary,
            prev.schema_version,
            &prev.template_id,
            prev.template_version,
            &report,
            current,
            Previous::Keep,
            now,
        )
    }

    /// Remove a draft and its previous revision; returns the removed envelope
    /// so the caller can offer "undo" with [`DraftStore::undelete`].
    pub fn delete(&self, id: &str) -> Result<Option<Deleted>, StorageError> {
        if DraftId::parse(id).is_none() {
            return Ok(None);
        }
        let raw = self.store.get(&draft_key(id))?;
        let prev = self.store.get(&prev_key(id))?;
        let removed = raw.and_then(|raw| Some(Deleted { envelope: serde_json::from_str(&raw).ok()?, raw, prev }));
        self.store.remove(&draft_key(id))?;
        self.store.remove(&prev_key(id))?;
        for journal in self.journal_ids(id) {
            self.store.remove(&journal_key(&journal))?;
        }
        let (mut drafts, _) = self.read_index().map(|i| (i.drafts, ())).unwrap_or_default();
        drafts.retain(|d| d.id != id);
        self.write_index(&drafts)?;
        Ok(removed)
    }

    /// Put back a draft removed by [`DraftStore::delete`], exactly as it
    /// was, its previous revision included.
    ///
    /// Undo is a save like any other: when the draft was written again
    /// since the delete (a tab that had it open kept typing), that newer
    /// text is not overwritten; the deleted one comes back as a copy under
    /// `new_id()` instead, so both are kept.
    pub fn undelete(&self, deleted: &Deleted, new_id: impl FnOnce() -> String) -> Result<Undeleted, StorageError> {
        let id = &deleted.envelope.summary.id;
        if self.store.get_head(&draft_key(id), 1)?.is_none() {
            self.store.set(&draft_key(id), &deleted.raw)?;
            if let Some(prev) = &deleted.prev {
                self.store.set(&prev_key(id), prev)?;
            }
            self.upsert_index(&deleted.envelope.summary)?;
            return Ok(Undeleted::Restored);
        }
        let copy_id = new_id();
        let bad_id = || StorageError::Other(format!("mã bản sao không hợp lệ ({copy_id})"));
        DraftId::parse(&copy_id).ok_or_else(bad_id)?;
        let (raw, summary) = renamed_copy(&deleted.raw, &copy_id)
            .ok_or_else(|| StorageError::Other("không đọc được bản đã xóa".into()))?;
        self.store.set(&draft_key(&copy_id), &raw)?;
        if let Some(prev) = &deleted.prev {
            match renamed_copy(prev, &copy_id) {
                Some((prev, _)) => self.store.set(&prev_key(&copy_id), &prev)?,
                // Never dropped: kept aside like any entry that cannot be read.
                None => {
                    self.keep_aside(&prev_key(id), prev);
                }
            }
        }
        self.upsert_index(&summary)?;
        Ok(Undeleted::AsCopy { id: copy_id })
    }

    /// Remove every quarantined entry (after the user downloaded them).
    pub fn clear_quarantine(&self) -> Result<(), StorageError> {
        for (key, _) in self.quarantined() {
            self.store.remove(&key)?;
        }
        Ok(())
    }

    /// Keystrokes not yet saved (see `editor::journal`), as raw JSON.
    pub fn read_journal(&self, id: &str) -> Option<String> {
        self.store.get(&journal_key(id)).ok().flatten()
    }

    /// The crash journal of draft `id`. One that cannot be read (e.g. cut
    /// off by a crash mid-write) is quarantined and reported, never deleted.
    pub fn load_journal<T: serde::de::DeserializeOwned>(&self, id: &str) -> Result<Option<T>, Problem> {
        let key = journal_key(id);
        match self.store.get(&key) {
            Err(e) => Err(Problem::Storage(e)),
            Ok(None) => Ok(None),
            Ok(Some(raw)) => match serde_json::from_str(&raw) {
                Ok(journal) => Ok(Some(journal)),
                Err(e) => Err(self.quarantine(&key, &raw, &format!("nhật ký gõ phím không đọc được ({e})"))),
            },
        }
    }

    /// The journal ids of draft `id`: one per editor that wrote one
    /// (`<id>.<editor>`), and the single `<id>` of earlier app versions.
    pub fn journal_ids(&self, id: &str) -> Vec<String> {
        let own = journal_key(id);
        let mut ids: Vec<String> = self
            .store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| *k == own || k.strip_prefix(own.as_str()).is_some_and(|rest| rest.starts_with('.')))
            .filter_map(|k| k.strip_prefix(JOURNAL_PREFIX).map(str::to_string))
            .collect();
        ids.sort();
        ids
    }

    pub fn write_journal(&self, id: &str, raw: &str) -> Result<(), StorageError> {
        self.store.set(&journal_key(id), raw)
    }

    pub fn clear_journal(&self, id: &str) -> Result<(), StorageError> {
        self.store.remove(&journal_key(id))
    }

    pub fn load_profile<T: serde::de::DeserializeOwned>(&self) -> Result<Option<T>, Problem> {
        Ok(self.load_profile_tagged()?.map(|stored| stored.profile))
    }

    /// The unit profile and its version tag, for a screen that saves it
    /// back with [`DraftStore::save_profile_checked`].
    pub fn load_profile_tagged<T: serde::de::DeserializeOwned>(&self) -> Result<Option<StoredProfile<T>>, Problem> {
        match self.store.get(PROFILE_KEY) {
            Err(e) => Err(Problem::Storage(e)),
            Ok(None) => Ok(None),
            Ok(Some(raw)) => match parse_profile(&raw) {
                Ok(stored) => Ok(Some(stored)),
                Err(e) => Err(self.quarantine(PROFILE_KEY, &raw, &e.to_string())),
            },
        }
    }

    /// Write the profile whatever is stored (restoring a backup into an
    /// empty profile). Screens that edit it use `save_profile_checked`.
    pub fn save_profile<T: Serialize>(&self, profile: &T) -> Result<(), StorageError> {
        match self.write_profile(profile)? {
            Some(_) => Ok(()),
            None => Err(StorageError::Other("đọc lại không khớp".into())),
        }
    }

    /// Save the profile over the stored one tagged `expected` (the one this
    /// tab loaded or last wrote). Like a draft's save: when another tab
    /// saved since, nothing is written and [`SaveError::Conflict`] says so.
    /// Returns the tag of what was written.
    pub fn save_profile_checked<T: Serialize>(&self, profile: &T, expected: u64) -> Result<u64, SaveError> {
        let stored = profile_tag(self.store.get(PROFILE_KEY).map_err(SaveError::Storage)?.as_deref());
        if stored != expected {
            return Err(SaveError::Conflict { stored, expected: Some(expected) });
        }
        self.write_profile(profile).map_err(SaveError::Storage)?.ok_or(SaveError::VerifyFailed)
    }

    /// Write and read back the profile: the tag of what was written, `None`
    /// when the read-back differs.
    fn write_profile<T: Serialize>(&self, profile: &T) -> Result<Option<u64>, StorageError> {
        let raw = serde_json::to_string(profile).map_err(|e| StorageError::Other(e.to_string()))?;
        self.store.set(PROFILE_KEY, &raw)?;
        Ok((self.store.get(PROFILE_KEY)?.as_deref() == Some(raw.as_str())).then(|| profile_tag(Some(&raw))))
    }

    /// Raw texts of quarantined entries: (key, text), for export or deletion.
    pub fn quarantined(&self) -> Vec<(String, String)> {
        let keys = self.store.keys().unwrap_or_default();
        keys.into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| self.store.get(&k).ok().flatten().map(|v| (k, v)))
            .collect()
    }

    fn read_envelope(&self, key: &str) -> Result<Option<Envelope>, Problem> {
        let raw = match self.store.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Ok(None),
            Err(e) => return Err(Problem::Storage(e)),
        };
        let id = key.strip_prefix(DRAFT_PREFIX).unwrap_or(key);
        match serde_json::from_str::<Envelope>(&raw) {
            Ok(env) => match foreign_id(&env, id) {
                None => Ok(Some(env)),
                // Saving it would write into the draft it names.
                Some(inner) => Err(self.quarantine(key, &raw, &format!("mã báo cáo bên trong ({inner}) không khớp"))),
            },
            Err(e) => Err(self.quarantine(key, &raw, &format!("không đọc được ({e})"))),
        }
    }

    /// [`Self::read_envelope`] for the list: the same checks and quarantine,
    /// without building the report (see `listed`).
    fn read_listed(&self, key: &str) -> Result<Option<DraftSummary>, Problem> {
        let raw = match self.store.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Ok(None),
            Err(e) => return Err(Problem::Storage(e)),
        };
        let id = key.strip_prefix(DRAFT_PREFIX).unwrap_or(key);
        match serde_json::from_str::<listed::ListedEnvelope>(&raw) {
            Ok(env) => match foreign(&env.summary.id, env.report.0.as_ref(), id) {
                None => Ok(Some(env.summary)),
                Some(inner) => Err(self.quarantine(key, &raw, &format!("mã báo cáo bên trong ({inner}) không khớp"))),
            },
            Err(e) => Err(self.quarantine(key, &raw, &format!("không đọc được ({e})"))),
        }
    }

    /// Move an unreadable entry aside so the app keeps working, never losing it.
    fn quarantine(&self, key: &str, raw: &str, reason: &str) -> Problem {
        let kept = self.keep_aside(key, raw);
        let moved = kept.filter(|_| self.store.remove(key).is_ok());
        Problem::Corrupted { key: key.to_string(), quarantined_as: moved, reason: reason.to_string() }
    }

    /// Copy `raw` (the text of `key`) into quarantine; its key there, if written.
    fn keep_aside(&self, key: &str, raw: &str) -> Option<String> {
        let existing = self.store.keys().unwrap_or_default();
        let target = (1..)
            .map(|n| format!("{QUARANTINE_PREFIX}{n}.{key}"))
            .find(|k| !existing.contains(k))
            .expect("unbounded range");
        self.store.set(&target, raw).is_ok().then_some(target)
    }

    fn read_index(&self) -> Result<Index, Problem> {
        match self.store.get(INDEX_KEY) {
            Err(e) => Err(Problem::Storage(e)),
            Ok(None) => Ok(Index::default()),
            Ok(Some(raw)) => match serde_json::from_str::<Index>(&raw) {
                Ok(index) => Ok(index),
                // The index is rebuilt from the drafts; keep the broken text aside anyway.
                Err(e) => Err(self.quarantine(INDEX_KEY, &raw, &format!("danh mục không đọc được ({e}), đã dựng lại"))),
            },
        }
    }

    fn write_index(&self, drafts: &[DraftSummary]) -> Result<(), StorageError> {
        let index = Index { storage_version: STORAGE_VERSION, drafts: drafts.to_vec() };
        let raw = serde_json::to_string(&index).map_err(|e| StorageError::Other(e.to_string()))?;
        self.store.set(INDEX_KEY, &raw)
    }

    fn upsert_index(&self, summary: &DraftSummary) -> Result<(), StorageError> {
        let mut drafts = self.read_index().map(|i| i.drafts).unwrap_or_default();
        match drafts.iter_mut().find(|d| d.id == summary.id) {
            Some(entry) => *entry = summary.clone(),
            None => drafts.insert(0, summary.clone()),
        }
        self.write_index(&drafts)
    }
}

/// The revision after `stored` (None: nothing stored). It saturates: a
/// draft at `u64::MAX` is saved as `u64::MAX` again instead of wrapping to
/// 0, which every other tab would take for an older revision.
fn next_revision(stored: Option<u64>) -> u64 {
    stored.map_or(1, |r| r.saturating_add(1))
}

/// The id inside `env` (its summary's or its report's) when it is not `id`.
fn foreign_id(env: &Envelope, id: &str) -> Option<String> {
    foreign(&env.summary.id, env.report.id().as_ref(), id)
}

/// [`foreign_id`] from the summary's id and the report's `id` member.
fn foreign(summary_id: &str, report_id: Option<&serde_json::Value>, id: &str) -> Option<String> {
    if summary_id != id {
        return Some(summary_id.to_string());
    }
    match report_id {
        None => None,
        Some(serde_json::Value::String(inner)) if inner == id => None,
        Some(serde_json::Value::String(inner)) => Some(inner.clone()),
        Some(other) => Some(other.to_string()),
    }
}

/// The stored text `raw` of a draft as a copy with id `copy_id` and a name
/// that says it was restored; every other member is kept as it was.
/// `None` when `raw` is not an envelope.
fn renamed_copy(raw: &str, copy_id: &str) -> Option<(String, DraftSummary)> {
    let mut value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let summary = value.get_mut("summary")?.as_object_mut()?;
    summary.insert("id".into(), copy_id.into());
    let name = format!("{}{RESTORED_COPY}", summary.get("name").and_then(|n| n.as_str()).unwrap_or_default());
    summary.insert("name".into(), name.clone().into());
    if let Some(report) = value.get_mut("report").and_then(|r| r.as_object_mut()) {
        for (member, value) in [("id", copy_id.to_string()), ("name", name)] {
            if let Some(slot) = report.get_mut(member) {
                *slot = value.into();
            }
        }
    }
    let summary: DraftSummary = serde_json::from_value(value.get("summary")?.clone()).ok()?;
    Some((serde_json::to_string(&value).ok()?, summary))
}

/// Version tag of the stored profile text (`None`: nothing stored): how a
/// save notices that another tab saved since, as a draft's revision does.
/// The profile stays the bare JSON object older versions wrote and backups
/// carry, so the tag is a hash of its text (64-bit FNV-1a) rather than a
/// counter inside it; equal texts lose nothing when one replaces the other.
pub fn profile_tag(raw: Option<&str>) -> u64 {
    let Some(raw) = raw else { return 0 };
    let hash = raw.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    // 0 stands for "nothing stored".
    hash.max(1)
}

/// The stored text of the unit profile with its tag.
pub fn parse_profile<T: serde::de::DeserializeOwned>(raw: &str) -> Result<StoredProfile<T>, serde_json::Error> {
    Ok(StoredProfile { profile: serde_json::from_str(raw)?, tag: profile_tag(Some(raw)) })
}

mod listed;

#[cfg(test)]
mod tests;
