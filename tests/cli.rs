//! The built `briefmap` binary on a briefing file: `distance`, `range` and `systems`, their output
//! and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BRIEFING: &str = include_str!("fixtures/spatial-briefing.json");
const ARTICLE: &str = include_str!("fixtures/spatial-article.txt");

/// Writes the fixture into `dir/briefing/` with its article in a subfolder, so the article is
/// found relative to the briefing file, not to the working directory.
fn write_fixture(dir: &Path) -> PathBuf {
    let mut doc: serde_json::Value = serde_json::from_str(BRIEFING).unwrap();
    doc["article"]["file"] = "text/article.txt".into();
    let folder = dir.join("briefing");
    std::fs::create_dir_all(folder.join("text")).unwrap();
    std::fs::write(folder.join("text/article.txt"), ARTICLE).unwrap();
    let file = folder.join("spatial.json");
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    file
}

/// Runs the binary in `cwd` with `args`.
fn briefmap(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefmap")).current_dir(cwd).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn distance_prints_legs_and_total() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_fixture(dir.path());
    let file = file.to_str().unwrap();

    let out = briefmap(dir.path(), &["distance", "Minsk", "москва", "--file", file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "Minsk to Moscow: 677.4 km, initial bearing 68° ENE\n");

    let out =
        briefmap(dir.path(), &["distance", "--file", file, "--", "kaliningrad", "baranovichi", "52.2297,21.0122"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("1. Kaliningrad to Baranovichi: 405.5 km"), "{stdout}");
    assert!(stdout.ends_with("\nTotal: 759.3 km over 2 legs\n"), "{stdout}");

    let out = briefmap(dir.path(), &["distance", "Minsk", "Qwzxville", "--file", file]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("no place in"), "{}", text(&out.stderr));
}

#[test]
fn range_prints_what_is_within_reach_and_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_fixture(dir.path());
    let file = file.to_str().unwrap();

    let out = briefmap(dir.path(), &["range", "Baranovichi", "--system", "iskander-m", "--file", file]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Iskander-M (~500 km) from Baranovichi: 4 places and 4 regions within reach\n"));
    assert!(stdout.contains("\n  Warsaw           354 km  256° WSW  Capital\n"), "{stdout}");
    assert!(!stdout.contains("Redzikowo"), "608 km is out of reach: {stdout}");
    assert!(stdout.contains("  Source: "), "{stdout}");

    let out = briefmap(dir.path(), &["range", "Baranovici", "--km", "300", "--file", file]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("did you mean Baranovichi (baranovichi)?"), "{}", text(&out.stderr));

    let out = briefmap(dir.path(), &["range", "minsk", "--system", "scud", "--file", file]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("known systems: iskander-m"), "{}", text(&out.stderr));

    // Neither --km nor --system: clap refuses before anything is loaded.
    let out = briefmap(dir.path(), &["range", "minsk", "--file", file]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("--km"), "{}", text(&out.stderr));
}

#[test]
fn systems_needs_no_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefmap(dir.path(), &["systems"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\niskander-m\n  Iskander-M (ballistic missile): nominal 500 km"));
}
