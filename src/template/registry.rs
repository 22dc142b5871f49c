//! Outlines loaded from files on this device, for the life of the page.
//!
//! Reports name their outline by [`TemplateRef`]; [`Template::for_ref`]
//! looks here after the built-ins. Storage keeps the outline files and
//! registers them at start; this module only holds the checked templates.
//! Each one is leaked once (an outline is a few hundred kB at most and a
//! page registers a handful), which lets every caller hold a
//! `&'static Template` as it does for the built-ins.

use super::Template;
use crate::model::TemplateRef;
use std::sync::Mutex;

/// Registered outlines in registration order.
static REGISTERED: Mutex<Vec<&'static Template>> = Mutex::new(Vec::new());

fn registered() -> std::sync::MutexGuard<'static, Vec<&'static Template>> {
    // A panic while the lock was held cannot leave the list half-changed
    // (every change is one push, insert or retain), so a poisoned lock is safe to use.
    REGISTERED.lock().unwrap_or_else(|e| e.into_inner())
}

/// Make `t` available to [`Template::for_ref`] and [`all`]. A built-in
/// outline (as exported) is the built-in one. Registering the same outline again (id, version and hash) returns the one already held;
/// a different outline under the same id and version replaces it (storage
/// keeps one file per id and version, and the last one loaded is the one
/// kept), and reports that recorded the old hash no longer find it.
pub fn register(t: Template) -> &'static Template {
    let hash = t.hash();
    if let Some(b) = crate::model::Kind::ALL
        .iter()
        .map(|k| Template::builtin(*k))
        .find(|b| b.id == t.id && b.version == t.version && b.hash() == hash)
    {
        return b;
    }
    let mut list = registered();
    if let Some(held) = list.iter().find(|h| h.id == t.id && h.version == t.version && h.hash() == hash) {
        return held;
    }
    list.retain(|h| !(h.id == t.id && h.version == t.version));
    let leaked: &'static Template = Box::leak(Box::new(t));
    list.push(leaked);
    leaked
}

/// Forget the registered outline `id` at `version` (it was removed from the device).
pub fn unregister(id: &str, version: u32) {
    registered().retain(|h| !(h.id == id && h.version == version));
}

/// Built-in and registered outlines, by id, the newest version first.
pub fn all() -> Vec<&'static Template> {
    let mut out: Vec<&'static Template> = crate::model::Kind::ALL.iter().map(|k| Template::builtin(*k)).collect();
    out.extend(registered().iter().copied());
    out.sort_by(|a, b| a.id.cmp(&b.id).then(b.version.cmp(&a.version)).then(b.builtin.cmp(&a.builtin)));
    out
}

/// The versions of outline `id` on this device, built-in and registered,
/// in no particular order. Unlike [`all`], loads no other built-in outline.
pub fn versions_of(id: &str) -> Vec<&'static Template> {
    let mut out: Vec<&'static Template> = Template::builtins_with_id(id).collect();
    out.extend(registered().iter().copied().filter(|t| t.id == id));
    out
}

/// The registered outline a reference names (see [`Template::for_ref`]).
pub(super) fn find(r: &TemplateRef) -> Option<&'static Template> {
    registered()
        .iter()
        .copied()
        .find(|t| t.id == r.id && t.version == r.version && r.hash.as_ref().is_none_or(|h| *h == t.hash()))
}
