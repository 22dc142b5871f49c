pub mod autosave;
pub mod drafts;
pub mod import;
pub mod input;
pub mod journal;
pub mod locate;
pub mod paging;
pub mod paths;
