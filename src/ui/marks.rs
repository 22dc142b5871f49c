//! Performance marks at the moments the benchmark (tests/bench) measures
//! between: the app knows when a save or a merge really starts and ends.
//! A mark costs well under a microsecond.

/// Add a mark named `name` to the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
