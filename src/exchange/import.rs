//! Reading report files sent by other units (or by this one, earlier).
//! Every file is treated as hostile: size, syntax, schema, version,
//! checksum, template and every value are checked before anything is
//! stored, and a rejected file changes nothing.

use super::export::{checksum_without, SCHEMA_NAME, SCHEMA_VERSION};
use crate::model::{FieldPath, RecordList, Report, ReportField, Value};
use crate::template::{FieldType, Template};
use chrono::{DateTime, Datelike, Utc};
use serde_json::Value as Json;

// The limits are those of storage itself (see `model::limits` for the rule).
use crate::model::limits;
pub use crate::model::limits::{MAX_BACKUP_BYTES, MAX_FILE_BYTES, MAX_LIST_ROWS, MAX_NUMBER, MAX_TEXT_CHARS};

/// A report file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub file: String,
    pub report: Report,
    /// Schema version the file was written in, when it had to be migrated.
    pub migrated_from: Option<u32>,
    /// The file's outline is not on this device: read by
    /// [`read_report_file_keeping`] with every check that needs no outline,
    /// it is kept read-only until the outline is loaded.
    pub outline_missing: bool,
}

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge(usize),
    Empty,
    NotJson(String),
    Truncated,
    WrongSchema(String),
    NewerSchema(u32),
    MissingChecksum,
    ChecksumMismatch,
    UnknownTemplate(String, u32),
    /// The JSON does not have the shape of a report.
    BadShape(String),
    /// A value has the wrong type or is out of range.
    BadValue {
        path: String,
        why: String,
    },
    /// An object names the same member twice: the checksum covers only the
    /// last value, so the file could say two things.
    DuplicateKey(String),
}

impl ImportError {
    /// Vietnamese message naming the file and the problem.
    pub fn message(&self, file: &str) -> String {
        format!("Tệp «{file}»: {}.", self.problem())
    }

    /// The problem alone, in Vietnamese, without the file name.
    pub fn problem(&self) -> String {
        match self {
            ImportError::TooLarge(n) => format!(
                "tệp quá lớn ({} MB; tối đa {} MB), không phải tệp báo cáo",
                format!("{:.1}", *n as f64 / 1_048_576.0).replace('.', ","),
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::Empty => "tệp rỗng".into(),
            ImportError::NotJson(why) => format!("không phải tệp dữ liệu JSON ({why})"),
            ImportError::Truncated => "tệp bị cắt cụt (chưa tải/chép hết), hãy xin gửi lại".into(),
            ImportError::WrongSchema(s) => format!("không phải tệp báo cáo Dân vận (loại tệp «{s}»)"),
            ImportError::NewerSchema(v) => format!(
                "được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {v}, ứng dụng này đọc đến {SCHEMA_VERSION}); hãy cập nhật ứng dụng"
            ),
            ImportError::MissingChecksum => "thiếu mã kiểm tra (sha256), không xác nhận được tệp còn nguyên vẹn".into(),
            ImportError::ChecksumMismatch => "mã kiểm tra không khớp: tệp đã bị sửa tay hoặc bị hỏng".into(),
            ImportError::UnknownTemplate(id, v) => format!(
                "theo đề cương «{id}» phiên bản {v}, thiết bị này chưa có đề cương này (nạp đề cương ở màn hình «Đề cương»)"
            ),
            ImportError::BadShape(why) => format!("nội dung không đúng cấu trúc báo cáo ({why})"),
            ImportError::BadValue { path, why } => format!("giá trị không hợp lệ ở «{path}»: {why}"),
            ImportError::DuplicateKey(key) => format!(
                "trường «{key}» xuất hiện hai lần trong cùng một chỗ; tệp đã bị sửa tay hoặc bị hỏng, hãy xin gửi lại"
            ),
        }
    }
}

/// Parse JSON text, telling a cut-off file from one that is not JSON.
pub(crate) fn parse_json(bytes: &[u8]) -> Result<Json, ImportError> {
    parse_json_up_to(bytes, MAX_FILE_BYTES)
}

/// [`parse_json`] for files that may be up to `max_bytes` long (backups).
pub(crate) fn parse_json_up_to(bytes: &[u8], max_bytes: usize) -> Result<Json, ImportError> {
    if bytes.len() > max_bytes {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotJson("không phải văn bản UTF-8".into()))?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let json = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::NotJson(format!("dòng {}, cột {}", e.line(), e.column())),
    })?;
    match super::canonical::duplicate_key(text) {
        Some(key) => Err(ImportError::DuplicateKey(key)),
        None => Ok(json),
    }
}

