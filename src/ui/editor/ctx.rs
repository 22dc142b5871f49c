use crate::editor::journal::{self, Edit};
use crate::editor::{locate, paging};
use crate::engine::{Evaluation, Issue};
use crate::model::{FieldPath, RecordList, Report};
use crate::template::Template;
use leptos::prelude::*;
use std::collections::HashMap;

/// Section id of the pseudo-sections around the outline.
pub const GENERAL: &str = "chung";
pub const SIGNING: &str = "ky";

/// What every part of the open editor shares (cheap to copy).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub template: &'static Template,
    pub report: RwSignal<Report>,
    /// The report's evaluation; `None` until the editor's first screen is
    /// on the glass (the fields come first: evaluating, and compiling the
    /// engine's code on its first call, would hold that frame back), then
    /// always `Some`. What shows figures, progress or issues says it is
    /// still working meanwhile, never "nothing found".
    pub eval: Memo<Option<Evaluation>>,
    /// Read-only (newer format) or finalised: inputs do not edit.
    pub locked: Signal<bool>,
    /// Section shown: a node id, [`GENERAL`] or [`SIGNING`].
    pub current: RwSignal<String>,
    /// Bumped when the report is replaced from outside (other tab, restore):
    /// inputs keep their own text while typing, so they are rebuilt then.
    pub generation: RwSignal<u32>,
    /// Tells autosave that the report changed.
    pub changed: Callback<()>,
    /// Writes an edit to the crash journal at once.
    pub record: Callback<Edit>,
    /// Engine messages by field path: each input looks its own up instead
    /// of scanning every issue (a long list has thousands of inputs).
    pub issues: Memo<HashMap<String, Vec<(bool, String)>>>,
    /// Page shown of each long row list (see `editor::paging`), by list key.
    pub list_pages: RwSignal<HashMap<String, usize>>,
}

/// Messages by path, errors flagged `true`, in the engine's order. Notices
/// (a figure marked "Không theo dõi") stay in the issues panel: the field
/// already shows its checked mark.
pub fn issues_by_path(eval: &Evaluation) -> HashMap<String, Vec<(bool, String)>> {
    let mut out: HashMap<String, Vec<(bool, String)>> = HashMap::new();
    for issue in eval.issues.iter().filter(|i| i.level != crate::template::Level::Notice) {
        for path in &issue.paths {
            out.entry(path.to_string())
                .or_default()
                .push((issue.level == crate::template::Level::Error, issue.message.clone()));
        }
    }
    out
}

impl Ctx {
    /// Apply a user's edit of a field or a row list: journal it at once
    /// (so a crash loses nothing), apply it the way a replay would, and
    /// schedule a save. Ignored while locked.
    pub fn apply(&self, edit: Edit) {
        if self.locked.get_untracked() {
            return;
        }
        self.record.run(edit.clone());
        let template = self.template;
        self.edit(move |r| {
            journal::apply(template, r, &edit);
        });
    }

    /// Set the field named `path` from its raw text (see [`Ctx::apply`]).
    pub fn set(&self, path: impl Into<String>, raw: impl Into<String>) {
        self.apply(Edit::set(path, raw));
    }

    /// Apply a change that is saved at once (status, export time) and so
    /// needs no journal; ignored while locked.
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
        self.issues.with(|by_path| by_path.get(path).cloned().unwrap_or_default())
    }

    /// Open the section that shows `path` and put the cursor in its field.
    pub fn jump_to(&self, path: &str) {
        let parsed = FieldPath::parse(path).ok();
        let node = locate::node_of(self.template, path).unwrap_or_else(|| section_of_general(parsed.as_ref()));
        // A cell of a long list: show the page that holds its row first.
        if let Some(FieldPath::Cell { list, row, .. }) = parsed {
            if self.template.list(&list).is_some() {
                self.list_pages.update(|pages| {
                    pages.insert(list, paging::page_of(row));
                });
            }
        }
        self.current.set(node);
        focus_field_soon(path.to_string());
    }

    /// Open the section of an issue (its first path, else its node).
    pub fn jump_to_issue(&self, issue: &Issue) {
        match issue.paths.first() {
            // A replaced sentence (W07) is shown in its node's section, or in "Thông tin chung".
            Some(path @ FieldPath::Sentence(_)) => {
                self.current.set(issue.node_id.clone().unwrap_or_else(|| GENERAL.to_string()));
                focus_field_soon(path.to_string());
            }
            Some(path) => self.jump_to(&path.to_string()),
            None => {
                if let Some(node) = &issue.node_id {
                    self.current.set(node.clone());
                }
            }
        }
    }
}

/// The pseudo-section of a field outside the outline.
fn section_of_general(path: Option<&FieldPath>) -> String {
    let signing = match path {
        Some(FieldPath::Report(field)) => field.is_signing(),
        Some(FieldPath::Cell { list, .. }) => RecordList::from_key(list) == Some(RecordList::Footnotes),
        _ => false,
    };
    if signing {
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
