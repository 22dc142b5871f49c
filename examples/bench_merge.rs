//! Times the merge of the benchmark's 200 ward files natively (not an
//! assertion): the same work as "Tổng hợp" in the browser once the files
//! are read and hashed. Run `cargo run --release --example bench_fixtures`
//! first (or `.ci/bench`), then `cargo run --release --example bench_merge [dir] [runs]`.

use bao_cao_dan_van::exchange::import::{QuickContent, QuickHash};
use bao_cao_dan_van::exchange::summary::merge_hashed;
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench/fixtures/wards".into());
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}; write the fixtures first"))
        .map(|entry| {
            let path = entry.expect("directory entry").path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).expect("fixture"))
        })
        .collect();
    files.sort();
    // The browser hashes off the main thread: take those hashes as given.
    let hashes: Vec<Option<QuickHash>> =
        files.iter().map(|(_, bytes)| QuickContent::of(bytes).map(|c| QuickHash::of(&c))).collect();
    let now = chrono::Utc::now();
    let count: usize = std::env::args().nth(2).map_or(10, |n| n.parse().expect("a number of runs"));
    let mut runs: Vec<Duration> = (0..count)
        .map(|_| {
            let start = Instant::now();
            let summary = merge_hashed(&files, &hashes, now).expect("the fixtures merge");
            std::hint::black_box(summary);
            start.elapsed()
        })
        .collect();
    runs.sort();
    println!("merge of {} files: fastest {:?}, median {:?}", files.len(), runs[0], runs[runs.len() / 2]);
}