/// Check schema name and version, and the checksum of a parsed envelope.
pub(crate) fn check_envelope(file: &Json, schema: &str, known_version: u32) -> Result<u32, ImportError> {
    let name = file.get("schema").and_then(Json::as_str).unwrap_or("");
    if name != schema {
        return Err(ImportError::WrongSchema(if name.is_empty() {
            "không rõ".into()
        } else {
            name.chars().take(60).collect()
        }));
    }
    let version =
        file.get("schemaVersion").and_then(Json::as_u64).ok_or(ImportError::BadShape("thiếu schemaVersion".into()))?;
    let version = u32::try_from(version).map_err(|_| ImportError::NewerSchema(u32::MAX))?;
    if version > known_version {
        return Err(ImportError::NewerSchema(version));
    }
    let envelope = file.as_object().ok_or(ImportError::MissingChecksum)?;
    let stated = envelope.get("sha256").ok_or(ImportError::MissingChecksum)?;
    if stated.as_str() != Some(checksum_without(envelope, "sha256").as_str()) {
        return Err(ImportError::ChecksumMismatch);
    }
    Ok(version)
}

/// Bring an older envelope to the current layout.
///
/// Version 0 is the layout of the spec's first sketch (docs/domain.md §5.4): the
/// period type was named `type` instead of `period_type`, at the envelope
/// and in the report. Version 1 lacks what version 2 added (replaced
/// sentences, names in sentences, citation phrases, trích yếu and figure
/// options), all of which default to "as generated": its content reads
/// unchanged. A migrated report is stored, and exported again, as the
/// current version.
fn migrate(mut file: Json, from: u32) -> Json {
    if from == 0 {
        if let Some(period) = file.pointer_mut("/period") {
            rename_key(period, "type", "period_type");
        }
        if let Some(period) = file.pointer_mut("/report/period") {
            rename_key(period, "type", "period_type");
        }
    }
    if from < SCHEMA_VERSION {
        if let Some(report) = file.pointer_mut("/report").filter(|r| r.is_object()) {
            let stored = report.get("schema_version").and_then(Json::as_u64);
            if stored.is_none_or(|v| v < u64::from(crate::model::SCHEMA_VERSION)) {
                report["schema_version"] = Json::from(crate::model::SCHEMA_VERSION);
            }
        }
    }
    file
}

fn rename_key(obj: &mut Json, from: &str, to: &str) {
    if let Some(map) = obj.as_object_mut() {
        if let Some(v) = map.remove(from) {
            map.entry(to).or_insert(v);
        }
    }
}

/// Read one exported report file received at `now` (the receiver's clock:
/// a file dated after it is refused).
pub fn read_report_file(file: &str, bytes: &[u8], now: DateTime<Utc>) -> Result<Incoming, ImportError> {
    read_report_file_hashed(file, bytes, None, now)
}

