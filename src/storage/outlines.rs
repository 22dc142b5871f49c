//! Loaded outlines (đề cương) in storage: one key per outline version,
//! `bcdv.outline.<id>.<version>`, holding the outline's JSON as
//! [`Template::to_json`] writes it, without indentation.
//!
//! Built-in outlines are never stored: they come with the app. A stored
//! outline is hostile like any file (it may have been written by a newer
//! app, or changed by hand): [`OutlineStore::register_all`] checks each one
//! again with [`Template::from_file`] before the app uses it.

use super::{DraftSummary, KeyValueStore, StorageError};
use crate::model::Kind;
use crate::template::{registry, Template};
use sha2::{Digest, Sha256};

const OUTLINE_PREFIX: &str = "bcdv.outline.";

/// What the outline list shows of one stored outline, read without
/// compiling it (so an outline this version cannot load is still listed
/// and can be removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineMeta {
    pub id: String,
    pub version: u32,
    pub title: String,
    /// The issuing body ("Ban Dân vận Thành ủy …"); empty when the file names none.
    pub issuer: String,
    /// `None` when the stored text names no kind this version knows.
    pub kind: Option<Kind>,
    /// [`Template::hash`]; for a stored text that no longer loads, the
    /// SHA-256 of the text itself.
    pub hash: String,
    /// Bytes the entry takes in localStorage (key and text, UTF-16 as browsers count).
    pub bytes: usize,
}

/// The members of an outline file [`OutlineStore::list`] reads; the rest
/// of the file is ignored here.
#[derive(serde::Deserialize)]
struct Head {
    #[serde(default)]
    title: String,
    #[serde(default)]
    issuer: Option<serde_json::Value>,
    #[serde(default)]
    kind: Option<serde_json::Value>,
}

