//! Browser entry point. On the host this binary does nothing; the library
//! holds all logic and its tests.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bao_cao_dan_van::ui::start();
}
