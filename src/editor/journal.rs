//! A crash journal: every edit made since the last save, written
//! synchronously on each change (only the edits, so it is small and fast).
//! Autosave is debounced, and a renderer crash or a killed tab fires no
//! `pagehide`; opening the draft replays the journal so the last changes are
//! not lost.
//!
//! The editor applies its own edits through [`apply`] too, so what is
//! replayed after a crash is exactly what the inputs did.
//!
//! A journal is replayed only onto the revision it was typed against
//! (`base_revision`): once another tab has saved a newer revision, replaying
//! would silently overwrite that tab's work (see `drafts::open`).

use super::input;
use crate::model::{limits, FieldPath, HgDenominator, Mark, RecordList, Report, ReportField};
use crate::template::Template;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// One change the editor makes to a report. Written by serde, read by
/// [`edit_from_json`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// A field set from its raw text as typed; `path` is the input's `name`
    /// (checkboxes: `"true"` / `"false"`).
    Set { path: String, raw: String },
    /// An empty row appended to a row list (a template list, `can_cu`, `footnotes`).
    AddRow { list: String },
    /// Row `row` removed.
    RemoveRow { list: String, row: usize },
    /// Rows `row` and `row + 1` swapped.
    SwapDown { list: String, row: usize },
    /// A generated sentence taken over ("Sửa câu này") or confirmed ("Vẫn
    /// dùng câu này"): `text` is printed in its place and `written_against`
    /// is the generated sentence it now answers to. Typing in it afterwards
    /// is a `Set` of `sentences.<id>`.
    TakeOver { id: String, text: String, written_against: String },
    /// Back to the generated sentence ("Dùng lại câu tự động").
    ResetSentence { id: String },
}

impl Edit {
    pub fn set(path: impl Into<String>, raw: impl Into<String>) -> Edit {
        Edit::Set { path: path.into(), raw: raw.into() }
    }
}

/// The edits since the base revision, in the order they were made (row
/// operations and field texts depend on each other's order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edits(Vec<Edit>);

impl Edits {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn clear(&mut self) {
        self.0.clear()
    }

    /// Add `other`'s edits after these, as they are.
    pub fn append(&mut self, mut other: Edits) {
        self.0.append(&mut other.0)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Edit> {
        self.0.iter()
    }

    /// Record `edit`. Typing sets the same field again and again: a `Set`
    /// replaces an earlier `Set` of that field made after the last row
    /// operation, so the journal grows with the fields touched, not with
    /// the keystrokes.
    pub fn push(&mut self, edit: Edit) {
        if let Edit::Set { path, .. } = &edit {
            let since_rows = self.0.iter().rposition(|e| !matches!(e, Edit::Set { .. })).map_or(0, |i| i + 1);
            if let Some(at) =
                self.0[since_rows..].iter().position(|e| matches!(e, Edit::Set { path: p, .. } if p == path))
            {
                self.0.remove(since_rows + at);
            }
        }
        self.0.push(edit);
    }
}

/// Field texts only (path, raw), as journals of earlier versions held them.
impl FromIterator<(String, String)> for Edits {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        Edits(iter.into_iter().map(|(path, raw)| Edit::Set { path, raw }).collect())
    }
}

