//! Built-in rules that are not formulas: E01 value types, E08 dates, E09
//! signature, W03 tiếp dân định kỳ, W04 money magnitude, W05 outliers.

use super::computed::Side;
use super::env::MAX_VALUE;
use super::{fmt, Delta, Exact, Issue};
use crate::format::Rational;
use crate::model::{FieldPath, Kind, PeriodType, Report, ReportField, Value};
use crate::template::{FieldType, Level, Template};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Why a raw value does not fit its type, in Vietnamese; None when it fits.
fn type_problem(ty: &FieldType, v: &Value) -> Option<String> {
    if v.is_blank() {
        return None;
    }
    match ty {
        FieldType::Int | FieldType::Money | FieldType::Dec(_) => match v {
            Value::Int(n) if *n < 0 => Some(format!("không được âm ({})", fmt::int(*n))),
            Value::Int(n) if n.unsigned_abs() > MAX_VALUE as u64 => Some("có giá trị quá lớn".into()),
            Value::Int(_) => None,
            Value::Text(s) | Value::Unparsed(s) => Some(format!("“{}” không phải là số nguyên", s.trim())),
            Value::Date(_) => Some("là ngày tháng, không phải là số".into()),
        },
        FieldType::Date => match v.as_date() {
            Some(_) => None,
            None => Some("không phải là ngày hợp lệ".into()),
        },
        FieldType::Enum(opts) => match v {
            Value::Text(s) if opts.iter().any(|o| o.value == *s) => None,
            other => Some(format!(
                "“{}” không có trong danh sách lựa chọn",
                other.as_text().unwrap_or_else(|| other.as_int().map(fmt::int).unwrap_or_default())
            )),
        },
        FieldType::Text => None,
    }
}

/// One side of a report's values: the values, the path of one, the message prefix.
type ValueSide<'a> = (&'a BTreeMap<String, Value>, fn(&str) -> FieldPath, &'static str);

/// E01: numbers are non-negative integers of sane size, dates are dates, ENUM
/// values are options, and rates are never typed by hand.
pub(crate) fn e01_values(template: &Template, report: &Report, issues: &mut Vec<Issue>) {
    let sides: [ValueSide; 2] =
        [(&report.values, FieldPath::key, ""), (&report.cung_ky, FieldPath::cung_ky, "Cùng kỳ: ")];
    for (values, path_of, msg_prefix) in sides {
        for (key, v) in values {
            if let Some(ind) = template.indicator(key) {
                if let Some(p) = type_problem(&ind.indicator.ty, v) {
                    issues.push(Issue::new(
                        "E01",
                        Level::Error,
                        vec![path_of(key)],
                        format!("{msg_prefix}{} {p}", ind.full_label()),
                        Some(ind.node_id),
                    ));
                }
            } else if let Some(i) = template.index.computed_keys.get(key) {
                let c = &template.index.computed[*i];
                if c.display.is_rate() && !v.is_blank() {
                    issues.push(Issue::new(
                        "E01",
                        Level::Error,
                        vec![path_of(key)],
                        format!("{msg_prefix}{} được tính tự động, không nhập tay", c.label),
                        Some(&c.node_id),
                    ));
                }
            }
        }
    }
    for (list, rows) in &report.lists {
        let Some(def) = template.list(list) else { continue };
        for (i, row) in rows.iter().enumerate() {
            for (col, v) in row {
                let Some(c) = def.columns.iter().find(|c| &c.key == col) else { continue };
                if let Some(p) = type_problem(&c.ty, v) {
                    issues.push(Issue::new(
                        "E01",
                        Level::Error,
                        vec![FieldPath::cell(list, i, col)],
                        format!("{}, dòng {}: {} {p}", def.label, fmt::int(i as i64 + 1), c.label),
                        template.index.lists.get(list).map(|(n, _)| n.as_str()),
                    ));
                }
            }
        }
    }
}

