//! Reading files the user picks or drops. Oversized files are refused
//! before a byte is read.

use crate::exchange::import::{ImportError, MAX_FILE_BYTES};
use wasm_bindgen_futures::JsFuture;

/// A picked file: its name and bytes, or why it was not read.
pub struct Picked {
    pub name: String,
    pub bytes: Result<Vec<u8>, ImportError>,
}

/// Read every picked or dropped file (all reads started at once).
pub async fn read_all(files: Vec<web_sys::File>) -> Vec<Picked> {
    // Start every read before awaiting any: 200 files read concurrently.
    let pending: Vec<(String, Result<JsFuture, ImportError>)> = files
        .iter()
        .map(|file| {
            let name = crate::format::nfc(&file.name());
            let size = file.size() as usize;
            let read = if size > MAX_FILE_BYTES { Err(ImportError::TooLarge(size)) } else { Ok(JsFuture::from(file.array_buffer())) };
            (name, read)
        })
        .collect();
    let mut out = Vec::with_capacity(pending.len());
    for (name, read) in pending {
        let bytes = match read {
            Err(e) => Err(e),
            Ok(future) => match future.await {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => Err(ImportError::NotJson("không đọc được tệp".into())),
            },
        };
        out.push(Picked { name, bytes });
    }
    out
}

/// A `FileList` is live (clearing the input empties it): copy it out first.
fn collect(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default()
}

/// Files of an `<input type=file>` change event; the input is then cleared
/// so that picking the same file again fires another change.
pub fn from_input(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return Vec::new() };
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
