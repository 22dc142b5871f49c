//! Vietnamese presentation of report data (SPEC §4.4–4.9): numbers, rates,
//! money, date lines, period names, heading numbers, and parsing of what a
//! user types. Pure functions; no web types.
//!
//! CONTRACT: the signatures below are shared with the engine. Bodies are
//! filled in by the format work; do not change a signature without updating
//! every caller.

use crate::model::{Kind, PeriodType};
use num_rational::Ratio;

/// Exact rational used for every rate (SPEC §2.5).
pub type Rational = Ratio<i128>;

/// Integer with "." thousands separators: 12717 → "12.717", -5 → "-5".
pub fn int(n: i64) -> String { todo!() }

/// A count in prose/tables: like [`int`], but 1..=9 get a leading zero when
/// `pad` is on ("02"); 0 stays "0".
pub fn count(n: i64, pad: bool) -> String { todo!() }

/// A rate as percent, half-up to 2 decimals from the exact value, "," decimal,
/// no space before "%", only ",00" trimmed: 5/32 → "15,63%", 1 → "100%", 3/4 → "75%", 1/8 → "12,5%".
pub fn percent(r: Rational) -> String { todo!() }

/// `num/den` as percent; None when `den == 0`.
pub fn percent_of(num: i64, den: i64) -> Option<String> { todo!() }

/// Difference of two exact rates in percentage points (C11):
/// 11/13 − 12/16 → "tăng 9,62 điểm %"; negative → "giảm …"; zero → "bằng cùng kỳ".
pub fn rate_delta_text(cur: Rational, prev: Rational) -> String { todo!() }

/// Count delta vs cùng kỳ (C10): d > 0 → "tăng {d}", d < 0 → "giảm {|d|}", 0 → "bằng cùng kỳ";
/// d formatted with [`count`] (so "giảm 02" when `pad`).
pub fn delta_text(cur: i64, prev: i64, pad: bool) -> String { todo!() }

/// A DEC(n) value stored as integer `units` of 10^-scale: (125, 1) → "12,5"; (1234567, 2) → "12.345,67".
pub fn decimal(units: i64, scale: u32) -> String { todo!() }

/// Money in đồng for prose (SPEC §4.9): < 1.000.000 → "950.000 đồng";
/// < 1 tỷ → "187,5 triệu đồng" (≤ 2 decimals, half-up, trailing zeros trimmed);
/// ≥ 1 tỷ → "1,044 tỷ đồng" (≤ 3 decimals).
pub fn money(dong: i64) -> String { todo!() }

/// Full amount: "1.909.927.135 đồng".
pub fn money_exact(dong: i64) -> String { todo!() }

/// True when [`money`] shows less than the real amount (so the UI can offer "hơn").
pub fn money_rounds_down(dong: i64) -> bool { todo!() }

/// Date line (SPEC §4.4): "Sa Đéc, ngày 05 tháng 01 năm 2025". Day < 10 and
/// months 1–2 get a leading zero. A blank day (or day and month) renders as
/// three non-breaking spaces each: "Sa Đéc, ngày \u{a0}\u{a0}\u{a0} tháng 10 năm 2022".
pub fn date_line(place: &str, day: Option<u32>, month: Option<u32>, year: i32) -> String { todo!() }

/// Short date inside prose (SPEC §4.5 DESIGN): "30/3/2023", "04/5/2022" (day padded, month not).
pub fn short_date(date: chrono::NaiveDate) -> String { todo!() }

/// Roman numeral, 1 → "I" … 39 → "XXXIX".
pub fn roman(n: usize) -> String { todo!() }

/// Period in titles: "quý III năm 2025", "6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "năm 2025".
pub fn period_name(period: PeriodType, year: i32) -> String { todo!() }

/// The following period, for "phương hướng, nhiệm vụ …": Q3 → "quý IV năm 2025",
/// Q4 → "năm 2026" (DESIGN: the annual plan, like Y), H1 → "6 tháng cuối năm 2025",
/// M9 → "3 tháng cuối năm 2025", Y → "năm 2026".
pub fn next_period_phrase(period: PeriodType, year: i32) -> String { todo!() }

/// Trích yếu (SPEC §1.4, §4.2–4.3), lower-case start for DANG, capitalised for CQ:
/// DANG: "tình hình công tác dân vận quý III năm 2025 và phương hướng, nhiệm vụ quý IV năm 2025"
/// CQ:   "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2025 và phương hướng, nhiệm vụ 6 tháng cuối năm 2025"
pub fn trich_yeu(kind: Kind, period: PeriodType, year: i32) -> String { todo!() }

/// Heading number for a node at `level` (1, 2, 3) and 1-based `index` among its
/// printed siblings: CQ "I." "1." "a)"; DANG "I-" "1." "a)".
pub fn heading_number(kind: Kind, level: u8, index: usize) -> String { todo!() }

/// Why typed text is not a valid number; `message()` is Vietnamese and names the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not a number at all ("abc").
    NotANumber(String),
    /// Has a decimal part where an integer is required ("12,7").
    NotAnInteger(String),
    /// Negative where only ≥ 0 is allowed.
    Negative(String),
    /// Thousands groups malformed ("1.23.4").
    BadGrouping(String),
    /// More decimals than the field allows.
    TooManyDecimals(String, u32),
    /// Beyond what the app stores.
    TooLarge(String),
}

impl ParseError {
    pub fn message(&self) -> String { todo!() }
}

/// Parse a typed count or đồng amount: "12.717", "12717", " 12 717 " → Some(12717);
/// "" or whitespace → None (blank); "12,7" → NotAnInteger; "-3" → Negative.
pub fn parse_int(input: &str) -> Result<Option<i64>, ParseError> { todo!() }

/// Parse a typed DEC(scale) value: "12,5" → Some(125) for scale 1; "1.234,5" → Some(12345);
/// "12.5" is read as 125 only if it is a valid thousands grouping, otherwise BadGrouping.
pub fn parse_decimal(input: &str, scale: u32) -> Result<Option<i64>, ParseError> { todo!() }

/// NFC-normalise user text (pasted text from Word is often NFD).
pub fn nfc(s: &str) -> String { todo!() }
