//! The report as stored: raw values, never formatted strings.

mod date;
pub mod limits;
mod path;
mod period;
mod report;
mod value;

pub use date::{de_utc, de_utc_opt, iso_date, parse_iso_date};
pub use path::{FieldPath, Mark, NotAPath, RecordList, ReportField};
pub use period::{Kind, PeriodType};
pub use report::{
    Citation, Footnote, FormatProfile, Header, HgDenominator, HierarchyModel, IssuerProfile, Period, Report,
    ReportOptions, Row, SentenceOverride, Signature, Status, TemplateRef, UnitProfile, SCHEMA_VERSION,
};
pub use value::Value;
