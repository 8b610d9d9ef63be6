//! Faults around the app: damaged settings, and saving where nothing can be saved.
//!
//! The basemap's faults (a data file missing or corrupt, a corrupt tile cache, no network with
//! the online basemap) are in `basemap.rs` and `app_faults.rs`.

use std::path::Path;

use briefmap::atomic::write_atomic;
use briefmap::cli::{self, Format};
use briefmap::ui::state::AppState;
use briefmap::ui::{BriefmapApp, StartOptions};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// What the app says when it cannot read its saved settings.
const UNREADABLE: &str = "saved settings could not be read";

/// Settings as eframe hands them to the app: one RON string under the app's key.
struct Settings(Option<String>);

impl eframe::Storage for Settings {
    fn get_string(&self, _key: &str) -> Option<String> {
        // The app reads one key; answering every key keeps the test free of its name.
        self.0.clone()
    }

    fn set_string(&mut self, _key: &str, value: String) {
        self.0 = Some(value);
    }

    fn remove_string(&mut self, _key: &str) {
        self.0 = None;
    }

    fn flush(&mut self) {}
}

/// The app as eframe starts it, with these settings, after a few frames of use.
fn start_with(settings: &Settings) -> Harness<'_, BriefmapApp> {
    let mut h = Harness::builder().with_size([1400.0, 900.0]).with_step_dt(0.05).build_eframe(|cc| {
        cc.storage = Some(settings);
        BriefmapApp::new(cc, StartOptions::default())
    });
    h.run_steps(3);
    h
}

/// Presses keys that make the app act on its state: play, step, zoom, frame all, present.
fn exercise(h: &mut Harness<'_, BriefmapApp>) {
    for key in [Key::Space, Key::ArrowRight, Key::Plus, Key::Minus, Key::Num0, Key::F5, Key::Escape, Key::Space] {
        h.key_press(key);
        h.run_steps(4);
    }
}

/// The settings text eframe would save for `state`.
fn saved(state: &AppState) -> String {
    let mut s = Settings(None);
    eframe::set_value(&mut s, "any", state);
    s.0.unwrap()
}

#[test]
fn settings_are_restored() {
    // Without this the fallbacks below could pass by never reading the settings at all.
    let state =
        AppState { selected: Some("minsk".into()), theme: briefmap::ui::state::Theme::Dark, ..AppState::default() };
    let settings = Settings(Some(saved(&state)));
    let h = start_with(&settings);
    assert_eq!(h.state().state().selected.as_deref(), Some("minsk"));
    assert_eq!(h.state().state().theme, briefmap::ui::state::Theme::Dark);
}

#[test]
fn damaged_settings_fall_back_to_defaults() {
    let good = saved(&AppState { selected: Some("minsk".into()), ..AppState::default() });
    let mut damaged: Vec<(String, String)> = vec![
        ("garbage".into(), "\u{0}\u{1}not settings at all {{{".into()),
        ("empty".into(), String::new()),
        ("JSON instead of RON".into(), serde_json::to_string(&AppState::default()).unwrap()),
        ("wrong type".into(), "(theme: 42)".into()),
        ("impossible date".into(), good.replace("2016-12-31", "2016-02-30")),
        ("bad UTF-8 replaced".into(), good.replace('m', "\u{fffd}")),
    ];
    // Cut off anywhere, as a crash mid-write would leave it.
    for cut in (1..good.len()).step_by(good.len() / 9) {
        damaged.push((format!("cut at byte {cut}"), good[..cut].to_owned()));
    }
    // A first start, with no settings, is what damaged settings must fall back to (it frames
    // the briefing, so its camera is not the default one).
    let nothing = Settings(None);
    let first = start_with(&nothing);
    let fresh = first.state().state().clone();
    assert_ne!(fresh.selected.as_deref(), Some("minsk"));
    let says_so = |h: &Harness<'_, BriefmapApp>| h.state().notices().iter().any(|n| n.contains(UNREADABLE));
    assert!(!says_so(&first), "a first start has no settings to complain about");
    for (what, text) in damaged {
        let settings = Settings(Some(text));
        let mut h = start_with(&settings);
        assert_eq!(h.state().state(), &fresh, "{what}: as a first start");
        assert!(says_so(&h), "{what}: the user is told the settings were not read");
        assert_eq!(h.state().notices().len(), 1, "{what}: told once");
        h.get_by_label_contains(UNREADABLE);
        exercise(&mut h);
    }
}