impl<const N: usize> From<[(String, String); N]> for Edits {
    fn from(pairs: [(String, String); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl Serialize for Edits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Edits {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read by hand from a JSON tree (whose reader the app has anyway):
        // the derived reader of an internally tagged enum, and of an
        // untagged one for the old format, buffer through serde's private
        // `Content` and cost some 20 kB of wasm in the first download.
        edits_from_json(serde_json::Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// The edits of a stored journal: a list of edits, or, as earlier versions
/// stored them, a map of field path → raw text. Accepts and refuses what
/// the derived readers of [`Edit`] and of that map did (unknown members are
/// ignored, a missing or mistyped one refuses the whole journal).
fn edits_from_json(json: serde_json::Value) -> Result<Edits, String> {
    use serde_json::Value as Json;
    match json {
        Json::Array(items) => items.into_iter().map(edit_from_json).collect::<Result<Vec<_>, _>>().map(Edits),
        Json::Object(fields) => fields
            .into_iter()
            .map(|(path, raw)| match raw {
                Json::String(raw) => Ok((path, raw)),
                _ => Err(format!("the text of {path} is not a string")),
            })
            .collect::<Result<BTreeMap<_, _>, _>>()
            .map(|fields| fields.into_iter().collect()),
        _ => Err("journal entries are neither a list nor a map".into()),
    }
}

fn edit_from_json(json: serde_json::Value) -> Result<Edit, String> {
    let serde_json::Value::Object(mut fields) = json else { return Err("an edit is not an object".into()) };
    let mut text = |name: &str| match fields.remove(name) {
        Some(serde_json::Value::String(s)) => Ok(s),
        Some(_) => Err(format!("`{name}` is not a string")),
        None => Err(format!("missing field `{name}`")),
    };
    Ok(match text("op")?.as_str() {
        "set" => Edit::Set { path: text("path")?, raw: text("raw")? },
        "add_row" => Edit::AddRow { list: text("list")? },
        "remove_row" => Edit::RemoveRow { list: text("list")?, row: row_of(&mut fields)? },
        "swap_down" => Edit::SwapDown { list: text("list")?, row: row_of(&mut fields)? },
        "take_over" => {
            Edit::TakeOver { id: text("id")?, text: text("text")?, written_against: text("written_against")? }
        }
        "reset_sentence" => Edit::ResetSentence { id: text("id")? },
        other => return Err(format!("unknown edit `{other}`")),
    })
}

fn row_of(fields: &mut serde_json::Map<String, serde_json::Value>) -> Result<usize, String> {
    match fields.get("row") {
        Some(n) => n.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(|| "`row` is not a row number".into()),
        None => Err("missing field `row`".into()),
    }
}

/// Edits made since the stored revision `base_revision`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub base_revision: u64,
    pub entries: Edits,
}

impl Journal {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A typed calendar date as stored: none when it is not a date a report may
/// hold (model::limits), so the editor never stores what import refuses.
fn date(text: &str) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    crate::model::parse_iso_date(text.trim()).filter(|d| limits::DATE_YEARS.contains(&d.year()))
}

/// Lines of the "Nơi nhận" box as stored: trimmed, without the trailing
/// punctuation the printed form adds itself, blank lines dropped.
pub fn recipient_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().trim_end_matches([',', ';', '.']).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Most rows a citation or footnote list may reach through edits.
const MAX_RECORDS: usize = 500;

/// Apply one edit as the editor does; false for an edit that does not fit
/// the report (unknown path, row out of range), which changes nothing.
pub fn apply(template: &Template, report: &mut Report, edit: &Edit) -> bool {
    match edit {
        Edit::Set { path, raw } => apply_entry(template, report, path, raw),
        Edit::AddRow { list } => rows_op(template, report, list, |len, max| len < max, |r| r.add()),
        Edit::RemoveRow { list, row } => {
            let row = *row;
            rows_op(template, report, list, |len, _| row < len, move |r| r.remove(row))
        }
        Edit::SwapDown { list, row } => {
            let row = *row;
            rows_op(template, report, list, |len, _| row + 1 < len, move |r| r.swap(row))
        }
        Edit::TakeOver { id, text, written_against } => {
            if !limits::sentence_id(id)
                || (!report.sentences.contains_key(id) && report.sentences.len() >= limits::MAX_SENTENCES)
            {
                return false;
            }
            let (text, written_against) = (crate::format::nfc(text), crate::format::nfc(written_against));
            report.sentences.insert(id.clone(), crate::model::SentenceOverride { text, written_against });
            true
        }
        Edit::ResetSentence { id } => report.sentences.remove(id).is_some(),
    }
}

/// The row lists of a report, under one interface for the row operations.
enum RowsMut<'a> {
    List(&'a mut Vec<crate::model::Row>),
    Citations(&'a mut Vec<crate::model::Citation>),
    Footnotes(&'a mut Vec<crate::model::Footnote>),
}

impl RowsMut<'_> {
    fn len(&self) -> usize {
        match self {
            RowsMut::List(v) => v.len(),
            RowsMut::Citations(v) => v.len(),
            RowsMut::Footnotes(v) => v.len(),
        }
    }
    fn add(&mut self) {
        match self {
            RowsMut::List(v) => v.push(Default::default()),
            RowsMut::Citations(v) => v.push(Default::default()),
            RowsMut::Footnotes(v) => v.push(Default::default()),
        }
    }
    fn remove(&mut self, row: usize) {
        match self {
            RowsMut::List(v) => drop(v.remove(row)),
            RowsMut::Citations(v) => drop(v.remove(row)),
            RowsMut::Footnotes(v) => drop(v.remove(row)),
        }
    }
    fn swap(&mut self, row: usize) {
        match self {
            RowsMut::List(v) => v.swap(row, row + 1),
            RowsMut::Citations(v) => v.swap(row, row + 1),
            RowsMut::Footnotes(v) => v.swap(row, row + 1),
        }
    }
}

fn rows_op(
    template: &Template,
    report: &mut Report,
    list: &str,
    allowed: impl FnOnce(usize, usize) -> bool,
    op: impl FnOnce(&mut RowsMut),
) -> bool {
    let (mut rows, max) = match RecordList::from_key(list) {
        Some(RecordList::CanCu) => (RowsMut::Citations(&mut report.can_cu), MAX_RECORDS),
        Some(RecordList::Footnotes) => (RowsMut::Footnotes(&mut report.footnotes), MAX_RECORDS),
        None if template.list(list).is_some() => {
            (RowsMut::List(report.lists.entry(list.to_string()).or_default()), limits::MAX_LIST_ROWS)
        }
        _ => return false,
    };
    if !allowed(rows.len(), max) {
        return false;
    }
    op(&mut rows);
    true
}

/// Set the field at `path` from its raw typed text, as its input would.
/// Returns false for a path the journal does not know (ignored).
pub fn apply_entry(template: &Template, report: &mut Report, path: &str, raw: &str) -> bool {
    let Ok(path) = FieldPath::parse(path) else { return false };
    let text = crate::format::nfc(raw);
    match &path {
        FieldPath::Report(field) => set_report_field(report, *field, text),
        FieldPath::Key(key) if template.narrative_keys().iter().any(|k| k == key) => {
            if text.is_empty() {
                report.texts.remove(key);
            } else {
                report.texts.insert(key.clone(), text);
            }
        }
        FieldPath::Key(key) | FieldPath::CungKy(key) => {
            let Some(found) = template.indicator(key) else { return false };
            return report.set_value_at(&path, input::read(&found.indicator.ty, &text).value);
        }
        FieldPath::Cell { list, row, column } => {
            if let Some(records) = RecordList::from_key(list) {
                return set_record_field(report, records, *row, column, text);
            }
            let Some(def) = template.list(list) else { return false };
            let Some(column) = def.columns.iter().find(|c| c.key == *column) else { return false };
            return report.set_value_at(&path, input::read(&column.ty, &text).value);
        }
        FieldPath::Mark { mark, key, sentence } => return apply_mark(template, report, *mark, key, *sentence, &text),
        FieldPath::Sentence(id) => {
            // Typing in a sentence already taken over; a sentence is taken
            // over only with the generated text it answers to (`TakeOver`).
            let Some(o) = report.sentences.get_mut(id) else { return false };
            o.text = text;
        }
        FieldPath::FiguresOf(node) => {
            if template.node(node).is_none() {
                return false;
            }
            // "" follows the report's choice; "true"/"false" overrides it.
            match text.as_str() {
                "true" | "false" => report.options.figures_by_node.insert(node.clone(), text == "true"),
                _ => report.options.figures_by_node.remove(node),
            };
        }
        FieldPath::Qualifier(key) => {
            let known = template.indicator(key).is_some()
                || template.walk().iter().any(|(_, n)| n.computed.iter().any(|c| c.key == *key));
            if !known || !limits::QUALIFIERS.contains(&text.as_str()) {
                return false;
            }
            if text.is_empty() {
                report.qualifiers.remove(key);
            } else {
                report.qualifiers.insert(key.clone(), text);
            }
        }
    }
    true
}

/// A mark of a required node ("Không phát sinh trong kỳ") or of a required
/// figure ("Không theo dõi"): the checkbox (`"true"` marks, anything else
/// unmarks) or its sentence (which marks too: the editor shows it only once
/// marked). Only what the template requires can be marked.
fn apply_mark(template: &Template, report: &mut Report, mark: Mark, key: &str, sentence: bool, text: &str) -> bool {
    let known = match mark {
        Mark::NoneInPeriod => template.node(key).is_some_and(|n| n.required && !n.appendix),
        Mark::NotTracked => {
            template.indicator(key).is_some_and(|i| i.indicator.req == crate::template::Requirement::Required)
        }
    };
    if !known {
        return false;
    }
    let map = mark.of_mut(report);
    if sentence {
        map.insert(key.to_string(), text.trim().to_string());
    } else if text == "true" {
        map.entry(key.to_string()).or_default();
    } else {
        map.remove(key);
    }
    true
}

/// Set a field of the report outside the outline from its typed text.
fn set_report_field(report: &mut Report, field: ReportField, text: String) {
    let on = text == "true";
    match field {
        ReportField::Name => report.name = text,
        ReportField::HeaderNumber => report.header.number = limits::doc_number(&text),
        ReportField::HeaderDay => report.header.day = limits::in_range(&text, &limits::ISSUE_DAYS),
        ReportField::HeaderMonth => report.header.month = limits::in_range(&text, &limits::ISSUE_MONTHS),
        ReportField::HeaderYear => report.header.year = limits::in_range(&text, &limits::ISSUE_YEARS),
        ReportField::HeaderDueDate => report.header.due_date = date(&text),
        ReportField::PeriodFrom => report.period.from = date(&text),
        ReportField::PeriodTo => report.period.to = date(&text),
        ReportField::SignatureQuyenHan => report.signature.quyen_han = text,
        ReportField::SignatureChucVu => report.signature.chuc_vu = text,
        ReportField::SignatureHoTen => report.signature.ho_ten = text,
        ReportField::Recipients => report.recipients = recipient_lines(&text),
        ReportField::PadSmallCounts => report.options.pad_small_counts = on,
        ReportField::IncludePl1 => report.options.include_pl1 = on,
        ReportField::TrichYeuWithPlan => report.options.trich_yeu_with_plan = on,
        ReportField::PrintFigures => report.options.print_figures = on,
        // The report's copy of the profile's name in sentences, for its kind.
        ReportField::UnitSentenceName => {
            let kind = report.kind;
            report.unit.issuer_mut(kind).sentence_name = text
        }
        ReportField::HgDenominator => {
            report.options.hg_denominator =
                if on { HgDenominator::ThanhPlusKhongThanh } else { HgDenominator::TiepNhan }
        }
    }
}

/// A field of a citation (`can_cu.<row>.<field>`) or footnote (`footnotes.<row>.<field>`).
fn set_record_field(report: &mut Report, list: RecordList, row: usize, field: &str, text: String) -> bool {
    if row >= MAX_RECORDS || !list.columns().contains(&field) {
        return false;
    }
    match list {
        RecordList::CanCu => {
            if report.can_cu.len() <= row {
                report.can_cu.resize_with(row + 1, Default::default);
            }
            let c = &mut report.can_cu[row];
            match field {
                "loai" => c.loai = text,
                "so_ky_hieu" => c.so_ky_hieu = text,
                "ngay" => c.ngay = date(&text),
                "co_quan" => c.co_quan = text,
                "phrase" => c.phrase = text,
                _ => c.trich_yeu = text,
            }
        }
        RecordList::Footnotes => {
            if report.footnotes.len() <= row {
                report.footnotes.resize_with(row + 1, Default::default);
            }
            let f = &mut report.footnotes[row];
            match field {
                "id" => f.id = text,
                _ => f.text = text,
            }
        }
    }
    true
}

/// Replay a journal onto the stored report; returns how many edits it applied.
pub fn replay(template: &Template, report: &mut Report, journal: &Journal) -> usize {
    journal.entries.iter().filter(|edit| apply(template, report, edit)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, PeriodType, UnitProfile, Value};
    use chrono::TimeZone;

    fn report() -> Report {
        Report::new(
            "r",
            Kind::Cq,
            PeriodType::H1,
            2025,
            UnitProfile::default(),
            chrono::Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
        )
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
        let journal = Journal {
            base_revision: 1,
            entries: [("N01.text".into(), String::new()), ("hg_thanh".into(), " ".into())].into(),
        };
        replay(t, &mut r, &journal);
        assert!(!r.texts.contains_key("N01.text"));
        assert!(!r.values.contains_key("hg_thanh"));
    }

    /// A plausible raw text for the field at `path` and what it must read back as.
    fn sample(path: &str) -> &'static str {
        match path {
            // Flip each option from its default.
            "options.pad_small_counts" | "options.print_figures" => "false",
            p if p.starts_with("qualifiers.") => "hơn",
            p if p.starts_with("options.") => "true",
            p if (p.starts_with("none_in_period.") || p.starts_with("not_tracked.")) && !p.ends_with(".text") => "true",
            "header.day" | "header.month" => "7",
            "header.year" => "2025",
            p if p.ends_with("ngay") || p.starts_with("period.") || p.ends_with("due_date") => "2025-06-30",
            _ => "12",
        }
    }

    #[test]
    fn every_path_the_editor_renders_is_known_to_apply_entry_and_changes_the_report() {
        for kind in Kind::ALL {
            let t = Template::builtin(kind);
            let mut base = Report::new("r", kind, PeriodType::Y, 2025, UnitProfile::default(), chrono::Utc::now());
            base.can_cu.push(Default::default());
            base.footnotes.push(Default::default());
            let all = crate::editor::paths::editable(t, &base);
            assert!(all.len() > 50, "{kind:?}: only {} paths", all.len());
            for path in all.iter().map(FieldPath::to_string) {
                let mut r = base.clone();
                assert!(apply_entry(t, &mut r, &path, sample(&path)), "{kind:?}: {path} is not journaled");
                assert_ne!(r, base, "{kind:?}: replaying {path} changed nothing");
            }
        }
    }

    #[test]
    fn paths_that_name_no_field_or_a_row_past_its_limit_change_nothing() {
        let t = Template::builtin(Kind::Cq);
        let mut r = report();
        for path in [
            "",
            "cung_ky.",
            "hoi_quan_ds..thanh_vien",
            "hoi_quan_ds.10000.thanh_vien",
            "hoi_quan_ds.01.thanh_vien",
            "can_cu.500.ngay",
            "can_cu.0.khong_co",
            "cung_ky.N01.text",
        ] {
            assert!(!apply_entry(t, &mut r, path, "1"), "{path:?} was applied");
        }
        assert_eq!(r, report());
    }

    #[test]
    fn marks_of_required_nodes_and_figures_are_replayed_with_their_sentences() {
        let t = Template::builtin(Kind::Cq);
        let mut r = report();
        let mut j = Journal::default();
        for edit in [
            Edit::set("none_in_period.N16", "true"),
            Edit::set("none_in_period.N16.text", "  Trong kỳ chưa bình chọn mô hình. "),
            Edit::set("not_tracked.doi_thoai_chu_tich", "true"),
            Edit::set("not_tracked.don_tiep_nhan.cong_dan.text", "Không thống kê riêng."),
            // Optional nodes and figures, and unknown ones, cannot be marked.
            Edit::set("none_in_period.N04", "true"),
            Edit::set("not_tracked.to_hoa_giai", "true"),
            Edit::set("none_in_period.N99", "true"),
        ] {
            j.entries.push(edit);
        }
        replay(t, &mut r, &j);
        assert_eq!(r.none_in_period.get("N16").map(String::as_str), Some("Trong kỳ chưa bình chọn mô hình."));
        assert_eq!(r.not_tracked.get("doi_thoai_chu_tich").map(String::as_str), Some(""));
        assert_eq!(r.not_tracked.get("don_tiep_nhan.cong_dan").map(String::as_str), Some("Không thống kê riêng."));
        assert_eq!((r.none_in_period.len(), r.not_tracked.len()), (1, 2));
        let mut off = Journal::default();
        off.entries.push(Edit::set("none_in_period.N16", "false"));
        replay(t, &mut r, &off);
        assert!(r.none_in_period.is_empty());
    }

    #[test]
    fn header_dates_citations_footnotes_and_options_are_replayed() {
        let t = Template::builtin(Kind::Cq);
        let mut r = report();
        let mut j = Journal::default();
        for edit in [
            Edit::set("header.day", "5"),
            Edit::set("header.month", "7"),
            Edit::set("header.year", "2025"),
            Edit::set("period.from", "2025-01-01"),
            Edit::set("header.due_date", "2025-07-10"),
            Edit::AddRow { list: "can_cu".into() },
            Edit::set("can_cu.0.so_ky_hieu", "12-KH/ĐU"),
            Edit::set("can_cu.0.ngay", "2025-02-03"),
            Edit::AddRow { list: "footnotes".into() },
            Edit::set("footnotes.0.text", "Số liệu đến 30/6"),
            Edit::set("options.pad_small_counts", "true"),
            Edit::set("options.hg_denominator", "true"),
        ] {
            j.entries.push(edit);
        }
        assert_eq!(replay(t, &mut r, &j), 12);
        assert_eq!((r.header.day, r.header.month, r.header.year), (Some(5), Some(7), Some(2025)));
        assert_eq!(r.period.from, chrono::NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(r.header.due_date, chrono::NaiveDate::from_ymd_opt(2025, 7, 10));
        assert_eq!(r.can_cu[0].so_ky_hieu, "12-KH/ĐU");
        assert_eq!(r.can_cu[0].ngay, chrono::NaiveDate::from_ymd_opt(2025, 2, 3));
        assert_eq!(r.footnotes[0].text, "Số liệu đến 30/6");
        assert!(r.options.pad_small_counts);
        assert_eq!(r.options.hg_denominator, HgDenominator::ThanhPlusKhongThanh);
    }

    #[test]
    fn row_operations_replay_in_order_with_the_texts_typed_around_them() {
        let t = Template::builtin(Kind::Cq);
        let mut r = report();
        let mut j = Journal::default();
        for edit in [
            Edit::AddRow { list: "hoi_quan_ds".into() },
            Edit::set("hoi_quan_ds.0.thanh_vien", "1"),
            Edit::AddRow { list: "hoi_quan_ds".into() },
            Edit::set("hoi_quan_ds.1.thanh_vien", "2"),
            Edit::AddRow { list: "hoi_quan_ds".into() },
            Edit::set("hoi_quan_ds.2.thanh_vien", "3"),
            // The middle row goes; then the (new) second row is edited again.
            Edit::RemoveRow { list: "hoi_quan_ds".into(), row: 1 },
            Edit::set("hoi_quan_ds.1.thanh_vien", "33"),
            Edit::SwapDown { list: "hoi_quan_ds".into(), row: 0 },
            Edit::RemoveRow { list: "hoi_quan_ds".into(), row: 7 },
        ] {
            j.entries.push(edit);
        }
        assert_eq!(replay(t, &mut r, &j), 9, "the removal of a row that does not exist is skipped");
        let col: Vec<_> = r.lists["hoi_quan_ds"].iter().map(|row| row["thanh_vien"].clone()).collect();
        assert_eq!(col, [Value::Int(33), Value::Int(1)]);
    }

    #[test]
    fn typing_in_one_field_keeps_one_entry_but_row_operations_keep_their_place() {
        let mut e = Edits::default();
        for raw in ["T", "Tì", "Tìn"] {
            e.push(Edit::set("N01.text", raw));
        }
        e.push(Edit::set("hg_thanh", "1"));
        e.push(Edit::set("N01.text", "Tình"));
        assert_eq!(e.len(), 2);
        e.push(Edit::AddRow { list: "hoi_quan_ds".into() });
        e.push(Edit::set("N01.text", "Tình h"));
        assert_eq!(e.len(), 4, "a set after a row operation is not merged across it");
        assert_eq!(e.iter().last(), Some(&Edit::set("N01.text", "Tình h")));
    }

    #[test]
    fn a_journal_of_the_earlier_map_format_still_reads() {
        let old = r#"{"base_revision":4,"entries":{"N01.text":"gõ dở","hg_thanh":"3"}}"#;
        let j: Journal = serde_json::from_str(old).unwrap();
        assert_eq!(j.base_revision, 4);
        assert_eq!(
            j.entries.iter().collect::<Vec<_>>(),
            [&Edit::set("N01.text", "gõ dở"), &Edit::set("hg_thanh", "3")]
        );
        let again: Journal = serde_json::from_str(&serde_json::to_string(&j).unwrap()).unwrap();
        assert_eq!(again, j);
    }

    #[test]
    fn every_kind_of_edit_reads_back_as_written() {
        let mut e = Edits::default();
        for edit in [
            Edit::set("N01.text", "gõ \"dở\""),
            Edit::AddRow { list: "hoi_quan_ds".into() },
            Edit::RemoveRow { list: "hoi_quan_ds".into(), row: 3 },
            Edit::SwapDown { list: "can_cu".into(), row: 0 },
            Edit::TakeOver {
                id: "opening".into(), text: "Câu của tôi".into(), written_against: "Câu tự động".into()
            },
            Edit::ResetSentence { id: "opening".into() },
        ] {
            e.push(edit);
        }
        let j = Journal { base_revision: 9, entries: e };
        let text = serde_json::to_string(&j).unwrap();
        assert_eq!(serde_json::from_str::<Journal>(&text).unwrap(), j);
        let members_in_any_order =
            r#"{"base_revision":1,"entries":[{"row":2,"list":"L","op":"swap_down","later":true}]}"#;
        assert_eq!(
            serde_json::from_str::<Journal>(members_in_any_order).unwrap().entries.iter().collect::<Vec<_>>(),
            [&Edit::SwapDown { list: "L".into(), row: 2 }],
            "members in any order, unknown members ignored"
        );
    }

    #[test]
    fn a_journal_with_a_malformed_edit_is_refused_whole() {
        for entries in [
            r#"[{"op":"set","path":"a"}]"#,
            r#"[{"op":"set","path":"a","raw":1}]"#,
            r#"[{"op":"remove_row","list":"L","row":-1}]"#,
            r#"[{"op":"remove_row","list":"L","row":1.5}]"#,
            r#"[{"op":"swap_down","list":"L"}]"#,
            r#"[{"op":"rename","list":"L"}]"#,
            r#"[{"path":"a","raw":"1"}]"#,
            r#"[{"op":"set","path":"a","raw":"1"}, "set"]"#,
            r#"{"a":1}"#,
            r#""a""#,
        ] {
            let text = format!(r#"{{"base_revision":1,"entries":{entries}}}"#);
            assert!(serde_json::from_str::<Journal>(&text).is_err(), "{entries}");
        }
    }
}
