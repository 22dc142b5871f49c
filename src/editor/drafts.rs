//! Reports in draft storage: what the editor and the draft list call to
//! create, open, save and copy reports. Pure; runs over any key-value store.

use crate::engine::evaluate;
use crate::model::{Kind, PeriodType, Report, Status, UnitProfile, SCHEMA_VERSION};
use crate::storage::{
    DraftStore, DraftSummary, KeyValueStore, Previous, Problem, SaveError, SaveOutcome, STORAGE_VERSION,
};
use crate::template::Template;
use chrono::{DateTime, Utc};

/// Completion in percent of the required items.
pub fn progress_percent(template: &Template, report: &Report) -> u8 {
    evaluate(template, report).progress.percent()
}

/// The draft-list entry of a report.
pub fn summary(report: &Report, progress: u8) -> DraftSummary {
    DraftSummary {
        id: report.id.clone(),
        name: report.name.clone(),
        unit: report.unit.name.clone(),
        kind: report.kind,
        period_type: report.period.period_type,
        year: report.period.year,
        status: report.status,
        progress,
        updated_at: report.updated_at,
        exported_at: report.exported_at,
        template: Some(report.template.clone()),
    }
}

/// Write `report` as the next revision after `expected` (None: a new draft).
pub fn save<S: KeyValueStore>(
    store: &DraftStore<S>,
    report: &Report,
    progress: u8,
    expected: Option<u64>,
    previous: Previous,
    now: DateTime<Utc>,
) -> Result<SaveOutcome, SaveError> {
    store.save(
        &summary(report, progress),
        report.schema_version,
        &report.template.id,
        report.template.version,
        report,
        expected,
        previous,
        now,
    )
}

/// Save `report` as a new draft (no earlier revision to check), with its completion.
pub fn save_new<S: KeyValueStore>(
    store: &DraftStore<S>,
    report: &Report,
    now: DateTime<Utc>,
) -> Result<SaveOutcome, SaveError> {
    let progress = progress_percent(Template::for_report(report), report);
    save(store, report, progress, None, Previous::Keep, now)
}

/// A new draft from the unit profile, saved at once so it is never only in memory.
pub fn create<S: KeyValueStore>(
    store: &DraftStore<S>,
    id: &str,
    kind: Kind,
    period_type: PeriodType,
    year: i32,
    unit: UnitProfile,
    now: DateTime<Utc>,
) -> Result<Report, SaveError> {
    let report = Report::new(id, kind, period_type, year, unit, now);
    save_new(store, &report, now)?;
    Ok(report)
}

/// A copy of `source` for another period (e.g. Q4 from Q3): narratives,
/// lists' text and structure, header, signature and recipients are kept;
/// figures are kept only when `keep_figures`. Cùng kỳ values never carry over
/// (they belong to another year), nor does the document number.
pub fn duplicate(
    source: &Report,
    new_id: &str,
    period_type: PeriodType,
    year: i32,
    keep_figures: bool,
    now: DateTime<Utc>,
) -> Report {
    let fresh = Report::new(new_id, source.kind, period_type, year, source.unit.clone(), now);
    let mut copy = Report {
        id: fresh.id,
        period: fresh.period,
        hierarchy_model: fresh.hierarchy_model,
        name: fresh.name,
        header: fresh.header,
        cung_ky: Default::default(),
        status: Status::Draft,
        created_at: now,
        updated_at: now,
        exported_at: None,
        // "Không phát sinh trong kỳ" was true of the source's period only; kept,
        // it would silently satisfy E10 in the new one. "Không theo dõi" is the
        // unit's practice and stays.
        none_in_period: Default::default(),
        ..source.clone()
    };
    if !keep_figures {
        copy.values.clear();
        copy.qualifiers.clear();
        for rows in copy.lists.values_mut() {
            for row in rows.iter_mut() {
                row.retain(|_, v| v.as_int().is_none());
            }
        }
    }
    copy
}

