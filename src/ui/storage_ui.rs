//! Glue between the screens and browser storage: opening the store, the
//! "Đã lưu lúc HH:MM" chip, loaded outlines at start, and the storage status.

use super::on_demand::on_demand_fn;
use crate::storage::{local::LocalStore, used_units, DraftStore, OutlineStore, Space, StorageError};
use leptos::prelude::*;
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

/// Vietnamese notices of stored outlines that no longer load, from
/// [`register_outlines`] (wasm is single-threaded: set once at start).
static OUTLINE_NOTICES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Whether outlines are stored on this device (see [`register_outlines`]).
pub fn stored_outlines() -> bool {
    LocalStore::open().is_ok_and(|local| OutlineStore::new(&local).any_stored())
}

/// Register the outlines loaded on this device, so drafts naming them open
/// editable. Once, at start, before any screen resolves a draft's outline;
/// only on a device that has some ([`stored_outlines`]), as their checks
/// come from their own wasm chunk.
pub async fn register_outlines() {
    // Without the chunk, drafts of stored outlines open read-only until the
    // next start; nothing is written, so nothing is lost.
    let notices = register_stored_outlines().await.unwrap_or_else(|missing| vec![missing.message().to_string()]);
    let _ = OUTLINE_NOTICES.set(notices);
}

on_demand_fn! {
    fn register_stored_outlines() -> Vec<String> {
        match LocalStore::open() {
            Ok(local) => OutlineStore::new(&local).register_all(),
            // The home screen reports storage that cannot be opened.
            Err(_) => Vec::new(),
        }
    }
}

/// What [`register_outlines`] found wrong, for the home screen.
pub fn outline_notices() -> Vec<String> {
    OUTLINE_NOTICES.get().cloned().unwrap_or_default()
}

/// The app's use of localStorage against the room localStorage really has
/// (with a warning when it runs out), and persistent storage (asked once
/// per start), as one line.
#[component]
pub fn StorageStatus() -> impl IntoView {
    // The whole line comes at once, after the persistence answer: the line
    // sits below the panels, which settle in the first frames, and text
    // shown before would count as moved (layout shift). It reads every
    // stored entry and asks the browser: not before the list is shown.
    let status = RwSignal::new(None::<(String, bool)>);
    super::later::after_first_paint(move || {
        let space = LocalStore::open().ok().map(|local| Space::new(used_units(&local)));
        wasm_bindgen_futures::spawn_local(async move {
            let persist = describe_persistence().await;
            let line = space.map(|space| space.message()).unwrap_or_default();
            let warn = space.is_some_and(|space| space.running_out());
            // `try_set`: the home screen may already be gone.
            status.try_set(Some((format!("{line} {persist}").trim().to_string(), warn)));
        })
    });
    view! {
        <p class="storage-status" class:notice=move || status.with(|s| s.as_ref().is_some_and(|(_, warn)| *warn))
            class:warn=move || status.with(|s| s.as_ref().is_some_and(|(_, warn)| *warn))>
            {move || status.with(|s| s.as_ref().map(|(text, _)| text.clone()).unwrap_or_default())}
        </p>
    }
}

async fn describe_persistence() -> String {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return String::new();
    };
    // Ask for persistence so the browser does not evict drafts under pressure.
    let persisted = match manager.persist() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false),
        Err(_) => false,
    };
    if persisted {
        "Trình duyệt đã cho phép lưu bền vững (không tự xóa dữ liệu).".into()
    } else {
        "Trình duyệt chưa cho phép lưu bền vững: dữ liệu có thể bị xóa khi máy thiếu bộ nhớ; hãy thường xuyên xuất tệp."
            .into()
    }
}
