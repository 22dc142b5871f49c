//! Files that leave the app: the versioned JSON export of one report
//! (SPEC §5.4). Pure; the browser only downloads the bytes.

mod export;

pub use export::{ascii_slug, export, file_name, ExportFile, SCHEMA_NAME, SCHEMA_VERSION};