/// E08: the period is coherent and every date entered falls inside it
/// (tolerated up to the report date).
pub(crate) fn e08_dates(template: &Template, report: &Report, issues: &mut Vec<Issue>) {
    let (from, to) = report.period.effective_bounds();
    let (Some(from), Some(to)) = (from, to) else { return };
    if from > to {
        issues.push(Issue::new(
            "E08",
            Level::Error,
            vec![ReportField::PeriodFrom.into(), ReportField::PeriodTo.into()],
            format!(
                "Thời gian kỳ báo cáo không hợp lệ: từ {} đến {}",
                crate::format::short_date(from),
                crate::format::short_date(to)
            ),
            None,
        ));
        return;
    }
    let year = report.period.year;
    let earliest = NaiveDate::from_ymd_opt(year - 1, 12, 1);
    let latest = NaiveDate::from_ymd_opt(year, 12, 31);
    if earliest.is_some_and(|e| from < e) || latest.is_some_and(|l| to > l) {
        issues.push(Issue::new(
            "E08",
            Level::Error,
            vec![ReportField::PeriodFrom.into(), ReportField::PeriodTo.into()],
            format!(
                "Thời gian kỳ báo cáo (từ {} đến {}) không thuộc năm {}",
                crate::format::short_date(from),
                crate::format::short_date(to),
                year
            ),
            None,
        ));
    }
    let report_date = report.header.date();
    if let Some(d) = report_date {
        if d < from {
            issues.push(Issue::new(
                "E08",
                Level::Error,
                vec![ReportField::HeaderDay.into(), ReportField::HeaderMonth.into(), ReportField::HeaderYear.into()],
                format!(
                    "Ngày báo cáo {} trước ngày bắt đầu kỳ báo cáo {}",
                    crate::format::short_date(d),
                    crate::format::short_date(from)
                ),
                None,
            ));
        }
    }
    let limit = report_date.map_or(to, |d| d.max(to));
    let mut check = |path: FieldPath, label: String, d: NaiveDate, node: Option<&str>| {
        if d < from || d > limit {
            issues.push(Issue::new(
                "E08",
                Level::Error,
                vec![path],
                format!(
                    "{label}: ngày {} nằm ngoài kỳ báo cáo (từ {} đến {})",
                    crate::format::short_date(d),
                    crate::format::short_date(from),
                    crate::format::short_date(limit)
                ),
                node,
            ));
        }
    };
    for (key, v) in &report.values {
        if let Some(ind) = template.indicator(key) {
            if ind.indicator.ty == FieldType::Date {
                if let Some(d) = v.as_date() {
                    check(FieldPath::key(key), ind.full_label(), d, Some(ind.node_id));
                }
            }
        }
    }
    for (list, rows) in &report.lists {
        let Some((node_id, def)) = template.index.lists.get(list) else { continue };
        for c in def.columns.iter().filter(|c| c.ty == FieldType::Date) {
            for (i, row) in rows.iter().enumerate() {
                if let Some(d) = row.get(&c.key).and_then(|v| v.as_date()) {
                    check(
                        FieldPath::cell(list, i, &c.key),
                        format!("{}, dòng {}: {}", def.label, fmt::int(i as i64 + 1), c.label),
                        d,
                        Some(node_id),
                    );
                }
            }
        }
    }
}

/// E09: a report to sign has a signer: chức vụ and họ tên are filled in, and
/// the quyền hạn line is there with a prefix that fits the kind.
pub(crate) fn e09_signature(report: &Report, issues: &mut Vec<Issue>) {
    let signer = [
        (
            &report.signature.chuc_vu,
            ReportField::SignatureChucVu,
            "Chưa nhập chức vụ của người ký (ví dụ: CHỦ TỊCH, BÍ THƯ)",
        ),
        (&report.signature.ho_ten, ReportField::SignatureHoTen, "Chưa nhập họ tên người ký"),
    ];
    for (value, field, message) in signer {
        if value.trim().is_empty() {
            issues.push(Issue::new("E09", Level::Error, vec![field.into()], message.into(), None));
        }
    }
    let q = report.signature.quyen_han.trim();
    let allowed: &[&str] = match report.kind {
        Kind::Dang => &["T/M", "T/L"],
        Kind::Cq => &["TM.", "KT.", "TL.", "TUQ.", "Q."],
    };
    let first = q.split_whitespace().next().unwrap_or("");
    if allowed.contains(&first) {
        return;
    }
    let list = allowed.join(", ");
    let message = if q.is_empty() {
        format!("Chưa nhập dòng quyền hạn ký (bắt đầu bằng {list})")
    } else if report.kind == Kind::Dang && first == "K/T" {
        format!("Văn bản của cấp ủy không ký thay (K/T); dòng quyền hạn “{q}” phải bắt đầu bằng {list}")
    } else {
        format!("Dòng quyền hạn ký “{q}” không đúng thể thức; phải bắt đầu bằng {list}")
    };
    issues.push(Issue::new("E09", Level::Error, vec![ReportField::SignatureQuyenHan.into()], message, None));
}

/// Nominal number of weeks in a period (Q 13, H1 26, M9 39, Y 52), or from the dates.
fn weeks(report: &Report) -> i64 {
    if let (Some(f), Some(t)) = (report.period.from, report.period.to) {
        let days = (t - f).num_days() + 1;
        if days > 0 {
            return days / 7;
        }
    }
    match report.period.period_type {
        PeriodType::Q1 | PeriodType::Q2 | PeriodType::Q3 | PeriodType::Q4 => 13,
        PeriodType::H1 => 26,
        PeriodType::M9 => 39,
        PeriodType::Y => 52,
    }
}

/// W03: Chủ tịch UBND cấp xã tiếp công dân at least one day a week (Luật Tiếp công dân 2013, Điều 15).
pub(crate) fn w03_tiep_dan(template: &Template, report: &Report, issues: &mut Vec<Issue>) {
    let key = "tcd_dinh_ky_luot";
    let Some(ind) = template.indicator(key) else { return };
    let Some(n) = report.value(key).and_then(Value::as_int) else { return };
    let w = weeks(report);
    if n >= 0 && n < w {
        issues.push(Issue::new(
            "W03",
            Level::Warning,
            vec![FieldPath::key(key)],
            format!(
                "{} là {} lượt, ít hơn số tuần trong kỳ ({}); Luật Tiếp công dân 2013 (Điều 15) quy định Chủ tịch UBND cấp xã tiếp công dân ít nhất 01 ngày mỗi tuần",
                ind.indicator.label,
                fmt::int(n),
                fmt::int(w)
            ),
            Some(ind.node_id),
        ));
    }
}

