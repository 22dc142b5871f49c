//! Vietnamese presentation of report data (SPEC §4.4–4.9): numbers, rates,
//! money, date lines, period names, heading numbers, and parsing of what a
//! user types. Pure functions; no web types.
//!
//! CONTRACT: the signatures re-exported below are shared with the engine. Do
//! not change a signature without updating every caller.
//!
//! Conventions: "." groups thousands, "," is the decimal comma, "%" follows
//! the number with no space. Every rounding is half-up on the magnitude with
//! the sign kept (half away from zero), in integer arithmetic only. Output
//! text is NFC.

mod date;
mod money;
mod number;
mod parse;
mod period;

use num_rational::Ratio;

pub use date::{date_line, short_date};
pub use money::{money, money_exact, money_rounds_down};
pub use number::{count, decimal, delta_text, int, percent, percent_of, rate_delta_text};
pub use parse::{nfc, parse_decimal, parse_int, ParseError, MAX_INPUT};
pub use period::{heading_number, next_period_phrase, period_name, roman, trich_yeu};

/// Exact rational used for every rate (SPEC §2.5).
pub type Rational = Ratio<i128>;
