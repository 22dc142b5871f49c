//! Glue between the screens and browser storage: opening the store, the
//! "Đã lưu lúc HH:MM" chip, and the persistent-storage status.

use crate::storage::{local::LocalStore, DraftStore, StorageError};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The app's storage over `window.localStorage`.
pub fn open_store() -> Result<DraftStore<LocalStore>, StorageError> {
    LocalStore::open().map(DraftStore::new)
}

/// Local wall-clock "HH:MM" for the saved chip.
pub fn local_hhmm() -> String {
    crate::format::hour_minute(chrono::Local::now().naive_local())
}

/// What the save chip shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Idle,
    /// Changes not yet written (debouncing).
    Pending,
    /// Written and read back at this local time.
    Saved(String),
    /// The last write failed; the message says why and what to do.
    Failed(String),
}

/// "Đã lưu lúc HH:MM" only after a verified write; never after a failure.
#[component]
pub fn SaveChip(state: RwSignal<SaveState>) -> impl IntoView {
    view! {
        <p class="save-chip" role="status" aria-live="polite">
            {move || match state.get() {
                SaveState::Idle => view! { <span></span> }.into_any(),
                SaveState::Pending => view! { <span class="chip pending">"Đang chờ lưu…"</span> }.into_any(),
                SaveState::Saved(at) => view! { <span class="chip ok">{format!("Đã lưu lúc {at}")}</span> }.into_any(),
                SaveState::Failed(_) => view! { <span class="chip error">"Chưa lưu được"</span> }.into_any(),
            }}
        </p>
    }
}

/// Persistent storage (asked once per start) and space used, as one line.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let text = RwSignal::new(String::new());
    // Reads every stored entry and asks the browser twice: not before the list is shown.
    super::later::after_first_paint(move || {
        wasm_bindgen_futures::spawn_local(async move {
            // `try_set`: the home screen may already be gone.
            text.try_set(describe_storage().await);
        })
    });
    view! { <p class="storage-status">{move || text.get()}</p> }
}

async fn describe_storage() -> String {
    let used_app = open_store().map(|s| s.usage_bytes()).unwrap_or(0);
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return String::new();
    };
    // Ask for persistence so the browser does not evict drafts under pressure.
    let persisted = match manager.persist() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false),
        Err(_) => false,
    };
    let quota = match manager.estimate() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|est| js_sys::Reflect::get(&est, &JsValue::from_str("quota")).ok())
            .and_then(|q| q.as_f64()),
        Err(_) => None,
    };
    let persist_text = if persisted {
        "Trình duyệt đã cho phép lưu bền vững (không tự xóa dữ liệu)."
    } else {
        "Trình duyệt chưa cho phép lưu bền vững: dữ liệu có thể bị xóa khi máy thiếu bộ nhớ; hãy thường xuyên xuất tệp."
    };
    let used = format!("Báo cáo đang dùng {} KB bộ nhớ trên máy này", used_app.div_ceil(1024));
    match quota {
        Some(q) if q > 0.0 => {
            format!("{used} (trình duyệt cho phép khoảng {} MB). {persist_text}", (q / 1_048_576.0).round())
        }
        _ => format!("{used}. {persist_text}"),
    }
}
