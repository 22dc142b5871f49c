use super::*;
use crate::model::Kind;
use crate::template::registry;
use serde_json::{json, Value as Json};

const SCHEMA: &str = include_str!("../outline.schema.json");

fn validator() -> jsonschema::Validator {
    let schema: Json = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
}

/// A small valid outline file, every part of the format used once.
pub(crate) fn valid() -> Json {
    json!({
        "format": 1, "id": "TINH_X", "version": 2, "kind": "CQ",
        "title": "Đề cương báo cáo dân vận chính quyền tỉnh X",
        "issuer": "Ban Dân vận Tỉnh ủy X",
        "applies": {"periods": ["H1", "Y"], "from": "2026-01-01"},
        "nodes": [
            {"id": "N01", "title": "ĐẶC ĐIỂM TÌNH HÌNH", "required": true, "guidance": "Nêu tình hình nhân dân.",
             "narratives": [{"field": "text", "label": "Nội dung", "required": true}]},
            {"id": "N09", "title": "Hòa giải ở cơ sở", "when_none": "nothing",
             "indicators": [
                {"key": "hg_tiep_nhan", "label": "Số vụ tiếp nhận", "unit": "vụ", "type": "INT", "req": "R"},
                {"key": "hg_thanh", "label": "Số vụ hòa giải thành", "unit": "vụ", "type": "INT", "compare": true},
                {"key": "kinh_phi", "label": "Kinh phí", "unit": "đồng", "type": "MONEY",
                 "per": {"key": "hg_tiep_nhan", "min": 0, "max": 10000000}}
             ],
             "lists": [{"key": "to_hg_ds", "label": "Tổ hòa giải", "print": "sentences", "columns": [
                {"key": "ten", "label": "Tên tổ", "type": "TEXT"},
                {"key": "loai", "label": "Loại", "type": "ENUM", "options": ["Thôn", {"value": "kp", "label": "Khu phố"}]},
                {"key": "so_vu", "label": "Số vụ", "type": "INT", "default": 0}
             ]}],
             "computed": [{"id": "C01", "key": "hg_ty_le", "label": "Tỷ lệ hòa giải thành",
                           "formula": "hg_thanh / hg_tiep_nhan", "display": "percent"}],
             "rules": [
                {"id": "E04", "level": "error", "formula": "hg_thanh <= hg_tiep_nhan", "message": "exceeds"},
                {"id": "W09", "level": "warning", "formula": "sum(to_hg_ds.so_vu) <= hg_tiep_nhan"}
             ],
             "children": [{"id": "N09a", "title": "Kết quả khác", "part_of": "N09",
                           "narratives": [{"field": "khac", "label": "Kết quả khác"}]}]}
        ]
    })
}

fn load(v: &Json) -> Result<Template, OutlineFileError> {
    Template::from_file("de-cuong.json", v.to_string().as_bytes())
}