/// Why renaming or copying a stored draft did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeError {
    Open(OpenError),
    /// The draft opens read-only (see [`Opened::read_only`], which says why).
    ReadOnly(String),
    Save(SaveError),
}

impl ChangeError {
    pub fn message(&self) -> String {
        match self {
            ChangeError::Open(e) => e.message(),
            ChangeError::ReadOnly(why) => format!("Chưa thay đổi gì. {why}"),
            ChangeError::Save(e) => e.message(),
        }
    }
}

/// Opened for a change that rewrites the draft or copies its content:
/// a read-only draft is refused, since this version would drop what it
/// does not know.
fn open_writable<S: KeyValueStore>(store: &DraftStore<S>, id: &str) -> Result<Opened, ChangeError> {
    let opened = open(store, id).map_err(ChangeError::Open)?;
    match opened.read_only {
        Some(why) => Err(ChangeError::ReadOnly(why)),
        None => Ok(opened),
    }
}

/// Give the stored draft `id` a new name (a new revision of it).
pub fn rename<S: KeyValueStore>(
    store: &DraftStore<S>,
    id: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<SaveOutcome, ChangeError> {
    let opened = open_writable(store, id)?;
    let mut report = opened.report;
    report.name = name.to_string();
    let progress = progress_percent(Template::for_report(&report), &report);
    save(store, &report, progress, Some(opened.revision), Previous::Keep, now).map_err(ChangeError::Save)
}

/// Copy the stored draft `source_id` into a new draft `new_id` (see
/// [`duplicate`]) and save it.
pub fn duplicate_stored<S: KeyValueStore>(
    store: &DraftStore<S>,
    source_id: &str,
    new_id: &str,
    period_type: PeriodType,
    year: i32,
    keep_figures: bool,
    now: DateTime<Utc>,
) -> Result<Report, ChangeError> {
    let source = open_writable(store, source_id)?.report;
    let copy = duplicate(&source, new_id, period_type, year, keep_figures, now);
    save_new(store, &copy, now).map_err(ChangeError::Save)?;
    Ok(copy)
}

/// A draft opened for editing.
#[derive(Clone, Debug)]
pub struct Opened {
    pub report: Report,
    /// Storage revision this tab is based on.
    pub revision: u64,
    pub has_previous: bool,
    /// Why the draft may only be viewed, exported or deleted, if so.
    pub read_only: Option<String>,
    /// Something the user should know (e.g. the outline was updated).
    pub notice: Option<String>,
    /// Fields restored from the crash journal (unsaved keystrokes).
    pub journal: super::journal::Journal,
    /// Journal ids of the journals replayed into `journal`: the editor takes
    /// them over (writes `journal` under its own id) and then removes them.
    pub replayed_journals: Vec<String>,
    /// Crash journals made on an older revision than the stored one (another
    /// tab saved in between), by journal id: not replayed here; see
    /// [`save_recovered_copy`].
    pub stale_journals: Vec<(String, super::journal::Journal)>,
    /// The report JSON exactly as stored, kept for read-only drafts so an
    /// export does not drop fields this version does not know.
    pub stored: Option<serde_json::Value>,
}

/// Why a draft could not be opened at all.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    NotFound,
    Problem(Problem),
    /// The stored JSON does not fit any known report layout; kept as is.
    Unreadable(String),
}

impl OpenError {
    pub fn message(&self) -> String {
        match self {
            OpenError::NotFound => "Không tìm thấy báo cáo này (có thể đã bị xóa).".into(),
            OpenError::Problem(p) => p.message(),
            OpenError::Unreadable(why) => format!(
                "Không đọc được nội dung báo cáo ({why}). Bản lưu vẫn được giữ nguyên; hãy xuất sao lưu và báo bộ phận hỗ trợ."
            ),
        }
    }
}

