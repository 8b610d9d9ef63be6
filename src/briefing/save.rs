//! Saving a briefing: over the file it came from, or as a new folder with its article beside it.
//!
//! Every file is written atomically ([`crate::atomic::write_atomic`]), so a crash or a full
//! disk mid-save leaves the old file whole.

use std::path::{Path, PathBuf};

use super::Briefing;
use crate::atomic::write_atomic;

/// Name of the briefing file written by [`save_as`] when the briefing has no file name.
const FALLBACK_NAME: &str = "briefing.json";

/// Why a briefing could not be saved; nothing was changed except where `Io` says.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The briefing was not read from a file, so there is nothing to save over.
    #[error("{0} is built into briefmap; use “Save as…” to save it into a folder")]
    NoFile(String),
    /// No folder was given.
    #[error("type the folder to save into")]
    NoFolder,
    /// The file system refused.
    #[error("cannot save to {}: {source}", .path.display())]
    Io {
        /// The file or folder that could not be written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Writes `b` over the file it was read from, in the current format; its sources' `file`s stay
/// valid as they are relative to that same file. A source text not on disk yet (a source added
/// in the app) is written beside it first. Returns the path written.
pub fn save(b: &Briefing) -> Result<PathBuf, SaveError> {
    let path = b.path().ok_or_else(|| SaveError::NoFile(b.file().to_owned()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    for (i, source) in b.sources().iter().enumerate() {
        let text_path = dir.join(&source.file);
        // An empty text is one that could not be read: nothing to write.
        if !text_path.exists()
            && let Some(text) = b.source_text(i).filter(|t| !t.full().is_empty())
        {
            write(&text_path, text.full().as_bytes())?;
        }
    }
    write(path, b.to_json().as_bytes())?;
    Ok(path.to_owned())
}

/// Saves `b` into folder `dir` (created if need be): the briefing file under its own name and a
/// byte-for-byte copy of each source's text beside it, with each `file` pointing at its copy.
///
/// Returns the briefing as saved (its path is the new file), ready to be saved again with
/// [`save`]. The texts are written first, so the briefing file never names a missing text.
pub fn save_as(b: &Briefing, dir: &Path) -> Result<Briefing, SaveError> {
    if dir.as_os_str().is_empty() {
        return Err(SaveError::NoFolder);
    }
    std::fs::create_dir_all(dir).map_err(|source| SaveError::Io { path: dir.to_owned(), source })?;
    let name = file_name(b.file()).unwrap_or(FALLBACK_NAME);
    let mut saved = b.clone();
    let mut taken: Vec<String> = vec![name.to_owned()];
    for (i, source) in b.sources().iter().enumerate() {
        let wanted = file_name(&source.file).map_or_else(|| format!("{}.txt", source.id), str::to_owned);
        let text_name = unique_name(&wanted, &taken);
        if let Some(text) = b.source_text(i) {
            write(&dir.join(&text_name), text.full().as_bytes())?;
        }
        saved.doc.sources[i].file = text_name.clone();
        taken.push(text_name);
    }
    let path = dir.join(name);
    write(&path, saved.to_json().as_bytes())?;
    saved.file = path.display().to_string();
    saved.path = Some(path);
    Ok(saved)
}

/// `wanted`, or `article-wanted`, `article-2-wanted`... if that name is already `taken`.
fn unique_name(wanted: &str, taken: &[String]) -> String {
    let mut name = wanted.to_owned();
    let mut n = 1;
    while taken.contains(&name) {
        name = if n == 1 { format!("article-{wanted}") } else { format!("article-{n}-{wanted}") };
        n += 1;
    }
    name
}

/// The default folder to offer for “Save as…”: `./briefing-NAME/` after the briefing's file.
pub fn default_folder(b: &Briefing) -> String {
    let stem = Path::new(b.file()).file_stem().and_then(|s| s.to_str()).filter(|s| !s.is_empty());
    format!("./briefing-{}/", stem.unwrap_or("copy"))
}

fn file_name(path: &str) -> Option<&str> {
    Path::new(path).file_name().and_then(|n| n.to_str()).filter(|n| !n.is_empty())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic(path, bytes).map_err(|source| SaveError::Io { path: path.to_owned(), source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::briefing::load::load_file;
    use crate::session::story::StoryEdit;
    use crate::session::{EditError, Session};

    /// `b` with a story edit made through a session.
    fn edit(b: &Briefing, atlas: &Atlas, edit: StoryEdit) -> Result<Briefing, EditError> {
        let mut s = Session::checked(b.clone(), Some(atlas.clone()));
        s.apply(edit.into_edit(b)?)?;
        Ok(s.briefing().clone())
    }

    fn setup() -> (Atlas, Briefing) {
        let atlas = Atlas::bundled().unwrap();
        let b = Briefing::embedded(&atlas).unwrap();
        (atlas, b)
    }

    #[test]
    fn save_as_writes_a_briefing_that_opens_and_checks() {
        let (atlas, b) = setup();
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("out").join("briefing-bohdan-2016");
        let edited = edit(&b, &atlas, StoryEdit::SetTitle(0, "Edited".into())).unwrap();
        let saved = save_as(&edited, &folder).unwrap();
        let path = folder.join("bohdan-2016.json");
        assert_eq!(saved.path(), Some(path.as_path()));
        assert_eq!(saved.article().file, "000_d3f6851c5c464e3d.txt");
        let copy = std::fs::read(folder.join("000_d3f6851c5c464e3d.txt")).unwrap();
        let original = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_d3f6851c5c464e3d.txt")).unwrap();
        assert!(copy == original, "the article is copied byte for byte");

        let reloaded = load_file(&path, &atlas).unwrap();
        assert_eq!(reloaded.doc(), saved.doc());
        assert_eq!(reloaded.story()[0].title, "Edited");
        assert_eq!(reloaded.text(), b.text());
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 2, "two files, no temporary left");
    }

    #[test]
    fn save_overwrites_the_file_it_came_from() {
        let (atlas, b) = setup();
        let dir = tempfile::tempdir().unwrap();
        let first = save_as(&b, dir.path()).unwrap();
        let path = first.path().unwrap().to_owned();
        let loaded = load_file(&path, &atlas).unwrap();
        let edited = edit(&loaded, &atlas, StoryEdit::Delete(1)).unwrap();
        assert_eq!(edited.path(), Some(path.as_path()), "an edit keeps the file it came from");
        assert_eq!(save(&edited).unwrap(), path);
        let reloaded = load_file(&path, &atlas).unwrap();
        assert_eq!(reloaded.doc(), edited.doc());
        assert_eq!(reloaded.story().len(), b.story().len() - 1);
    }

    #[test]
    fn the_embedded_briefing_cannot_be_saved_in_place() {
        let (_, b) = setup();
        let e = save(&b).unwrap_err();
        assert!(matches!(e, SaveError::NoFile(_)));
        assert!(e.to_string().contains("Save as"), "{e}");
        assert!(matches!(save_as(&b, Path::new("")), Err(SaveError::NoFolder)));
        assert_eq!(default_folder(&b), "./briefing-bohdan-2016/");
    }

    #[test]
    fn a_failed_save_leaves_the_old_files_intact() {
        let (atlas, b) = setup();
        let dir = tempfile::tempdir().unwrap();
        let first = save_as(&b, dir.path()).unwrap();
        let path = first.path().unwrap().to_owned();
        let before = std::fs::read(&path).unwrap();
        let edited = edit(&first, &atlas, StoryEdit::Delete(0)).unwrap();

        // A folder under a regular file cannot be made.
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, "a file, not a folder").unwrap();
        let e = save_as(&edited, &blocker.join("sub")).unwrap_err();
        assert!(matches!(e, SaveError::Io { .. }), "{e:?}");
        assert!(e.to_string().starts_with(&format!("cannot save to {}", blocker.join("sub").display())), "{e}");

        // The briefing's own file cannot be replaced when its name is taken by a folder.
        let mut stuck = edited.clone();
        let in_the_way = dir.path().join("in-the-way");
        std::fs::create_dir(&in_the_way).unwrap();
        stuck.path = Some(in_the_way.clone());
        assert!(matches!(save(&stuck), Err(SaveError::Io { .. })));
        assert!(in_the_way.is_dir());

        assert_eq!(std::fs::read(&path).unwrap(), before, "the old file is untouched");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 4, "no temporary files left: {names:?}");
    }
}
