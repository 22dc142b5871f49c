use serde::{Deserialize, Serialize};

/// Document kind (docs/domain.md §2.1): party format (HD 36) or government format (NĐ 30).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "DANG")]
    Dang,
    #[serde(rename = "CQ")]
    Cq,
}

/// Reporting period type (docs/domain.md §1.4). Monthly / thematic / ad-hoc are not built in yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PeriodType {
    Q1,
    Q2,
    Q3,
    Q4,
    /// 6 tháng đầu năm
    H1,
    /// 9 tháng đầu năm
    M9,
    /// cả năm
    Y,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Dang, Kind::Cq];
    /// Spec code used in keys and file names.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Dang => "DANG",
            Kind::Cq => "CQ",
        }
    }
    /// Short Vietnamese label for lists and pickers.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Dang => "Đảng",
            Kind::Cq => "Chính quyền",
        }
    }
    /// The document format a kind is written in, for the new-report choice.
    pub fn form_label(self) -> &'static str {
        match self {
            Kind::Dang => "thể thức văn bản của Đảng",
            Kind::Cq => "thể thức văn bản hành chính",
        }
    }
}

impl PeriodType {
    pub const ALL: [PeriodType; 7] =
        [PeriodType::Q1, PeriodType::Q2, PeriodType::Q3, PeriodType::Q4, PeriodType::H1, PeriodType::M9, PeriodType::Y];
    /// Spec code used in keys and file names (`Q3`, `H1`, `M9`, `Y`).
    pub fn code(self) -> &'static str {
        match self {
            PeriodType::Q1 => "Q1",
            PeriodType::Q2 => "Q2",
            PeriodType::Q3 => "Q3",
            PeriodType::Q4 => "Q4",
            PeriodType::H1 => "H1",
            PeriodType::M9 => "M9",
            PeriodType::Y => "Y",
        }
    }

    /// Short Vietnamese label for pickers: "Quý III", "6 tháng đầu năm", "Cả năm".
    pub fn label(self) -> &'static str {
        match self {
            PeriodType::Q1 => "Quý I",
            PeriodType::Q2 => "Quý II",
            PeriodType::Q3 => "Quý III",
            PeriodType::Q4 => "Quý IV",
            PeriodType::H1 => "6 tháng đầu năm",
            PeriodType::M9 => "9 tháng đầu năm",
            PeriodType::Y => "Cả năm",
        }
    }

    /// The period of `year` in titles: "quý III năm 2025", "6 tháng đầu năm 2025",
    /// "9 tháng đầu năm 2025", "năm 2025".
    pub fn name(self, year: i32) -> String {
        match self {
            PeriodType::Q1 => format!("quý I năm {year}"),
            PeriodType::Q2 => format!("quý II năm {year}"),
            PeriodType::Q3 => format!("quý III năm {year}"),
            PeriodType::Q4 => format!("quý IV năm {year}"),
            PeriodType::H1 => format!("6 tháng đầu năm {year}"),
            PeriodType::M9 => format!("9 tháng đầu năm {year}"),
            PeriodType::Y => format!("năm {year}"),
        }
    }

    /// The following period, for "phương hướng, nhiệm vụ …": Q3 → "quý IV năm 2025",
    /// Q4 → "năm 2026" (DESIGN: the annual plan, like Y), H1 → "6 tháng cuối năm 2025",
    /// M9 → "3 tháng cuối năm 2025", Y → "năm 2026". Q1 → "quý II", Q2 → "quý III"
    /// of the same year.
    pub fn next_name(self, year: i32) -> String {
        match self {
            PeriodType::Q1 => PeriodType::Q2.name(year),
            PeriodType::Q2 => PeriodType::Q3.name(year),
            PeriodType::Q3 => PeriodType::Q4.name(year),
            PeriodType::H1 => format!("6 tháng cuối năm {year}"),
            PeriodType::M9 => format!("3 tháng cuối năm {year}"),
            PeriodType::Q4 | PeriodType::Y => format!("năm {}", year + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn period_name_for_every_period_type() {
        let expected = [
            (PeriodType::Q1, "quý I năm 2025"),
            (PeriodType::Q2, "quý II năm 2025"),
            (PeriodType::Q3, "quý III năm 2025"),
            (PeriodType::Q4, "quý IV năm 2025"),
            (PeriodType::H1, "6 tháng đầu năm 2025"),
            (PeriodType::M9, "9 tháng đầu năm 2025"),
            (PeriodType::Y, "năm 2025"),
        ];
        assert_eq!(expected.len(), PeriodType::ALL.len());
        for (p, s) in expected {
            assert_eq!(p.name(2025), s);
        }
    }

    #[test]
    fn next_period_for_every_period_type() {
        let expected = [
            (PeriodType::Q1, "quý II năm 2025"),
            (PeriodType::Q2, "quý III năm 2025"),
            (PeriodType::Q3, "quý IV năm 2025"),
            (PeriodType::Q4, "năm 2026"),
            (PeriodType::H1, "6 tháng cuối năm 2025"),
            (PeriodType::M9, "3 tháng cuối năm 2025"),
            (PeriodType::Y, "năm 2026"),
        ];
        assert_eq!(expected.len(), PeriodType::ALL.len());
        for (p, s) in expected {
            assert_eq!(p.next_name(2025), s);
        }
    }

    #[test]
    fn period_names_and_labels_are_nfc() {
        for p in PeriodType::ALL {
            for s in [p.name(2025), p.next_name(2025), p.label().to_string()] {
                assert!(is_nfc(&s), "not NFC: {s:?}");
            }
        }
        for k in Kind::ALL {
            assert!(is_nfc(k.label()) && is_nfc(k.form_label()), "{k:?}");
        }
    }
}