/// W04: money amounts that look entered in the wrong unit (under 1.000 đồng,
/// or an implausible amount per unit where the template gives bounds).
pub(crate) fn w04_money(template: &Template, report: &Report, issues: &mut Vec<Issue>) {
    let mut flag = |path: FieldPath, label: String, node: &str, detail: String| {
        issues.push(Issue::new("W04", Level::Warning, vec![path], format!("{label}: {detail}"), Some(node)));
    };
    let small = |n: i64| {
        format!("chỉ {}, có thể đã nhập theo nghìn, triệu hoặc tỷ đồng; hãy nhập số đồng đầy đủ", fmt::money_exact(n))
    };
    let per_unit = |amount: i64, count: i64, min: i64, max: i64, unit: &str| -> Option<String> {
        if amount <= 0 || count <= 0 {
            return None;
        }
        let avg = amount / count;
        (avg < min || avg > max).then(|| {
            format!(
                "bình quân {} cho mỗi {unit}, ngoài khoảng thường gặp ({} – {}); kiểm tra lại đơn vị",
                fmt::money(avg),
                fmt::money(min),
                fmt::money(max)
            )
        })
    };
    for (key, v) in &report.values {
        let Some(ind) = template.indicator(key) else { continue };
        if ind.indicator.ty != FieldType::Money {
            continue;
        }
        let Some(n) = v.as_int() else { continue };
        if n > 0 && n < 1000 {
            flag(FieldPath::key(key), ind.full_label(), ind.node_id, small(n));
            continue;
        }
        if let Some(p) = &ind.indicator.per {
            let unit = template.indicator(&p.key).map(|c| c.indicator.unit.clone()).unwrap_or_default();
            if let Some(count) = report.value(&p.key).and_then(Value::as_int) {
                if let Some(d) = per_unit(n, count, p.min, p.max, &unit) {
                    flag(FieldPath::key(key), ind.full_label(), ind.node_id, d);
                }
            }
        }
    }
    for (list, rows) in &report.lists {
        let Some((node_id, def)) = template.index.lists.get(list) else { continue };
        for c in def.columns.iter().filter(|c| c.ty == FieldType::Money) {
            for (i, row) in rows.iter().enumerate() {
                let Some(n) = row.get(&c.key).and_then(Value::as_int) else { continue };
                let label = format!("{}, dòng {}: {}", def.label, fmt::int(i as i64 + 1), c.label);
                let path = FieldPath::cell(list, i, &c.key);
                if n > 0 && n < 1000 {
                    flag(path, label, node_id, small(n));
                } else if let Some(p) = &c.per {
                    let unit =
                        def.columns.iter().find(|x| x.key == p.key).and_then(|x| x.unit.clone()).unwrap_or_default();
                    if let Some(count) = row.get(&p.key).and_then(Value::as_int) {
                        if let Some(d) = per_unit(n, count, p.min, p.max, &unit) {
                            flag(path, label, node_id, d);
                        }
                    }
                }
            }
        }
    }
}

/// W05: %KH above 300%, or a count more than 5 times (or under a fifth of) cùng kỳ.
pub(crate) fn w05_outliers(template: &Template, cur: &Side, deltas: &BTreeMap<String, Delta>, issues: &mut Vec<Issue>) {
    let three = Rational::from_integer(3);
    for inst in &template.index.computed {
        if !matches!(inst.display, crate::template::Display::Plan | crate::template::Display::Quota) {
            continue;
        }
        if let Some(r) = cur.exact.get(&inst.key) {
            if *r > three {
                issues.push(Issue::new(
                    "W05",
                    Level::Warning,
                    vec![FieldPath::key(&inst.key)],
                    format!(
                        "{} {}, trên 300%: kiểm tra lại số liệu",
                        inst.label,
                        cur.out.get(&inst.key).map(|c| c.display.clone()).unwrap_or_default()
                    ),
                    Some(&inst.node_id),
                ));
            }
        }
    }
    for (key, d) in deltas {
        let (Exact::Int { value: c }, Exact::Int { value: p }) = (&d.current, &d.previous) else { continue };
        let (c, p) = (*c, *p);
        if c <= 0 || p <= 0 || c.max(p) < 10 {
            continue;
        }
        let (Some(c5), Some(p5)) = (c.checked_mul(5), p.checked_mul(5)) else { continue };
        if c > p5 || p > c5 {
            let Some(ind) = template.indicator(key) else { continue };
            let how = if c > p { "gấp hơn 5 lần" } else { "chưa bằng 1/5" };
            issues.push(Issue::new(
                "W05",
                Level::Warning,
                vec![FieldPath::key(key), FieldPath::cung_ky(key)],
                format!("{} ({}) {how} cùng kỳ ({}): kiểm tra lại số liệu", ind.full_label(), fmt::int(c), fmt::int(p)),
                Some(ind.node_id),
            ));
        }
    }
}
