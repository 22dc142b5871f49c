//! A crash journal: the raw text of each field typed since the last save,
//! written synchronously on every keystroke (only the fields touched, so it
//! is small and fast). Autosave is debounced, and a renderer crash or a
//! killed tab fires no `pagehide`; opening the draft replays the journal so
//! the last keystrokes are not lost.

use super::input;
use crate::model::Report;
use crate::template::{FieldType, Template};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Fields typed since the stored revision `base_revision`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub base_revision: u64,
    /// Field path (the input's `name`) → raw text as typed.
    pub entries: BTreeMap<String, String>,
}

impl Journal {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Set the field at `path` from its raw typed text, as its input would.
/// Returns false for a path the journal does not know (ignored).
pub fn apply_entry(template: &Template, report: &mut Report, path: &str, raw: &str) -> bool {
    let text = crate::format::nfc(raw);
    match path {
        "name" => report.name = text,
        "header.number" => report.header.number = crate::model::limits::doc_number(&text),
        "signature.quyen_han" => report.signature.quyen_han = text,
        "signature.chuc_vu" => report.signature.chuc_vu = text,
        "signature.ho_ten" => report.signature.ho_ten = text,
        "recipients" => {
            report.recipients = text.lines().map(|l| l.trim().trim_end_matches([',', ';', '.']).trim().to_string()).filter(|l| !l.is_empty()).collect()
        }
        _ if template.narrative_keys().iter().any(|k| k == path) => {
            if text.is_empty() {
                report.texts.remove(path);
            } else {
                report.texts.insert(path.to_string(), text);
            }
        }
        _ => return apply_value(template, report, path, &text),
    }
    true
}

fn apply_value(template: &Template, report: &mut Report, path: &str, text: &str) -> bool {
    let (cung_ky, key) = match path.strip_prefix("cung_ky.") {
        Some(key) => (true, key),
        None => (false, path),
    };
    if let Some(found) = template.indicator(key) {
        let typed = input::read(&found.indicator.ty, text);
        let map = if cung_ky { &mut report.cung_ky } else { &mut report.values };
        match typed.value {
            Some(v) => map.insert(key.to_string(), v),
            None => map.remove(key),
        };
        return true;
    }
    // List cell: <list>.<row>.<column>
    let mut parts = path.splitn(3, '.');
    let (Some(list), Some(row), Some(col)) = (parts.next(), parts.next(), parts.next()) else { return false };
    let (Some(def), Ok(row)) = (template.list(list), row.parse::<usize>()) else { return false };
    let Some(column) = def.columns.iter().find(|c| c.key == col) else { return false };
    if row >= crate::model::limits::MAX_LIST_ROWS {
        return false;
    }
    let ty: &FieldType = &column.ty;
    let typed = input::read(ty, text);
    let rows = report.lists.entry(list.to_string()).or_default();
    if rows.len() <= row {
        rows.resize_with(row + 1, Default::default);
    }
    match typed.value {
        Some(v) => rows[row].insert(col.to_string(), v),
        None => rows[row].remove(col),
    };
    true
}

/// Replay a journal onto the stored report; returns how many fields it set.
pub fn replay(template: &Template, report: &mut Report, journal: &Journal) -> usize {
    journal.entries.iter().filter(|(path, raw)| apply_entry(template, report, path, raw)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, PeriodType, UnitProfile, Value};
    use chrono::TimeZone;

    fn report() -> Report {
        Report::new("r", Kind::Cq, PeriodType::H1, 2025, UnitProfile::default(), chrono::Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap())
    }

    #[test]
    fn every_journaled_kind_of_field_is_replayed_like_its_input() {
        let t = Template::builtin(Kind::Cq);
        let mut r = report();
        let journal = Journal {
            base_revision: 3,
            entries: [
                ("N01.text", "Tình hình ổn đị"),
                ("hg_thanh", "12.717"),
                ("cung_ky.hg_thanh", "9"),
                ("don_tiep_nhan.cong_dan", "12,7"),
                ("hoi_quan_ds.1.thanh_vien", "40"),
                ("signature.ho_ten", "Nguyễn Văn A"),
                ("recipients", "Sở Nội vụ;\nLưu: VT."),
                ("unknown.path", "x"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        };
        assert_eq!(replay(t, &mut r, &journal), 7);
        assert_eq!(r.texts["N01.text"], "Tình hình ổn đị");
        assert_eq!(r.values["hg_thanh"], Value::Int(12_717));
        assert_eq!(r.cung_ky["hg_thanh"], Value::Int(9));
        assert_eq!(r.values["don_tiep_nhan.cong_dan"], Value::Unparsed("12,7".into()), "half-typed text kept");
        assert_eq!(r.lists["hoi_quan_ds"][1]["thanh_vien"], Value::Int(40));
        assert_eq!(r.signature.ho_ten, "Nguyễn Văn A");
        assert_eq!(r.recipients, ["Sở Nội vụ", "Lưu: VT"]);
    }

    #[test]
    fn clearing_a_field_is_replayed_too() {
        let t = Template::builtin(Kind::Cq);
        let mut r = report();
        r.texts.insert("N01.text".into(), "cũ".into());
        r.values.insert("hg_thanh".into(), Value::Int(1));
        let journal = Journal { base_revision: 1, entries: [("N01.text".into(), String::new()), ("hg_thanh".into(), " ".into())].into() };
        replay(t, &mut r, &journal);
        assert!(!r.texts.contains_key("N01.text"));
        assert!(!r.values.contains_key("hg_thanh"));
    }
}
