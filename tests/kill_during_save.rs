//! `kill -9` in the middle of saving and of writing the recovery file: the briefing file is
//! always a whole briefing (the old one or the new), and the recovery file always restores
//! (the old edit or the new), never a torn file.
//!
//! The test runs itself again as a child process (`BRIEFMAP_SAVE_LOOP` set) that edits and
//! saves in a loop, and kills it at random moments.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use briefmap::atlas::Atlas;
use briefmap::briefing::{Briefing, StoryStep, load, save};
use briefmap::session::recovery;
use briefmap::session::{Edit, ListEdit, Session};

/// The child's folder, given through the environment.
const LOOP_DIR: &str = "BRIEFMAP_SAVE_LOOP";
/// Titles the child writes are this and a number.
const TITLE: &str = "Saved title";

/// Not a test of its own: the child's loop, which runs only when the parent starts it.
#[test]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(LOOP_DIR) else { return };
    let dir = Path::new(&dir);
    let atlas = Atlas::bundled().unwrap();
    let mut session = Session::open(&dir.join("bohdan-2016.json"), atlas).unwrap();
    let recovery_file = dir.join("recovery").join("recovery.json");
    for n in 0.. {
        let step = StoryStep { title: format!("{TITLE} {n}"), ..session.briefing().story()[0].clone() };
        session.apply(Edit::Story(ListEdit::Replace(0, step))).unwrap();
        // Every other edit is saved; every edit is kept for recovery.
        recovery::write(&recovery_file, &session.recovery_bytes()).unwrap();
        if n % 2 == 0 {
            session.save().unwrap();
        }
    }
}

#[test]
fn a_kill_mid_save_or_mid_autosave_never_tears_a_file() {
    let atlas = Atlas::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let saved = save::save_as(&Briefing::embedded(&atlas).unwrap(), dir.path()).unwrap();
    let path = saved.path().unwrap().to_owned();
    let original = saved.story()[0].title.clone();
    let recovery_file = dir.path().join("recovery").join("recovery.json");
    let exe = std::env::current_exe().unwrap();
    let mut seen_recovery = 0;
    for round in 0..12u64 {
        let mut child = Command::new(&exe)
            .args(["--exact", "save_loop_child", "--nocapture", "--test-threads=1"])
            .env(LOOP_DIR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Long enough for the child to load and save many times, and at a different moment
        // of its loop each round.
        std::thread::sleep(Duration::from_millis(400 + 37 * round));
        child.kill().unwrap(); // SIGKILL: no destructor, no cleanup
        child.wait().unwrap();

        let b = load::load_file(&path, &atlas).unwrap_or_else(|p| panic!("round {round}: torn briefing: {p}"));
        let title = &b.story()[0].title;
        assert!(title == &original || title.starts_with(TITLE), "round {round}: {title}");
        if recovery_file.exists() {
            seen_recovery += 1;
            let restored = recovery::restore(&recovery_file, atlas.clone())
                .unwrap_or_else(|e| panic!("round {round}: torn recovery file: {e}"));
            assert!(restored.briefing().story()[0].title.starts_with(TITLE), "round {round}");
        }
        let litter: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        // A kill between creating the temporary and renaming it leaves one behind; it is
        // never mistaken for the briefing, and the next save goes on regardless.
        assert!(litter.len() <= round as usize + 1, "round {round}: {} temporary files", litter.len());
    }
    assert!(seen_recovery > 0, "the child wrote recovery files");
}
