#![cfg(not(target_arch = "wasm32"))]
//! Built-in outlines are loaded on first use, one kind at a time: opening a
//! report loads its own outline only (loading one, even from its compiled
//! form, is a visible share of the editor's cold start). Its own test binary,
//! so no other test has loaded an outline in this process before it runs; a
//! single test, for the same reason.

use bao_cao_dan_van::editor::outlines::newer_versions;
use bao_cao_dan_van::model::{Kind, TemplateRef};
use bao_cao_dan_van::template::Template;

fn reference(id: &str, version: u32) -> TemplateRef {
    TemplateRef { id: id.into(), version, hash: None }
}

#[test]
fn resolving_a_reports_built_in_outline_loads_that_outline_only() {
    assert!(!Template::builtin_is_loaded(Kind::Cq) && !Template::builtin_is_loaded(Kind::Dang));

    // A reference to no built-in outline loads none.
    assert!(Template::builtin_for(&reference("CQ", 999)).is_none());
    assert!(Template::builtin_for(&reference("KHAC", 1)).is_none());
    assert!(!Template::builtin_is_loaded(Kind::Cq) && !Template::builtin_is_loaded(Kind::Dang));

    // A CQ report: the CQ outline, and not the ĐẢNG one (listed first).
    let cq = Template::for_ref(&reference("CQ", 1)).expect("CQ version 1 is built in");
    assert!(std::ptr::eq(cq, Template::builtin(Kind::Cq)));
    assert!(Template::builtin_is_loaded(Kind::Cq));
    assert!(!Template::builtin_is_loaded(Kind::Dang), "opening a CQ report loaded the ĐẢNG outline");
    // The editor then asks whether a newer version of it is on the device.
    assert!(newer_versions(&cq.template_ref()).is_empty());
    assert!(!Template::builtin_is_loaded(Kind::Dang), "looking for newer CQ outlines loaded the ĐẢNG outline");

    // The heads read without decoding the rest agree with the outlines.
    let dang = Template::builtin_for(&reference("DANG", 1)).expect("DANG version 1 is built in");
    assert!(std::ptr::eq(dang, Template::builtin(Kind::Dang)));
    for kind in Kind::ALL {
        let builtin = Template::builtin(kind);
        assert!(std::ptr::eq(Template::builtin_for(&builtin.template_ref()).unwrap(), builtin), "{kind:?}");
    }
}
