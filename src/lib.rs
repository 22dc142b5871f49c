//! Báo cáo Dân vận: a pure report engine (template, model, evaluation,
//! Vietnamese formatting, storage logic) and, on wasm32 only, the Leptos shell.

pub mod editor;
pub mod engine;
pub mod exchange;
pub mod fixtures;
pub mod format;
pub mod model;
pub mod print;
pub mod route;
pub mod storage;
pub mod template;

#[cfg(target_arch = "wasm32")]
pub mod ui;
