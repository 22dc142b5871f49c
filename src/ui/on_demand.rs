//! Screens loaded on demand. The print view, tổng hợp, the unit profile,
//! the outline screen (Đề cương) and the draft move page,
//! reading imported files (and the editor's file of last year for cùng kỳ),
//! making a backup, the Word writer, the editor's export writer ("Xuất
//! tệp") and the check of stored outlines at start (only on a device that
//! has some) are declared with [`on_demand_fn!`]: the build hook
//! (src/web/split.mjs) cuts each into its own wasm chunk, fetched the first
//! time it is used, so the first download holds only the home screen and
//! the editor. A leaf: it imports no screen.
//!
//! A chunk can fail to arrive: the device went offline before the service
//! worker had stored it, or another tab installed a newer build whose files
//! replaced this tab's. Leptos' `#[lazy]` panics then, and a panic aborts
//! the whole wasm module; the `fallible` split used here returns
//! [`ChunkMissing`] instead, and a later call tries again.

use leptos::prelude::*;
use std::future::Future;

/// A piece of the app that could not be fetched (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

impl ChunkMissing {
    /// What the user is told; nothing they typed depends on the piece.
    pub fn message(self) -> &'static str {
        "Chưa tải được phần này của ứng dụng: máy đang không có mạng, hoặc ứng dụng vừa được cập nhật ở một cửa sổ khác. \
         Mọi nội dung đã nhập vẫn được lưu trên máy. Hãy kết nối mạng rồi bấm «Thử lại», hoặc tải lại trang."
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// Declares `fn name(args) -> T { body }` as an on-demand piece: an
/// `async fn name(args) -> Result<T, ChunkMissing>`, split into its own
/// wasm chunk with the crate feature `split` (which index.html turns on for
/// trunk). Test binaries, never split, get the same signature without the
/// split: a split function leaves an import of the splitter's placeholder
/// module in the linked wasm, which only the split resolves.
///
/// `preload name;` before the function also declares `async fn name()`,
/// which fetches the chunk without calling the piece (its result says
/// whether the chunk arrived; callers that only prefetch ignore it).
macro_rules! on_demand_fn {
    (@unsplit $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::on_demand::ChunkMissing> {
            Ok($body)
        }
    };
    (preload $preload:ident; $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($name, fallible, preload($preload), wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::on_demand::ChunkMissing> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $vis async fn $preload() -> Result<(), $crate::ui::on_demand::ChunkMissing> {
            Ok(())
        }

        $crate::ui::on_demand::on_demand_fn!(@unsplit $(#[$attr])* $vis fn $name($($arg: $ty),*) -> $ret $body);
    };
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($name, fallible, wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::on_demand::ChunkMissing> {
            Ok($body)
        }

        $crate::ui::on_demand::on_demand_fn!(@unsplit $(#[$attr])* $vis fn $name($($arg: $ty),*) -> $ret $body);
    };
}
pub(crate) use on_demand_fn;

/// Shows the screen `load` gives once its chunk has arrived, and a quiet
/// "Đang mở…" until then (the same placeholder as the static shell of
/// index.html). If the chunk does not arrive, says so and offers to try
/// again.
pub fn on_demand<F>(load: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Result<AnyView, ChunkMissing>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=|| view! { <p class="shell-loading" role="status">"Đang mở…"</p> }>
            {move || {
                attempt.track();
                let screen = load();
                Suspend::new(async move { screen.await.unwrap_or_else(|missing| missing_view(missing, attempt)) })
            }}
        </Suspense>
    }
    .into_any()
}

fn missing_view(missing: ChunkMissing, attempt: RwSignal<u32>) -> AnyView {
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="screen">
            <div class="notice error" role="alert">
                <p>{missing.message()}</p>
                <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Thử lại"</button>
                <button type="button" on:click=reload>"Tải lại trang"</button>
            </div>
        </section>
    }
    .into_any()
}
