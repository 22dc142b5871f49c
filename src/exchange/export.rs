use crate::engine::{evaluate, Evaluation};
use crate::model::Report;
use crate::template::{Level, Template};
use chrono::{DateTime, Utc};
use serde_json::{json, Value as Json};
use sha2::{Digest, Sha256};

/// `schema` of every exported report file.
pub const SCHEMA_NAME: &str = "danvan-report";
/// Version of the export envelope.
pub const SCHEMA_VERSION: u32 = 2;

/// A file ready to download.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportFile {
    pub name: String,
    pub json: String,
}

/// ASCII-only, file-name-safe form of Vietnamese text: "Phường 1" → "Phuong1".
pub fn ascii_slug(text: &str) -> String {
    // After NFD a letter with diacritics is its ASCII base letter followed by
    // combining marks, which the ASCII filter below drops; "đ" has no
    // decomposition, so it is mapped by hand.
    crate::format::nfd(text)
        .chars()
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// `BCDV_{unit}_{year}{period}_{kind}.json` (docs/domain.md §5.4), ASCII-safe.
pub fn file_name(report: &Report) -> String {
    let unit = Some(ascii_slug(&report.unit.code))
        .filter(|s| !s.is_empty())
        .or_else(|| Some(ascii_slug(&report.unit.name)).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "DonVi".into());
    format!("BCDV_{unit}_{}{}_{}.json", report.period.year, report.period.period_type.code(), report.kind.code())
}

/// SHA-256 (hex) of the canonical JSON text of `content` (object keys sorted).
pub fn checksum(content: &Json) -> String {
    sha256_of_json(content)
}

/// [`checksum`] of an envelope as if its entry `key` (the stated checksum)
/// were not there. Neither the envelope nor its text is copied: a receiver
/// checks hundreds of files at once.
pub fn checksum_without(envelope: &serde_json::Map<String, Json>, key: &str) -> String {
    struct Without<'a>(&'a serde_json::Map<String, Json>, &'a str);
    impl serde::Serialize for Without<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(None)?;
            for (k, v) in self.0.iter().filter(|(k, _)| k.as_str() != self.1) {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }
    sha256_of_json(&Without(envelope, key))
}

/// SHA-256 (hex) of `text`.
pub(crate) fn sha256_hex(text: &[u8]) -> String {
    hex(&Sha256::digest(text))
}

/// Lower-case hex of a digest, as `sha256` is written in files.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 (hex) of the compact JSON text of `value`, hashed as it is written.
fn sha256_of_json<T: serde::Serialize>(value: &T) -> String {
    struct HashWriter(Sha256);
    impl std::io::Write for HashWriter {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer = HashWriter(Sha256::new());
    // Writing JSON values to a hasher cannot fail (no I/O, string keys only).
    let _ = serde_json::to_writer(&mut writer, value);
    hex(&writer.0.finalize())
}

fn computed_json(evaluation: &Evaluation) -> Json {
    let section = |map: &std::collections::BTreeMap<String, crate::engine::ComputedValue>| {
        map.values()
            .map(|c| (c.key.clone(), json!({ "computed": true, "id": c.id, "value": c.value, "display": c.display })))
            .collect::<serde_json::Map<_, _>>()
    };
    json!({ "current": section(&evaluation.computed), "cungKy": section(&evaluation.cung_ky) })
}

fn issues_json(evaluation: &Evaluation, level: Level) -> Json {
    evaluation
        .issues
        .iter()
        .filter(|i| i.level == level)
        .map(|i| json!({ "rule": i.rule, "paths": i.paths, "message": i.message }))
        .collect()
}

/// The export file of `report` at `now`. The report inside is the stored
/// model (raw values); computed values and issues are added, flagged, so the
/// receiver can re-check them; `sha256` covers everything else.
pub fn export(template: &Template, report: &Report, app_version: &str, now: DateTime<Utc>) -> ExportFile {
    export_with(template, report, None, app_version, now)
}

/// Like [`export`], but the `report` member is `stored` exactly as it was
/// stored: for a draft written by a newer app, whose fields this version
/// does not know and must not drop.
pub fn export_stored(
    template: &Template,
    report: &Report,
    stored: &Json,
    app_version: &str,
    now: DateTime<Utc>,
) -> ExportFile {
    export_with(template, report, Some(stored), app_version, now)
}

fn export_with(
    template: &Template,
    report: &Report,
    stored: Option<&Json>,
    app_version: &str,
    now: DateTime<Utc>,
) -> ExportFile {
    let evaluation = evaluate(template, report);
    let mut report = report.clone();
    report.exported_at = Some(now);
    // The file is what the stored draft becomes once exported, so importing
    // it back (or twice) finds the same report.
    if report.status == crate::model::Status::Draft {
        report.status = crate::model::Status::Exported;
    }
    let report_json = match stored {
        Some(raw) => raw.clone(),
        None => serde_json::to_value(&report).unwrap_or(Json::Null),
    };
    let content = json!({
        "schema": SCHEMA_NAME,
        "schemaVersion": SCHEMA_VERSION,
        "appVersion": app_version,
        "reportId": report.id,
        // id, version and (for outlines that are files) hash: the receiver
        // needs that outline; the file does not carry it (docs/report-model.md).
        "template": report.template,
        "kind": report.kind,
        "period": report.period,
        "unit": report.unit,
        "createdAt": report.created_at,
        "updatedAt": report.updated_at,
        "exportedAt": now,
        "report": report_json,
        "computed": computed_json(&evaluation),
        "validation": {
            "errors": issues_json(&evaluation, Level::Error),
            "warnings": issues_json(&evaluation, Level::Warning),
        },
    });
    let sha = checksum(&content);
    let mut file = content;
    file["sha256"] = Json::String(sha);
    ExportFile { name: file_name(&report), json: serde_json::to_string_pretty(&file).unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, PeriodType, UnitProfile};
    use chrono::TimeZone;

    fn report() -> Report {
        let unit = UnitProfile { code: "Phường 1".into(), name: "PHƯỜNG 1".into(), ..Default::default() };
        Report::new(
            "0b6c5d8e-1111-4c2d-9e3f-123456789abc",
            Kind::Cq,
            PeriodType::H1,
            2025,
            unit,
            Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0).unwrap(),
        )
    }

    #[test]
    fn file_name_is_ascii_and_follows_the_spec() {
        assert_eq!(file_name(&report()), "BCDV_Phuong1_2025H1_CQ.json");
        assert_eq!(ascii_slug("Đảng ủy Xã Đông Hòa"), "DanguyXaDongHoa");
    }

    #[test]
    fn export_carries_schema_checksum_and_raw_report() {
        let r = report();
        let file = export(Template::builtin(Kind::Cq), &r, "0.1.0", Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap());
        let parsed: Json = serde_json::from_str(&file.json).unwrap();
        assert_eq!(parsed["schema"], SCHEMA_NAME);
        assert_eq!(parsed["reportId"], r.id.as_str());
        let mut content = parsed.clone();
        let sha = content.as_object_mut().unwrap().remove("sha256").unwrap();
        assert_eq!(sha, checksum(&content));
        let back: Report = serde_json::from_value(parsed["report"].clone()).unwrap();
        assert_eq!(back.exported_at, Some(Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap()));
        assert_eq!(back.status, crate::model::Status::Exported);
        assert_eq!(Report { exported_at: None, status: r.status, ..back }, r);
    }
}

#[cfg(test)]
mod schema_tests {
    use super::*;
    use crate::model::{Kind, PeriodType, UnitProfile, Value};
    use chrono::TimeZone;

    const SCHEMA: &str = include_str!("report.schema.json");

    fn validator() -> jsonschema::Validator {
        let schema: Json = serde_json::from_str(SCHEMA).unwrap();
        jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
    }

    fn assert_valid(file: &ExportFile) {
        let instance: Json = serde_json::from_str(&file.json).unwrap();
        let v = validator();
        let errors: Vec<String> = v.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.name);
    }

    #[test]
    fn exported_files_of_both_kinds_validate_against_the_published_schema() {
        let now = Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap();
        for kind in Kind::ALL {
            let mut r = Report::new(
                "4b8f0a4e-0000-4000-8000-0000000000c1",
                kind,
                PeriodType::M9,
                2025,
                UnitProfile::default(),
                now,
            );
            r.values.insert("hg_thanh".into(), Value::Int(3));
            r.lists
                .insert("hoi_quan_ds".into(), vec![[("thanh_vien".to_string(), Value::Int(40))].into_iter().collect()]);
            assert_valid(&export(Template::builtin(kind), &r, "0.1.0", now));
        }
    }

    #[test]
    fn full_fixture_exports_validate_and_import_back_identically() {
        let now = Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap();
        for kind in Kind::ALL {
            let report = crate::fixtures::full_report(kind);
            let file = export(Template::builtin(kind), &report, "0.1.0", now);
            assert_valid(&file);
            let back = crate::exchange::import::read_report_file(&file.name, file.json.as_bytes(), now).unwrap().report;
            assert_eq!(Report { exported_at: report.exported_at, status: report.status, ..back }, report);
        }
    }

    #[test]
    fn golden_reports_with_marks_validate_and_import_back_identically() {
        let now = Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap();
        for kind in Kind::ALL {
            let report = crate::fixtures::golden_report(kind);
            assert!(!report.none_in_period.is_empty());
            let file = export(Template::builtin(kind), &report, "0.1.0", now);
            assert_valid(&file);
            let back = crate::exchange::import::read_report_file(&file.name, file.json.as_bytes(), now).unwrap().report;
            assert_eq!(Report { exported_at: report.exported_at, status: report.status, ..back }, report);
        }
    }

    #[test]
    fn schema_rejects_a_file_with_a_formatted_number() {
        let now = Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap();
        let r = Report::new(
            "4b8f0a4e-0000-4000-8000-0000000000c2",
            Kind::Cq,
            PeriodType::Q1,
            2025,
            UnitProfile::default(),
            now,
        );
        let mut instance: Json =
            serde_json::from_str(&export(Template::builtin(Kind::Cq), &r, "0.1.0", now).json).unwrap();
        instance["report"]["values"]["hg_thanh"] = serde_json::json!(1.5);
        instance["kind"] = serde_json::json!("XX");
        assert!(!validator().is_valid(&instance));
    }
}
