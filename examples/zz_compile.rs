fn main() {
    for _ in 0..20 {
        std::hint::black_box(
            bao_cao_dan_van::template::Template::from_outline(
                include_str!("../src/template/cq.json"),
                include_str!("../src/template/catalogue.json"),
            )
            .unwrap(),
        );
    }
}