#[test]
fn hostile_settings_values_are_survived() {
    // RON can spell NaN and infinity; a damaged or hand-edited file can hold any of these.
    let good = saved(&AppState::default());
    assert!(good.contains("speed:120.0") && good.contains("lon:26.0"), "the format this test edits: {good}");
    let hostile = [
        good.replace("lon:26.0", "lon:NaN").replace("lat:52.5", "lat:inf").replace("zoom:4.6", "zoom:1e300"),
        good.replace("lon:26.0", "lon:-1e308").replace("zoom:4.6", "zoom:-inf"),
        good.replace("speed:120.0", "speed:inf").replace("active:false", "active:true"),
        good.replace("speed:120.0", "speed:1e30").replace("2016-12-31", "2010-01-01"),
        good.replace("speed:120.0", "speed:NaN"),
        good.replace("speed:120.0", "speed:-5.0"),
        good.replace("2016-12-31", "-009999-01-01"),
        good.replace("2016-12-31", "9999-12-31"),
        good.replace("selected:None", "selected:Some(\"atlantis\")"),
        good.replace("hidden_actors:[]", "hidden_actors:[\"russia\",\"belarus\",\"nato\",\"ukraine\",\"\"]"),
    ];
    for text in hostile {
        let settings = Settings(Some(text.clone()));
        assert!(eframe::get_value::<AppState>(&settings, "any").is_some(), "these settings parse: {text}");
        let mut h = start_with(&settings);
        exercise(&mut h);
        let cam = h.state().state().camera;
        assert!(cam.lon.is_finite() && cam.lat.is_finite() && cam.zoom.is_finite(), "{cam:?} from {text}");
    }
}

#[test]
fn playing_at_any_speed_is_survived() {
    // Past the settings, the state can still be set to anything (tests, future features).
    let settings = Settings(None);
    let mut h = start_with(&settings);
    for speed in [f32::MAX, f32::INFINITY, f32::NAN, -1.0, 0.0] {
        h.state_mut().state_mut().time.speed = speed;
        h.state_mut().state_mut().time.set_current(briefmap::ui::state::SLIDER_START);
        h.key_press(Key::Space);
        h.run_steps(3);
        assert!(h.state().state().time.current() > briefmap::ui::state::SLIDER_START, "playing at {speed} moves on");
        h.key_press(Key::Space);
        h.run_steps(1);
    }
}

/// A folder nothing can be written into, and why; `None` when this user can write anywhere
/// (root ignores permissions, so a read-only folder proves nothing there).
fn read_only_dir(base: &Path) -> Option<std::path::PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let dir = base.join("read-only");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        return None;
    }
    Some(dir)
}

#[test]
fn saving_where_nothing_can_be_written_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let a_file = dir.path().join("a-file");
    std::fs::write(&a_file, "not a folder").unwrap();
    let mut targets = vec![
        (dir.path().join("missing").join("out.geojson"), "No such file or directory"),
        // A path through a regular file: fails for root too.
        (a_file.join("out.geojson"), "Not a directory"),
    ];
    match read_only_dir(dir.path()) {
        Some(ro) => targets.push((ro.join("out.geojson"), "Permission denied")),
        None => eprintln!("running as root: a read-only folder does not stop writes; skipped"),
    }
    for (path, reason) in targets {
        let error = cli::export(Format::Geojson, None, Some(&path)).unwrap_err();
        assert!(error.starts_with(&format!("{}: cannot write: ", path.display())), "{error}");
        assert!(error.contains(reason), "{error}");
        assert!(!path.exists());
    }
    assert_eq!(std::fs::read_to_string(&a_file).unwrap(), "not a folder");
}

#[test]
fn a_failed_save_leaves_the_old_file_and_no_litter() {
    let dir = tempfile::tempdir().unwrap();
    // The final rename fails when the target is a folder with something in it, for root too:
    // the write itself has succeeded by then, so this is the last moment anything can go wrong.
    let target = dir.path().join("briefing.json");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("old.json"), "old").unwrap();
    let error = write_atomic(&target, b"new").unwrap_err();
    assert!(
        matches!(error.kind(), std::io::ErrorKind::IsADirectory | std::io::ErrorKind::DirectoryNotEmpty),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(target.join("old.json")).unwrap(), "old");
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["briefing.json"], "no temporary file left behind");

    // Through the CLI, an existing export survives a failed one.
    let out = dir.path().join("out.kml");
    cli::export(Format::Kml, None, Some(&out)).unwrap();
    let before = std::fs::read(&out).unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{").unwrap();
    let error = cli::export(Format::Kml, Some(&broken), Some(&out)).unwrap_err();
    assert!(error.contains("EOF while parsing"), "{error}");
    assert_eq!(std::fs::read(&out).unwrap(), before);
}

#[test]
fn saving_into_proc_fails_clearly() {
    // /proc takes no new files, whoever asks.
    let path = Path::new("/proc/briefmap-test.geojson");
    let error = cli::export(Format::Geojson, None, Some(path)).unwrap_err();
    assert!(error.starts_with("/proc/briefmap-test.geojson: cannot write: "), "{error}");
}

#[test]
fn a_disk_that_fills_mid_write_leaves_the_old_file_and_no_litter() {
    // A file-size limit makes writes fail part-way, as a full disk does (EFBIG, not ENOSPC):
    // the export must fail clearly and keep the file it would have replaced.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("briefing.geojson");
    std::fs::write(&out, "old").unwrap();
    let script = format!(
        "ulimit -f 8 && trap '' XFSZ && exec '{}' export --format geojson -o '{}'",
        env!("CARGO_BIN_EXE_briefmap"),
        out.display()
    );
    let run = std::process::Command::new("sh").args(["-c", &script]).output().expect("run sh");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "the export cannot have fitted in 4 KiB: {stderr}");
    assert!(stderr.contains(&format!("{}: cannot write: ", out.display())), "{stderr}");
    assert!(stderr.contains("too large"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["briefing.geojson"], "no temporary file left behind");
}
