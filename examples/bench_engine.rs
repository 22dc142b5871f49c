//! Times `evaluate` on a fully filled report of each kind (not an assertion).
//! Run with `cargo run --release --example bench_engine`.
//!
//! 1000 evaluations are run in 10 batches of 100; the fastest and the median
//! batch are reported, since a shared machine adds noise.

use bao_cao_dan_van::engine::evaluate;
use bao_cao_dan_van::fixtures::full_report;
use bao_cao_dan_van::model::Kind;
use bao_cao_dan_van::template::Template;
use std::time::{Duration, Instant};

fn main() {
    const BATCHES: u32 = 10;
    const PER_BATCH: u32 = 100;
    for kind in Kind::ALL {
        let template = Template::builtin(kind);
        let report = full_report(kind);
        let first = evaluate(template, &report);
        let text_bytes: usize = report.texts.values().map(String::len).sum();
        let mut batches: Vec<Duration> = (0..BATCHES)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..PER_BATCH {
                    std::hint::black_box(evaluate(template, std::hint::black_box(&report)));
                }
                start.elapsed() / PER_BATCH
            })
            .collect();
        batches.sort();
        println!(
            "{}: {} values, {} list rows, {} KB of narrative, {} computed values, {} issues; \
             per evaluation over {} runs: fastest batch {:?}, median batch {:?}",
            kind.code(),
            report.values.len() + report.cung_ky.len(),
            report.lists.values().map(Vec::len).sum::<usize>(),
            text_bytes / 1024,
            first.computed.len(),
            first.issues.len(),
            BATCHES * PER_BATCH,
            batches[0],
            batches[batches.len() / 2],
        );
        for i in &first.issues {
            println!("  {} {:?} {}", i.rule, i.paths, i.message);
        }
    }
}
