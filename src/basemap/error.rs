//! Errors from loading basemap data: always name the file and say what is wrong.

use std::path::PathBuf;

/// Why basemap data could not be loaded. The message names the file; show it to the user and
/// keep going on a plain background.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be read at all (missing, unreadable).
    #[error("basemap file {path}: cannot read it: {source}")]
    Io {
        /// The file that was asked for.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The vector file is not a basemap file or is damaged.
    #[error("basemap file {file}: {what} (at byte {offset})")]
    Corrupt {
        /// Name of the file (or of the embedded resource).
        file: String,
        /// Byte offset where reading failed.
        offset: usize,
        /// What was expected or found.
        what: String,
    },
    /// A line of the label table is malformed.
    #[error("label file {file}, line {line}: {what}")]
    BadLabel {
        /// Name of the label file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        what: String,
    },
}