#[test]
fn builtin_outlines_as_files_validate_against_the_published_schema() {
    let v = validator();
    for kind in Kind::ALL {
        let instance: Json = serde_json::from_str(&Template::builtin(kind).to_json()).unwrap();
        let errors: Vec<String> = v.iter_errors(&instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{kind:?}: {errors:#?}");
    }
    assert!(v.is_valid(&valid()));
}

#[test]
fn the_app_and_a_standard_validator_agree_on_the_schema_patterns() {
    let schema: Json = serde_json::from_str(SCHEMA).unwrap();
    fn patterns(v: &Json, out: &mut Vec<String>) {
        match v {
            Json::Object(m) => {
                if let Some(Json::String(p)) = m.get("pattern") {
                    out.push(p.clone());
                }
                m.values().for_each(|x| patterns(x, out));
            }
            Json::Array(a) => a.iter().for_each(|x| patterns(x, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    patterns(&schema, &mut found);
    found.sort();
    found.dedup();
    let mut known: Vec<String> = crate::template::shape::PATTERNS.iter().map(|p| p.to_string()).collect();
    known.sort();
    assert_eq!(found, known, "every pattern of the schema has its code in shape.rs");
    let samples = [
        "",
        "a",
        "A1_b",
        "1a",
        "_a",
        "a-b",
        "a.b",
        "hg thanh",
        "ả",
        "2026-01-01",
        "2026-1-01",
        "20260-01-01",
        "INT",
        "MONEY",
        "TEXT",
        "DATE",
        "ENUM",
        "DEC(0)",
        "DEC(6)",
        "DEC(7)",
        "DEC(10)",
        "DEC()",
        "int",
        "INT ",
    ];
    for p in &known {
        let v = jsonschema::options().build(&json!({"type": "string", "pattern": p})).unwrap();
        for s in samples {
            assert_eq!(
                crate::template::shape::matches_pattern(p, s),
                Some(v.is_valid(&json!(s))),
                "pattern {p} on {s:?}"
            );
        }
    }
}

#[test]
fn builtin_outline_exported_then_loaded_is_the_identical_compiled_template() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        let file = t.to_json();
        let again = Template::from_file("dang-cq.json", file.as_bytes()).expect("a built-in outline loads as a file");
        assert_eq!(format!("{:?}", again.nodes), format!("{:?}", t.nodes), "{kind:?} nodes");
        let sorted = |t: &Template| {
            let mut values: Vec<String> = t.index.values.iter().map(|x| format!("{x:?}")).collect();
            let mut lists: Vec<String> = t.index.lists.iter().map(|x| format!("{x:?}")).collect();
            let mut keys: Vec<String> = t.index.computed_keys.iter().map(|x| format!("{x:?}")).collect();
            values.sort();
            lists.sort();
            keys.sort();
            (values, lists, keys, format!("{:?} {:?} {:?}", t.index.computed, t.index.rules, t.index.compare))
        };
        assert_eq!(sorted(&again), sorted(t), "{kind:?} index");
        assert_eq!((&again.id, again.version, again.kind, &again.title), (&t.id, t.version, t.kind, &t.title));
        assert_eq!((&again.issuer, &again.applies), (&t.issuer, &t.applies));
        assert_eq!(again.hash(), t.hash());
        assert_eq!(again.to_json(), file);
        assert!(std::ptr::eq(registry::register(again), t), "registering it gives the built-in one");
    }
}

#[test]
fn a_valid_outline_file_loads_with_its_metadata() {
    let t = load(&valid()).unwrap();
    assert_eq!((t.id.as_str(), t.version, t.kind), ("TINH_X", 2, Kind::Cq));
    assert_eq!(t.issuer, "Ban Dân vận Tỉnh ủy X");
    use crate::model::{Period, PeriodType};
    assert!(t.applies.period(&Period::calendar(PeriodType::Y, 2026)));
    assert!(!t.applies.period(&Period::calendar(PeriodType::Q1, 2026)), "not for quarters");
    assert!(!t.applies.period(&Period::calendar(PeriodType::Y, 2025)), "not before 2026");
    // Indentation and member order do not change the outline or its hash.
    let pretty = serde_json::to_string_pretty(&valid()).unwrap();
    assert_eq!(Template::from_file("x.json", pretty.as_bytes()).unwrap().hash(), t.hash());
    let with_bom = format!("\u{feff}{}", valid());
    assert!(Template::from_file("x.json", with_bom.as_bytes()).is_ok());
}

#[test]
fn decomposed_vietnamese_text_loads_as_nfc_with_the_same_hash() {
    let nfd = crate::format::nfd(&valid().to_string());
    assert_ne!(nfd, valid().to_string());
    let t = Template::from_file("word.json", nfd.as_bytes()).unwrap();
    assert_eq!(t.title, "Đề cương báo cáo dân vận chính quyền tỉnh X");
    assert_eq!(t.node("N09").map(|n| n.title.as_str()), Some("Hòa giải ở cơ sở"));
    assert_eq!(t.hash(), load(&valid()).unwrap().hash());
}

pub(crate) type Breaker = fn(&mut Json);

/// Bad outline files: how each is broken, and the place and message it is refused with.
pub(crate) fn bad_files() -> Vec<(&'static str, Breaker, &'static str)> {
    vec![
        ("missing format", |v| drop(v.as_object_mut().unwrap().remove("format")), "thiếu trường “format”"),
        ("newer format", |v| v["format"] = 2.into(), "format: phải là 1, tệp ghi 2"),
        ("unknown top key", |v| v["tieu_de"] = "x".into(), "trường “tieu_de” không có trong định dạng đề cương"),
        ("unknown node key", |v| v["nodes"][0]["lable"] = "x".into(), "nodes[0]: trường “lable” không có"),
        (
            "unknown indicator key",
            |v| v["nodes"][1]["indicators"][0]["don_vi"] = "vụ".into(),
            "nodes[1].indicators[0]: trường “don_vi” không có",
        ),
        ("id with a space", |v| v["id"] = "TINH X".into(), "id: “TINH X” không phải một mã hợp lệ"),
        ("empty id", |v| v["id"] = "".into(), "id: không được để trống"),
        ("version zero", |v| v["version"] = 0.into(), "version: 0 nằm ngoài khoảng 1–100000"),
        ("version as text", |v| v["version"] = "2".into(), "version: cần một số nguyên, tệp ghi một chuỗi"),
        ("fractional version", |v| v["version"] = 1.5.into(), "version: cần một số nguyên, tệp ghi một số thập phân"),
        ("huge version", |v| v["version"] = json!(u64::MAX), "version: 18446744073709551615 nằm ngoài khoảng"),
        ("unknown kind", |v| v["kind"] = "UBND".into(), "kind: “UBND” không phải một trong: DANG, CQ"),
        ("no nodes", |v| v["nodes"] = json!([]), "nodes: cần ít nhất 1 phần tử, tệp có 0"),
        ("nodes not a list", |v| v["nodes"] = json!({}), "nodes: cần một danh sách […], tệp ghi một đối tượng"),
        ("node without title", |v| drop(v["nodes"][0].as_object_mut().unwrap().remove("title")), "nodes[0]: thiếu trường “title”"),
        ("blank title", |v| v["nodes"][0]["title"] = "   ".into(), "nodes[0] (mã “N01”): tiêu đề trống"),
        ("too long title", |v| v["title"] = "Đ".repeat(301).into(), "title: dài 301 ký tự, tối đa 300"),
        (
            "too long guidance",
            |v| v["nodes"][0]["guidance"] = "x".repeat(4001).into(),
            "nodes[0].guidance: dài 4001 ký tự, tối đa 4000",
        ),
        ("duplicate node id", |v| v["nodes"][1]["id"] = "N01".into(), "nodes[1] (mã “N01”): mã mục “N01” bị lặp"),
        (
            "duplicate indicator key",
            |v| v["nodes"][1]["indicators"][1]["key"] = "hg_tiep_nhan".into(),
            "khóa chỉ tiêu “hg_tiep_nhan” bị lặp",
        ),
        (
            "duplicate narrative key",
            |v| {
                v["nodes"][1]["children"][0]["part_of"] = "N01".into();
                v["nodes"][1]["children"][0]["narratives"][0]["field"] = "text".into();
            },
            "nodes[1].children[0].narratives[0] (trường “text”): khóa phần viết “N01.text” bị lặp",
        ),
        (
            "unknown type",
            |v| v["nodes"][1]["indicators"][0]["type"] = "DEC(9)".into(),
            "nodes[1].indicators[0].type: kiểu “DEC(9)” không có",
        ),
        ("unknown period", |v| v["applies"]["periods"][0] = "Q5".into(), "applies.periods[0]: “Q5” không phải một trong"),
        ("bad date", |v| v["applies"]["from"] = "2026-02-30".into(), "applies.from: ngày “2026-02-30” không hợp lệ"),
        (
            "from after until",
            |v| v["applies"]["until"] = "2025-12-31".into(),
            "applies: ngày “from” sau ngày “until”",
        ),
        (
            "formula syntax",
            |v| v["nodes"][1]["computed"][0]["formula"] = "hg_thanh / / hg_tiep_nhan".into(),
            "nodes[1].computed[0].formula, ký tự 12: công thức “hg_thanh / / hg_tiep_nhan”: cần một số, một tên hoặc dấu “(”",
        ),
        (
            "formula with an unknown character",
            |v| v["nodes"][1]["rules"][0]["formula"] = "hg_thanh <= hg_tiep_nhan * 2".into(),
            "nodes[1].rules[0].formula, ký tự 26: công thức “hg_thanh <= hg_tiep_nhan * 2”: ký tự “*” không dùng được",
        ),
        (
            "rule without comparison",
            |v| v["nodes"][1]["rules"][0]["formula"] = "hg_thanh + hg_tiep_nhan".into(),
            "nodes[1].rules[0].formula, ký tự 1: công thức “hg_thanh + hg_tiep_nhan”: quy tắc cần một phép so sánh",
        ),
        (
            "rule naming a missing key",
            |v| v["nodes"][1]["rules"][0]["formula"] = "hg_thanh <= hg_tiep_nhann".into(),
            "nodes[1].rules[0] (mã “E04”): khóa “hg_tiep_nhann” không có trong đề cương",
        ),
        (
            "rule on a missing list column",
            |v| v["nodes"][1]["rules"][1]["formula"] = "sum(to_hg_ds.so_nguoi) <= hg_tiep_nhan".into(),
            "danh sách “to_hg_ds” không có cột “so_nguoi”",
        ),
        (
            "skip_if_entered naming a missing key",
            |v| v["nodes"][1]["rules"][0]["skip_if_entered"] = json!(["khong_co"]),
            "nodes[1].rules[0] (mã “E04”): khóa “khong_co” không có",
        ),
        (
            "computed field naming a missing key",
            |v| v["nodes"][1]["computed"][0]["formula"] = "hg_thanh / hg_nhan".into(),
            "nodes[1].computed[0] (khóa “hg_ty_le”): khóa “hg_nhan” không có",
        ),
        (
            "computed fields in a circle",
            |v| {
                v["nodes"][1]["indicators"][2] = json!({"key": "tong", "label": "Tổng", "unit": "vụ", "type": "INT"});
                v["nodes"][1]["indicators"].as_array_mut().unwrap().push(json!({"key": "phan", "label": "Phần", "unit": "vụ", "type": "INT"}));
                v["nodes"][1]["computed"] = json!([
                    {"id": "C1", "key": "tong", "label": "Tổng", "formula": "phan + 1", "display": "count", "mode": "if_blank"},
                    {"id": "C2", "key": "phan", "label": "Phần", "formula": "tong - 1", "display": "count", "mode": "if_blank"}
                ]);
            },
            "các trường tính toán phụ thuộc nhau vòng tròn: tong → phan → tong",
        ),
        (
            "computed field on itself",
            |v| {
                v["nodes"][1]["computed"] = json!([{"id": "C1", "key": "hg_thanh", "label": "Thành",
                    "formula": "hg_thanh + 1", "display": "count", "mode": "if_blank"}]);
            },
            "vòng tròn: hg_thanh → hg_thanh",
        ),
        ("deep nesting", |v| v["nodes"][0]["children"] = json!([{"id": "A", "title": "a", "children": [{"id": "B", "title": "b", "children": [{"id": "C", "title": "c"}]}]}]), "tối đa 3 cấp"),
        (
            "too many options",
            |v| v["nodes"][1]["lists"][0]["columns"][1]["options"] = json!(vec!["x"; 101]),
            "nodes[1].lists[0].columns[1].options: có 101 phần tử, tối đa 100",
        ),
        (
            "option neither text nor pair",
            |v| v["nodes"][1]["lists"][0]["columns"][1]["options"][0] = 5.into(),
            "options[0]: cần một chuỗi hoặc một đối tượng {…}, tệp ghi một số nguyên",
        ),
        (
            "option pair without label",
            |v| v["nodes"][1]["lists"][0]["columns"][1]["options"][1] = json!({"value": "kp"}),
            "options[1]: thiếu trường “label”",
        ),
        (
            "repeated option",
            |v| v["nodes"][1]["lists"][0]["columns"][1]["options"][1] = "Thôn".into(),
            "lựa chọn “Thôn” bị trống hoặc lặp lại",
        ),
        ("part_of a missing node", |v| v["nodes"][1]["children"][0]["part_of"] = "N77".into(), "part_of chỉ tới mục “N77” không có"),
        ("print hint", |v| v["nodes"][1]["lists"][0]["print"] = "bang".into(), "print: “bang” không phải một trong: table, sentences"),
        ("required as text", |v| v["nodes"][0]["required"] = "có".into(), "nodes[0].required: cần true hoặc false, tệp ghi một chuỗi"),
        (
            "per naming a missing key",
            |v| v["nodes"][1]["indicators"][2]["per"]["key"] = "so_ho".into(),
            "“per” chỉ tới chỉ tiêu số “so_ho” không có",
        ),
        ("money per min above max", |v| v["nodes"][1]["indicators"][2]["per"]["min"] = json!(20000000), "min lớn hơn max"),
        (
            "text indicator in a formula",
            |v| v["nodes"][1]["indicators"][1]["type"] = "TEXT".into(),
            "“hg_thanh” có kiểu TEXT, không dùng được trong công thức",
        ),
        ("older than the built-in", |v| { v["id"] = "CQ".into(); v["version"] = 1.into(); }, "version: đề cương “CQ” phiên bản 1 trùng hoặc cũ hơn đề cương có sẵn"),
    ]
}

#[test]
fn bad_outline_files_are_refused_with_the_file_the_place_and_a_vietnamese_message() {
    let cases = bad_files();
    assert!(cases.len() >= 30, "{}", cases.len());
    let mut wrong = Vec::new();
    for (what, break_it, expected) in cases {
        let mut v = valid();
        break_it(&mut v);
        let text = match load(&v) {
            Ok(_) => "accepted".to_string(),
            Err(e) => e.to_string(),
        };
        if !text.starts_with("Tệp “de-cuong.json”: ") || !text.contains(expected) || crate::format::nfc(&text) != text
        {
            wrong.push(format!("{what}: expected {expected:?} in\n  {text}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // By id, not by count: other tests register outlines at the same time.
    assert!(registry::all().iter().all(|t| t.id != "TINH_X"), "a refused file registers nothing");
}

#[test]
fn files_that_are_not_outlines_at_all_are_refused_with_their_place() {
    let cases: Vec<(&[u8], &str)> = vec![
        (b"", "dòng 1, cột 0: tệp kết thúc giữa chừng"),
        (b"{\"format\": 1,\n \"id\": ", "dòng 2, cột 7: tệp kết thúc giữa chừng"),
        (b"{\"format\": 1,,}", "dòng 1, cột 14: không phải JSON hợp lệ"),
        (b"[1, 2]", "cần một đối tượng {…}, tệp ghi một danh sách"),
        (b"\xff\xfe{}", "byte 1: tệp không phải văn bản UTF-8"),
        (b"{\"id\": \"caf\xc3\"}", "byte 12: tệp không phải văn bản UTF-8"),
    ];
    for (bytes, expected) in cases {
        let e = Template::from_file("x.json", bytes).unwrap_err().to_string();
        assert!(e.contains(expected), "{expected:?} in {e:?}");
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(Template::from_file("x.json", deep.as_bytes()).unwrap_err().to_string().contains("lồng nhau quá sâu"));
    let big = vec![b' '; crate::model::limits::MAX_OUTLINE_BYTES + 1];
    let e = Template::from_file("lon.json", &big).unwrap_err().to_string();
    assert_eq!(e, "Tệp “lon.json”: tệp lớn 1025 kB, quá giới hạn 1024 kB của một đề cương");
}

#[test]
fn a_hostile_file_name_is_shortened_in_the_message() {
    let name = "ạ".repeat(1000);
    let e = Template::from_file(&name, b"").unwrap_err();
    assert_eq!(e.file.chars().count(), 80);
}

mod mutations {
    use super::*;
    use proptest::prelude::*;

    /// Every place in a JSON document, as a path of member names and indices.
    fn places(v: &Json, here: Vec<Json>, out: &mut Vec<Vec<Json>>) {
        out.push(here.clone());
        match v {
            Json::Object(m) => m.iter().for_each(|(k, x)| {
                let mut p = here.clone();
                p.push(Json::String(k.clone()));
                places(x, p, out);
            }),
            Json::Array(a) => a.iter().enumerate().for_each(|(i, x)| {
                let mut p = here.clone();
                p.push(json!(i));
                places(x, p, out);
            }),
            _ => {}
        }
    }

    fn at<'a>(v: &'a mut Json, path: &[Json]) -> &'a mut Json {
        path.iter().fold(v, |v, k| match k {
            Json::String(s) => &mut v[s.as_str()],
            Json::Number(n) => &mut v[n.as_u64().unwrap_or(0) as usize],
            _ => v,
        })
    }

    fn replacement() -> impl Strategy<Value = Json> {
        prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::from),
            any::<i64>().prop_map(Json::from),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number)),
            "[a-zA-Z0-9_ ()+/<=>.,-]{0,30}".prop_map(Json::from),
            "\\PC{0,20}".prop_map(Json::from),
            Just(json!([])),
            Just(json!({})),
            Just(json!({"id": "X", "title": "x"})),
            Just(json!("hg_thanh / (hg_tiep_nhan - hg_tiep_nhan)")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn mutated_outline_files_never_panic(
            picks in proptest::collection::vec((any::<prop::sample::Index>(), replacement(), 0u8..3), 1..4),
            cut in any::<prop::sample::Index>(),
            truncate in any::<bool>(),
        ) {
            let mut v = valid();
            for (pick, with, how) in picks {
                let mut all = Vec::new();
                places(&v, Vec::new(), &mut all);
                let path = pick.get(&all).clone();
                match (how, path.split_last()) {
                    // Remove the member or item.
                    (0, Some((Json::String(k), parent))) => {
                        if let Some(m) = at(&mut v, parent).as_object_mut() { m.remove(k); }
                    }
                    // Duplicate an item of a list.
                    (1, Some((Json::Number(i), parent))) => {
                        if let Some(a) = at(&mut v, parent).as_array_mut() {
                            let i = i.as_u64().unwrap_or(0) as usize;
                            if let Some(x) = a.get(i).cloned() { a.push(x); }
                        }
                    }
                    _ => *at(&mut v, &path) = with,
                }
            }
            let mut bytes = v.to_string().into_bytes();
            if truncate {
                bytes.truncate(cut.index(bytes.len() + 1));
            }
            // Loading must answer (either way) without panicking; an accepted
            // file is written back as a file that loads as the same outline.
            if let Ok(t) = Template::from_file("m.json", &bytes) {
                let again = Template::from_file("m.json", t.to_json().as_bytes());
                prop_assert_eq!(again.map(|a| a.hash()), Ok(t.hash()));
            }
        }
    }
}