/// [`read_report_file`], given the SHA-256 (hex) of
/// [`quick_checksum_content`] of `bytes` when it was computed elsewhere.
pub fn read_report_file_hashed(
    file: &str,
    bytes: &[u8],
    quick_sha256: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Incoming, ImportError> {
    let shortcut = quick_sha256.map_or(Shortcut::None, Shortcut::Stated);
    read_report_file_with(file, bytes, shortcut, now, false)
}

/// [`read_report_file`], given the [`QuickHash`] of `bytes` when the
/// browser computed one: the quick road then needs no scan of the text.
pub fn read_report_file_quick(
    file: &str,
    bytes: &[u8],
    quick: Option<&QuickHash>,
    now: DateTime<Utc>,
) -> Result<Incoming, ImportError> {
    read_report_file_with(file, bytes, quick.map_or(Shortcut::None, Shortcut::Vouched), now, false)
}

/// [`read_report_file`] for a file to keep: one whose outline this device
/// lacks passes every check that needs no outline, and comes back with
/// [`Incoming::outline_missing`] (to be stored read-only until the outline
/// arrives) instead of [`ImportError::UnknownTemplate`]. The outline is not
/// in the file: the level above issued it and sends it on its own.
pub fn read_report_file_keeping(file: &str, bytes: &[u8], now: DateTime<Utc>) -> Result<Incoming, ImportError> {
    read_report_file_with(file, bytes, Shortcut::None, now, true)
}

/// What the quick road is given of a file's checksum content.
#[derive(Clone, Copy)]
enum Shortcut<'a> {
    /// Nothing: the quick road computes the content and its hash itself.
    None,
    /// A hash computed elsewhere of [`quick_checksum_content`], which
    /// exists for any object: the text is still scanned for repeated members.
    Stated(&'a str),
    /// A hash of [`QuickContent`], which exists only for a text that names
    /// no member twice.
    Vouched(&'a QuickHash),
}

fn read_report_file_with(
    file: &str,
    bytes: &[u8],
    shortcut: Shortcut,
    now: DateTime<Utc>,
    keep_unknown_outline: bool,
) -> Result<Incoming, ImportError> {
    let incoming = match read_quickly(file, bytes, shortcut) {
        Some(incoming) => incoming,
        None => read_checked(file, bytes, keep_unknown_outline)?,
    };
    check_not_after(&incoming.report, now)?;
    Ok(incoming)
}

/// A received report is not dated after `now` (with a day of slack for a
/// sender's wrong time zone): a file "from 2099" would win every "most
/// recent" comparison, such as the choice between two files of one unit.
pub fn check_not_after(report: &Report, now: DateTime<Utc>) -> Result<(), ImportError> {
    let latest = now + chrono::Duration::hours(limits::FUTURE_SLACK_HOURS);
    for (path, t) in moments(report) {
        if t > latest {
            return Err(bad(path, format!("ghi thời điểm {} ở tương lai", crate::format::local_date_time(t, &Utc))));
        }
    }
    Ok(())
}

/// The moments a report records, with their names in a file.
fn moments(report: &Report) -> impl Iterator<Item = (&'static str, DateTime<Utc>)> {
    let all = [("created_at", Some(report.created_at)), ("updated_at", Some(report.updated_at))];
    all.into_iter().chain([("exported_at", report.exported_at)]).filter_map(|(path, t)| Some((path, t?)))
}

/// What the checksum of a file as this app exports it covers, to be hashed
/// elsewhere: the browser's own SHA-256 runs many times faster than wasm,
/// and off the main thread. `None` when the file is not in that form.
pub fn quick_checksum_content(bytes: &[u8]) -> Option<Vec<u8>> {
    super::canonical::compact_without(bytes, "sha256")
}

/// [`quick_checksum_content`] of a file whose objects all name their
/// members in ascending order, as this app exports them, and so never one
/// member twice. The one scan that copies the text for the checksum also
/// checks that order, so a file read with its [`QuickHash`] needs no
/// separate walk for repeated members (a merge reads 200 files at once).
#[derive(Debug)]
pub struct QuickContent(Vec<u8>);

impl QuickContent {
    /// The content of `bytes`; `None` when the file is not in the form
    /// this app exports (it then takes the careful road).
    pub fn of(bytes: &[u8]) -> Option<QuickContent> {
        super::canonical::compact_sorted_without(bytes, "sha256").map(QuickContent)
    }

    /// The bytes to hash.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// What stands for this content once its bytes have gone to a hasher
    /// (the browser's copies them) and are dropped.
    pub fn receipt(&self) -> QuickReceipt {
        QuickReceipt(())
    }
}

/// Proof that a [`QuickContent`] was made, kept while its hash is computed.
#[derive(Clone, Copy, Debug)]
pub struct QuickReceipt(());

impl QuickReceipt {
    /// The SHA-256 (lower-case hex) of the content this receipt stands for.
    pub fn hashed(self, sha256_hex: String) -> QuickHash {
        QuickHash(sha256_hex)
    }
}

/// The SHA-256 (hex) of a file's [`QuickContent`], computed elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub struct QuickHash(String);

impl QuickHash {
    /// The hash of `content`, computed here (natively, or when the browser
    /// cannot).
    pub fn of(content: &QuickContent) -> QuickHash {
        QuickHash(super::export::sha256_hex(content.bytes()))
    }
}

/// The careful road: every check in order, the first failure reported.
fn read_checked(file: &str, bytes: &[u8], keep_unknown_outline: bool) -> Result<Incoming, ImportError> {
    let json = parse_json(bytes)?;
    let version = check_envelope(&json, SCHEMA_NAME, SCHEMA_VERSION)?;
    let mut json = migrate(json, version);
    let report_json = json
        .as_object_mut()
        .and_then(|o| o.remove("report"))
        .ok_or(ImportError::BadShape("thiếu phần report".into()))?;
    let report: Report = serde_json::from_value(report_json).map_err(|e| ImportError::BadShape(explain_serde(&e)))?;
    if report.schema_version > crate::model::SCHEMA_VERSION {
        return Err(ImportError::NewerSchema(report.schema_version));
    }
    let outline_missing = match check_report(&report) {
        Err(ImportError::UnknownTemplate(..)) if keep_unknown_outline => {
            check_report_without_outline(&report)?;
            true
        }
        checked => checked.map(|()| false)?,
    };
    if json.get("reportId").and_then(Json::as_str) != Some(report.id.as_str()) {
        return Err(ImportError::BadShape("mã báo cáo ở đầu tệp khác mã bên trong".into()));
    }
    let migrated_from = (version < SCHEMA_VERSION).then_some(version);
    Ok(Incoming { file: file.to_string(), report, migrated_from, outline_missing })
}

/// The quick road for a current-version file exactly as this app exports
/// it: the report is parsed straight into its type and the checksum taken
/// over the file's own text (see `canonical`), with no JSON tree in
/// between. It accepts a file only when the careful road would accept it
/// with the same result: a matching checksum proves the text is the one
/// the exporter hashed. Anything else (`None`) takes the careful road,
/// which also says what is wrong.
fn read_quickly(file: &str, bytes: &[u8], shortcut: Shortcut) -> Option<Incoming> {
    #[derive(serde::Deserialize)]
    struct Exported<'a> {
        schema: &'a str,
        #[serde(rename = "schemaVersion")]
        schema_version: u32,
        sha256: &'a str,
        #[serde(rename = "reportId")]
        report_id: &'a str,
        report: Report,
    }
    if bytes.len() > MAX_FILE_BYTES {
        return None;
    }
    // UTF-8 checked once for the whole text: parsing from `&str`, the
    // parse does not check it again string by string.
    let text = std::str::from_utf8(bytes).ok()?;
    // Repeated members are refused before the parse (a JSON tree keeps
    // the last value only): a vouched hash or the content computed here
    // proves there are none.
    let actual = match shortcut {
        Shortcut::Vouched(hash) => hash.0.clone(),
        Shortcut::Stated(hash) => {
            if super::canonical::duplicate_key(text).is_some() {
                return None;
            }
            hash.to_string()
        }
        Shortcut::None => QuickHash::of(&QuickContent::of(bytes)?).0,
    };
    let exported: Exported = serde_json::from_str(text).ok()?;
    if exported.schema != SCHEMA_NAME || exported.schema_version != SCHEMA_VERSION || actual != exported.sha256 {
        return None;
    }
    let report = exported.report;
    if report.schema_version > crate::model::SCHEMA_VERSION
        || report.id != exported.report_id
        || check_report(&report).is_err()
    {
        return None;
    }
    Some(Incoming { file: file.to_string(), report, migrated_from: None, outline_missing: false })
}

/// A serde error in Vietnamese, naming the field or value when it can.
pub(crate) fn explain_serde(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let quoted = |prefix: &str| {
        text.split_once(prefix)
            .and_then(|(_, rest)| rest.split('`').next())
            .map(|s| s.chars().take(40).collect::<String>())
    };
    if let Some(field) = quoted("missing field `") {
        format!("thiếu trường «{field}»")
    } else if let Some(value) = quoted("unknown variant `") {
        format!("giá trị «{value}» không có trong danh mục cho phép")
    } else if text.contains("invalid type") {
        "một trường có kiểu dữ liệu sai (ví dụ chữ thay cho số)".into()
    } else if text.contains("out of range")
        || text.contains("premature end")
        || text.contains("input contains invalid characters")
    {
        "có ngày tháng không hợp lệ".into()
    } else {
        "một trường có giá trị không hợp lệ".into()
    }
}

fn date_out_of_range(d: chrono::NaiveDate) -> String {
    let (first, last) = (limits::DATE_YEARS.start(), limits::DATE_YEARS.end());
    format!("ngày {} nằm ngoài các năm {first}–{last}", crate::model::iso_date(d))
}

fn bad(path: impl Into<String>, why: impl Into<String>) -> ImportError {
    ImportError::BadValue { path: path.into(), why: why.into() }
}

fn check_text(path: &str, text: &str) -> Result<(), ImportError> {
    text_problem(text).map_or(Ok(()), |why| Err(bad(path, why)))
}

// The checks below say what is wrong and leave naming the place to the
// caller, which builds the path (e.g. "hoi_quan_ds.12.ten") only then:
// merging 200 files checks some 100 000 values.

fn text_problem(text: &str) -> Option<String> {
    // Bytes ≥ characters: only a long text needs counting.
    (text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS)
        .then(|| format!("văn bản dài quá {MAX_TEXT_CHARS} ký tự"))
}

fn value_problem(ty: &FieldType, value: &Value) -> Option<String> {
    match (ty, value) {
        // What a cadre typed that is not a number yet (see `model::limits`).
        (t, Value::Unparsed(s)) if t.is_numeric() || matches!(t, FieldType::Date) => {
            let max = limits::MAX_UNPARSED_CHARS;
            (s.chars().count() > max).then(|| format!("chữ gõ dở dài quá {max} ký tự"))
        }
        (_, Value::Unparsed(_)) => Some("chỉ ô số hoặc ô ngày mới giữ chữ gõ dở".into()),
        // In a text field an ISO-looking text reads back as a date: only a
        // date field's dates are dates.
        (FieldType::Date, Value::Date(d)) if !limits::DATE_YEARS.contains(&d.year()) => Some(date_out_of_range(*d)),
        (t, Value::Int(n)) if t.is_numeric() => {
            if *n < 0 {
                Some(format!("số âm ({n})"))
            } else if *n > MAX_NUMBER {
                Some("số quá lớn".into())
            } else {
                None
            }
        }
        (t, Value::Text(s)) if t.is_numeric() => {
            Some(format!("cần một số, tệp ghi «{}»", s.chars().take(40).collect::<String>()))
        }
        (t, _) if t.is_numeric() => Some("cần một số".into()),
        (FieldType::Enum(options), Value::Text(s)) if !s.is_empty() && !options.iter().any(|o| &o.value == s) => {
            Some(format!("«{}» không có trong danh mục lựa chọn", s.chars().take(40).collect::<String>()))
        }
        (_, Value::Text(s)) => text_problem(s),
        (_, Value::Int(_)) => Some("cần văn bản, tệp ghi một số".into()),
        (_, Value::Date(_)) => None,
    }
}

/// What is wrong with `value` whatever field holds it (its outline unknown).
fn any_value_problem(value: &Value) -> Option<String> {
    match value {
        Value::Unparsed(s) => {
            let max = limits::MAX_UNPARSED_CHARS;
            (s.chars().count() > max).then(|| format!("chữ gõ dở dài quá {max} ký tự"))
        }
        Value::Date(d) => (!limits::DATE_YEARS.contains(&d.year())).then(|| date_out_of_range(*d)),
        Value::Int(n) if *n < 0 => Some(format!("số âm ({n})")),
        Value::Int(n) if *n > MAX_NUMBER => Some("số quá lớn".into()),
        Value::Int(_) => None,
        Value::Text(s) => text_problem(s),
    }
}

/// The rows of a list whose outline is unknown: bounded, each cell a value.
fn check_rows_without_outline(list_key: &str, rows: &[crate::model::Row]) -> Result<(), ImportError> {
    if rows.len() > MAX_LIST_ROWS {
        return Err(bad(list_key, format!("quá {MAX_LIST_ROWS} dòng")));
    }
    for (i, row) in rows.iter().enumerate() {
        for (col, value) in row {
            let why = if col.chars().count() > limits::MAX_UNPARSED_CHARS {
                Some("tên cột quá dài".into())
            } else {
                any_value_problem(value)
            };
            if let Some(why) = why {
                return Err(bad(FieldPath::cell(list_key, i, col).to_string(), why));
            }
        }
    }
    Ok(())
}

/// Every value of `report` has the type and range its template declares.
pub fn check_report(report: &Report) -> Result<(), ImportError> {
    // The report's outline on this device; without it, the built-in one of
    // its kind, which accepts only its own older versions (below).
    let template = Template::for_report(report);
    if template.kind != report.kind {
        return Err(bad(
            "kind",
            format!("loại báo cáo {} không khớp đề cương {}", report.kind.code(), template.kind.code()),
        ));
    }
    if report.template.id != template.id || report.template.version > template.version || report.template.version == 0 {
        return Err(ImportError::UnknownTemplate(
            report.template.id.chars().take(40).collect(),
            report.template.version,
        ));
    }
    check_content(report, Some(template))
}

/// Every check of [`check_report`] that needs no outline, for a report whose
/// outline this device lacks: ids, dates, sizes and lengths, and each value
/// a number in range, a text of bounded length or a date. What the outline
/// says of each key is checked when the draft is opened with its outline.
pub fn check_report_without_outline(report: &Report) -> Result<(), ImportError> {
    check_content(report, None)
}

fn check_content(report: &Report, template: Option<&Template>) -> Result<(), ImportError> {
    let is_hash = |h: &str| h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if report.template.hash.as_deref().is_some_and(|h| !is_hash(h)) {
        return Err(bad("template.hash", "mã băm đề cương không hợp lệ"));
    }
    if report.id.is_empty() || report.id.len() > 64 || !report.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(bad("reportId", "mã báo cáo không hợp lệ"));
    }
    if !limits::PERIOD_YEARS.contains(&report.period.year) {
        let (first, last) = (limits::PERIOD_YEARS.start(), limits::PERIOD_YEARS.end());
        return Err(bad("period.year", format!("năm {} nằm ngoài {first}–{last}", report.period.year)));
    }
    for (path, t) in moments(report) {
        if !limits::MOMENT_YEARS.contains(&t.year()) {
            let (first, last) = (limits::MOMENT_YEARS.start(), limits::MOMENT_YEARS.end());
            return Err(bad(path, format!("thời điểm nằm ngoài các năm {first}–{last}")));
        }
    }
    let dates = [
        (ReportField::PeriodFrom, report.period.from),
        (ReportField::PeriodTo, report.period.to),
        (ReportField::HeaderDueDate, report.header.due_date),
    ];
    let citations =
        report.can_cu.iter().enumerate().map(|(i, c)| (FieldPath::cell(RecordList::CanCu.key(), i, "ngay"), c.ngay));
    for (path, date) in dates.into_iter().map(|(p, d)| (FieldPath::Report(p), d)).chain(citations) {
        if let Some(d) = date.filter(|d| !limits::DATE_YEARS.contains(&d.year())) {
            return Err(bad(path.to_string(), date_out_of_range(d)));
        }
    }
    let same_version = template.is_some_and(|t| report.template.version == t.version);
    let path_of: [fn(&str) -> FieldPath; 2] = [FieldPath::key, FieldPath::cung_ky];
    let values = report.values.iter().map(|(k, v)| (path_of[0], k, v));
    let cung_ky = report.cung_ky.iter().map(|(k, v)| (path_of[1], k, v));
    for (path_of, key, value) in values.chain(cung_ky) {
        let why = match template.map(|t| t.indicator(key)) {
            Some(Some(found)) => value_problem(&found.indicator.ty, value),
            Some(None) if same_version => Some("chỉ tiêu không có trong đề cương".into()),
            Some(None) => None,
            None => any_value_problem(value),
        };
        if let Some(why) = why {
            return Err(bad(path_of(key).to_string(), why));
        }
    }
    for (key, q) in &report.qualifiers {
        if !limits::QUALIFIERS.contains(&q.as_str()) {
            return Err(bad(format!("qualifiers.{key}"), "từ chỉ mức độ chỉ được là hơn, trên, khoảng hoặc gần"));
        }
    }
    let h = &report.header;
    let bad_day = h.day.is_some_and(|d| !limits::ISSUE_DAYS.contains(&d));
    if bad_day || h.month.is_some_and(|m| !limits::ISSUE_MONTHS.contains(&m)) {
        return Err(bad("header", "ngày hoặc tháng ban hành không hợp lệ"));
    }
    if h.year.is_some_and(|y| !limits::ISSUE_YEARS.contains(&y)) {
        return Err(bad("header.year", "năm ban hành không hợp lệ"));
    }
    if h.number.as_ref().is_some_and(|n| n.chars().count() > limits::MAX_DOC_NUMBER_CHARS) {
        return Err(bad("header.number", "số văn bản quá dài"));
    }
    let narratives = template.map(Template::narrative_keys).unwrap_or_default();
    for (key, text) in &report.texts {
        if same_version && !narratives.contains(key) {
            return Err(bad(key, "mục viết không có trong đề cương"));
        }
        check_text(key, text)?;
    }
    check_marks(template, report, same_version)?;
    for (list_key, rows) in &report.lists {
        let Some(template) = template else {
            check_rows_without_outline(list_key, rows)?;
            continue;
        };
        let Some(list) = template.list(list_key) else {
            if same_version {
                return Err(bad(list_key, "danh sách không có trong đề cương"));
            }
            continue;
        };
        if rows.len() > MAX_LIST_ROWS {
            return Err(bad(list_key, format!("quá {MAX_LIST_ROWS} dòng")));
        }
        for (i, row) in rows.iter().enumerate() {
            for (col, value) in row {
                let why = match list.columns.iter().find(|c| &c.key == col) {
                    Some(column) => value_problem(&column.ty, value),
                    None => Some("cột không có trong danh sách".into()),
                };
                if let Some(why) = why {
                    return Err(bad(FieldPath::cell(list_key, i, col).to_string(), why));
                }
            }
        }
    }
    let u = &report.unit;
    let mut strings = vec![
        &report.name,
        &u.code,
        &u.name,
        &u.party_upper,
        &u.place,
        &report.signature.ho_ten,
        &report.signature.quyen_han,
        &report.signature.chuc_vu,
    ];
    strings.extend(u.state_upper.iter());
    for issuer in [&u.dang, &u.cq] {
        strings.extend([
            &issuer.issuer,
            &issuer.symbol,
            &issuer.signer.quyen_han,
            &issuer.signer.chuc_vu,
            &issuer.signer.ho_ten,
            &issuer.sentence_name,
        ]);
        strings.extend(issuer.recipients.iter());
    }
    for c in &report.can_cu {
        strings.extend([&c.loai, &c.so_ky_hieu, &c.co_quan, &c.trich_yeu, &c.phrase]);
    }
    for s in strings {
        check_text("thông tin chung", s)?;
    }
    for (i, r) in report.recipients.iter().enumerate() {
        check_text(&format!("recipients.{i}"), r)?;
    }
    for (i, f) in report.footnotes.iter().enumerate() {
        check_text(&format!("footnotes.{i}"), &f.text)?;
    }
    if report.sentences.len() > limits::MAX_SENTENCES {
        return Err(bad("sentences", format!("quá {} câu đã sửa", limits::MAX_SENTENCES)));
    }
    for (id, o) in &report.sentences {
        if !limits::sentence_id(id) {
            return Err(bad("sentences", format!("mã câu «{}» không hợp lệ", id.chars().take(40).collect::<String>())));
        }
        check_text(&format!("sentences.{id}"), &o.text)?;
        check_text(&format!("sentences.{id}"), &o.written_against)?;
    }
    for node in report.options.figures_by_node.keys() {
        if same_version && template.is_some_and(|t| t.node(node).is_none()) {
            return Err(bad(format!("options.figures_by_node.{node}"), "mục không có trong đề cương"));
        }
    }
    if report.recipients.len() > 500 || report.footnotes.len() > 2_000 || report.can_cu.len() > 500 {
        return Err(bad("thông tin chung", "quá nhiều dòng"));
    }
    Ok(())
}

