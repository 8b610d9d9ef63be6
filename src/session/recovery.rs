//! Crash recovery: while a briefing has unsaved edits, a copy of it (document and texts) is
//! kept in a recovery file, written atomically, so a crash or a `kill -9` loses at most the
//! last seconds. The next start lists what it finds and offers to restore it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Session;
use crate::atlas::Atlas;
use crate::briefing::{Briefing, BriefingDoc};

/// The version of the recovery file's layout.
const LAYOUT: u32 = 1;

/// What a recovery file holds: enough to rebuild the session as it was.
#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    /// Layout version.
    recovery: u32,
    /// The process that wrote it (a running briefmap keeps its own file).
    pid: u32,
    /// When it was written.
    written: jiff::Timestamp,
    /// The briefing file the edits belong to; `None` for one never saved.
    file: Option<PathBuf>,
    /// How the briefing was named (its file as the user gave it, or the embedded name).
    name: String,
    /// The document with the edits.
    doc: BriefingDoc,
    /// Its sources' texts, in order.
    texts: Vec<String>,
}

/// A recovery file found on start.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The recovery file.
    pub path: PathBuf,
    /// The briefing file the edits belong to, if it had one.
    pub file: Option<PathBuf>,
    /// The briefing's title.
    pub title: String,
    /// When the edits were last written.
    pub written: jiff::Timestamp,
}

impl Found {
    /// "NAME (title), edited at 14:32 on 3 Dec 2026" for the offer.
    pub fn describe(&self) -> String {
        let when = self.written.to_zoned_datetime(jiff::tz::TimeZone::system()).strftime("%H:%M on %-d %b %Y");
        match &self.file {
            Some(f) => format!("{} ({}), edited at {when}", f.display(), self.title),
            None => format!("{} (not saved to a file yet), edited at {when}", self.title),
        }
    }
}

/// The recovery file for `b` in `dir`: one per briefing file, one per process for a briefing
/// with no file.
pub fn file_for(dir: &Path, b: &Briefing) -> PathBuf {
    let name = match b.path() {
        Some(p) => format!("recovery-{:016x}.json", fnv1a(p.as_os_str().as_encoded_bytes())),
        None => format!("recovery-new-{}.json", std::process::id()),
    };
    dir.join(name)
}

/// FNV-1a, 64 bits: a stable short name for a path (the same on every run and build).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Session {
    /// The session as a recovery file's bytes.
    pub fn recovery_bytes(&self) -> Vec<u8> {
        let b = self.briefing();
        let snapshot = Snapshot {
            recovery: LAYOUT,
            pid: std::process::id(),
            written: jiff::Timestamp::now(),
            file: b.path().map(Path::to_owned),
            name: b.file().to_owned(),
            doc: b.doc().clone(),
            texts: (0..b.sources().len()).filter_map(|i| b.source_text(i)).map(|t| t.full().to_owned()).collect(),
        };
        // Plain data always serialises.
        serde_json::to_vec(&snapshot).unwrap_or_default()
    }
}

/// Writes a recovery file atomically: a crash mid-write leaves the previous one whole.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::atomic::write_atomic(path, bytes)
}

/// The recovery files in `dir` left by a briefmap that is no longer running, newest first.
/// Files that cannot be read are skipped (and left alone).
pub fn find(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<Found> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|path| {
            let snapshot = read(&path).ok()?;
            if snapshot.pid != std::process::id() && is_running_briefmap(snapshot.pid) {
                return None;
            }
            let title = snapshot.doc.display_title().to_owned();
            Some(Found { path, file: snapshot.file, title, written: snapshot.written })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.written));
    found
}

fn read(path: &Path) -> Result<Snapshot, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let snapshot: Snapshot =
        serde_json::from_slice(&bytes).map_err(|e| format!("{} is not a recovery file: {e}", path.display()))?;
    if snapshot.recovery != LAYOUT {
        return Err(format!("{} was written by another version of briefmap", path.display()));
    }
    Ok(snapshot)
}

/// The session a recovery file holds, with its edits unsaved (saving writes them to the
/// briefing's file).
pub fn restore(path: &Path, atlas: Atlas) -> Result<Session, String> {
    let snapshot = read(path)?;
    let (mut briefing, problems) = Briefing::draft(&snapshot.name, snapshot.doc, snapshot.texts, &atlas);
    briefing.set_path(snapshot.name, snapshot.file);
    let mut session = Session::new(briefing, problems, Some(atlas));
    session.mark_unsaved();
    Ok(session)
}

/// Removes a recovery file (after a save, a discard, or a restore that was saved).
pub fn discard(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// Whether process `pid` is a briefmap still running (Linux: its command name; elsewhere no
/// process is taken to be running, so every file is offered).
fn is_running_briefmap(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|name| name.trim().starts_with("briefmap"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Edit;
    use crate::session::edit::ListEdit;

    #[test]
    fn a_recovery_file_restores_the_edits_and_says_whose_they_are() {
        let atlas = Atlas::bundled().unwrap();
        let mut session = Session::checked(Briefing::embedded(&atlas).unwrap(), Some(atlas));
        session.apply(Edit::Story(ListEdit::Remove(0))).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = file_for(dir.path(), session.briefing());
        write(&path, &session.recovery_bytes()).unwrap();

        // A file this process wrote is offered (the process that wrote it is not running).
        let found = find(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, path);
        assert!(found[0].describe().contains("not saved to a file yet"), "{}", found[0].describe());

        let restored = restore(&path, Atlas::bundled().unwrap()).unwrap();
        assert_eq!(restored.briefing().doc(), session.briefing().doc());
        assert_eq!(restored.briefing().text(), session.briefing().text());
        assert!(restored.is_dirty(), "restored edits are not saved yet");
        assert!(restored.problems().is_empty());
    }

    #[test]
    fn unreadable_files_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("recovery-x.json"), "{ torn").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not json").unwrap();
        assert!(find(dir.path()).is_empty());
        assert!(find(&dir.path().join("missing")).is_empty());
        assert!(restore(&dir.path().join("recovery-x.json"), Atlas::default()).is_err());
    }

    #[test]
    fn names_are_stable_per_file() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
