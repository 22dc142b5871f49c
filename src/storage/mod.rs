//! Draft storage: the only code that decides what goes into browser storage.
//!
//! The logic here is pure and runs over [`KeyValueStore`], so it is tested
//! natively with [`MemoryStore`]; the browser implementation (localStorage)
//! lives in `local.rs` and is compiled for wasm32 only.
//!
//! Layout, all under one prefix so the app never touches other sites' keys:
//! - `bcdv.index`: the draft list ([`Index`]), derived data, rebuilt from
//!   the drafts when missing or unreadable;
//! - `bcdv.draft.<id>`: one [`Envelope`] per draft;
//! - `bcdv.draft.<id>.prev`: an earlier revision, restorable: the one a save
//!   replaced, or for the editor the one it opened (see [`Previous`]);
//! - `bcdv.profile`: the unit profile (its saves are checked against a hash
//!   of the stored text, see [`profile_tag`]);
//! - `bcdv.journal.<id>`: keystrokes not yet saved (see `editor::journal`);
//! - `bcdv.quarantine.<n>.<original key>`: raw text of an entry that could
//!   not be read, kept (never deleted silently) so it can be exported;
//! - `bcdv.outline.<id>.<version>`: a loaded outline (đề cương), its
//!   canonical JSON (see [`OutlineStore`]); built-in outlines are not stored.

mod drafts;
#[cfg(target_arch = "wasm32")]
pub mod local;
mod memory;
mod outlines;
mod space;

pub use drafts::{
    draft_key, parse_profile, profile_tag, Deleted, DraftStore, DraftSummary, Envelope, Index, LoadedDraft, Previous,
    Problem, SaveError, SaveOutcome, StoredProfile, Undeleted, PROFILE_KEY,
};
pub use memory::MemoryStore;
pub use outlines::{outline_key, OutlineMeta, OutlineStore};
pub use space::{used_units, Space, LOCAL_STORAGE_QUOTA, WARN_PERCENT};

/// The id of a draft: what follows `bcdv.draft.` in its key, and what the
/// routes `#/bao-cao/<id>` and `#/in/<id>` carry. 1–64 ASCII letters,
/// digits or `-` (the app makes UUIDs; imported files are held to the same
/// rule), so an id can never name `<id>.prev` or any other key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DraftId(String);

impl DraftId {
    pub const MAX_LEN: usize = 64;

    /// `None` for anything that is not a draft id.
    pub fn parse(text: &str) -> Option<DraftId> {
        let valid = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        valid.then(|| DraftId(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::fmt::Display for DraftId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Prefix of every key the app owns.
pub const PREFIX: &str = "bcdv.";
/// Version of the storage layout (envelope + index), not of the report schema.
pub const STORAGE_VERSION: u32 = 1;

/// Why a storage call failed. Never swallowed: the UI shows each one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused the write: storage is full (`QuotaExceededError`).
    QuotaExceeded,
    /// Storage cannot be used at all (private mode, disabled by policy).
    Unavailable(String),
    /// Anything else the browser reported.
    Other(String),
}

impl StorageError {
    /// Plain Vietnamese explanation for the user.
    pub fn message(&self) -> String {
        match self {
            StorageError::QuotaExceeded => "Bộ nhớ của trình duyệt đã đầy: bản sửa mới nhất CHƯA được lưu. \
                 Hãy bấm «Xuất tệp ngay» để giữ dữ liệu, rồi xóa bớt báo cáo cũ."
                .to_string(),
            StorageError::Unavailable(why) => format!(
                "Trình duyệt không cho phép lưu dữ liệu (chế độ ẩn danh hoặc bộ nhớ bị tắt): {why}. \
                 Dữ liệu sẽ mất khi đóng trang; hãy xuất tệp để giữ lại."
            ),
            StorageError::Other(why) => format!("Không lưu được dữ liệu: {why}."),
        }
    }
}

/// A string key-value store with the semantics of `window.localStorage`.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key currently stored (any prefix).
    fn keys(&self) -> Result<Vec<String>, StorageError>;

    /// At most the first `chars` characters of the text under `key`.
    /// A backend overrides it when reading a whole large value is costly
    /// (localStorage copies every character into wasm).
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StorageError> {
        Ok(self.get(key)?.map(|text| text.chars().take(chars).collect()))
    }

    /// Replace the text under `key` with `value` and read it back, then
    /// keep the replaced text under `old_to` when given. Keeping the old
    /// text must never cost the new one: when it does not fit, `old_to` is
    /// removed instead. `Ok(false)` when the read-back differs (nothing is
    /// kept then). A backend overrides it to do this without copying the
    /// texts into wasm.
    fn replace(&self, key: &str, value: &str, old_to: Option<&str>) -> Result<bool, StorageError> {
        let old = match old_to {
            Some(_) => self.get(key)?,
            None => None,
        };
        self.set(key, value)?;
        if self.get(key)?.as_deref() != Some(value) {
            return Ok(false);
        }
        if let (Some(old), Some(old_to)) = (old, old_to) {
            if self.set(old_to, &old).is_err() {
                let _ = self.remove(old_to);
            }
        }
        Ok(true)
    }
}

/// A borrowed store is a store: the draft store and the outline store can
/// share one backend (and its overrides of `get_head` and `replace`).
impl<T: KeyValueStore + ?Sized> KeyValueStore for &T {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StorageError> {
        (**self).get_head(key, chars)
    }
    fn replace(&self, key: &str, value: &str, old_to: Option<&str>) -> Result<bool, StorageError> {
        (**self).replace(key, value, old_to)
    }
}