/// Open a draft, deciding whether it can be edited.
///
/// A draft written by a newer app (schema or outline version higher than this
/// app knows) opens read-only: editing it here could drop what the newer
/// version added. One written against an older outline version is moved to
/// the current outline: keys are stable across versions, and values the new
/// outline no longer shows are kept in the data (and in exported files).
pub fn open<S: KeyValueStore>(store: &DraftStore<S>, id: &str) -> Result<Opened, OpenError> {
    let loaded = store.load(id).map_err(OpenError::Problem)?.ok_or(OpenError::NotFound)?;
    let envelope = loaded.envelope;
    let mut report = Report::from_stored(envelope.report.text()).map_err(OpenError::Unreadable)?;
    // The report's own outline; when the device lacks it, the built-in one
    // of its kind, against which it opens read-only below (or, for an older
    // version of a built-in outline, is moved to the current one).
    let template = Template::for_report(&report);
    let mut read_only = None;
    let mut notice = None;
    if envelope.storage_version > STORAGE_VERSION {
        read_only = Some(format!(
            "Báo cáo này được lưu theo cách lưu của phiên bản mới hơn của ứng dụng (cách lưu {} > {}). \
             Chỉ xem, xuất tệp hoặc xóa được; hãy cập nhật ứng dụng để sửa.",
            envelope.storage_version, STORAGE_VERSION
        ));
    } else if report.schema_version > SCHEMA_VERSION {
        read_only = Some(format!(
            "Báo cáo này được lưu bởi phiên bản mới hơn của ứng dụng (định dạng {} > {}). \
             Chỉ xem, xuất tệp hoặc xóa được; hãy cập nhật ứng dụng để sửa.",
            report.schema_version, SCHEMA_VERSION
        ));
    } else if report.template.id != template.id || report.template.version > template.version {
        read_only = Some(format!(
            "Báo cáo này theo đề cương «{} phiên bản {}», thiết bị này chưa có đề cương đó. \
             Chỉ xem, xuất tệp hoặc xóa được; nạp đề cương ở màn hình «Đề cương» để sửa.",
            report.template.id, report.template.version
        ));
    } else if let Some(problem) = unchecked_against(template, &report) {
        read_only = Some(format!(
            "Báo cáo này không khớp đề cương «{} phiên bản {}» ({problem}). Chỉ xem, xuất tệp hoặc xóa được.",
            report.template.id, report.template.version
        ));
    } else if report.schema_version < SCHEMA_VERSION || report.template.version < template.version {
        notice = Some(format!(
            "Báo cáo được tạo theo phiên bản cũ (định dạng {}, đề cương {}); đã chuyển sang phiên bản hiện tại. \
             Số liệu cũ được giữ nguyên.",
            report.schema_version, report.template.version
        ));
        report.schema_version = SCHEMA_VERSION;
        report.template = template.template_ref();
    }
    // Edits made after the last save (a tab crashed or was killed). They
    // are replayed only onto the revision they were made on: when another
    // tab saved since, replaying them would silently undo its work, so they
    // are handed back as a conflict instead.
    let mut journal = super::journal::Journal { base_revision: envelope.revision, ..Default::default() };
    let mut replayed_journals = Vec::new();
    let mut stale_journals = Vec::new();
    if read_only.is_none() {
        super::input::upgrade_typed_text(template, &mut report);
        let mut restored = 0;
        let (journals, problems) = journals_of(store, id);
        if let Some(problem) = problems.first() {
            notice = Some(problem.message());
        }
        for (journal_id, saved) in journals {
            if saved.base_revision == envelope.revision {
                restored += super::journal::replay(template, &mut report, &saved);
                journal.entries.append(saved.entries);
                replayed_journals.push(journal_id);
            } else {
                let mut copy = report.clone();
                super::journal::replay(template, &mut copy, &saved);
                // A journal whose edits are all in the stored revision already
                // (e.g. the tab died between its save and clearing the journal)
                // holds nothing to lose.
                if copy != report {
                    stale_journals.push((journal_id, saved));
                } else {
                    let _ = store.clear_journal(&journal_id);
                }
            }
        }
        if restored > 0 {
            notice = Some(format!(
                "Đã khôi phục {restored} ô vừa nhập trước khi trang bị đóng đột ngột; chúng sẽ được lưu ngay."
            ));
        }
    }
    if journal.is_empty() {
        journal = Default::default();
    }
    let stored = read_only.is_some().then(|| envelope.report.tree().ok()).flatten();
    Ok(Opened {
        report,
        revision: envelope.revision,
        has_previous: loaded.has_previous,
        read_only,
        notice,
        journal,
        replayed_journals,
        stale_journals,
        stored,
    })
}

