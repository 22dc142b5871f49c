//! What several screens share. A leaf: it imports no screen, so screens
//! never import each other for these.

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

/// Offer `doc` as a Word file, named like its PDF.
pub fn save_docx(doc: &crate::print::Document) -> Result<(), String> {
    use crate::print::docx;
    super::download::download_bytes(&docx::file_name(doc), docx::MIME, &docx::docx(doc))
}
