//! The report as stored: raw values, never formatted strings.
//! (The `Report` type itself is added by the engine work; this file starts
//! with the small enums every layer shares.)

mod period;

pub use period::{Kind, PeriodType};
