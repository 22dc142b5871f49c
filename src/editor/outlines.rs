//! Outlines (đề cương) seen from the drafts: the checklist an outline gives
//! the units that report on it, which newer version a draft may move to, and
//! the move itself. Pure; the "Đề cương" screen only shows what this returns.

use super::drafts::{self, OpenError};
use crate::engine::{evaluate, node_title, numbering};
use crate::model::{FieldPath, Period, PeriodType, Report, Status, TemplateRef, UnitProfile};
use crate::storage::{DraftStore, KeyValueStore, OutlineStore, Previous, SaveError, SaveOutcome};
use crate::template::migrate::{self, MigrationPlan};
use crate::template::{registry, Requirement, Template};
use chrono::{DateTime, Utc};

/// Id of the report a preview is drawn from: never stored.
const PREVIEW_ID: &str = "xem-truoc";

/// An empty report of `template` for `period_type` of `year`, with no unit:
/// what a unit starts from, used to preview the outline (its checklist and
/// its empty printed form).
pub fn sample_report(template: &Template, period_type: PeriodType, year: i32, now: DateTime<Utc>) -> Report {
    let period = Period::calendar(period_type, year);
    Report::for_template(template.template_ref(), PREVIEW_ID, template.kind, period, UnitProfile::default(), now)
}

/// One section of the checklist as a unit sees it in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistSection {
    /// 1 = top level.
    pub depth: usize,
    /// Printed heading number when the section prints on an empty report
    /// ("I.", "1.", "a)", "Phụ lục I"); empty for an optional section.
    pub number: String,
    /// Title for the period (`{ky_sau}` filled in).
    pub title: String,
    /// Required section: always printed, its required items checked.
    pub required: bool,
    /// What the unit fills in here, in outline order.
    pub items: Vec<ChecklistItem>,
}

/// One thing to fill in a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    /// Label shown above the input (grouped figures: "Label (Group)").
    pub label: String,
    /// What kind of input it is, in words ("văn bản", "số liệu (vụ)", "danh sách").
    pub what: String,
    /// Counted by the checklist's "x/y mục bắt buộc".
    pub required: bool,
}

/// The checklist of `template` for `period_type`, as the editor shows it to
/// a unit that has not written anything yet: every section that applies to
/// the period, and under it the texts, figures and lists to fill.
pub fn checklist(template: &Template, period_type: PeriodType, year: i32, now: DateTime<Utc>) -> Vec<ChecklistSection> {
    let report = sample_report(template, period_type, year, now);
    let evaluation = evaluate(template, &report);
    let numbers = numbering(template, &report);
    let mut out = Vec::new();
    for (depth, node) in template.walk() {
        let Some(progress) = evaluation.progress.node(&node.id) else { continue };
        let required = |key: &str| progress.missing.iter().any(|k| k == key);
        let mut items = Vec::new();
        for n in node.narratives.iter().filter(|n| n.periods.is_empty() || n.periods.contains(&period_type)) {
            let what = if n.items { "văn bản, mỗi dòng một ý" } else { "văn bản" };
            items.push(ChecklistItem { label: n.label.clone(), what: what.into(), required: required(&n.key) });
        }
        for ind in node.indicators.iter().filter(|i| i.req != Requirement::Computed) {
            let what =
                if ind.unit.is_empty() { "số liệu".to_string() } else { format!("số liệu ({})", ind.unit) };
            let keyed: Vec<(String, String)> = if ind.grouped {
                let both = |g: &crate::template::Group| {
                    (FieldPath::group_key(&ind.key, &g.id), format!("{} ({})", ind.label, g.label))
                };
                node.groups.iter().map(both).collect()
            } else {
                vec![(ind.key.clone(), ind.label.clone())]
            };
            for (key, label) in keyed {
                items.push(ChecklistItem { label, what: what.clone(), required: required(&key) });
            }
        }
        for list in &node.lists {
            items.push(ChecklistItem { label: list.label.clone(), what: "danh sách".into(), required: false });
        }
        let number = numbers.iter().find(|(id, _)| *id == node.id).map(|(_, n)| n.clone()).unwrap_or_default();
        out.push(ChecklistSection { depth, number, title: node_title(node, &report), required: node.required, items });
    }
    out
}

