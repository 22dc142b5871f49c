//! Header lines (docs/domain.md §4.2 CQ, §4.3 DANG), the number line, and Nơi nhận
//! punctuation (§4.7).

use super::{Header, HeaderLine, HeaderRole};
use crate::format;
use crate::model::{Kind, Report};

/// Non-breaking spaces left for the văn thư to write the number by hand.
const BLANK_NUMBER_CQ: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";
const BLANK_NUMBER_DANG: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

fn line(text: impl Into<String>, role: HeaderRole, rule_below: bool) -> HeaderLine {
    HeaderLine { text: text.into(), role, rule_below }
}

/// The issuing body for a kind, from the unit profile, with a default.
pub(crate) fn issuer(report: &Report) -> String {
    let p = report.unit.issuer(report.kind);
    let given = format::nfc(p.issuer.trim());
    if !given.is_empty() {
        return format::uppercase(&given);
    }
    let unit = format::uppercase(&format::nfc(report.unit.name.trim()));
    match report.kind {
        Kind::Cq => format!("ỦY BAN NHÂN DÂN {unit}").trim().to_string(),
        Kind::Dang => format!("ĐẢNG ỦY {unit}").trim().to_string(),
    }
}

/// The document symbol after the number, with a default ("BC-UBND", "BC/ĐU").
pub(crate) fn symbol(report: &Report) -> String {
    let given = format::nfc(report.unit.issuer(report.kind).symbol.trim());
    if !given.is_empty() {
        return given;
    }
    match report.kind {
        Kind::Cq => "BC-UBND".into(),
        Kind::Dang => "BC/ĐU".into(),
    }
}

/// Issuer split into printed lines: an explicit line break is kept, and
/// "ỦY BAN NHÂN DÂN PHƯỜNG 1" prints as "ỦY BAN NHÂN DÂN" / "PHƯỜNG 1" (NĐ 30 sample).
fn issuer_lines(issuer: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in issuer.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match part.strip_prefix("ỦY BAN NHÂN DÂN ") {
            Some(rest) if !rest.trim().is_empty() => {
                out.push("ỦY BAN NHÂN DÂN".to_string());
                out.push(rest.trim().to_string());
            }
            _ => out.push(part.to_string()),
        }
    }
    out
}

/// The number as typed, padded to two digits for CQ (NĐ 30: "05"); None when blank.
fn number_text(kind: Kind, number: Option<&str>) -> Option<String> {
    let n = number.map(str::trim).filter(|n| !n.is_empty())?;
    if kind == Kind::Cq && n.len() == 1 && n.chars().all(|c| c.is_ascii_digit()) {
        return Some(format!("0{n}"));
    }
    Some(format::nfc(n))
}

/// The number line: CQ "Số: 15/BC-UBND" (colon, slash), DANG "Số 15-BC/ĐU"
/// (no colon, hyphen). A blank number leaves non-breaking spaces for the văn
/// thư: "Số:      /BC-UBND", "Số     -BC/ĐU".
pub fn number_line(kind: Kind, number: Option<&str>, symbol: &str) -> String {
    match kind {
        Kind::Cq => format!("Số: {}", number_with_symbol(kind, number, symbol)),
        Kind::Dang => format!("Số {}", number_with_symbol(kind, number, symbol)),
    }
}

/// "15/BC-UBND" / "15-BC/ĐU", blank number as non-breaking spaces.
fn number_with_symbol(kind: Kind, number: Option<&str>, symbol: &str) -> String {
    match (kind, number_text(kind, number)) {
        (Kind::Cq, Some(n)) => format!("{n}/{symbol}"),
        (Kind::Cq, None) => format!("{BLANK_NUMBER_CQ}/{symbol}"),
        (Kind::Dang, Some(n)) => format!("{n}-{symbol}"),
        (Kind::Dang, None) => format!("{BLANK_NUMBER_DANG}-{symbol}"),
    }
}

/// Number and symbol of this report as cited in the appendix heading.
pub(crate) fn number_only(report: &Report) -> String {
    number_with_symbol(report.kind, report.header.number.as_deref(), &symbol(report))
}

/// The year of issue: the header's, else the period's.
pub(crate) fn issue_year(report: &Report) -> i32 {
    report.header.year.unwrap_or(report.period.year)
}

/// The header table of a report; `blank` leaves number and date empty.
pub(crate) fn header(report: &Report, blank: bool) -> Header {
    let kind = report.kind;
    let number = if blank { None } else { report.header.number.as_deref() };
    let (day, month) = if blank { (None, None) } else { (report.header.day, report.header.month) };
    let date = format::date_line(&report.unit.place, day, month, issue_year(report));
    let issuer = issuer(report);
    let mut left = Vec::new();
    let mut right = Vec::new();
    match kind {
        Kind::Cq => {
            if let Some(upper) = report.unit.state_upper.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                left.push(line(format::uppercase(&format::nfc(upper)), HeaderRole::UpperBody, false));
            }
            let lines = issuer_lines(&issuer);
            let last = lines.len().saturating_sub(1);
            for (i, l) in lines.into_iter().enumerate() {
                left.push(line(l, HeaderRole::Issuer, i == last));
            }
            right.push(line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HeaderRole::NationalName, false));
            right.push(line("Độc lập - Tự do - Hạnh phúc", HeaderRole::Motto, true));
        }
        Kind::Dang => {
            let upper = format::uppercase(&format::nfc(report.unit.party_upper.trim()));
            if !upper.is_empty() {
                left.push(line(upper, HeaderRole::UpperBody, false));
            }
            for l in issuer_lines(&issuer) {
                left.push(line(l, HeaderRole::Issuer, false));
            }
            left.push(line("*", HeaderRole::Star, false));
            right.push(line("ĐẢNG CỘNG SẢN VIỆT NAM", HeaderRole::PartyName, true));
        }
    }
    Header { left, right, number: number_line(kind, number, &symbol(report)), date }
}

/// Nơi nhận lines with the kind's punctuation (docs/domain.md §4.7). Stored recipients
/// carry no punctuation (any typed "- " or trailing ";,." is dropped first).
/// CQ: "- X;" … last "- Lưu: VT."; DANG: "- X," … last "- Lưu Văn phòng Đảng ủy.".
/// A "Lưu …" line is moved to the end, and added when missing.
pub fn recipient_lines(kind: Kind, recipients: &[String]) -> Vec<String> {
    let clean = |s: &str| {
        let s = format::nfc(s.trim());
        let s = s.trim_start_matches(['-', '–', '+', ' ']).trim();
        s.trim_end_matches([';', ',', '.', ' ']).trim().to_string()
    };
    let mut items: Vec<String> = recipients.iter().map(|r| clean(r)).filter(|r| !r.is_empty()).collect();
    let is_luu = |s: &String| s.starts_with("Lưu") || s.starts_with("lưu");
    let mut luu: Vec<String> = items.iter().filter(|s| is_luu(s)).cloned().collect();
    items.retain(|s| !is_luu(s));
    if luu.is_empty() {
        luu.push(match kind {
            Kind::Cq => "Lưu: VT".into(),
            Kind::Dang => "Lưu Văn phòng Đảng ủy".into(),
        });
    }
    items.extend(luu);
    let sep = match kind {
        Kind::Cq => ";",
        Kind::Dang => ",",
    };
    let last = items.len() - 1;
    items
        .into_iter()
        .enumerate()
        .map(|(i, r)| if i == last { format!("- {r}.") } else { format!("- {r}{sep}") })
        .collect()
}
