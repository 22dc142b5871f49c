use super::*;

/// Every key docs/domain.md §2.4 lists, by node (indicators, computed targets, lists).
const SPEC_KEYS: &[(&str, &[&str])] = &[
    (
        "N02",
        &[
            "vb_chi_dao",
            "kiem_tra_giam_sat",
            "doi_thoai_bi_thu",
            "doi_thoai_y_kien",
            "doi_thoai_da_tra_loi",
            "doi_thoai_tong",
        ],
    ),
    (
        "N05",
        &[
            "asxh",
            "tong_so_ho",
            "ho_ngheo",
            "ho_can_ngheo",
            "ty_le_ho_ngheo",
            "ty_le_ho_can_ngheo",
            "quy_vi_nguoi_ngheo",
            "quy_vnn_ke_hoach",
            "nha_dai_doan_ket_xay_moi",
            "nha_dai_doan_ket_xay_moi_tien",
            "nha_dai_doan_ket_ban_giao",
            "nha_dai_doan_ket_sua_chua",
            "nha_dai_doan_ket_sua_chua_tien",
        ],
    ),
    (
        "N06",
        &[
            "tthc_tiep_nhan",
            "tthc_da_giai_quyet",
            "tthc_som_dung_han",
            "tthc_tre_han",
            "tthc_dang_giai_quyet",
            "tthc_ty_le_dung_han",
            "tthc_ty_le_tre_han",
            "mo_hinh_cchc",
        ],
    ),
    (
        "N07",
        &[
            "tcd_thuong_xuyen_luot",
            "tcd_thuong_xuyen_nguoi",
            "tcd_dinh_ky_luot",
            "tcd_dinh_ky_nguoi",
            "tcd_dot_xuat_luot",
            "doi_thoai_chu_tich",
        ],
    ),
    (
        "N08",
        &[
            "don_tiep_nhan",
            "don_thuoc_tham_quyen",
            "don_da_giai_quyet",
            "don_ton_dong",
            "don_tong_moi_loai",
            "don_tong_da_giai_quyet",
        ],
    ),
    (
        "N09",
        &[
            "hg_tiep_nhan",
            "hg_dua_ra_hoa_giai",
            "hg_thanh",
            "hg_khong_thanh",
            "hg_dang_giai_quyet",
            "hg_ty_le_thanh",
            "hg_ty_le_khong_thanh",
            "to_hoa_giai",
            "hoa_giai_vien",
        ],
    ),
    (
        "N12",
        &["dc_noi_dung_cong_khai", "dc_hop_dan_ban", "dc_lay_y_kien_phieu", "dc_ban_ttnd_giam_sat", "dc_kiem_tra_qcdc"],
    ),
    (
        "N14",
        &[
            "tq_xet_duyet",
            "tq_chi_tieu",
            "tq_giao_quan",
            "tq_ty_le_kh",
            "camera_so_luong",
            "camera_so_diem",
            "camera_gia_tri",
            "to_dan_phong",
        ],
    ),
    (
        "N15",
        &[
            "hv_ket_nap_moi",
            "tiep_xuc_cu_tri_cuoc",
            "cu_tri_tham_du",
            "y_kien_cu_tri",
            "van_de",
            "van_de_giai_trinh",
            "van_de_chuyen_giai_quyet",
            "giam_sat_cuoc",
            "phan_bien_cuoc",
        ],
    ),
    (
        "N16",
        &[
            "dvk_tong",
            "dvk_kinh_te",
            "dvk_van_hoa_xa_hoi",
            "dvk_qp_an",
            "dvk_xd_htct",
            "dvk_ntm_dtvm",
            "dvk_tap_the",
            "dvk_ca_nhan",
            "dvk_moi_trong_ky",
            "dvk_khen_thuong",
            "dvk_ds",
        ],
    ),
    ("N17", &["to_ndtq", "hoi_quan_so", "hoi_quan_ds", "hoi_quan_tong_tv"]),
    ("N18", &["ntm_xa", "ntm_ho_dang_ky", "hien_dat_m2", "hien_dat_ho", "dong_gop_tien", "ngay_cong", "ntm_ty_le"]),
    ("N19", &["tg_co_so", "tg_tin_do", "tg_chuc_sac", "tg_hoat_dong_dang_ky", "tg_vu_viec_phuc_tap", "tg_thi_dua"]),
    ("N20", &["kdv_hop", "kdv_nam_tinh_hinh", "kdv_tham_muu_vb", "tap_huan_lop", "tap_huan_luot"]),
];

