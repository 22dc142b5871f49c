//! `window.localStorage` behind [`KeyValueStore`] (wasm32 only).

use super::{KeyValueStore, StorageError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// The browser's localStorage. Construct with [`LocalStore::open`], which
/// fails plainly (instead of panicking) when the browser forbids storage.
pub struct LocalStore {
    raw: web_sys::Storage,
}

impl LocalStore {
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("không có cửa sổ trình duyệt".into()))?;
        match window.local_storage() {
            Ok(Some(raw)) => Ok(LocalStore { raw }),
            Ok(None) => Err(StorageError::Unavailable("localStorage không có".into())),
            Err(e) => Err(StorageError::Unavailable(js_error_name(&e))),
        }
    }
}

fn js_error_name(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "lỗi không rõ".into())
}

fn classify(e: wasm_bindgen::JsValue) -> StorageError {
    let name = js_error_name(&e);
    // Chromium and Firefox use different names for a full store.
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded
    } else {
        StorageError::Other(name)
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let len = self.raw.length().map_err(classify)?;
        Ok((0..len).filter_map(|i| self.raw.key(i).ok().flatten()).collect())
    }
}

/// Remove every key of this app (used by tests and "xóa toàn bộ dữ liệu").
pub fn clear_app_keys() {
    let Ok(store) = LocalStore::open() else { return };
    for key in store.keys().unwrap_or_default() {
        if key.starts_with(super::PREFIX) {
            LocalStorage::delete(&key);
        }
    }
}
