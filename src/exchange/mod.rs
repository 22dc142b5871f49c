//! Files that cross the app's boundary: the versioned JSON export of one
//! report (docs/domain.md §5.4), import of such files (hostile until checked), backup
//! and restore of everything, and the merge of many units' files into one
//! summary. Pure; the browser only moves bytes.

pub mod backup;
mod canonical;
mod export;
pub mod import;
pub mod summary;

pub use export::hex;
pub use export::{
    ascii_slug, checksum, checksum_without, export, export_stored, file_name, ExportFile, SCHEMA_NAME, SCHEMA_VERSION,
};