/// Versions of the outline `current` names that are newer than it and on
/// this device, newest first (a built-in one before a registered one of
/// the same version). The editor asks on opening: no other outline is loaded.
pub fn newer_versions(current: &TemplateRef) -> Vec<&'static Template> {
    let mut newer: Vec<&'static Template> =
        registry::versions_of(&current.id).into_iter().filter(|t| t.version > current.version).collect();
    newer.sort_by_key(|t| std::cmp::Reverse(t.version));
    newer
}

/// Why a draft cannot be moved to another outline version.
#[derive(Clone, Debug, PartialEq)]
pub enum MoveError {
    Open(OpenError),
    /// The draft opens read-only; the reason is the editor's.
    ReadOnly(String),
    /// Finalised: its figures are locked until "Sửa lại".
    Finalised,
    /// The draft's own outline is not on this device (nothing to compare with).
    OutlineMissing(TemplateRef),
    /// No outline with the draft's id and this version is on this device, or
    /// it is not newer than the draft's.
    NotNewer {
        id: String,
        version: Option<u32>,
    },
    /// Another tab saved the draft since the preview was shown.
    Changed,
    Save(SaveError),
}

impl MoveError {
    pub fn message(&self) -> String {
        match self {
            MoveError::Open(e) => e.message(),
            MoveError::ReadOnly(why) => format!("Không chuyển được đề cương. {why}"),
            MoveError::Finalised => {
                "Báo cáo đã hoàn thành: hãy bấm «Sửa lại» trong báo cáo trước khi chuyển đề cương.".into()
            }
            MoveError::OutlineMissing(r) => format!(
                "Đề cương của báo cáo («{}» phiên bản {}) không có trên máy này, nên không so sánh được để chuyển. \
                 Hãy nạp lại đề cương đó ở màn hình «Đề cương».",
                r.id, r.version
            ),
            MoveError::NotNewer { id, version: Some(version) } => {
                format!("Trên máy không có đề cương «{id}» phiên bản {version} mới hơn phiên bản của báo cáo.")
            }
            MoveError::NotNewer { id, version: None } => {
                format!("Trên máy không có phiên bản nào của đề cương «{id}» mới hơn phiên bản của báo cáo.")
            }
            MoveError::Changed => "Báo cáo vừa được sửa ở một thẻ (tab) khác sau khi xem trước. Chưa chuyển gì: \
                 hãy xem lại bản xem trước."
                .into(),
            MoveError::Save(e) => format!("Chưa chuyển được đề cương: {}", e.message()),
        }
    }
}

/// What moving a draft to a newer outline version would do, before anything
/// is written.
#[derive(Clone, Debug)]
pub struct MovePreview {
    /// The draft as stored now.
    pub report: Report,
    /// Its storage revision: the move is refused if another tab saved since.
    pub revision: u64,
    pub from: &'static Template,
    pub to: &'static Template,
    pub plan: MigrationPlan,
}

/// Open draft `id` and plan its move to version `version` of its outline
/// (`None`: the newest on this device).
pub fn preview_move<S: KeyValueStore>(
    store: &DraftStore<S>,
    id: &str,
    version: Option<u32>,
) -> Result<MovePreview, MoveError> {
    let opened = drafts::open(store, id).map_err(MoveError::Open)?;
    if let Some(why) = opened.read_only {
        return Err(MoveError::ReadOnly(why));
    }
    let report = opened.report;
    if report.status == Status::Finalised {
        return Err(MoveError::Finalised);
    }
    let from = Template::for_ref(&report.template).ok_or_else(|| MoveError::OutlineMissing(report.template.clone()))?;
    let to = newer_versions(&report.template)
        .into_iter()
        .find(|t| version.is_none_or(|v| t.version == v))
        .ok_or_else(|| MoveError::NotNewer { id: report.template.id.clone(), version })?;
    let plan = migrate::plan(from, to, &report);
    Ok(MovePreview { report, revision: opened.revision, from, to, plan })
}

/// Move the draft of `preview` to its new outline version: values are
/// carried by key, the draft names the new outline, and the revision it
/// replaces stays restorable ("Khôi phục bản lưu trước"). Refused, with
/// nothing written, if the draft was saved elsewhere since the preview.
pub fn move_draft<S: KeyValueStore>(
    store: &DraftStore<S>,
    preview: &MovePreview,
    now: DateTime<Utc>,
) -> Result<SaveOutcome, MoveError> {
    let mut moved = migrate::apply(preview.to, &preview.report);
    moved.updated_at = now;
    let progress = drafts::progress_percent(preview.to, &moved);
    match drafts::save(store, &moved, progress, Some(preview.revision), Previous::Keep, now) {
        Ok(outcome) => Ok(outcome),
        Err(SaveError::Conflict { .. }) => Err(MoveError::Changed),
        Err(e) => Err(MoveError::Save(e)),
    }
}

