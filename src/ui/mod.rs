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
mod print;
mod profile;
mod shared;
mod storage_ui;
mod summary;

/// Mount the app on `<body>` in place of the static shell of `index.html`
/// (once stored outlines are registered), and register the service worker
/// once the first screen has been painted.
///
/// A panic is logged here and shown to the user by `src/web/fatal.js`,
/// outside the wasm: it sees the trap every panic ends in (`panic = "abort"`).
pub fn start() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    // Stored outlines are registered before any screen resolves a draft's
    // outline; their checks are a chunk, so only a device with some waits.
    if storage_ui::stored_outlines() {
        wasm_bindgen_futures::spawn_local(async {
            storage_ui::register_outlines().await;
            mount();
        });
    } else {
        mount();
    }
}

fn mount() {
    // The shell (top bar and "Đang mở…", painted before the wasm arrived)
    // goes in the same task as the app comes: the browser never paints
    // both, and the app's top bar lands where the shell's was.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
    later::after_first_paint(offline::register_service_worker);
}
