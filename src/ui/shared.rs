//! What several screens share. A leaf: it imports no screen, so screens
//! never import each other for these.

use super::on_demand::on_demand_fn;
use leptos::prelude::*;

/// The app's version, written into export and backup files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A new random id (UUID v4 from the browser) for a report, a copy or an editor.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("id-{}", js_sys::Date::now() as u64))
}

/// Set by the editor while an edit is not yet saved, so the update prompt
/// waits for it (provided by the app shell).
#[derive(Clone, Copy)]
pub struct PendingEdits(pub RwSignal<bool>);

/// Offer `doc` as a Word file, named like its PDF. The Word writer comes
/// from its own wasm chunk the first time (see `on_demand`).
pub async fn save_docx(doc: crate::print::Document) -> Result<(), String> {
    let (name, bytes) = docx_file(doc).await.map_err(|missing| missing.message().to_string())?;
    super::download::download_bytes(&name, crate::print::docx::MIME, &bytes)
}

/// Offer the printed form of `report` as a Word file; building the printed
/// document waits for the same chunk as the Word writer.
pub async fn save_report_docx(report: crate::model::Report) -> Result<(), String> {
    let (name, bytes) = report_docx_file(report).await.map_err(|missing| missing.message().to_string())?;
    super::download::download_bytes(&name, crate::print::docx::MIME, &bytes)
}

on_demand_fn! {
    fn docx_file(doc: crate::print::Document) -> (String, Vec<u8>) {
        use crate::print::docx;
        (docx::file_name(&doc), docx::docx(&doc))
    }
}

/// Fetches the Word writer's chunk while the cadre points at, touches or
/// tabs to the editor's Word button, so the click rarely waits for it; a
/// chunk that does not arrive is said by the click itself.
pub fn prefetch_report_docx() {
    leptos::task::spawn_local(async {
        let _ = preload_report_docx().await;
    });
}

on_demand_fn! {
    preload preload_report_docx;
    fn report_docx_file(report: crate::model::Report) -> (String, Vec<u8>) {
        use crate::print::docx;
        let doc = crate::print::build_report(&report);
        (docx::file_name(&doc), docx::docx(&doc))
    }
}
