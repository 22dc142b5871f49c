//! Screens loaded on demand. The print view, tổng hợp, the unit profile, the
//! import/backup panel and the Word writer are `#[lazy]` functions: the
//! release build (src/web/post_build.mjs) cuts each into its own wasm chunk,
//! fetched the first time it is shown, so the first download holds only the
//! home screen and the editor. A leaf: it imports no screen.

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

/// Like [`on_demand`] for a part of a screen (the import/backup panel of
/// home): nothing is shown until it arrives, so the screen around it is not
/// covered by a second placeholder.
pub fn on_demand_part(part: impl Future<Output = AnyView> + Send + 'static) -> AnyView {
    view! { <Suspense fallback=|| ()>{Suspend::new(part)}</Suspense> }.into_any()
}