/// The issuer as the list shows it: the file may give a plain name or an
/// object with a `name`.
fn issuer_text(value: Option<&serde_json::Value>) -> String {
    match value {
        Some(serde_json::Value::String(name)) => name.clone(),
        Some(serde_json::Value::Object(map)) => {
            map.get("name").and_then(|n| n.as_str()).map(str::to_string).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// Outline ids go into storage keys: the same characters a draft id may
/// have plus `_`, and no `.`, so `<id>.<version>` always splits one way.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Key of outline `id` version `version`; `None` for an id no key may hold.
pub fn outline_key(id: &str, version: u32) -> Option<String> {
    valid_id(id).then(|| format!("{OUTLINE_PREFIX}{id}.{version}"))
}

/// The id and version a stored outline's key names.
fn parse_key(key: &str) -> Option<(String, u32)> {
    let rest = key.strip_prefix(OUTLINE_PREFIX)?;
    let (id, digits) = rest.rsplit_once('.')?;
    let version: u32 = digits.parse().ok()?;
    // `x.01` is not a key `outline_key` writes.
    (valid_id(id) && version.to_string() == digits).then(|| (id.to_string(), version))
}

/// `json` without the whitespace between its tokens (strings untouched):
/// an outline is stored as it loads, at some two thirds of its indented size.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn utf16_bytes(text: &str) -> usize {
    2 * text.encode_utf16().count()
}

/// Loaded outlines over any [`KeyValueStore`] (localStorage in the app).
pub struct OutlineStore<'a, S: KeyValueStore> {
    store: &'a S,
}

impl<'a, S: KeyValueStore> OutlineStore<'a, S> {
    pub fn new(store: &'a S) -> Self {
        OutlineStore { store }
    }

    /// Store a checked outline under its id and version. It is not
    /// registered here: the caller registers what it has just checked.
    ///
    /// One write, read back: on a full store (`QuotaExceeded`) nothing is
    /// stored, and a write that reads back differently is removed again.
    /// The same outline stored twice is fine; another outline under the
    /// same id and version (or a built-in's) is refused, since drafts that
    /// name that version would silently change meaning.
    pub fn save(&self, t: &Template) -> Result<(), StorageError> {
        let key = outline_key(&t.id, t.version)
            .ok_or_else(|| StorageError::Other(format!("mã đề cương không hợp lệ («{}»)", t.id)))?;
        let text = compact(&t.to_json());
        let builtin = Kind::ALL.iter().map(|k| Template::builtin(*k)).find(|b| b.id == t.id && b.version == t.version);
        if let Some(builtin) = builtin {
            if builtin.hash() == t.hash() {
                return Ok(());
            }
            return Err(StorageError::Other(format!(
                "đề cương «{} phiên bản {}» có sẵn trong ứng dụng với nội dung khác; \
                 đề cương mới phải mang số phiên bản khác",
                t.id, t.version
            )));
        }
        match self.store.get(&key)? {
            // The same outline, whatever way its stored text is laid out.
            Some(stored) if stored == text || Template::from_json(&stored).is_ok_and(|s| s.hash() == t.hash()) => {
                return Ok(())
            }
            Some(_) => {
                return Err(StorageError::Other(format!(
                    "máy này đã có đề cương «{} phiên bản {}» với nội dung khác; \
                     đề cương mới phải mang số phiên bản khác",
                    t.id, t.version
                )))
            }
            None => {}
        }
        self.store.set(&key, &text)?;
        if self.store.get(&key)?.as_deref() != Some(text.as_str()) {
            let _ = self.store.remove(&key);
            return Err(StorageError::Other("đọc lại đề cương vừa lưu không khớp, chưa lưu".into()));
        }
        Ok(())
    }

    /// What the outline screen says when [`OutlineStore::save`] failed: a
    /// full storage gets advice about outlines, not the editor's.
    pub fn save_message(e: &StorageError) -> String {
        match e {
            StorageError::QuotaExceeded => "Bộ nhớ của trình duyệt đã đầy: đề cương CHƯA được lưu. \
                 Hãy xuất tệp hoặc sao lưu các báo cáo cũ rồi xóa bớt chúng (hoặc xóa đề cương không dùng nữa), \
                 rồi nạp lại tệp đề cương."
                .to_string(),
            other => other.message(),
        }
    }

    /// Every stored outline by id, newest version first. An entry whose
    /// text is not even JSON is still listed (title empty), so it can be
    /// removed; [`OutlineStore::register_all`] says what is wrong with it.
    pub fn list(&self) -> Vec<OutlineMeta> {
        let keys = self.store.keys().unwrap_or_default();
        let mut out: Vec<OutlineMeta> = keys
            .iter()
            .filter_map(|key| {
                let (id, version) = parse_key(key)?;
                let text = self.store.get(key).ok().flatten()?;
                let head: Option<Head> = serde_json::from_str(&text).ok();
                let (title, issuer, kind) = match &head {
                    Some(h) => (
                        h.title.clone(),
                        issuer_text(h.issuer.as_ref()),
                        h.kind.clone().and_then(|k| serde_json::from_value::<Kind>(k).ok()),
                    ),
                    None => (String::new(), String::new(), None),
                };
                // The hash is the outline's own (of its canonical form), so it
                // matches what drafts record whatever way the text is laid out.
                let hash = Template::from_json(&text).map(|t| t.hash()).unwrap_or_else(|_| sha256_hex(&text));
                Some(OutlineMeta {
                    id,
                    version,
                    title,
                    issuer,
                    kind,
                    hash,
                    bytes: utf16_bytes(key) + utf16_bytes(&text),
                })
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id).then(b.version.cmp(&a.version)));
        out
    }

    /// The stored text of outline `id` version `version` (for "export again").
    pub fn json(&self, id: &str, version: u32) -> Option<String> {
        self.store.get(&outline_key(id, version)?).ok().flatten()
    }

    /// Remove a stored outline and unregister it, unless a draft uses it:
    /// then nothing changes and the names of those drafts come back.
    /// An empty list means storage refused the removal itself.
    pub fn remove(&self, id: &str, version: u32, drafts: &[DraftSummary]) -> Result<(), Vec<String>> {
        let users: Vec<String> = drafts
            .iter()
            .filter(|d| d.template.as_ref().is_some_and(|t| t.id == id && t.version == version))
            .map(|d| d.name.clone())
            .collect();
        if !users.is_empty() {
            return Err(users);
        }
        let Some(key) = outline_key(id, version) else { return Ok(()) };
        self.store.remove(&key).map_err(|_| Vec::new())?;
        registry::unregister(id, version);
        Ok(())
    }

    /// Whether any outline is stored: only then does the app start with
    /// [`OutlineStore::register_all`], whose checks come in their own wasm
    /// chunk.
    pub fn any_stored(&self) -> bool {
        !self.stored_keys().is_empty()
    }

    /// Id, version and key of every stored outline, in order.
    fn stored_keys(&self) -> Vec<(String, u32, String)> {
        let mut keys: Vec<(String, u32, String)> = self
            .store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|key| parse_key(&key).map(|(id, version)| (id, version, key)))
            .collect();
        keys.sort();
        keys
    }

    /// Check every stored outline again and register those that load, so
    /// drafts and files naming them open. Called once at start, before the
    /// draft list is shown. One Vietnamese notice per outline that no
    /// longer loads; it is left in storage as it is (never deleted
    /// silently), and drafts using it open read-only.
    pub fn register_all(&self) -> Vec<String> {
        let mut notices = Vec::new();
        for (id, version, key) in self.stored_keys() {
            let Ok(Some(text)) = self.store.get(&key) else { continue };
            let name = format!("{id}.{version}.json");
            match Template::from_file(&name, text.as_bytes()) {
                Ok(t) if t.id == id && t.version == version => {
                    registry::register(t);
                }
                Ok(t) => notices.push(format!(
                    "Đề cương đã lưu «{id} phiên bản {version}» lại mang mã «{} phiên bản {}» nên không được dùng. \
                     Các báo cáo theo đề cương này chỉ xem và xuất tệp được; hãy nạp lại tệp đề cương.",
                    t.id, t.version
                )),
                Err(e) => notices.push(format!(
                    "Đề cương đã lưu «{id} phiên bản {version}» không mở được nữa ({e}). \
                     Các báo cáo theo đề cương này chỉ xem và xuất tệp được; hãy nạp lại tệp đề cương."
                )),
            }
        }
        notices
    }
}

#[cfg(test)]
mod tests;