/// Check, store, then register one received outline file; the message
/// names the file. Nothing is stored or registered unless every check
/// passed and the outline was written whole.
pub fn load_file<S: KeyValueStore>(store: &S, name: &str, bytes: &[u8]) -> Result<String, String> {
    let outline = Template::from_file(name, bytes).map_err(|e| e.to_string())?;
    if let Some(same) = registry::all().into_iter().find(|t| t.id == outline.id && t.version == outline.version) {
        return if same.hash() == outline.hash() {
            Ok(format!(
                "Tệp “{name}”: đề cương «{}» phiên bản {} đã có trên máy, không có gì thay đổi.",
                outline.id, outline.version
            ))
        } else {
            Err(format!(
                "Tệp “{name}”: trên máy đã có đề cương «{}» phiên bản {} với nội dung khác. \
                 Chưa nạp: đề cương sửa đổi phải mang số phiên bản mới.",
                outline.id, outline.version
            ))
        };
    }
    OutlineStore::new(store).save(&outline).map_err(|e| format!("Tệp “{name}”: chưa nạp. {}", e.message()))?;
    let loaded = registry::register(outline);
    Ok(format!("Đã nạp đề cương «{}» ({} phiên bản {}) từ tệp “{name}”.", loaded.title, loaded.id, loaded.version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::drafts::open;
    use crate::model::{Kind, Value};
    use crate::storage::MemoryStore;

    /// The corpus of bad outline files, each loaded as the screen
    /// loads a picked file: refused with its message, and neither storage
    /// nor the outlines of the device change. Its own id, so outlines other
    /// tests register at the same time do not matter.
    #[test]
    fn a_refused_outline_file_leaves_storage_and_the_device_outlines_unchanged() {
        use crate::template::file::tests::{bad_files, valid};
        let store = MemoryStore::new();
        let mut outline = valid();
        outline["id"] = "NAP_THU".into();
        let empty = store.snapshot();
        let cases = bad_files();
        assert!(cases.len() >= 30, "{}", cases.len());
        for (what, break_it, expected) in cases {
            let mut v = outline.clone();
            break_it(&mut v);
            let message = load_file(&store, "de-cuong.json", v.to_string().as_bytes()).unwrap_err();
            assert!(message.starts_with("Tệp “de-cuong.json”: ") && message.contains(expected), "{what}: {message}");
            assert_eq!(store.snapshot(), empty, "{what}: nothing stored");
        }
        assert!(registry::all().iter().all(|t| t.id != "NAP_THU"), "nothing registered");

        let text = outline.to_string();
        let done = load_file(&store, "nap.json", text.as_bytes()).unwrap();
        assert!(done.starts_with("Đã nạp đề cương"), "{done}");
        let stored = store.snapshot();
        assert_eq!(stored.keys().collect::<Vec<_>>(), ["bcdv.outline.NAP_THU.2"]);
        assert!(registry::all().iter().any(|t| t.id == "NAP_THU" && t.version == 2));
        // The same file again changes nothing; another text under the same id and version is refused.
        let again = load_file(&store, "nap.json", text.as_bytes()).unwrap();
        assert!(again.contains("đã có trên máy, không có gì thay đổi"), "{again}");
        let mut changed = outline.clone();
        changed["title"] = "Đề cương khác".into();
        let refused = load_file(&store, "khac.json", changed.to_string().as_bytes()).unwrap_err();
        assert!(refused.contains("phải mang số phiên bản mới"), "{refused}");
        assert_eq!(store.snapshot(), stored);
        registry::unregister("NAP_THU", 2);
    }
    use chrono::TimeZone;
    use serde_json::{json, Value as Json};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap()
    }

    /// Every node of an outline file, depth first.
    fn nodes_mut(nodes: &mut Json, f: &mut dyn FnMut(&mut Json)) {
        for node in nodes.as_array_mut().into_iter().flatten() {
            f(node);
            if let Some(children) = node.get_mut("children") {
                nodes_mut(children, f);
            }
        }
    }

    /// The built-in CQ outline as a file under id `id`, version `version`,
    /// changed by `edit`, then registered as if loaded.
    fn outline(id: &str, version: u32, edit: impl FnOnce(&mut Json)) -> &'static Template {
        let mut file: Json = serde_json::from_str(&Template::builtin(Kind::Cq).to_json()).unwrap();
        file["id"] = json!(id);
        file["version"] = json!(version);
        edit(&mut file);
        let bytes = serde_json::to_vec_pretty(&file).unwrap();
        registry::register(Template::from_file("thu.json", &bytes).unwrap())
    }

    /// Version 2 of `id`: the heading N01 renamed, `to_hoa_giai` removed, and
    /// a new required figure in N07.
    fn version_2(id: &str) -> &'static Template {
        outline(id, 2, |file| {
            nodes_mut(&mut file["nodes"], &mut |node| match node["id"].as_str() {
                Some("N01") => node["title"] = json!("ĐẶC ĐIỂM TÌNH HÌNH CHUNG"),
                Some("N09") => node["indicators"].as_array_mut().unwrap().retain(|i| i["key"] != "to_hoa_giai"),
                Some("N07") => node["indicators"].as_array_mut().unwrap().push(json!({
                    "key": "tcd_truc_tuyen_luot", "label": "Số lượt tiếp công dân trực tuyến",
                    "unit": "lượt", "type": "INT", "req": "R"
                })),
                _ => {}
            })
        })
    }

    /// A stored draft of outline `t` with N01's text and `to_hoa_giai` = 4.
    fn stored_draft(store: &DraftStore<MemoryStore>, id: &str, t: &Template) -> Report {
        let mut report = sample_report(t, PeriodType::Q1, 2026, now());
        report.id = id.into();
        report.texts.insert("N01.text".into(), "Tình hình chung ổn định.".into());
        report.values.insert("to_hoa_giai".into(), Value::Int(4));
        report.values.insert("hg_thanh".into(), Value::Int(12));
        drafts::save(store, &report, 0, None, Previous::Keep, now()).unwrap();
        report
    }

    #[test]
    fn the_checklist_preview_lists_every_section_of_the_period_and_counts_what_the_editor_counts() {
        let t = Template::builtin(Kind::Cq);
        let sections = checklist(t, PeriodType::Q3, 2025, now());
        let report = sample_report(t, PeriodType::Q3, 2025, now());
        let evaluation = evaluate(t, &report);
        assert_eq!(sections.len(), evaluation.progress.nodes.len());
        let required: usize = sections.iter().map(|s| s.items.iter().filter(|i| i.required).count()).sum();
        assert_eq!(required, evaluation.progress.total);
        let first = &sections[0];
        assert_eq!((first.depth, first.number.as_str(), first.title.as_str()), (1, "I.", "ĐẶC ĐIỂM TÌNH HÌNH"));
        let hg = sections.iter().find(|s| s.title == "Hòa giải ở cơ sở").unwrap();
        let thanh = hg.items.iter().find(|i| i.label == "Hòa giải thành").unwrap();
        assert!(thanh.required && thanh.what.starts_with("số liệu"), "{thanh:?}");
        assert!(hg.items.iter().any(|i| i.label == "Số tổ hòa giải" && !i.required));
    }

    #[test]
    fn only_newer_versions_of_the_same_outline_are_offered_newest_first() {
        let v1 = outline("T_NEWER", 1, |_| {});
        let v3 = outline("T_NEWER", 3, |_| {});
        let v2 = outline("T_NEWER", 2, |_| {});
        let offered: Vec<u32> = newer_versions(&v1.template_ref()).iter().map(|t| t.version).collect();
        assert_eq!(offered, [3, 2]);
        assert!(newer_versions(&v3.template_ref()).is_empty());
        assert_eq!(newer_versions(&v2.template_ref())[0].version, 3);
        assert!(newer_versions(&Template::builtin(Kind::Cq).template_ref()).is_empty());
    }

    #[test]
    fn the_move_preview_lists_carried_dropped_with_values_and_new_required_before_anything_is_written() {
        let store = DraftStore::new(MemoryStore::new());
        let v1 = outline("T_PREVIEW", 1, |_| {});
        let v2 = version_2("T_PREVIEW");
        stored_draft(&store, "d1", v1);
        let before = store.backend().snapshot();
        let preview = preview_move(&store, "d1", None).unwrap();
        assert_eq!((preview.from.version, preview.to.version, preview.revision), (1, 2, 1));
        let dropped: Vec<(String, &str)> =
            preview.plan.dropped.iter().map(|d| (d.path.to_string(), d.value.as_str())).collect();
        assert_eq!(dropped, [("to_hoa_giai".to_string(), "4")]);
        let carried: Vec<String> = preview.plan.carried.iter().map(|c| c.path.to_string()).collect();
        assert!(carried.contains(&"N01.text".to_string()) && carried.contains(&"hg_thanh".to_string()), "{carried:?}");
        assert!(preview.plan.new_required.iter().any(|m| m.path == FieldPath::key("tcd_truc_tuyen_luot")));
        assert_eq!(store.backend().snapshot(), before, "a preview writes nothing");
        assert_eq!(v2.version, 2);
    }

    #[test]
    fn moving_a_draft_names_the_new_version_keeps_carried_values_and_the_old_revision_restorable() {
        let store = DraftStore::new(MemoryStore::new());
        let v1 = outline("T_MOVE", 1, |_| {});
        let v2 = version_2("T_MOVE");
        let original = stored_draft(&store, "d2", v1);
        let preview = preview_move(&store, "d2", Some(2)).unwrap();
        move_draft(&store, &preview, now()).unwrap();
        let moved = open(&store, "d2").unwrap();
        assert!(moved.read_only.is_none());
        assert_eq!(moved.report.template, v2.template_ref());
        assert_eq!(moved.report.texts["N01.text"], "Tình hình chung ổn định.");
        assert_eq!(moved.report.values.get("hg_thanh"), Some(&Value::Int(12)));
        assert_eq!(moved.report.values.get("to_hoa_giai"), None);
        assert!(moved.has_previous);
        assert_eq!(store.load("d2").unwrap().unwrap().envelope.template_version, 2);
        store.restore_previous("d2", now()).unwrap();
        let restored = open(&store, "d2").unwrap().report;
        assert_eq!(restored.template, v1.template_ref());
        assert_eq!(restored.values.get("to_hoa_giai"), Some(&Value::Int(4)));
        assert_eq!(restored.texts, original.texts);
    }

    #[test]
    fn a_move_is_refused_without_writing_when_the_draft_was_saved_elsewhere_after_the_preview() {
        let store = DraftStore::new(MemoryStore::new());
        let v1 = outline("T_CONFLICT", 1, |_| {});
        version_2("T_CONFLICT");
        let mut report = stored_draft(&store, "d3", v1);
        let preview = preview_move(&store, "d3", None).unwrap();
        report.texts.insert("N01.text".into(), "Sửa ở thẻ khác.".into());
        drafts::save(&store, &report, 0, Some(1), Previous::Leave, now()).unwrap();
        let before = store.backend().snapshot();
        assert_eq!(move_draft(&store, &preview, now()).unwrap_err(), MoveError::Changed);
        assert_eq!(store.backend().snapshot(), before);
    }

    #[test]
    fn finalised_drafts_drafts_without_their_outline_and_drafts_without_a_newer_version_do_not_move() {
        let store = DraftStore::new(MemoryStore::new());
        let v1 = outline("T_REFUSE", 1, |_| {});
        let mut report = stored_draft(&store, "d4", v1);
        assert!(matches!(preview_move(&store, "d4", None), Err(MoveError::NotNewer { version: None, .. })));
        version_2("T_REFUSE");
        assert!(matches!(preview_move(&store, "d4", Some(5)), Err(MoveError::NotNewer { version: Some(5), .. })));
        report.status = Status::Finalised;
        drafts::save(&store, &report, 0, Some(1), Previous::Leave, now()).unwrap();
        assert_eq!(preview_move(&store, "d4", None).unwrap_err(), MoveError::Finalised);
        assert!(MoveError::Finalised.message().contains("Sửa lại"));

        let mut orphan = sample_report(v1, PeriodType::Q1, 2026, now());
        orphan.id = "d5".into();
        orphan.template.hash = Some("0".repeat(64));
        drafts::save(&store, &orphan, 0, None, Previous::Keep, now()).unwrap();
        let refused = preview_move(&store, "d5", None).unwrap_err();
        assert!(matches!(refused, MoveError::ReadOnly(_) | MoveError::OutlineMissing(_)), "{refused:?}");
    }
}
