//! Báo cáo Dân vận: a pure report engine (template, model, evaluation,
//! Vietnamese formatting, storage logic) and, on wasm32 only, the Leptos shell.

pub mod format;
pub mod model;
pub mod template;
pub mod engine;
pub mod fixtures;
