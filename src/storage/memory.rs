use super::{KeyValueStore, StorageError};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// In-memory store for native tests, with an optional quota (in UTF-16 code
/// units of keys + values, as browsers count) to exercise "storage full".
#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        MemoryStore { entries: RefCell::default(), quota: Some(quota) }
    }

    /// Snapshot of everything stored, to assert "nothing changed".
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries.borrow().iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| utf16_len(k) + utf16_len(v)).sum()
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + utf16_len(key) + utf16_len(value) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.entries.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
