//! Screens loaded on demand. The print view, tổng hợp, the unit profile,
//! the outline screen (Đề cương) and the draft move page,
//! reading imported files (and the editor's file of last year for cùng kỳ),
//! making a backup, the Word writer, the editor's export writer ("Xuất
//! tệp") and the check of stored outlines at start (only on a device that
//! has some) are
//! `#[lazy]` functions: the build hook (src/web/split.mjs) cuts each into its
//! own wasm chunk, fetched the first time it is used, so the first download
//! holds only the home screen and the editor. A leaf: it imports no screen.
//!
//! They are lazy only with the crate feature `split`, which index.html turns
//! on for trunk: a `#[lazy]` function leaves an import of the splitter's
//! placeholder module in the linked wasm, which only the split resolves, so
//! test binaries (never split) build them as plain `async fn`s.

use leptos::prelude::*;
use std::future::Future;

/// Shows `screen` once its chunk has arrived, and a quiet "Đang mở…" until
/// then (the same placeholder as the static shell of index.html).
pub fn on_demand(screen: impl Future<Output = AnyView> + Send + 'static) -> AnyView {
    view! {
        <Suspense fallback=|| view! { <p class="shell-loading" role="status">"Đang mở…"</p> }>
            {Suspend::new(screen)}
        </Suspense>
    }
    .into_any()
}
