pub mod autosave;
pub mod drafts;
pub mod input;
pub mod locate;
