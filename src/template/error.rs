//! Why a template file was rejected, naming the place.

use std::fmt;

/// A rejected template: `path` names the place (`nodes[3].indicators[2] (key "hg_thanh")`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// Where in the file (empty for whole-file errors).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl TemplateError {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> TemplateError {
        TemplateError { path: path.into(), message: message.into() }
    }

    pub(crate) fn json(e: serde_json::Error) -> TemplateError {
        TemplateError::at("", format!("bad JSON: {e}"))
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for TemplateError {}
