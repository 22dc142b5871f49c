//! Phụ lục I (docs/domain.md §3): tables T1 đơn thư, T2 tiếp công dân, T3 hòa giải,
//! with the generated "Đánh giá chung" bullets.

use super::compare::effective_int;
use super::computed::Side;
use super::fmt;
use crate::model::{FieldPath, Report};
use crate::template::Template;
use serde::Serialize;

/// Phụ lục I as structured data; cells are display strings ("" when blank).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Appendix {
    /// "KẾT QUẢ TIẾP CÔNG DÂN; XỬ LÝ ĐƠN THƯ VÀ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO".
    pub title: String,
    /// 1. Công tác xử lý đơn, giải quyết khiếu nại, tố cáo.
    pub t1: T1Table,
    /// 2. Kết quả tiếp công dân.
    pub t2: SimpleTable,
    /// 3. Kết quả hòa giải ở cơ sở.
    pub t3: SimpleTable,
}

/// T1: two header rows, two row groups, column 5 spanning each group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct T1Table {
    /// Table heading.
    pub title: String,
    /// Header row 1 over columns 1–4 ("Tiếp nhận, giải quyết").
    pub header_top: String,
    /// Labels of columns 1–5 (column 5 spans both header rows).
    pub columns: Vec<String>,
    /// Group `cbccvc`, then `cong_dan`.
    pub groups: Vec<T1Group>,
}

/// One row group of T1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct T1Group {
    /// Row group id (`cbccvc`, `cong_dan`).
    pub group: String,
    /// Group row spanning all columns.
    pub title: String,
    /// Text row spanning columns 1–4 (group 2: the Chủ tịch's dialogues).
    pub text_row: Option<String>,
    /// Columns 1–4 of the data row.
    pub cells: Vec<String>,
    /// Column 5 lines, each starting "- ".
    pub bullets: Vec<String>,
}

/// T2 / T3: one header row, one data row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SimpleTable {
    /// Table heading.
    pub title: String,
    /// Labels of columns 1–5.
    pub columns: Vec<String>,
    /// Columns 1–4.
    pub cells: Vec<String>,
    /// Column 5 lines, each starting "- ".
    pub bullets: Vec<String>,
}

struct Ctx<'a> {
    template: &'a Template,
    report: &'a Report,
    cur: &'a Side,
    prev: &'a Side,
}

impl Ctx<'_> {
    fn cur(&self, key: &str) -> Option<i64> {
        effective_int(self.template, &self.report.values, &self.cur.exact, key)
    }
    fn prev(&self, key: &str) -> Option<i64> {
        effective_int(self.template, &self.report.cung_ky, &self.prev.exact, key)
    }
    /// A count cell reads like the same count in the sentences ("02" when the
    /// report pads small counts, docs/domain.md §4.9).
    fn cell(&self, key: &str) -> String {
        self.cur(key).map(|n| fmt::count(n, self.report.options.pad_small_counts)).unwrap_or_default()
    }
    /// Bullets for (label, key, suffix); none when every value is 0 and equals cùng kỳ.
    fn bullets(&self, items: &[(&str, &str, &str)]) -> Vec<String> {
        let pairs: Vec<(Option<i64>, Option<i64>)> =
            items.iter().map(|(_, k, _)| (self.cur(k), self.prev(k))).collect();
        if all_zero_and_equal(&pairs) {
            return Vec::new();
        }
        let pad = self.report.options.pad_small_counts;
        let mut out = Vec::new();
        for ((label, _, suffix), (c, p)) in items.iter().zip(pairs) {
            if let (Some(c), Some(p)) = (c, p) {
                let d = fmt::delta(c, p, pad);
                if d.is_empty() {
                    continue;
                }
                let suffix = if c == p { "" } else { suffix };
                out.push(format!("- {label} {d}{suffix}"));
            }
        }
        out
    }
}

/// "A group whose values are all 0 and equal to cùng kỳ gets an empty column 5";
/// a group with nothing entered at all gets none either.
fn all_zero_and_equal(pairs: &[(Option<i64>, Option<i64>)]) -> bool {
    pairs.iter().all(|(c, p)| matches!(c, None | Some(0)) && matches!(p, None | Some(0)))
}

/// The level word for "Chủ tịch UBND <cấp>" (issue 14 item 2): the level the
/// unit's state header names ("ỦY BAN NHÂN DÂN THÀNH PHỐ CAO LÃNH" →
/// "thành phố"), else its name's ("PHƯỜNG 1" → "phường"), else "xã".
fn cap_word(report: &Report) -> String {
    [report.unit.cq.issuer.as_str(), report.unit.name.as_str()]
        .into_iter()
        .find_map(crate::format::level_word)
        .unwrap_or("xã")
        .to_string()
}

