//! Save bytes as a file through the browser's download (works offline).

use wasm_bindgen::JsCast;

/// Offer `content` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    save(file_name, mime, &parts)
}

/// Offer binary `content` (a .docx) as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content));
    save(file_name, mime, &parts)
}

fn save(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
        .map_err(|_| "không tạo được tệp".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "không tạo được tệp".to_string())?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("không có tài liệu")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "lỗi trình duyệt")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
