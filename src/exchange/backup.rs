//! "Sao lưu": one file with every draft and the unit profile; "Khôi phục"
//! reads it back with the same checks as a report import. A backup is read
//! back before it is offered, and a restore takes every valid report: one
//! bad draft never costs the others (see `model::limits` for the rule).

use super::export::checksum;
use super::import::{
    check_envelope, check_report, check_report_without_outline, parse_json_up_to, ImportError, MAX_BACKUP_BYTES,
};
use crate::model::{Report, UnitProfile};
use chrono::{DateTime, Utc};
use serde_json::{json, Value as Json};

pub const BACKUP_SCHEMA: &str = "danvan-backup";
pub const BACKUP_VERSION: u32 = 1;

/// The backup file of `reports` and `profile`.
pub fn backup(reports: &[Report], profile: &UnitProfile, app_version: &str, now: DateTime<Utc>) -> String {
    let content = json!({
        "schema": BACKUP_SCHEMA,
        "schemaVersion": BACKUP_VERSION,
        "appVersion": app_version,
        "createdAt": now,
        "profile": profile,
        "reports": reports,
    });
    let mut file = content.clone();
    file["sha256"] = Json::String(checksum(&content));
    serde_json::to_string(&file).unwrap_or_default()
}

/// A backup file and what reading it back found.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub json: String,
    /// Reports that restore identically.
    pub restorable: usize,
    /// Reports in the file that its restore would not give back, with why.
    pub not_restorable: Vec<NotRestored>,
}

impl Checked {
    /// The reports that would not restore, with why: "«Quý I» (…); «Quý II» (…)".
    pub fn not_restorable_list(&self) -> String {
        self.not_restorable.iter().map(|n| format!("«{}» ({})", n.name, n.why)).collect::<Vec<_>>().join("; ")
    }
}

/// [`backup`], read back with [`read_backup`] before it is offered: every
/// report that would not come back identical is named. They stay in the
/// file (nothing is dropped), but the cadre is told to export them instead.
pub fn checked_backup(reports: &[Report], profile: &UnitProfile, app_version: &str, now: DateTime<Utc>) -> Checked {
    let json = backup(reports, profile, app_version, now);
    let (restorable, not_restorable) = match read_backup("", json.as_bytes()) {
        Ok(restored) => {
            let mut back = restored.reports.iter();
            let mut not = restored.refused;
            let mut ok = 0;
            for (index, report) in reports.iter().enumerate() {
                if not.iter().any(|n| n.index == index) {
                    continue;
                }
                // Identical as stored: the same JSON (an ISO-looking text
                // reads back as a date, which prints the same characters).
                if back.next().map(serde_json::to_value).and_then(Result::ok) == serde_json::to_value(report).ok() {
                    ok += 1;
                } else {
                    let why = "bản khôi phục khác bản đang lưu".to_string();
                    not.push(NotRestored { index, name: report.name.clone(), why });
                }
            }
            not.sort_by_key(|n| n.index);
            (ok, not)
        }
        Err(e) => {
            let why = e.problem();
            let all = reports.iter().enumerate();
            (0, all.map(|(index, r)| NotRestored { index, name: r.name.clone(), why: why.clone() }).collect())
        }
    };
    Checked { json, restorable, not_restorable }
}

/// File name of a backup made at `now` (local date given by the caller).
pub fn backup_file_name(unit_code: &str, date: chrono::NaiveDate) -> String {
    let unit = super::ascii_slug(unit_code);
    let unit = if unit.is_empty() { "DonVi".to_string() } else { unit };
    format!("BCDV_SaoLuu_{unit}_{}.json", crate::format::compact_date(date))
}

/// A report of a backup that was not taken, and why (Vietnamese).
#[derive(Clone, Debug, PartialEq)]
pub struct NotRestored {
    /// Position in the backup's list of reports.
    pub index: usize,
    /// Its name as written in the file, if any.
    pub name: String,
    pub why: String,
}

impl NotRestored {
    /// Vietnamese message naming the backup file and the report.
    pub fn message(&self, file: &str) -> String {
        let name = match self.name.trim() {
            "" => format!("thứ {}", self.index + 1),
            _ => format!("«{}»", self.name),
        };
        let why = &self.why;
        format!("Tệp «{file}»: báo cáo {name} không khôi phục được ({why}); các báo cáo khác vẫn được khôi phục.")
    }
}

/// A checked backup: every report in `reports` passed [`check_report`];
/// the others are in `refused`.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub profile: UnitProfile,
    pub reports: Vec<Report>,
    pub refused: Vec<NotRestored>,
}