/// docs/domain.md §2.3 K column: nodes of each kind.
const DANG_NODES: &[&str] = &[
    "N01", "N02", "N05", "N06", "N07", "N08", "N09", "N12", "N13", "N14", "N15", "N16", "N17", "N18", "N19", "N20",
    "N21", "N22", "N23", "N24", "PL1",
];
const CQ_NODES: &[&str] = &[
    "N01", "N02", "N03", "N04", "N05", "N06", "N07", "N08", "N09", "N10", "N11", "N12", "N13", "N14", "N15", "N16",
    "N17", "N18", "N19", "N22", "N23", "N24", "PL1",
];

fn nodes_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Dang => DANG_NODES,
        Kind::Cq => CQ_NODES,
    }
}

#[test]
fn builtin_templates_load_with_every_spec_node_of_their_kind() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        assert_eq!(t.kind, kind);
        assert_eq!(t.id, kind.code());
        for id in nodes_of(kind) {
            assert!(t.node(id).is_some(), "{} lacks node {id}", kind.code());
        }
        let all: Vec<&str> = [DANG_NODES, CQ_NODES].concat();
        for id in all.iter().filter(|id| !nodes_of(kind).contains(id)) {
            assert!(t.node(id).is_none(), "{} should not have node {id}", kind.code());
        }
    }
}

#[test]
fn builtin_templates_contain_every_indicator_key_of_spec_2_4() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        let known = t.known_keys();
        for (node, keys) in SPEC_KEYS {
            if !nodes_of(kind).contains(node) {
                continue;
            }
            for k in *keys {
                assert!(known.contains_key(*k), "{} lacks key {k} of {node}", kind.code());
            }
        }
    }
}

#[test]
fn required_flags_follow_the_spec_n_column() {
    let required = ["N01", "N02", "N03", "N07", "N08", "N09", "N12", "N16", "N20", "N22", "N23"];
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        for id in nodes_of(kind).iter().filter(|id| id.starts_with('N')) {
            let n = t.node(id).unwrap();
            assert_eq!(n.required, required.contains(id), "{} {id}", kind.code());
        }
    }
    assert!(Template::builtin(Kind::Cq).node("PL1").unwrap().required);
    assert!(!Template::builtin(Kind::Dang).node("PL1").unwrap().required);
}

#[test]
fn builtin_for_finds_the_template_a_report_names() {
    let r = crate::model::TemplateRef { id: "CQ".into(), version: 1, hash: None };
    assert_eq!(Template::builtin_for(&r).map(|t| t.kind), Some(Kind::Cq));
    let old = crate::model::TemplateRef { id: "CQ".into(), version: 0, hash: None };
    assert!(Template::builtin_for(&old).is_none());
}

#[test]
fn every_node_has_a_title_and_vietnamese_guidance() {
    for kind in Kind::ALL {
        for (_, n) in Template::builtin(kind).walk() {
            assert!(!n.title.trim().is_empty());
            assert!(n.guidance.chars().count() > 20, "{} {} guidance", kind.code(), n.id);
            assert!(!n.guidance.is_ascii(), "{} guidance is not Vietnamese", n.id);
            let nfc: String = unicode_normalization::UnicodeNormalization::nfc(n.guidance.chars()).collect();
            assert_eq!(nfc, n.guidance, "{} guidance not NFC", n.id);
        }
    }
}

#[test]
fn row_groups_and_key_naming_follow_the_contract() {
    let t = Template::builtin(Kind::Cq);
    assert!(t.indicator("don_tiep_nhan.cong_dan").is_some());
    assert!(t.indicator("don_tiep_nhan.cbccvc").is_some());
    assert!(t.indicator("don_tiep_nhan").is_none());
    assert!(t.indicator("hv_ket_nap_moi.HOI_LHPN").is_some());
    let keys = t.narrative_keys();
    for k in
        ["N01.text", "N22.uu_diem", "N22.han_che", "N22.nguyen_nhan", "N15.HOI_LHPN", "N03.tuyen_truyen", "N06.cchc"]
    {
        assert!(keys.contains(&k.to_string()), "missing {k}");
    }
    let n15 = t.node("N15").unwrap();
    let orgs: Vec<&str> = n15.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        orgs,
        [
            "MTTQ",
            "HOI_LHPN",
            "DOAN_TN",
            "HOI_CCB",
            "HOI_ND",
            "CONG_DOAN",
            "HOI_NCT",
            "HOI_CTD",
            "HOI_KHUYEN_HOC",
            "KHAC"
        ]
    );
    let d = Template::builtin(Kind::Dang);
    assert!(d.narrative_keys().contains(&"N22.uu_diem".to_string()));
    assert!(d.narrative_keys().contains(&"N06.text".to_string()));
}

