//! Reading files the user picks or drops. Oversized files are refused
//! without reading more than the limit.

use crate::exchange::import::{ImportError, QuickContent, QuickHash, MAX_BACKUP_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A picked file: its name and bytes, or why it was not read.
pub struct Picked {
    pub name: String,
    pub bytes: Result<Vec<u8>, ImportError>,
}

/// Read every picked or dropped file, all at once.
pub async fn read_all(files: Vec<web_sys::File>) -> Vec<Picked> {
    let reads = files.iter().map(|file| async move {
        let name = crate::format::nfc(&file.name());
        let bytes = read_limited(file).await;
        Picked { name, bytes }
    });
    futures::future::join_all(reads).await
}

/// The bytes of `file`, read as a stream so that an oversized file is
/// dropped once it passes the limit. (Asking a picked file for its `size`
/// first would be simpler, but Chromium answers it with a synchronous
/// look-up on disk, about half a millisecond per file on a tablet.)
async fn read_limited(file: &web_sys::File) -> Result<Vec<u8>, ImportError> {
    let unreadable = |_| ImportError::NotJson("không đọc được tệp".into());
    let reader: web_sys::ReadableStreamDefaultReader = file.stream().get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(unreadable)?;
        if js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).map_err(unreadable)?.is_truthy() {
            return Ok(bytes);
        }
        let value: js_sys::Uint8Array =
            js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).map_err(unreadable)?.unchecked_into();
        if bytes.len() + value.length() as usize > MAX_BACKUP_BYTES {
            let _ = reader.cancel();
            return Err(ImportError::TooLarge(file.size() as usize));
        }
        if bytes.is_empty() {
            // Usually the whole file: one allocation of the right size.
            bytes = value.to_vec();
        } else {
            let start = bytes.len();
            bytes.resize(start + value.length() as usize, 0);
            value.copy_to(&mut bytes[start..]);
        }
    }
}

/// For each file, the SHA-256 (hex) of what its checksum covers when it is
/// in the form this app exports (see `import::QuickContent`),
/// computed by the browser: many times faster than in wasm, and off the
/// main thread. `None` where that does not apply or the browser cannot
/// (no `crypto.subtle` outside a secure context); the file is then hashed
/// in wasm as before.
pub async fn quick_hashes(files: &[(String, Vec<u8>)]) -> Vec<Option<QuickHash>> {
    let subtle = web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.subtle());
    let digests = files.iter().map(|(_, bytes)| {
        let started = subtle.as_ref().and_then(|subtle| {
            let content = QuickContent::of(bytes)?;
            Some((subtle.digest_with_str_and_u8_array("SHA-256", content.bytes()).ok()?, content.receipt()))
        });
        async move {
            let (digest, receipt) = started?;
            let digest = JsFuture::from(digest).await.ok()?;
            let bytes = js_sys::Uint8Array::new(&digest).to_vec();
            Some(receipt.hashed(crate::exchange::hex(&bytes)))
        }
    });
    futures::future::join_all(digests).await
}

/// A `FileList` is live (clearing the input empties it): copy it out first.
fn collect(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default()
}

/// Files of an `<input type=file>` change event; the input is then cleared
/// so that picking the same file again fires another change.
pub fn from_input(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = collect(input.files());
    input.set_value("");
    files
}

/// Files of a drop event.
pub fn from_drop(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    collect(ev.data_transfer().and_then(|d| d.files()))
}

/// A drop zone with a "choose files" button (JSON files, several at once);
/// `children` are extra buttons shown beside it.
#[leptos::component]
pub fn DropZone(
    /// Text above the buttons.
    hint: &'static str,
    /// Label of the file button.
    button: &'static str,
    /// `name` of the file input (tests and support refer to it).
    name: &'static str,
    #[prop(into)] on_files: leptos::prelude::Callback<Vec<web_sys::File>>,
    children: leptos::prelude::Children,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let dragging = RwSignal::new(false);
    view! {
        <div class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(false); on_files.run(from_drop(&ev)); }>
            <p>{hint}</p>
            <div class="exchange-actions">
                <label class="button primary file-button">
                    {button}
                    <input type="file" class="visually-hidden" name=name accept=".json,application/json" multiple
                        on:change=move |ev| on_files.run(from_input(&ev)) />
                </label>
                {children()}
            </div>
        </div>
    }
}