/// Read a backup file. A file whose envelope is bad (not a backup, edited,
/// cut short) is refused whole; otherwise every valid report is taken and
/// each invalid one is named in `refused`.
pub fn read_backup(file: &str, bytes: &[u8]) -> Result<Restored, ImportError> {
    let _ = file;
    let json = parse_json_up_to(bytes, MAX_BACKUP_BYTES)?;
    check_envelope(&json, BACKUP_SCHEMA, BACKUP_VERSION)?;
    let profile: UnitProfile = serde_json::from_value(json.get("profile").cloned().unwrap_or(Json::Null))
        .map_err(|e| ImportError::BadShape(format!("profile: {}", super::import::explain_serde(&e))))?;
    let items =
        json.get("reports").and_then(Json::as_array).ok_or(ImportError::BadShape("thiếu danh sách reports".into()))?;
    let mut reports = Vec::with_capacity(items.len());
    let mut refused = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let name = item.get("name").and_then(Json::as_str).unwrap_or("").chars().take(120).collect::<String>();
        let report = serde_json::from_value::<Report>(item.clone())
            .map_err(|e| ImportError::BadShape(super::import::explain_serde(&e)))
            .and_then(|report| match check_report(&report) {
                // Restored read-only until its outline is loaded again (outlines
                // are not in backups: the level above sends them).
                Err(ImportError::UnknownTemplate(..)) => check_report_without_outline(&report).map(|()| report),
                checked => checked.map(|()| report),
            });
        match report {
            Ok(report) => reports.push(report),
            Err(e) => refused.push(NotRestored { index, name, why: e.problem() }),
        }
    }
    Ok(Restored { profile, reports, refused })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, PeriodType};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap()
    }

    #[test]
    fn backup_round_trips_every_report_and_the_profile() {
        let profile = UnitProfile { code: "P1".into(), name: "PHƯỜNG 1".into(), ..Default::default() };
        let reports = vec![
            Report::new("4b8f0a4e-0000-4000-8000-0000000000b1", Kind::Cq, PeriodType::Q3, 2025, profile.clone(), now()),
            Report::new(
                "4b8f0a4e-0000-4000-8000-0000000000b2",
                Kind::Dang,
                PeriodType::Y,
                2025,
                profile.clone(),
                now(),
            ),
        ];
        let file = backup(&reports, &profile, "t", now());
        let restored = read_backup("b.json", file.as_bytes()).unwrap();
        assert_eq!(restored, Restored { profile, reports, refused: vec![] });
    }

    #[test]
    fn one_bad_report_is_named_and_the_others_are_restored() {
        let profile = UnitProfile::default();
        let mut bad =
            Report::new("4b8f0a4e-0000-4000-8000-0000000000b3", Kind::Cq, PeriodType::Q3, 2025, profile.clone(), now());
        bad.name = "Báo cáo hỏng".into();
        bad.values.insert("hg_thanh".into(), crate::model::Value::Int(-1));
        let good =
            Report::new("4b8f0a4e-0000-4000-8000-0000000000b5", Kind::Cq, PeriodType::Q4, 2025, profile.clone(), now());
        let file = backup(&[bad, good.clone()], &profile, "t", now());
        let restored = read_backup("b.json", file.as_bytes()).unwrap();
        assert_eq!(restored.reports, vec![good]);
        assert_eq!(restored.refused.len(), 1);
        let message = restored.refused[0].message("b.json");
        assert!(message.starts_with("Tệp «b.json»: báo cáo «Báo cáo hỏng» không khôi phục được"), "{message}");
        assert!(message.contains("hg_thanh"), "{message}");
    }

    #[test]
    fn a_backup_is_read_back_before_it_is_offered_and_names_what_would_not_restore() {
        let profile = UnitProfile::default();
        let good =
            Report::new("4b8f0a4e-0000-4000-8000-0000000000b6", Kind::Cq, PeriodType::Q3, 2025, profile.clone(), now());
        let mut bad = Report::new(
            "4b8f0a4e-0000-4000-8000-0000000000b7",
            Kind::Dang,
            PeriodType::Y,
            2025,
            profile.clone(),
            now(),
        );
        bad.name = "Năm 2025".into();
        bad.period.year = 20255;
        let checked = checked_backup(&[good.clone(), bad.clone()], &profile, "t", now());
        assert_eq!(checked.restorable, 1);
        assert_eq!(
            checked.not_restorable.iter().map(|n| (n.index, n.name.as_str())).collect::<Vec<_>>(),
            vec![(1, "Năm 2025")]
        );
        // Nothing is dropped from the file itself.
        assert!(checked.json.contains("4b8f0a4e-0000-4000-8000-0000000000b7"));
        assert_eq!(checked_backup(&[good], &profile, "t", now()).not_restorable, vec![]);
    }

    #[test]
    fn a_report_file_is_not_a_backup() {
        let r = Report::new(
            "4b8f0a4e-0000-4000-8000-0000000000b4",
            Kind::Cq,
            PeriodType::Q3,
            2025,
            UnitProfile::default(),
            now(),
        );
        let file = crate::exchange::export(crate::template::Template::builtin(Kind::Cq), &r, "t", now());
        assert!(matches!(read_backup("x.json", file.json.as_bytes()), Err(ImportError::WrongSchema(_))));
    }
}