#[test]
fn template_round_trips_through_its_self_contained_json() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        let again = Template::from_json(&t.to_json()).expect("self-contained form loads");
        assert_eq!(again.value_keys(), t.value_keys());
        assert_eq!(again.narrative_keys(), t.narrative_keys());
        assert_eq!(again.index.rules.len(), t.index.rules.len());
        assert_eq!(again.index.computed.len(), t.index.computed.len());
    }
}

/// A small valid template to break in the tests below.
fn base() -> serde_json::Value {
    serde_json::json!({
        "id": "T", "version": 1, "kind": "CQ",
        "nodes": [
            {"id": "N01", "title": "A", "narratives": [{"field": "text", "label": "Nội dung", "required": true}]},
            {"id": "N02", "title": "B"},
            {"id": "N03", "title": "C"},
            {"id": "N09", "title": "Hòa giải", "indicators": [
                {"key": "hg_tiep_nhan", "label": "Tiếp nhận", "unit": "vụ", "type": "INT"},
                {"key": "hg_khong_thanh", "label": "Không thành", "unit": "vụ", "type": "INT"},
                {"key": "hg_thanh", "label": "Thành", "unit": "vụ", "type": "INT"}
            ],
            "computed": [{"id": "C01", "key": "hg_ty_le_thanh", "label": "Tỷ lệ", "formula": "hg_thanh / hg_tiep_nhan", "display": "percent"}],
            "rules": [{"id": "E04", "level": "error", "formula": "hg_thanh + hg_khong_thanh <= hg_tiep_nhan"}]}
        ]
    })
}

fn err_of(v: serde_json::Value) -> String {
    Template::from_json(&v.to_string()).unwrap_err().to_string()
}

#[test]
fn small_valid_template_loads() {
    let t = Template::from_json(&base().to_string()).unwrap();
    assert_eq!(t.index.rules.len(), 1);
    assert_eq!(t.index.computed.len(), 1);
}

#[test]
fn template_error_names_the_place_of_an_unknown_type() {
    let mut v = base();
    v["nodes"][3]["indicators"][2]["type"] = "INTT".into();
    assert_eq!(err_of(v), "nodes[3].indicators[2] (khóa “hg_thanh”): kiểu “INTT” không có");
}

#[test]
fn template_with_bad_json_is_rejected() {
    let e = Template::from_json("{\"id\": \"T\", ").unwrap_err();
    assert!(e.to_string().starts_with("bad JSON"), "{e}");
    let mut v = base();
    v["nodes"][0]["lable"] = "x".into();
    assert!(err_of(v).contains("unknown field `lable`"));
}

#[test]
fn template_with_duplicate_node_id_is_rejected() {
    let mut v = base();
    v["nodes"][2]["id"] = "N01".into();
    assert_eq!(err_of(v), "nodes[2] (mã “N01”): mã mục “N01” bị lặp");
}

#[test]
fn template_with_duplicate_indicator_key_is_rejected() {
    let mut v = base();
    v["nodes"][3]["indicators"][1]["key"] = "hg_tiep_nhan".into();
    assert_eq!(err_of(v), "nodes[3].indicators[1] (khóa “hg_tiep_nhan”): khóa chỉ tiêu “hg_tiep_nhan” bị lặp");
}

#[test]
fn template_formula_naming_an_unknown_key_is_rejected() {
    let mut v = base();
    v["nodes"][3]["rules"][0]["formula"] = "hg_thanh + hg_khong_thanhh <= hg_tiep_nhan".into();
    assert_eq!(err_of(v), "nodes[3].rules[0] (mã “E04”): khóa “hg_khong_thanhh” không có trong đề cương (hoặc là trường tính toán khai báo sau)");
    let mut v = base();
    v["nodes"][3]["computed"][0]["formula"] = "hg_thanh / ".into();
    assert_eq!(
        err_of(v),
        "nodes[3].computed[0].formula, ký tự 12: công thức “hg_thanh / ”: công thức kết thúc giữa chừng"
    );
}

#[test]
fn template_with_empty_title_is_rejected() {
    let mut v = base();
    v["nodes"][1]["title"] = "  ".into();
    assert_eq!(err_of(v), "nodes[1] (mã “N02”): tiêu đề trống");
}

