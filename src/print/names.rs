//! Names inside sentences ("Ủy ban nhân dân Phường 1", "Ban Thường vụ Đảng
//! ủy xã Tân Phú") and the file name for "Save as PDF".

use crate::format;
use crate::model::{Kind, PeriodType, Report};

/// Level words of a commune-level unit name, longest first.
const LEVELS: [&str; 4] = ["thị trấn", "đặc khu", "phường", "xã"];

/// Capitalise the first letter of a word, lower-case the rest.
fn title_word(w: &str) -> String {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out = format::uppercase_char(first);
    for c in chars {
        out.push_str(&format::lowercase_char(c));
    }
    out
}

/// A unit name as written inside a sentence (NĐ 30 Phụ lục II capitalisation):
/// "PHƯỜNG 1" → "Phường 1" (level word + number: both capitalised),
/// "XÃ TÂN PHÚ" → "xã Tân Phú", "THỊ TRẤN MỸ AN" → "thị trấn Mỹ An".
/// Names without a known level word are title-cased.
pub fn unit_phrase(name: &str) -> String {
    let name = format::nfc(name.trim());
    let lower = format::lowercase(&name);
    for level in LEVELS {
        if let Some(rest) = lower.strip_prefix(level).filter(|r| r.starts_with(' ')) {
            let rest = rest.trim();
            let proper: Vec<String> = rest.split_whitespace().map(title_word).collect();
            let starts_with_number = rest.chars().next().is_some_and(|c| c.is_ascii_digit());
            let level_word = if starts_with_number { title_word_phrase(level) } else { level.to_string() };
            return format!("{level_word} {}", proper.join(" ")).trim().to_string();
        }
    }
    name.split_whitespace().map(title_word).collect::<Vec<_>>().join(" ")
}

/// "thị trấn" → "Thị trấn" (only the first word capitalised).
fn title_word_phrase(s: &str) -> String {
    let mut words = s.split(' ');
    let first = words.next().map(title_word).unwrap_or_default();
    std::iter::once(first).chain(words.map(str::to_string)).collect::<Vec<_>>().join(" ")
}

/// The issuing body as named in the opening and closing sentences: the
/// unit profile's sentence name for the kind when set, else derived from the
/// header line as units write it (`format::sentence_name`): CQ "Ủy ban nhân
/// dân phường Tân Phú", DANG "Thành ủy Cao Lãnh"; a DANG report signed on
/// behalf of the Ban Thường vụ names it ("Ban Thường vụ Đảng ủy Phường 1").
pub fn issuer_sentence_name(report: &Report) -> String {
    let given = format::nfc(report.unit.issuer(report.kind).sentence_name.trim());
    if !given.is_empty() {
        return given;
    }
    default_sentence_name(report)
}

/// The name derived from the header, shown as the default in the profile.
pub fn default_sentence_name(report: &Report) -> String {
    let name = format::sentence_name(&super::header::issuer(report));
    let on_behalf_of_standing_committee =
        format::uppercase(&format::nfc(&report.signature.quyen_han)).contains("BAN THƯỜNG VỤ");
    if report.kind == Kind::Dang && on_behalf_of_standing_committee && !name.starts_with("Ban Thường vụ") {
        format!("Ban Thường vụ {name}")
    } else {
        name
    }
}

/// File name for "Save as PDF": "BCDV_P1-SADEC_2025H1_CQ", the empty outline
/// "BCDV_P1-SADEC_2025H1_CQ_de-cuong". The unit part is the unit code (else
/// its name), with anything but letters, digits, "-" and "_" replaced by "-".
pub fn file_name(report: &Report, blank: bool) -> String {
    let unit_src = if report.unit.code.trim().is_empty() { &report.unit.name } else { &report.unit.code };
    let unit: String = format::nfc(unit_src.trim())
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    let unit = if unit.is_empty() { "don-vi".to_string() } else { unit };
    let mut name =
        format!("BCDV_{unit}_{}{}_{}", report.period.year, report.period.period_type.code(), report.kind.code());
    if blank {
        name.push_str("_de-cuong");
    }
    name
}

/// Trích yếu (docs/domain.md §1.4, §4.2–4.3), lower-case start for DANG, capitalised for CQ,
/// with the plan named (the report's `trich_yeu_with_plan` option; [`trich_yeu_of`] decides):
/// DANG: "tình hình công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025"
/// CQ:   "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 và phương hướng, nhiệm vụ
///        6 tháng cuối năm 2025"
pub fn trich_yeu(kind: Kind, period: PeriodType, year: i32) -> String {
    let opening = match kind {
        Kind::Dang => "tình hình công tác dân vận",
        Kind::Cq => "Kết quả thực hiện công tác dân vận",
    };
    format!("{opening} {} và phương hướng, nhiệm vụ {}", period.name(year), period.next_name(year))
}

/// The generated trích yếu of a report: without "và phương hướng, nhiệm vụ
/// …" unless the report's option asks for it (issue 14 item 3: the plan is a
/// section of the report).
pub fn trich_yeu_of(report: &Report) -> String {
    let (kind, period, year) = (report.kind, report.period.period_type, report.period.year);
    if report.options.trich_yeu_with_plan {
        return trich_yeu(kind, period, year);
    }
    let opening = match kind {
        Kind::Dang => "tình hình công tác dân vận",
        Kind::Cq => "Kết quả thực hiện công tác dân vận",
    };
    format!("{opening} {}", period.name(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trich_yeu_for_every_period_and_both_kinds() {
        for p in PeriodType::ALL {
            let tail = format!("{} và phương hướng, nhiệm vụ {}", p.name(2025), p.next_name(2025));
            assert_eq!(trich_yeu(Kind::Dang, p, 2025), format!("tình hình công tác dân vận {tail}"));
            assert_eq!(trich_yeu(Kind::Cq, p, 2025), format!("Kết quả thực hiện công tác dân vận {tail}"));
        }
        assert_eq!(
            trich_yeu(Kind::Dang, PeriodType::Q3, 2025),
            "tình hình công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025"
        );
        assert_eq!(
            trich_yeu(Kind::Cq, PeriodType::H1, 2025),
            "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 \
             và phương hướng, nhiệm vụ 6 tháng cuối năm 2025"
        );
        assert_eq!(
            trich_yeu(Kind::Cq, PeriodType::Y, 2023),
            "Kết quả thực hiện công tác dân vận năm 2023 và phương hướng, nhiệm vụ năm 2024"
        );
    }
}
