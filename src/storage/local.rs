//! `window.localStorage` behind [`KeyValueStore`] (wasm32 only).

use super::{KeyValueStore, StorageError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage. Construct with [`LocalStore::open`], which
/// fails plainly (instead of panicking) when the browser forbids storage.
pub struct LocalStore {
    raw: web_sys::Storage,
}

impl LocalStore {
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("không có cửa sổ trình duyệt".into()))?;
        match window.local_storage() {
            Ok(Some(raw)) => Ok(LocalStore { raw }),
            Ok(None) => Err(StorageError::Unavailable("localStorage không có".into())),
            Err(e) => Err(StorageError::Unavailable(js_error_name(&e))),
        }
    }
}

fn js_error_name(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "lỗi không rõ".into())
}

fn classify(e: JsValue) -> StorageError {
    let name = js_error_name(&e);
    // Chromium and Firefox use different names for a full store.
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded
    } else {
        StorageError::Other(name)
    }
}

// `Storage` methods taking and returning JS strings as they are, so a
// value can be measured, compared or copied without crossing into wasm
// (web-sys converts every string to UTF-8 and back).
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Object)]
    type JsStorage;

    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_js(this: &JsStorage, key: &str) -> Result<Option<js_sys::JsString>, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_js(this: &JsStorage, key: &str, value: &js_sys::JsString) -> Result<(), JsValue>;
}

impl LocalStore {
    fn js(&self) -> &JsStorage {
        self.raw.unchecked_ref()
    }
}

impl KeyValueStore for LocalStore {
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StorageError> {
        let text = self.js().get_js(key).map_err(classify)?;
        // UTF-16 units, not characters: a cut surrogate pair only spoils
        // the tail, which `revision_in_head` never reads.
        Ok(text.map(|t| String::from(t.slice(0, chars as u32))))
    }

    fn replace(&self, key: &str, value: &str, old_to: Option<&str>) -> Result<bool, StorageError> {
        let storage = self.js();
        let old = match old_to {
            Some(_) => storage.get_js(key).map_err(classify)?,
            None => None,
        };
        let value = js_sys::JsString::from(value);
        storage.set_js(key, &value).map_err(classify)?;
        if storage.get_js(key).map_err(classify)? != Some(value) {
            return Ok(false);
        }
        if let (Some(old), Some(old_to)) = (old, old_to) {
            if storage.set_js(old_to, &old).is_err() {
                let _ = self.raw.remove_item(old_to);
            }
        }
        Ok(true)
    }

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
