use super::*;
use crate::model::{Kind, PeriodType};

fn outline(v: serde_json::Value) -> Template {
    Template::from_json(&v.to_string()).unwrap()
}

/// Version 1 of a small outline.
fn v1() -> serde_json::Value {
    serde_json::json!({
        "id": "TINH_X", "version": 1, "kind": "CQ", "title": "Đề cương tỉnh X",
        "nodes": [
            {"id": "N01", "title": "ĐẶC ĐIỂM TÌNH HÌNH", "required": true,
             "narratives": [{"field": "text", "label": "Nội dung", "required": true}]},
            {"id": "N09", "title": "Hòa giải ở cơ sở", "indicators": [
                {"key": "hg_tiep_nhan", "label": "Số vụ tiếp nhận", "unit": "vụ", "type": "INT", "req": "R"},
                {"key": "hg_thanh", "label": "Số vụ hòa giải thành", "unit": "vụ", "type": "INT"},
                {"key": "hg_cu", "label": "Số vụ theo cách đếm cũ", "unit": "vụ", "type": "INT"}
            ]}
        ]
    })
}

fn report() -> Report {
    let mut r = Report::new("r", Kind::Cq, PeriodType::Y, 2026, Default::default(), chrono::Utc::now());
    r.template = outline(v1()).template_ref();
    r.texts.insert("N01.text".into(), "Tình hình ổn định.".into());
    r.values.insert("hg_tiep_nhan".into(), Value::Int(12));
    r.values.insert("hg_thanh".into(), Value::Int(10));
    r.values.insert("hg_cu".into(), Value::Int(1234));
    r
}

fn paths(items: &[MovedItem]) -> Vec<String> {
    items.iter().map(|i| i.path.to_string()).collect()
}

#[test]
fn a_removed_indicator_is_dropped_with_its_value_as_typed_and_the_rest_carried() {
    let from = outline(v1());
    let mut v2 = v1();
    v2["version"] = 2.into();
    v2["nodes"][1]["indicators"].as_array_mut().unwrap().remove(2);
    let to = outline(v2);
    let r = report();
    let plan = plan(&from, &to, &r);
    assert_eq!(paths(&plan.carried), ["hg_thanh", "hg_tiep_nhan", "N01.text"]);
    assert_eq!(
        plan.dropped,
        [DroppedItem {
            path: FieldPath::key("hg_cu"), label: "Số vụ theo cách đếm cũ".into(), value: "1.234".into()
        }]
    );
    assert!(plan.new_required.is_empty());
    let moved = apply(&to, &r);
    assert_eq!(moved.template, to.template_ref());
    assert!(!moved.values.contains_key("hg_cu"));
    assert_eq!(moved.values.get("hg_thanh"), Some(&Value::Int(10)));
    assert_eq!(moved.text("N01.text"), Some("Tình hình ổn định."));
}
