//! Reading files the user picks or drops. Oversized files are refused
//! before a byte is read.

use crate::exchange::import::{ImportError, MAX_FILE_BYTES};
use wasm_bindgen_futures::JsFuture;

/// A picked file: its name and bytes, or why it was not read.
pub struct Picked {
    pub name: String,
    pub bytes: Result<Vec<u8>, ImportError>,
}

/// Read every file of a picker or drop.
pub async fn read_all(list: Option<web_sys::FileList>) -> Vec<Picked> {
    let Some(list) = list else { return Vec::new() };
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let name = crate::format::nfc(&file.name());
        let size = file.size() as usize;
        let bytes = if size > MAX_FILE_BYTES {
            Err(ImportError::TooLarge(size))
        } else {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => Err(ImportError::NotJson("không đọc được tệp".into())),
            }
        };
        out.push(Picked { name, bytes });
    }
    out
}

/// Files of an `<input type=file>` change event.
pub fn from_input(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let files = input.files();
    files
}

/// Files of a drop event.
pub fn from_drop(ev: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    ev.data_transfer().and_then(|d| d.files())
}
