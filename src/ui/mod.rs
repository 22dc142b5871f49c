//! The browser shell (wasm32 only): Leptos views over the pure engine.

mod app;
mod home;
mod panic_banner;

/// Install the panic banner and mount the app on `<body>`.
pub fn start() {
    panic_banner::install();
    leptos::mount::mount_to_body(app::App);
}