#[test]
fn template_other_mistakes_are_rejected_with_their_place() {
    type Breaker = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Breaker, &str)> = vec![
        (Box::new(|v| v["kind"] = "XX".into()), "kind: loại “XX” không có"),
        (Box::new(|v| v["nodes"][3]["rules"][0]["level"] = "fatal".into()), "mức “fatal” không có"),
        (
            Box::new(|v| v["nodes"][3]["rules"][0]["formula"] = "hg_thanh + hg_khong_thanh".into()),
            "cần một phép so sánh",
        ),
        (Box::new(|v| v["nodes"][3]["computed"][0]["display"] = "pie".into()), "cách hiển thị “pie” không có"),
        (
            Box::new(|v| v["nodes"][3]["computed"][0]["display"] = "count".into()),
            "không dùng được công thức có phép chia",
        ),
        (Box::new(|v| v["nodes"][3]["indicators"][0]["req"] = "X".into()), "“req” là “X”"),
        (
            Box::new(|v| v["nodes"][3]["indicators"][0]["type"] = "ENUM".into()),
            "kiểu ENUM cần danh sách “options” không rỗng",
        ),
        (
            Box::new(|v| v["nodes"][3]["indicators"][0]["grouped"] = true.into()),
            "chỉ tiêu theo nhóm (grouped) ở mục không có nhóm",
        ),
        (Box::new(|v| v["nodes"][1]["part_of"] = "N77".into()), "part_of chỉ tới mục “N77” không có"),
        (Box::new(|v| v["nodes"][1]["periods"] = serde_json::json!(["Q5"])), "loại kỳ “Q5” không có"),
    ];
    for (f, expected) in cases {
        let mut v = base();
        f(&mut v);
        let e = err_of(v);
        assert!(e.contains(expected), "expected {expected:?} in {e:?}");
    }
}

#[test]
fn formula_may_not_use_a_computed_key_before_it_is_declared() {
    let mut v = base();
    v["nodes"][3]["rules"][0]["formula"] = "hg_ty_le_khac <= 1".into();
    assert!(err_of(v).contains("khóa “hg_ty_le_khac” không có"));
    let mut v = base();
    v["nodes"][3]["rules"][0]["formula"] = "hg_ty_le_thanh <= 1".into();
    assert!(Template::from_json(&v.to_string()).is_ok());
}

#[test]
fn text_indicator_cannot_be_used_in_a_formula() {
    let mut v = base();
    v["nodes"][3]["indicators"][0]["type"] = "TEXT".into();
    assert!(err_of(v).contains("“hg_tiep_nhan” có kiểu TEXT, không dùng được trong công thức"));
}

#[test]
fn nodes_nested_deeper_than_three_levels_are_rejected() {
    let mut v = base();
    v["nodes"][1]["children"] = serde_json::json!([{"id": "X1", "title": "x", "children": [{"id": "X2", "title": "y", "children": [{"id": "X3", "title": "z"}]}]}]);
    assert!(err_of(v).contains("tối đa 3 cấp"));
}

#[test]
fn list_print_hint_defaults_to_a_table_and_accepts_sentences() {
    let mut v = base();
    v["nodes"][1]["lists"] = serde_json::json!([
        {"key": "a_ds", "label": "Danh sách A", "columns": [{"key": "ten", "label": "Tên", "type": "TEXT"}]},
        {"key": "b_ds", "label": "Danh sách B", "print": "sentences", "columns": [{"key": "ten", "label": "Tên", "type": "TEXT"}]}
    ]);
    let t = Template::from_json(&v.to_string()).unwrap();
    assert_eq!(t.list("a_ds").map(|l| l.print), Some(ListPrint::Table));
    assert_eq!(t.list("b_ds").map(|l| l.print), Some(ListPrint::Sentences));
    // The hint survives the self-contained JSON form.
    let again = Template::from_json(&t.to_json()).unwrap();
    assert_eq!(again.list("b_ds").map(|l| l.print), Some(ListPrint::Sentences));
    v["nodes"][1]["lists"][1]["print"] = "bang".into();
    assert_eq!(
        err_of(v),
        "nodes[1].lists[1] (khóa “b_ds”): “print” phải là “table” hoặc “sentences”, không phải “bang”"
    );
}

#[test]
fn builtin_lists_say_how_they_print_and_tasks_are_items() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        assert_eq!(t.list("mo_hinh_cchc").map(|l| l.print), Some(ListPrint::Sentences));
        assert_eq!(t.list("hoi_quan_ds").map(|l| l.print), Some(ListPrint::Table));
        let items: Vec<&str> =
            t.walk().into_iter().flat_map(|(_, n)| &n.narratives).filter(|n| n.items).map(|n| n.key.as_str()).collect();
        assert_eq!(items, ["N23.text", "N24.text"], "{kind:?}");
        assert!(t.walk().iter().all(|(_, n)| n.when_none == WhenNone::Sentence));
    }
}

