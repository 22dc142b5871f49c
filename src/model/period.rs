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
}

impl PeriodType {
    pub const ALL: [PeriodType; 7] = [
        PeriodType::Q1,
        PeriodType::Q2,
        PeriodType::Q3,
        PeriodType::Q4,
        PeriodType::H1,
        PeriodType::M9,
        PeriodType::Y,
    ];
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
}