/// Build Phụ lục I when the template has a `PL1` node.
pub(crate) fn build(template: &Template, report: &Report, cur: &Side, prev: &Side) -> Option<Appendix> {
    template.node("PL1")?;
    let cx = Ctx { template, report, cur, prev };
    let pad = report.options.pad_small_counts;

    // T1.
    let mut groups = Vec::new();
    for (gid, title) in [
        ("cbccvc", "1. Công tác đối thoại, giải quyết khiếu nại của cán bộ, công chức, viên chức tại cơ quan, đơn vị"),
        ("cong_dan", "2. Công tác đối thoại, giải quyết khiếu nại của công dân"),
    ] {
        let k = |base: &str| FieldPath::group_key(base, gid);
        let (tn, tq, dg, td) =
            (k("don_tiep_nhan"), k("don_thuoc_tham_quyen"), k("don_da_giai_quyet"), k("don_ton_dong"));
        let mut items: Vec<(&str, &str, &str)> = Vec::new();
        let untracked = report.not_tracked.get("doi_thoai_chu_tich").filter(|_| cx.cur("doi_thoai_chu_tich").is_none());
        let text_row = match (gid, untracked) {
            // "Không theo dõi": the cadre's sentence in place of the count, or no row.
            ("cong_dan", Some(sentence)) => Some(sentence.clone()).filter(|s| !s.trim().is_empty()),
            ("cong_dan", None) => {
                items.push(("Cuộc đối thoại", "doi_thoai_chu_tich", ""));
                let n = cx.cur("doi_thoai_chu_tich").map(|n| fmt::count(n, pad)).unwrap_or_else(|| "…".to_string());
                Some(format!("Đối thoại giải quyết khiếu nại của Chủ tịch UBND {} là {} cuộc", cap_word(report), n))
            }
            _ => None,
        };
        items.extend([
            ("Số lượng đơn, thư tiếp nhận", tn.as_str(), ""),
            ("Số đơn thư thuộc thẩm quyền giải quyết", tq.as_str(), ""),
            ("Số đơn thư đã giải quyết", dg.as_str(), ""),
            ("Số đơn thư tồn đọng", td.as_str(), ""),
        ]);
        groups.push(T1Group {
            group: gid.to_string(),
            title: title.to_string(),
            text_row,
            cells: vec![cx.cell(&tn), cx.cell(&tq), cx.cell(&dg), cx.cell(&td)],
            bullets: cx.bullets(&items),
        });
    }
    let t1 = T1Table {
        title: "1. Công tác xử lý đơn, giải quyết khiếu nại, tố cáo".into(),
        header_top: "Tiếp nhận, giải quyết".into(),
        columns: vec![
            "Số lượng đơn thư đã tiếp nhận".into(),
            "Số đơn thư thuộc thẩm quyền giải quyết".into(),
            "Số đơn thư đã giải quyết".into(),
            "Số đơn thư tồn đọng".into(),
            "Đánh giá chung (so sánh số lượng tăng, giảm)".into(),
        ],
        groups,
    };

    // T2.
    let t2_keys = ["tcd_thuong_xuyen_luot", "tcd_thuong_xuyen_nguoi", "tcd_dinh_ky_luot", "tcd_dinh_ky_nguoi"];
    let t2 = SimpleTable {
        title: "2. Kết quả tiếp công dân".into(),
        columns: vec![
            "Số lần tiếp thường xuyên".into(),
            "Số người".into(),
            "Chủ tịch UBND tiếp định kỳ".into(),
            "Số người".into(),
            "Đánh giá chung (so sánh số lượng tăng, giảm so với cùng kỳ)".into(),
        ],
        cells: t2_keys.iter().map(|k| cx.cell(k)).collect(),
        bullets: cx.bullets(&[
            ("Số lần tiếp thường xuyên", t2_keys[0], ""),
            ("Số người", t2_keys[1], ""),
            ("Tiếp định kỳ", t2_keys[2], ""),
            ("Số người", t2_keys[3], ""),
        ]),
    };

    // T3.
    let mut t3_bullets = cx.bullets(&[("Số vụ tiếp nhận", "hg_tiep_nhan", " vụ")]);
    let pairs: Vec<_> =
        ["hg_tiep_nhan", "hg_thanh", "hg_khong_thanh"].iter().map(|k| (cx.cur(k), cx.prev(k))).collect();
    if !all_zero_and_equal(&pairs) {
        let thanh_plus = report.options.hg_denominator == crate::model::HgDenominator::ThanhPlusKhongThanh;
        let den = |t: Option<i64>, kt: Option<i64>, tn: Option<i64>| {
            if thanh_plus {
                t?.checked_add(kt?)
            } else {
                tn
            }
        };
        let (tn, t, kt) = (pairs[0].0, pairs[1].0, pairs[2].0);
        let (tn_p, t_p, kt_p) = (pairs[0].1, pairs[1].1, pairs[2].1);
        let (d, d_p) = (den(t, kt, tn), den(t_p, kt_p, tn_p));
        if let (Some(t), Some(d), Some(t_p), Some(d_p)) = (t, d, t_p, d_p) {
            t3_bullets.push(format!(
                "- Hòa giải thành: {}/{} vụ so với cùng kỳ {}/{} vụ",
                fmt::int(t),
                fmt::int(d),
                fmt::int(t_p),
                fmt::int(d_p)
            ));
        }
        if let (Some(kt), Some(d), Some(kt_p), Some(d_p)) = (kt, d, kt_p, d_p) {
            t3_bullets.push(format!(
                "- Hòa giải không thành {}/{} vụ so với cùng kỳ {}/{} vụ",
                fmt::int(kt),
                fmt::int(d),
                fmt::int(kt_p),
                fmt::int(d_p)
            ));
        }
    }
    let t3 = SimpleTable {
        title: "3. Kết quả hòa giải ở cơ sở".into(),
        columns: vec![
            "Số vụ tiếp nhận hòa giải".into(),
            "Hòa giải thành".into(),
            "Hòa giải không thành".into(),
            "Tỷ lệ hòa giải thành".into(),
            "Đánh giá chung".into(),
        ],
        cells: vec![
            cx.cell("hg_tiep_nhan"),
            cx.cell("hg_thanh"),
            cx.cell("hg_khong_thanh"),
            cur.exact.get("hg_ty_le_thanh").map(fmt::percent).unwrap_or_default(),
        ],
        bullets: t3_bullets,
    };

    Some(Appendix {
        title: "KẾT QUẢ TIẾP CÔNG DÂN; XỬ LÝ ĐƠN THƯ VÀ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO".into(), t1, t2, t3
    })
}
