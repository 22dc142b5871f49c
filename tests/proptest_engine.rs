#![cfg(not(target_arch = "wasm32"))]
//! `evaluate` (and friends) never panic, whatever a report holds.

mod common;
use bao_cao_dan_van::engine::{can_finalise, cung_ky_from_previous, evaluate, numbering, value_text};
use bao_cao_dan_van::fixtures::full_report;
use bao_cao_dan_van::model::{HgDenominator, Kind, PeriodType, Report, Row, Value};
use bao_cao_dan_van::template::Template;
use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn all_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        keys.extend(t.value_keys());
        keys.extend(t.known_keys().into_keys());
    }
    keys.extend(["x".to_string(), "hg_thanh.cong_dan".into(), "don_tiep_nhan".into(), "".into()]);
    keys.sort();
    keys.dedup();
    keys
}

fn narrative_keys() -> Vec<String> {
    let mut keys: Vec<String> = Kind::ALL.iter().flat_map(|k| Template::builtin(*k).narrative_keys()).collect();
    keys.extend(["N99.text".to_string(), "".into(), "N08.".into()]);
    keys
}

fn list_keys() -> Vec<String> {
    vec!["hoi_quan_ds", "ntm_xa", "asxh", "dvk_ds", "vb_ds", "doan_the_ket_qua", "to_dan_phong", "mo_hinh_cchc", "nope"]
        .into_iter()
        .map(String::from)
        .collect()
}

fn column_keys() -> Vec<String> {
    vec![
        "thanh_vien",
        "tieu_chi_dat",
        "tieu_chi_tong",
        "so_suat",
        "so_tien",
        "loai",
        "linh_vuc",
        "ngay",
        "to_chuc",
        "ten",
        "so_luong",
        "zzz",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (-3000i32..4000, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => any::<i64>().prop_map(Value::Int),
        4 => (-5i64..2000).prop_map(Value::Int),
        2 => text().prop_map(Value::Text),
        1 => date().prop_map(Value::Date),
    ]
}

/// Text made of fragments that reach the narrative heuristics.
fn text() -> impl Strategy<Value = String> {
    let frag = prop_oneof![
        Just("tiếp nhận ".to_string()),
        Just("đang giải quyết ".to_string()),
        Just("giải quyết ".to_string()),
        Just(" đơn".to_string()),
        Just(" vụ".to_string()),
        Just(" hồ sơ".to_string()),
        Just("%".to_string()),
        Just(" kế hoạch".to_string()),
        Just("tỷ lệ hòa giải thành ".to_string()),
        Just("hòa giải thành ".to_string()),
        Just("cùng kỳ năm ".to_string()),
        Just("so với năm ".to_string()),
        Just("kinh phí ".to_string()),
        Just(" tổ nhân dân tự quản".to_string()),
        Just(" mô hình".to_string()),
        Just(" tỷ".to_string()),
        Just("“".to_string()),
        Just("\u{301}".to_string()),
        Just("Ệ".to_string()),
        Just("/".to_string()),
        "[0-9]{1,20}",
        "[0-9]{1,3}([.,][0-9]{1,4}){0,3}",
        "[ .,;:\n]{1,3}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(frag, 0..25).prop_map(|v| v.concat())
}

fn row() -> impl Strategy<Value = Row> {
    prop::collection::btree_map(prop::sample::select(column_keys()), value(), 0..6)
}

fn report() -> impl Strategy<Value = Report> {
    let kind = prop_oneof![Just(Kind::Dang), Just(Kind::Cq)];
    let period = prop::sample::select(PeriodType::ALL.to_vec());
    (
        kind,
        period,
        -5i32..4000,
        prop::collection::btree_map(prop::sample::select(all_keys()), value(), 0..40),
        prop::collection::btree_map(prop::sample::select(all_keys()), value(), 0..20),
        prop::collection::btree_map(prop::sample::select(narrative_keys()), text(), 0..8),
        prop::collection::btree_map(prop::sample::select(list_keys()), prop::collection::vec(row(), 0..5), 0..4),
        (prop::option::of(date()), prop::option::of(date())),
        (prop::option::of(0u32..40), prop::option::of(0u32..15), prop::option::of(-5i32..4000)),
        (any::<bool>(), any::<bool>(), any::<bool>(), "\\PC{0,12}"),
    )
        .prop_map(
            |(kind, pt, year, values, cung_ky, texts, lists, (from, to), (day, month, hyear), (pad, alt, pl1, sig))| {
                let mut r = common::blank(kind, pt, year.clamp(1, 3999));
                r.period.year = year;
                r.values = values;
                r.cung_ky = cung_ky;
                r.texts = texts;
                r.lists = lists.into_iter().collect::<BTreeMap<_, _>>();
                r.period.from = from;
                r.period.to = to;
                r.header.day = day;
                r.header.month = month;
                r.header.year = hyear;
                r.options.pad_small_counts = pad;
                r.options.hg_denominator =
                    if alt { HgDenominator::ThanhPlusKhongThanh } else { HgDenominator::TiepNhan };
                r.options.include_pl1 = pl1;
                r.signature.quyen_han = sig;
                r
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn evaluate_never_panics_on_arbitrary_reports(r in report(), other_kind in any::<bool>()) {
        let kind = if other_kind { if r.kind == Kind::Dang { Kind::Cq } else { Kind::Dang } } else { r.kind };
        let t = Template::builtin(kind);
        let e = evaluate(t, &r);
        let _ = can_finalise(&e);
        let _ = numbering(t, &r);
        for k in t.value_keys() {
            let _ = value_text(t, &r, &k);
        }
        let _ = cung_ky_from_previous(t, &r, &r);
        for d in e.deltas.values() {
            let _ = d.ratio_text();
            let _ = d.points();
        }
        // The report still serialises and loads back identically.
        let json = serde_json::to_string(&r).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }

    #[test]
    fn evaluation_is_deterministic(r in report()) {
        let t = Template::builtin(r.kind);
        prop_assert_eq!(evaluate(t, &r), evaluate(t, &r));
    }

    #[test]
    fn perturbing_one_value_of_a_full_report_never_panics(key in prop::sample::select(all_keys()), v in value(), cung in any::<bool>()) {
        for kind in Kind::ALL {
            let mut r = full_report(kind);
            if cung { r.cung_ky.insert(key.clone(), v.clone()); } else { r.values.insert(key.clone(), v.clone()); }
            let _ = evaluate(Template::builtin(kind), &r);
        }
    }
}
