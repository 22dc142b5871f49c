use crate::editor::locate;
use crate::engine::{Evaluation, Issue};
use crate::model::Report;
use crate::template::Template;
use leptos::prelude::*;

/// Section id of the pseudo-sections around the outline.
pub const GENERAL: &str = "chung";
pub const SIGNING: &str = "ky";

/// What every part of the open editor shares (cheap to copy).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub template: &'static Template,
    pub report: RwSignal<Report>,
    pub eval: Memo<Evaluation>,
    /// Read-only (newer format) or finalised: inputs do not edit.
    pub locked: Signal<bool>,
    /// Section shown: a node id, [`GENERAL`] or [`SIGNING`].
    pub current: RwSignal<String>,
    /// Bumped when the report is replaced from outside (other tab, restore):
    /// inputs keep their own text while typing, so they are rebuilt then.
    pub generation: RwSignal<u32>,
    /// Tells autosave that the report changed.
    pub changed: Callback<()>,
    /// Writes a field's raw text to the crash journal at once (path, text).
    pub record: Callback<(String, String)>,
}

impl Ctx {
    /// Apply a user edit and schedule a save; ignored while locked.
    pub fn edit(&self, f: impl FnOnce(&mut Report)) {
        if self.locked.get_untracked() {
            return;
        }
        self.report.update(|r| {
            f(r);
            r.updated_at = chrono::Utc::now();
            // The exported file no longer matches: back to a draft.
            if r.status == crate::model::Status::Exported {
                r.status = crate::model::Status::Draft;
            }
        });
        self.changed.run(());
    }

    /// Messages of the issues that name `path` (reactive).
    pub fn messages_for(&self, path: &str) -> Vec<(bool, String)> {
        self.eval.with(|e| {
            e.issues
                .iter()
                .filter(|i| i.paths.iter().any(|p| p == path))
                .map(|i| (i.level == crate::template::Level::Error, i.message.clone()))
                .collect()
        })
    }

    /// Open the section that shows `path` and put the cursor in its field.
    pub fn jump_to(&self, path: &str) {
        let node = locate::node_of(self.template, path).unwrap_or_else(|| section_of_general(path));
        self.current.set(node);
        focus_field_soon(path.to_string());
    }

    /// Open the section of an issue (its first path, else its node).
    pub fn jump_to_issue(&self, issue: &Issue) {
        match issue.paths.first() {
            Some(path) => self.jump_to(path),
            None => {
                if let Some(node) = &issue.node_id {
                    self.current.set(node.clone());
                }
            }
        }
    }
}

fn section_of_general(path: &str) -> String {
    if path.starts_with("signature") || path.starts_with("recipients") || path.starts_with("footnotes") {
        SIGNING.into()
    } else {
        GENERAL.into()
    }
}

/// Focus the input named `name` after the section has rendered.
pub fn focus_field_soon(name: String) {
    request_animation_frame(move || {
        let selector = format!("[name=\"{}\"]", name.replace('"', ""));
        if let Some(el) = document().query_selector(&selector).ok().flatten() {
            use wasm_bindgen::JsCast;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
                el.scroll_into_view_with_bool(false);
            }
        }
    });
}