/// The "Không phát sinh trong kỳ" and "Không theo dõi" marks: known node ids
/// and value keys (for a file of this template version), bounded counts, and
/// sentences checked like every stored text.
fn check_marks(template: Option<&Template>, report: &Report, same_version: bool) -> Result<(), ImportError> {
    for (field, marks) in [("none_in_period", &report.none_in_period), ("not_tracked", &report.not_tracked)] {
        if marks.len() > limits::MAX_MARKS {
            return Err(bad(field, "quá nhiều mục được đánh dấu"));
        }
        for (key, sentence) in marks {
            let known = template.is_none_or(|t| match field {
                "none_in_period" => t.node(key).is_some(),
                _ => t.indicator(key).is_some(),
            });
            if same_version && !known {
                let why = match field {
                    "none_in_period" => "mục không có trong đề cương",
                    _ => "chỉ tiêu không có trong đề cương",
                };
                return Err(bad(format!("{field}.{key}"), why));
            }
            if key.chars().count() > limits::MAX_UNPARSED_CHARS {
                return Err(bad(field, "khóa quá dài"));
            }
            check_text(&format!("{field}.{key}"), sentence)?;
        }
    }
    Ok(())
}

/// The quick road as [`read_report_file_hashed`] takes it.
#[cfg(test)]
fn read_as_exported(file: &str, bytes: &[u8], quick_sha256: Option<&str>) -> Option<Incoming> {
    read_quickly(file, bytes, quick_sha256.map_or(Shortcut::None, Shortcut::Stated))
}

#[cfg(test)]
mod tests;

/// The `schema` member of a JSON file, to route report files and backups.
pub fn schema_of(bytes: &[u8]) -> Option<String> {
    let json = parse_json(bytes).ok()?;
    json.get("schema")?.as_str().map(str::to_string)
}
