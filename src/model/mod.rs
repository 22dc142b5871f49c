//! The report as stored: raw values, never formatted strings.

pub mod limits;
mod period;
mod report;
mod value;

pub use period::{Kind, PeriodType};
pub use report::{
    Citation, FormatProfile, Footnote, Header, HgDenominator, HierarchyModel, IssuerProfile, Period,
    Report, ReportOptions, Row, Signature, Status, TemplateRef, UnitProfile, SCHEMA_VERSION,
};
pub use value::Value;
