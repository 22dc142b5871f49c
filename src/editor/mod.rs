pub mod autosave;