/// What is wrong with `report` against its loaded outline `template`, if
/// anything. A report file whose outline was missing was kept with only
/// the checks that need no outline (`exchange::import::read_report_file_keeping`);
/// once the outline is loaded, its values are checked against it before it
/// can be edited. Reports of built-in outlines were checked when stored.
fn unchecked_against(template: &Template, report: &Report) -> Option<String> {
    if template.is_builtin() {
        return None;
    }
    crate::exchange::import::check_report(report).err().map(|e| e.problem())
}

/// The journal id an editor of draft `id` writes under: one per editor
/// (`<draft id>.<editor id>`), so two tabs on one draft never overwrite
/// each other's journal.
pub fn journal_id(id: &str, editor: &str) -> String {
    format!("{id}.{editor}")
}

/// Every crash journal of draft `id`, by journal id: those of each editor,
/// and the one journal per draft of earlier versions. One that cannot be
/// read is quarantined by the store and reported, never replayed or deleted.
pub fn journals_of<S: KeyValueStore>(
    store: &DraftStore<S>,
    id: &str,
) -> (Vec<(String, super::journal::Journal)>, Vec<Problem>) {
    let mut journals = Vec::new();
    let mut problems = Vec::new();
    for journal_id in store.journal_ids(id) {
        match store.load_journal(&journal_id) {
            Ok(Some(journal)) => journals.push((journal_id, journal)),
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    (journals, problems)
}

/// Keep the edits of a stale journal (see [`Opened::stale_journals`]) without
/// touching the stored draft: they are replayed onto a copy of `stored`,
/// saved as a new draft named "… (bản khôi phục)", and the journal is then
/// removed. Returns the copy. On failure the journal stays where it is.
pub fn save_recovered_copy<S: KeyValueStore>(
    store: &DraftStore<S>,
    stored: &Report,
    (journal_id, journal): &(String, super::journal::Journal),
    new_id: &str,
    now: DateTime<Utc>,
) -> Result<Report, SaveError> {
    let template = Template::for_report(stored);
    let mut copy = Report {
        id: new_id.to_string(),
        name: format!("{} (bản khôi phục)", stored.name),
        status: Status::Draft,
        created_at: now,
        updated_at: now,
        exported_at: None,
        ..stored.clone()
    };
    super::journal::replay(template, &mut copy, journal);
    save_new(store, &copy, now)?;
    store.clear_journal(journal_id).map_err(SaveError::Storage)?;
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;
    use crate::storage::MemoryStore;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 9, 20, 2, 0, 0).unwrap()
    }

    fn unit() -> UnitProfile {
        UnitProfile { name: "PHƯỜNG 1".into(), place: "Phường 1".into(), ..UnitProfile::default() }
    }

    #[test]
    fn created_draft_is_stored_and_opens_editable() {
        let store = DraftStore::new(MemoryStore::new());
        let report = create(&store, "r1", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        let opened = open(&store, "r1").unwrap();
        assert_eq!(opened.report, report);
        assert_eq!(opened.revision, 1);
        assert!(opened.read_only.is_none());
        let (list, _) = store.list();
        assert_eq!(list[0].unit, "PHƯỜNG 1");
        assert_eq!(list[0].status, Status::Draft);
    }

    #[test]
    fn draft_from_a_newer_app_opens_read_only() {
        let store = DraftStore::new(MemoryStore::new());
        let mut report = Report::new("r2", Kind::Dang, PeriodType::H1, 2025, unit(), now());
        report.schema_version = SCHEMA_VERSION + 1;
        save(&store, &report, 0, None, Previous::Keep, now()).unwrap();
        let opened = open(&store, "r2").unwrap();
        assert!(opened.read_only.unwrap().contains("phiên bản mới hơn"));
    }

    #[test]
    fn draft_of_a_loaded_outline_opens_read_only_until_the_outline_is_on_the_device() {
        let mut file: serde_json::Value = serde_json::from_str(&Template::builtin(Kind::Cq).to_json()).unwrap();
        file["id"] = "DRAFTS_TEST_OUTLINE".into();
        let outline = Template::from_file("tinh.json", file.to_string().as_bytes()).unwrap();
        let store = DraftStore::new(MemoryStore::new());
        let mut report = Report::new("r5", Kind::Cq, PeriodType::Y, 2026, unit(), now());
        report.template = outline.template_ref();
        report.values.insert("hg_thanh".into(), Value::Int(3));
        save(&store, &report, 0, None, Previous::Keep, now()).unwrap();
        let opened = open(&store, "r5").unwrap();
        assert!(opened.read_only.unwrap().contains("thiết bị này chưa có đề cương đó"));
        assert_eq!(opened.report, report, "nothing is moved or changed");

        crate::template::registry::register(outline);
        let opened = open(&store, "r5").unwrap();
        assert!(opened.read_only.is_none() && opened.notice.is_none());
        assert_eq!(opened.report.template, report.template);
        crate::template::registry::unregister("DRAFTS_TEST_OUTLINE", 1);
    }

    #[test]
    fn draft_of_an_older_outline_version_is_migrated_with_a_notice() {
        let store = DraftStore::new(MemoryStore::new());
        let mut report = Report::new("r3", Kind::Cq, PeriodType::Y, 2024, unit(), now());
        report.template.version = 0;
        report.values.insert("retired_key".into(), Value::Int(7));
        save(&store, &report, 0, None, Previous::Keep, now()).unwrap();
        let opened = open(&store, "r3").unwrap();
        assert!(opened.read_only.is_none());
        assert!(opened.notice.unwrap().contains("phiên bản cũ"));
        assert_eq!(opened.report.template.version, Template::builtin(Kind::Cq).version);
        assert_eq!(opened.report.values.get("retired_key"), Some(&Value::Int(7)));
    }

    #[test]
    fn version_1_draft_opens_with_its_content_unchanged_and_is_saved_as_version_2() {
        let store = DraftStore::new(MemoryStore::new());
        let mut report = crate::fixtures::full_report(Kind::Cq);
        report.id = "v1".into();
        // Stored as version 1 wrote it: none of the members version 2 added.
        let mut json = serde_json::to_value(&report).unwrap();
        json["schema_version"] = serde_json::json!(1);
        json.as_object_mut().unwrap().remove("sentences");
        for option in ["trich_yeu_with_plan", "print_figures", "figures_by_node"] {
            json["options"].as_object_mut().unwrap().remove(option);
        }
        for kind in ["dang", "cq"] {
            json["unit"][kind].as_object_mut().unwrap().remove("sentence_name");
        }
        for c in json["can_cu"].as_array_mut().unwrap() {
            c.as_object_mut().unwrap().remove("phrase");
        }
        store.save(&summary(&report, 0), 1, "CQ", 1, &json, None, Previous::Keep, now()).unwrap();
        let opened = open(&store, "v1").unwrap();
        assert!(opened.read_only.is_none());
        assert!(opened.notice.unwrap().contains("định dạng 1"));
        assert_eq!(opened.report.schema_version, SCHEMA_VERSION);
        assert_eq!(Report { schema_version: 1, ..opened.report.clone() }, Report { schema_version: 1, ..report });
        save(&store, &opened.report, 0, Some(opened.revision), Previous::Keep, now()).unwrap();
        assert_eq!(store.load("v1").unwrap().unwrap().envelope.schema_version, 2);
    }

    #[test]
    fn unreadable_report_json_is_reported_not_lost() {
        let store = DraftStore::new(MemoryStore::new());
        let report = Report::new("r4", Kind::Cq, PeriodType::Q1, 2025, unit(), now());
        let mut s = summary(&report, 0);
        s.id = "r4".into();
        store.save(&s, 1, "CQ", 1, &serde_json::json!({"kind": "nonsense"}), None, Previous::Keep, now()).unwrap();
        assert!(matches!(open(&store, "r4"), Err(OpenError::Unreadable(_))));
        assert!(store.load("r4").unwrap().is_some());
    }

    #[test]
    fn unsaved_keystrokes_in_the_journal_are_replayed_on_open() {
        let store = DraftStore::new(MemoryStore::new());
        create(&store, "j1", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        let journal = crate::editor::journal::Journal {
            base_revision: 1,
            entries: [("N01.text".to_string(), "gõ dở".to_string())].into(),
        };
        store.write_journal("j1", &serde_json::to_string(&journal).unwrap()).unwrap();
        let opened = open(&store, "j1").unwrap();
        assert_eq!(opened.report.texts["N01.text"], "gõ dở");
        assert!(opened.notice.unwrap().contains("khôi phục 1 ô"));
        assert_eq!(opened.journal, journal);
        store.delete("j1").unwrap();
        assert!(store.read_journal("j1").is_none(), "delete removes the journal");
    }

    /// A stored draft of a newer app: schema 99 and a member this version
    /// does not know.
    fn newer_draft(store: &DraftStore<MemoryStore>, id: &str) {
        let mut report = Report::new(id, Kind::Cq, PeriodType::Q3, 2025, unit(), now());
        report.schema_version = SCHEMA_VERSION + 1;
        let mut json = serde_json::to_value(&report).unwrap();
        json["attachments"] = serde_json::json!([{ "name": "bien-ban.pdf" }]);
        store.save(&summary(&report, 0), report.schema_version, "CQ", 1, &json, None, Previous::Keep, now()).unwrap();
    }

    // Defect 4: renaming or copying must not drop what a newer app stored.
    #[test]
    fn renaming_or_copying_a_draft_of_a_newer_app_is_refused_and_changes_nothing() {
        let store = DraftStore::new(MemoryStore::new());
        newer_draft(&store, "n1");
        let before = store.backend().snapshot();
        let err = rename(&store, "n1", "Tên mới", now()).unwrap_err();
        assert!(matches!(&err, ChangeError::ReadOnly(why) if why.contains("phiên bản mới hơn")), "{err:?}");
        assert!(err.message().starts_with("Chưa thay đổi gì."));
        for keep_figures in [true, false] {
            let err = duplicate_stored(&store, "n1", "n2", PeriodType::Q4, 2025, keep_figures, now()).unwrap_err();
            assert!(matches!(err, ChangeError::ReadOnly(_)), "{err:?}");
        }
        assert_eq!(store.backend().snapshot(), before, "draft, .prev and index untouched");
    }

    #[test]
    fn rename_and_duplicate_of_an_editable_draft_save_through_the_revision_check() {
        let store = DraftStore::new(MemoryStore::new());
        create(&store, "r1", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        assert_eq!(rename(&store, "r1", "Báo cáo quý III", now()).unwrap().revision, 2);
        assert_eq!(open(&store, "r1").unwrap().report.name, "Báo cáo quý III");
        assert!(store.load("r1").unwrap().unwrap().has_previous);
        let copy = duplicate_stored(&store, "r1", "r2", PeriodType::Q4, 2025, false, now()).unwrap();
        assert_eq!(open(&store, "r2").unwrap().report, copy);
        assert!(matches!(rename(&store, "gone", "x", now()), Err(ChangeError::Open(OpenError::NotFound))));
    }

    // Defect 11c: a newer storage layout opens read-only.
    #[test]
    fn a_draft_of_a_newer_storage_layout_opens_read_only() {
        let store = DraftStore::new(MemoryStore::new());
        create(&store, "s1", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        let raw = store.backend().get("bcdv.draft.s1").unwrap().unwrap();
        let newer = raw.replacen("{\"storage_version\":1,", "{\"storage_version\":2,", 1);
        store.backend().set("bcdv.draft.s1", &newer).unwrap();
        let opened = open(&store, "s1").unwrap();
        assert!(opened.read_only.unwrap().contains("cách lưu 2 > 1"));
        assert!(opened.stored.is_some(), "exported as stored");
        assert!(matches!(rename(&store, "s1", "x", now()), Err(ChangeError::ReadOnly(_))));
    }

    // Defect 11d: a cut-off journal is set aside, not thrown away.
    #[test]
    fn a_cut_off_journal_is_quarantined_and_reported_on_open() {
        let store = DraftStore::new(MemoryStore::new());
        create(&store, "j2", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        let cut = r#"{"base_revision":1,"entries":{"N01.text":"gõ d"#;
        store.write_journal("j2", cut).unwrap();
        let opened = open(&store, "j2").unwrap();
        assert!(opened.notice.unwrap().contains("cách ly"));
        assert!(opened.journal.is_empty());
        assert_eq!(store.quarantined().into_iter().map(|(_, raw)| raw).collect::<Vec<_>>(), [cut]);
    }

    #[test]
    fn duplicate_keeps_text_and_clears_figures_unless_asked() {
        let mut source = Report::new("q3", Kind::Cq, PeriodType::Q3, 2025, unit(), now());
        source.texts.insert("N01.text".into(), "Tình hình ổn định".into());
        source.values.insert("hg_thanh".into(), Value::Int(11));
        source.cung_ky.insert("hg_thanh".into(), Value::Int(12));
        source.status = Status::Exported;
        source.header.number = Some("15".into());
        let cleared = duplicate(&source, "q4", PeriodType::Q4, 2025, false, now());
        assert_eq!(cleared.texts.get("N01.text").map(String::as_str), Some("Tình hình ổn định"));
        assert!(cleared.values.is_empty());
        assert!(cleared.cung_ky.is_empty());
        assert_eq!(cleared.status, Status::Draft);
        assert_eq!(cleared.header.number, None);
        assert_eq!(cleared.period.period_type, PeriodType::Q4);
        let kept = duplicate(&source, "q4b", PeriodType::Q4, 2025, true, now());
        assert_eq!(kept.values.get("hg_thanh"), Some(&Value::Int(11)));
    }

    #[test]
    fn duplicate_drops_none_in_period_marks_and_keeps_not_tracked_ones() {
        let mut source = Report::new("q3", Kind::Cq, PeriodType::Q3, 2025, unit(), now());
        source.none_in_period.insert("N16".into(), "Không phát sinh.".into());
        source.not_tracked.insert("doi_thoai_chu_tich".into(), String::new());
        for keep_figures in [false, true] {
            let copy = duplicate(&source, "q4", PeriodType::Q4, 2025, keep_figures, now());
            assert!(copy.none_in_period.is_empty());
            assert!(copy.not_tracked.contains_key("doi_thoai_chu_tich"));
        }
    }

    #[test]
    fn progress_of_an_empty_report_is_low_and_of_the_full_fixture_complete() {
        let template = Template::builtin(Kind::Cq);
        let empty = Report::new("e", Kind::Cq, PeriodType::H1, 2025, unit(), now());
        assert!(progress_percent(template, &empty) < 20);
        for kind in Kind::ALL {
            let full = crate::fixtures::full_report(kind);
            assert_eq!(progress_percent(Template::builtin(kind), &full), 100, "{kind:?}");
        }
    }

    #[test]
    fn a_journal_made_before_another_tab_saved_is_not_replayed_but_kept_in_a_copy() {
        let store = DraftStore::new(MemoryStore::new());
        let mut report = create(&store, "c1", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        // This tab typed on revision 1; another tab then saved revision 2.
        let journal = crate::editor::journal::Journal {
            base_revision: 1,
            entries: [("N01.text".to_string(), "gõ ở thẻ B".to_string())].into(),
        };
        store.write_journal("c1", &serde_json::to_string(&journal).unwrap()).unwrap();
        report.texts.insert("N01.text".into(), "lưu ở thẻ A".into());
        save(&store, &report, 0, Some(1), Previous::Keep, now()).unwrap();

        let opened = open(&store, "c1").unwrap();
        assert_eq!(opened.revision, 2);
        assert_eq!(opened.report.texts["N01.text"], "lưu ở thẻ A", "the other tab's save is what opens");
        assert!(opened.journal.is_empty());
        assert!(opened.notice.is_none(), "no claim of a restored crash");
        let stale = opened.stale_journals.first().cloned().expect("offered as a conflict");

        let copy = save_recovered_copy(&store, &opened.report, &stale, "c1-copy", now()).unwrap();
        assert_eq!(copy.texts["N01.text"], "gõ ở thẻ B");
        assert!(copy.name.ends_with("(bản khôi phục)"));
        assert_eq!(open(&store, "c1-copy").unwrap().report, copy);
        assert_eq!(open(&store, "c1").unwrap().report.texts["N01.text"], "lưu ở thẻ A", "stored draft untouched");
        assert!(store.read_journal("c1").is_none());
        assert!(open(&store, "c1").unwrap().stale_journals.is_empty());
    }

    #[test]
    fn a_stale_journal_holding_nothing_new_is_dropped_quietly() {
        let store = DraftStore::new(MemoryStore::new());
        let mut report = create(&store, "c2", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        report.texts.insert("N01.text".into(), "đã lưu".into());
        save(&store, &report, 0, Some(1), Previous::Keep, now()).unwrap();
        let journal = crate::editor::journal::Journal {
            base_revision: 1,
            entries: [("N01.text".to_string(), "đã lưu".to_string())].into(),
        };
        store.write_journal("c2", &serde_json::to_string(&journal).unwrap()).unwrap();
        let opened = open(&store, "c2").unwrap();
        assert!(opened.stale_journals.is_empty());
        assert!(opened.journal.is_empty());
        assert!(store.read_journal("c2").is_none(), "removed");
    }

    #[test]
    fn each_editor_has_its_own_journal_and_all_of_them_come_back() {
        let store = DraftStore::new(MemoryStore::new());
        let report = create(&store, "t1", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        let write = |editor: &str, path: &str, raw: &str, base: u64| {
            let entries = [(path.to_string(), raw.to_string())].into();
            let j = crate::editor::journal::Journal { base_revision: base, entries };
            store.write_journal(&journal_id("t1", editor), &serde_json::to_string(&j).unwrap()).unwrap();
        };
        write("tab-a", "N01.text", "từ thẻ A", 1);
        write("tab-b", "hg_thanh", "7", 1);
        // A journal of another draft whose id starts the same is not this one's.
        create(&store, "t1x", Kind::Cq, PeriodType::Q3, 2025, unit(), now()).unwrap();
        store.write_journal(&journal_id("t1x", "tab-c"), r#"{"base_revision":1,"entries":[]}"#).unwrap();
        let opened = open(&store, "t1").unwrap();
        assert_eq!(opened.report.texts["N01.text"], "từ thẻ A");
        assert_eq!(opened.report.values["hg_thanh"], crate::model::Value::Int(7));
        assert_eq!(opened.replayed_journals, [journal_id("t1", "tab-a"), journal_id("t1", "tab-b")]);
        assert_eq!(opened.journal.entries.len(), 2);
        assert_ne!(opened.report, report);
    }
}
