//! The browser shell (wasm32 only): Leptos views over the pure engine.

mod app;
mod download;
mod editor;
mod exchange_panel;
mod fields;
mod files;
mod home;
mod marks;
mod offline;
mod panic_banner;
mod print;
mod profile;
mod shared;
mod storage_ui;
mod summary;

/// Install the panic banner, register the service worker and mount the app
/// on `<body>`.
pub fn start() {
    panic_banner::install();
    offline::register_service_worker();
    leptos::mount::mount_to_body(app::App);
}
