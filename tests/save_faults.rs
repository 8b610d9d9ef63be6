//! Saving an edited briefing when the disk will not take it: a full disk (a file-size limit,
//! which fails writes part-way as a full disk does), a folder that cannot be written, a file
//! that cannot be replaced. Each time the save fails with a message naming the file, the old
//! file is intact, no temporary file is left, the session keeps the edit (still unsaved) and
//! the recovery file the app wrote keeps being offered, so nothing is lost.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefmap::atlas::Atlas;
use briefmap::briefing::{Briefing, StoryStep, load, save};
use briefmap::session::recovery;
use briefmap::session::{Edit, ListEdit, Session};

/// The child's recovery file, given through the environment.
const RECOVERY_FILE: &str = "BRIEFMAP_SAVE_FULL";
/// What the edit titles the first step.
const EDITED: &str = "Edited before the disk filled";

/// A briefing saved into a fresh folder, opened as a session and edited once, with the
/// recovery file the app's autosave would have written. Returns the folder, the briefing's
/// path, its first step's title as saved, and the recovery file.
fn edited_session(atlas: &Atlas) -> (tempfile::TempDir, PathBuf, String, PathBuf, Session) {
    let dir = tempfile::tempdir().unwrap();
    let saved = save::save_as(&Briefing::embedded(atlas).unwrap(), &dir.path().join("brief")).unwrap();
    let path = saved.path().unwrap().to_owned();
    let original = saved.story()[0].title.clone();
    let mut session = Session::open(&path, atlas.clone()).unwrap();
    let step = StoryStep { title: EDITED.into(), ..session.briefing().story()[0].clone() };
    session.apply(Edit::Story(ListEdit::Replace(0, step))).unwrap();
    let recovery_dir = dir.path().join("recovery");
    let recovery_file = recovery::file_for(&recovery_dir, session.briefing());
    recovery::write(&recovery_file, &session.recovery_bytes()).unwrap();
    (dir, path, original, recovery_file, session)
}

/// The names in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// After a failed save: the old file whole and unchanged, no litter, the recovery offered
/// and restoring the edit.
fn nothing_lost(path: &Path, original: &str, recovery_file: &Path, atlas: &Atlas) {
    let b = load::load_file(path, atlas).unwrap_or_else(|p| panic!("the old file is damaged: {p}"));
    assert_eq!(b.story()[0].title, original, "the old file is as it was");
    let folder = path.parent().unwrap();
    assert!(names(folder).iter().all(|n| !n.ends_with(".tmp")), "no temporary file left: {:?}", names(folder));
    let offered = recovery::find(recovery_file.parent().unwrap());
    assert_eq!(offered.len(), 1, "the recovery file is offered");
    assert_eq!(offered[0].file.as_deref(), Some(path));
    let restored = recovery::restore(&offered[0].path, atlas.clone()).unwrap();
    assert_eq!(restored.briefing().story()[0].title, EDITED, "the edit comes back");
    assert!(restored.is_dirty());
}

/// Not a test of its own: the child that saves under a file-size limit, started by
/// [`a_full_disk_keeps_the_old_file_and_the_edit`].
#[test]
fn save_under_a_size_limit_child() {
    let Some(file) = std::env::var_os(RECOVERY_FILE) else { return };
    let mut session = recovery::restore(Path::new(&file), Atlas::bundled().unwrap()).unwrap();
    let error = session.save().expect_err("the briefing cannot fit in the limit");
    assert!(session.is_dirty(), "the edit is still unsaved");
    println!("save failed: {error}");
}

#[test]
fn a_full_disk_keeps_the_old_file_and_the_edit() {
    let atlas = Atlas::bundled().unwrap();
    let (_dir, path, original, recovery_file, _session) = edited_session(&atlas);
    // 16 blocks: far less than the briefing. SIGXFSZ ignored so the write fails with EFBIG
    // instead of killing the process, as ENOSPC would fail it.
    let script = format!(
        "ulimit -f 16 && trap '' XFSZ && exec '{}' --exact save_under_a_size_limit_child --nocapture --test-threads=1",
        std::env::current_exe().unwrap().display()
    );
    let run = Command::new("sh").args(["-c", &script]).env(RECOVERY_FILE, &recovery_file).output().unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&run.stderr));
    // The harness prints "test NAME ... " before the child's own line.
    let said = stdout.split("save failed: ").nth(1).and_then(|s| s.lines().next()).expect("the child tried to save");
    assert!(said.contains(&path.display().to_string()), "the error names the file: {said}");
    assert!(said.contains("too large"), "the error says why: {said}");
    nothing_lost(&path, &original, &recovery_file, &atlas);
}

#[test]
fn a_folder_that_cannot_be_written_keeps_the_old_file_and_the_edit() {
    use std::os::unix::fs::PermissionsExt;
    let atlas = Atlas::bundled().unwrap();
    let (_dir, path, original, recovery_file, mut session) = edited_session(&atlas);
    let folder = path.parent().unwrap().to_owned();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = folder.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        // Root ignores permissions: a read-only folder stops nothing here.
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("running as root: a read-only folder does not stop writes; skipped");
        return;
    }
    let error = session.save().expect_err("nothing can be written there").to_string();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(error.contains(&path.display().to_string()) && error.contains("Permission denied"), "{error}");
    assert!(session.is_dirty());
    nothing_lost(&path, &original, &recovery_file, &atlas);
}

#[test]
fn a_file_that_cannot_be_replaced_keeps_the_edit() {
    // Saving into a folder where the briefing's name is taken by a folder with something in
    // it: the write succeeds and the final rename fails, for root too — the last moment
    // anything can go wrong.
    let atlas = Atlas::bundled().unwrap();
    let (dir, path, _original, recovery_file, mut session) = edited_session(&atlas);
    let elsewhere = dir.path().join("elsewhere");
    let name = path.file_name().unwrap();
    std::fs::create_dir_all(elsewhere.join(name)).unwrap();
    std::fs::write(elsewhere.join(name).join("keep.txt"), "kept").unwrap();
    let error = session.save_as(&elsewhere).expect_err("the name is a folder").to_string();
    assert!(error.contains(&elsewhere.display().to_string()), "{error}");
    assert!(session.is_dirty(), "the edit is still unsaved");
    assert_eq!(std::fs::read_to_string(elsewhere.join(name).join("keep.txt")).unwrap(), "kept");
    assert!(names(&elsewhere).iter().all(|n| !n.ends_with(".tmp")), "{:?}", names(&elsewhere));
    // The session still works on the old file, which it can save to.
    assert_eq!(session.briefing().path(), Some(path.as_path()));
    assert!(recovery::find(recovery_file.parent().unwrap()).len() == 1);
    session.save().unwrap();
    assert!(!session.is_dirty());
    assert_eq!(load::load_file(&path, &atlas).unwrap().story()[0].title, EDITED);
}
