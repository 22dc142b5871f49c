//! The browser shell (wasm32 only): Leptos views over the pure engine.

mod app;
mod document;
mod download;
mod editor;
mod exchange_panel;
mod fields;
mod files;
mod home;
mod later;
mod marks;
mod offline;
mod on_demand;
mod outlines;
mod panic_banner;
mod print;
mod profile;
mod shared;
mod storage_ui;
mod summary;

/// Install the panic banner, mount the app on `<body>` in place of the
/// static shell of `index.html`, and register the service worker once the
/// first screen has been painted.
pub fn start() {
    panic_banner::install();
    // Before any screen resolves a draft's outline.
    storage_ui::register_outlines();
    // The shell (top bar and "Đang mở…", painted before the wasm arrived)
    // goes in the same task as the app comes: the browser never paints
    // both, and the app's top bar lands where the shell's was.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
    later::after_first_paint(offline::register_service_worker);
}
