//! "Sao lưu": one file with every draft and the unit profile; "Khôi phục"
//! reads it back with the same checks as a report import.

use super::export::checksum;
use super::import::{check_envelope, check_report, parse_json, ImportError};
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

/// File name of a backup made at `now` (local date given by the caller).
pub fn backup_file_name(unit_code: &str, date: chrono::NaiveDate) -> String {
    let unit = super::ascii_slug(unit_code);
    let unit = if unit.is_empty() { "DonVi".to_string() } else { unit };
    format!("BCDV_SaoLuu_{unit}_{}.json", crate::format::compact_date(date))
}

/// A checked backup: every report passed [`check_report`].
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub profile: UnitProfile,
    pub reports: Vec<Report>,
}

/// Read a backup file; the whole file is refused if any part is bad, so a
/// restore never stores half a backup.
pub fn read_backup(file: &str, bytes: &[u8]) -> Result<Restored, ImportError> {
    let _ = file;
    let json = parse_json(bytes)?;
    check_envelope(&json, BACKUP_SCHEMA, BACKUP_VERSION)?;
    let profile: UnitProfile = serde_json::from_value(json.get("profile").cloned().unwrap_or(Json::Null))
        .map_err(|e| ImportError::BadShape(format!("profile: {}", e.to_string().chars().take(120).collect::<String>())))?;
    let items = json.get("reports").and_then(Json::as_array).ok_or(ImportError::BadShape("thiếu danh sách reports".into()))?;
    let mut reports = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let report: Report = serde_json::from_value(item.clone())
            .map_err(|e| ImportError::BadShape(format!("reports[{i}]: {}", e.to_string().chars().take(120).collect::<String>())))?;
        check_report(&report).map_err(|e| match e {
            ImportError::BadValue { path, why } => ImportError::BadValue { path: format!("reports[{i}].{path}"), why },
            other => other,
        })?;
        reports.push(report);
    }
    Ok(Restored { profile, reports })
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
            Report::new("4b8f0a4e-0000-4000-8000-0000000000b2", Kind::Dang, PeriodType::Y, 2025, profile.clone(), now()),
        ];
        let file = backup(&reports, &profile, "t", now());
        let restored = read_backup("b.json", file.as_bytes()).unwrap();
        assert_eq!(restored, Restored { profile, reports });
    }

    #[test]
    fn one_bad_report_refuses_the_whole_backup() {
        let profile = UnitProfile::default();
        let mut bad = Report::new("4b8f0a4e-0000-4000-8000-0000000000b3", Kind::Cq, PeriodType::Q3, 2025, profile.clone(), now());
        bad.values.insert("hg_thanh".into(), crate::model::Value::Int(-1));
        let file = backup(&[bad], &profile, "t", now());
        let err = read_backup("b.json", file.as_bytes()).unwrap_err();
        assert!(matches!(&err, ImportError::BadValue { path, .. } if path == "reports[0].hg_thanh"), "{err:?}");
    }

    #[test]
    fn a_report_file_is_not_a_backup() {
        let r = Report::new("4b8f0a4e-0000-4000-8000-0000000000b4", Kind::Cq, PeriodType::Q3, 2025, UnitProfile::default(), now());
        let file = crate::exchange::export(crate::template::Template::builtin(Kind::Cq), &r, "t", now());
        assert!(matches!(read_backup("x.json", file.json.as_bytes()), Err(ImportError::WrongSchema(_))));
    }
}
