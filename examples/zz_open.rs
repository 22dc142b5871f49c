use bao_cao_dan_van::model::Report;
use bao_cao_dan_van::template::Template;
use std::time::Instant;
fn main() {
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("target/bench/fixtures/storage.json").unwrap()).unwrap();
    let text = s["bcdv.draft.00000000-0000-4000-8000-000000000002"].as_str().unwrap().to_string();
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        std::hint::black_box(v);
    }
    println!("envelope->Value {:?}", t.elapsed() / n);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(v["report"].to_string());
    }
    println!("Value->string {:?}", t.elapsed() / n);
    let rs = v["report"].to_string();
    let t = Instant::now();
    for _ in 0..n {
        let r: Report = serde_json::from_str(&rs).unwrap();
        std::hint::black_box(r);
    }
    println!("string->Report {:?}", t.elapsed() / n);
    let r: Report = serde_json::from_str(&rs).unwrap();
    let t = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(
            Template::from_outline(
                include_str!("../src/template/cq.json"),
                include_str!("../src/template/catalogue.json"),
            )
            .unwrap(),
        );
    }
    println!("compile CQ {:?}", t.elapsed() / 20);
    let tpl = Template::for_report(&r);
    let t = Instant::now();
    for _ in 0..n {
        let e = bao_cao_dan_van::engine::evaluate(tpl, &r);
        std::hint::black_box(&e);
    }
    println!("evaluate {:?}", t.elapsed() / n);
    let e = bao_cao_dan_van::engine::evaluate(tpl, &r);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(bao_cao_dan_van::print::stale_sentences(tpl, &r, &e));
    }
    println!("stale_sentences {:?} (sentences {})", t.elapsed() / n, r.sentences.len());
    println!("report text {} chars", rs.len());
}