#[test]
fn when_none_accepts_sentence_or_nothing_only() {
    let mut v = base();
    v["nodes"][0]["when_none"] = "nothing".into();
    v["nodes"][0]["narratives"][0]["items"] = true.into();
    let t = Template::from_json(&v.to_string()).unwrap();
    assert_eq!(t.node("N01").map(|n| n.when_none), Some(WhenNone::Nothing));
    assert!(t.node("N01").is_some_and(|n| n.narratives[0].items));
    v["nodes"][0]["when_none"] = "im lặng".into();
    assert_eq!(err_of(v), "nodes[0] (mã “N01”): “when_none” phải là “sentence” hoặc “nothing”, không phải “im lặng”");
}

#[test]
fn hash_is_lowercase_hex_sha256_of_the_compact_outline_and_survives_reindenting() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        let h = t.hash();
        assert_eq!(h.len(), 64);
        assert!(h.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)), "{h}");
        let again = Template::from_json(&t.to_json()).unwrap();
        assert_eq!(again.hash(), h, "{kind:?}: the same outline, pretty-printed, has the same hash");
        assert_eq!(t.template_ref(), crate::model::TemplateRef { id: t.id.clone(), version: t.version, hash: Some(h) });
        assert!(t.is_builtin() && !again.is_builtin());
    }
    assert_ne!(Template::builtin(Kind::Cq).hash(), Template::builtin(Kind::Dang).hash());
}

#[test]
fn new_report_records_its_outline_id_version_and_hash() {
    let r = Report::new("r", Kind::Cq, PeriodType::Q1, 2026, Default::default(), chrono::Utc::now());
    assert_eq!(r.template, Template::builtin(Kind::Cq).template_ref());
}

#[test]
fn for_ref_finds_built_ins_with_or_without_a_hash_and_registered_outlines_by_hash() {
    let cq = Template::builtin(Kind::Cq);
    let no_hash = crate::model::TemplateRef { id: "CQ".into(), version: cq.version, hash: None };
    let stale_hash = crate::model::TemplateRef { hash: Some("0".repeat(64)), ..no_hash.clone() };
    assert!(std::ptr::eq(Template::for_ref(&no_hash).unwrap(), cq));
    assert!(std::ptr::eq(Template::for_ref(&stale_hash).unwrap(), cq), "built-ins ignore the hash");

    let mut v = base();
    v["id"] = "TEST_FOR_REF".into();
    let t = Template::from_json(&v.to_string()).unwrap();
    let r = t.template_ref();
    assert!(Template::for_ref(&r).is_none(), "not on the device yet");
    let held = registry::register(t.clone());
    assert!(std::ptr::eq(registry::register(t), held), "registering again is idempotent");
    assert!(std::ptr::eq(Template::for_ref(&r).unwrap(), held));
    assert!(Template::for_ref(&crate::model::TemplateRef { hash: None, ..r.clone() }).is_some());
    assert!(Template::for_ref(&crate::model::TemplateRef { hash: Some("0".repeat(64)), ..r.clone() }).is_none());
    assert!(registry::all().iter().any(|x| std::ptr::eq(*x, held)));
    registry::unregister("TEST_FOR_REF", 1);
    assert!(Template::for_ref(&r).is_none());
}

#[test]
fn registry_lists_outlines_by_id_newest_version_first() {
    let mut v = base();
    v["id"] = "TEST_ORDER".into();
    for version in [1, 3, 2] {
        v["version"] = version.into();
        registry::register(Template::from_json(&v.to_string()).unwrap());
    }
    let versions: Vec<u32> = registry::all().iter().filter(|t| t.id == "TEST_ORDER").map(|t| t.version).collect();
    assert_eq!(versions, [3, 2, 1]);
    let ids: Vec<&str> = registry::all().iter().map(|t| t.id.as_str()).collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]), "{ids:?}");
    for version in [1, 2, 3] {
        registry::unregister("TEST_ORDER", version);
    }
}

#[test]
fn builtin_outlines_name_their_issuer_and_apply_to_every_period() {
    for kind in Kind::ALL {
        let t = Template::builtin(kind);
        assert_eq!(t.issuer, "Ứng dụng Báo cáo Dân vận (đề cương có sẵn)");
        assert_eq!(crate::format::nfc(&t.issuer), t.issuer);
        assert_eq!(t.applies.periods, PeriodType::ALL);
        assert!(t.applies.from.is_none() && t.applies.until.is_none());
        for p in PeriodType::ALL {
            assert!(t.applies.period(&crate::model::Period::calendar(p, 2020)), "{kind:?} {p:?}");
        }
    }
}
