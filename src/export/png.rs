//! Writing rendered images as PNG files, singly or as a numbered sequence.

use std::path::{Path, PathBuf};

use tiny_skia::Pixmap;

/// Why a PNG could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// Encoding or writing the file failed.
    #[error("cannot write PNG {path}: {message}")]
    Write {
        /// The file being written.
        path: PathBuf,
        /// What went wrong (encoder or I/O error).
        message: String,
    },
    /// The output directory could not be created.
    #[error("cannot create directory {path}: {source}")]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Encodes an image as PNG bytes (RGBA, un-premultiplied).
pub fn encode_png(image: &Pixmap) -> Result<Vec<u8>, String> {
    image.encode_png().map_err(|e| e.to_string())
}

/// Writes an image to `path` as PNG.
pub fn write_png(image: &Pixmap, path: &Path) -> Result<(), PngError> {
    let write_error = |message: String| PngError::Write { path: path.to_owned(), message };
    let bytes = encode_png(image).map_err(write_error)?;
    crate::atomic::write_atomic(path, &bytes).map_err(|e| write_error(e.to_string()))
}

/// The path of frame `index` (counting from 1) of `count` in `dir`: `{stem}_{index}.png`, with
/// the index zero-padded to at least 3 digits so the files sort in order.
pub fn numbered_path(dir: &Path, stem: &str, index: usize, count: usize) -> PathBuf {
    let digits = count.max(1).to_string().len().max(3);
    dir.join(format!("{stem}_{index:0digits$}.png"))
}

/// Writes images to `dir` (created if missing) as `{stem}_001.png`, `{stem}_002.png`, …,
/// returning the paths written.
pub fn write_numbered_pngs<'a>(
    images: impl ExactSizeIterator<Item = &'a Pixmap>,
    dir: &Path,
    stem: &str,
) -> Result<Vec<PathBuf>, PngError> {
    std::fs::create_dir_all(dir).map_err(|source| PngError::CreateDir { path: dir.to_owned(), source })?;
    let count = images.len();
    images
        .enumerate()
        .map(|(i, image)| {
            let path = numbered_path(dir, stem, i + 1, count);
            write_png(image, &path).map(|()| path)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_pads_and_sorts() {
        let dir = Path::new("out");
        assert_eq!(numbered_path(dir, "step", 7, 12), dir.join("step_007.png"));
        assert_eq!(numbered_path(dir, "frame", 42, 1500), dir.join("frame_0042.png"));
    }

    #[test]
    fn writes_and_reports_path_on_failure() {
        let tmp = tempfile::tempdir().unwrap();
        let image = Pixmap::new(3, 2).unwrap();
        let paths = write_numbered_pngs([&image, &image].into_iter(), tmp.path(), "f").unwrap();
        assert_eq!(paths.len(), 2);
        assert!(paths.iter().all(|p| p.is_file()));

        let bad = tmp.path().join("no_such_dir").join("x.png");
        let err = write_png(&image, &bad).unwrap_err();
        assert!(err.to_string().contains("no_such_dir"), "{err}");
    }
}
