//! Which outline a new report is written against: the built-in one of its
//! kind or one loaded on this device (see `template::registry`).

use super::drafts::save_new;
use crate::model::{Kind, Period, PeriodType, Report, UnitProfile};
use crate::storage::{DraftStore, KeyValueStore, SaveError};
use crate::template::{registry, Template};
use chrono::{DateTime, Utc};

/// The outlines a new report of `kind` for `period_type` of `year` may
/// use (the period types and dates each applies to), by id with the newest
/// version first (the order of [`registry::all`]).
pub fn choices(kind: Kind, period_type: PeriodType, year: i32) -> Vec<&'static Template> {
    let period = Period::calendar(period_type, year);
    registry::all().into_iter().filter(|t| t.kind == kind && t.applies.period(&period)).collect()
}

/// How the choice reads in the new-report form: title, id and version, issuer.
pub fn label(t: &Template) -> String {
    let source = if t.is_builtin() { "có sẵn".to_string() } else { t.issuer.clone() };
    let source = if source.trim().is_empty() { String::new() } else { format!(" – {source}") };
    format!("{} ({} phiên bản {}){source}", t.title, t.id, t.version)
}

/// A new draft of `template` from the unit profile, saved at once so it is
/// never only in memory. It records the outline's id, version and hash.
pub fn create_from<S: KeyValueStore>(
    store: &DraftStore<S>,
    id: &str,
    template: &Template,
    period_type: PeriodType,
    year: i32,
    unit: UnitProfile,
    now: DateTime<Utc>,
) -> Result<Report, SaveError> {
    let period = Period::calendar(period_type, year);
    let report = Report::for_template(template.template_ref(), id, template.kind, period, unit, now);
    save_new(store, &report, now)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap()
    }

    /// A loaded outline (the built-in of `kind` under another id and version);
    /// ids are the test's own, since the registry is shared by parallel tests.
    fn loaded(kind: Kind, id: &str, version: u32) -> &'static Template {
        let mut value: serde_json::Value = serde_json::from_str(&Template::builtin(kind).to_json()).unwrap();
        value["id"] = id.into();
        value["version"] = version.into();
        registry::register(Template::from_file("x.json", value.to_string().as_bytes()).unwrap())
    }

    #[test]
    fn a_new_report_chooses_among_outlines_of_its_kind_newest_version_first() {
        loaded(Kind::Cq, "OC_CQ", 1);
        loaded(Kind::Cq, "OC_CQ", 3);
        loaded(Kind::Dang, "OC_DANG", 2);
        let cq: Vec<(String, u32)> =
            choices(Kind::Cq, PeriodType::Q1, 2026).iter().map(|t| (t.id.clone(), t.version)).collect();
        let mine: Vec<&(String, u32)> = cq.iter().filter(|(id, _)| id == "OC_CQ").collect();
        assert_eq!(mine, [&("OC_CQ".to_string(), 3), &("OC_CQ".to_string(), 1)]);
        assert!(cq.iter().any(|(id, _)| id == "CQ"), "the built-in outline stays a choice");
        assert!(choices(Kind::Dang, PeriodType::Q1, 2026).iter().all(|t| t.kind == Kind::Dang));
    }

    #[test]
    fn an_outline_is_offered_only_for_the_period_types_and_dates_it_applies_to() {
        let mut value: serde_json::Value = serde_json::from_str(&Template::builtin(Kind::Cq).to_json()).unwrap();
        value["id"] = "OC_YEAR".into();
        value["version"] = 1.into();
        value["issuer"] = "Ban Dân vận Tỉnh ủy".into();
        value["applies"] = serde_json::json!({ "periods": ["H1", "Y"], "from": "2026-01-01" });
        let t = registry::register(Template::from_file("nam.json", value.to_string().as_bytes()).unwrap());
        let offered = |p, y| choices(Kind::Cq, p, y).iter().any(|c| std::ptr::eq(*c, t));
        assert!(offered(PeriodType::H1, 2026));
        assert!(offered(PeriodType::Y, 2027));
        assert!(!offered(PeriodType::Q1, 2026), "not for a quarter");
        assert!(!offered(PeriodType::H1, 2025), "not before it applies");
        assert!(
            !choices(Kind::Dang, PeriodType::H1, 2026).iter().any(|c| std::ptr::eq(*c, t)),
            "not for the other kind"
        );
        assert_eq!(label(t), format!("{} (OC_YEAR phiên bản 1) – Ban Dân vận Tỉnh ủy", t.title));
        assert_eq!(
            label(Template::builtin(Kind::Cq)),
            format!("{} (CQ phiên bản 1) – có sẵn", Template::builtin(Kind::Cq).title)
        );
    }

    #[test]
    fn a_report_created_from_a_loaded_outline_records_its_id_version_and_hash() {
        let t = loaded(Kind::Cq, "OC_NEW", 2);
        let store = DraftStore::new(MemoryStore::new());
        let report = create_from(&store, "r1", t, PeriodType::H1, 2026, UnitProfile::default(), now()).unwrap();
        assert_eq!(report.template, t.template_ref());
        assert_eq!(report.template.hash.as_deref(), Some(t.hash().as_str()));
        assert_eq!(report.kind, Kind::Cq);
        let opened = super::super::drafts::open(&store, "r1").unwrap();
        assert_eq!(opened.report.template, t.template_ref());
        assert!(opened.read_only.is_none());
        let (list, _) = store.list();
        assert_eq!(list[0].template, Some(t.template_ref()));
    }

    #[test]
    fn a_draft_whose_outline_is_not_on_the_device_opens_read_only_naming_it_and_still_exports() {
        let t = loaded(Kind::Cq, "OC_GONE", 4);
        let store = DraftStore::new(MemoryStore::new());
        let mut report = create_from(&store, "r2", t, PeriodType::Q2, 2026, UnitProfile::default(), now()).unwrap();
        report.values.insert("hg_thanh".into(), crate::model::Value::Int(5));
        super::super::drafts::save(&store, &report, 0, Some(1), crate::storage::Previous::Keep, now()).unwrap();
        registry::unregister("OC_GONE", 4);
        let opened = super::super::drafts::open(&store, "r2").unwrap();
        let why = opened.read_only.expect("read-only");
        assert!(why.contains("«OC_GONE phiên bản 4», thiết bị này chưa có đề cương đó"), "{why}");
        assert_eq!(opened.report.values["hg_thanh"], crate::model::Value::Int(5));
        // Its export names the outline it was written against, with the stored report unchanged.
        let stored = opened.stored.expect("stored JSON kept for export");
        let file = crate::exchange::export_stored(
            Template::for_report(&opened.report),
            &opened.report,
            &stored,
            "test",
            now(),
        );
        let parsed: serde_json::Value = serde_json::from_str(&file.json).unwrap();
        assert_eq!(parsed["template"]["id"], "OC_GONE");
        assert_eq!(parsed["template"]["hash"], serde_json::json!(t.hash()));
        assert_eq!(parsed["report"]["values"]["hg_thanh"], 5);
        // The outline back on the device, the draft is editable again.
        registry::register(Template::from_json(&t.to_json()).unwrap());
        assert!(super::super::drafts::open(&store, "r2").unwrap().read_only.is_none());
    }

    #[test]
    fn a_kept_draft_whose_values_do_not_fit_its_loaded_outline_opens_read_only() {
        let t = loaded(Kind::Cq, "OC_MISFIT", 1);
        let store = DraftStore::new(MemoryStore::new());
        let mut report = create_from(&store, "r3", t, PeriodType::Q2, 2026, UnitProfile::default(), now()).unwrap();
        // As a file of an outline the device lacked could have brought it: a text in a count.
        report.values.insert("hg_thanh".into(), crate::model::Value::Text("nhiều".into()));
        super::super::drafts::save(&store, &report, 0, Some(1), crate::storage::Previous::Keep, now()).unwrap();
        let why = super::super::drafts::open(&store, "r3").unwrap().read_only.expect("read-only");
        assert!(why.contains("không khớp đề cương «OC_MISFIT phiên bản 1»"), "{why}");
        assert!(why.contains("hg_thanh"), "{why}");
    }
}
