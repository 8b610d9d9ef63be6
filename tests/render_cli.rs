//! `briefmap render`: the real binary writing PNGs and a GIF with no window and no GPU.

use std::path::Path;
use std::process::Command;

fn briefmap(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_briefmap")).args(args).output().expect("run briefmap");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "briefmap {args:?} failed: {text}");
    text
}

/// Loads a PNG and checks it is `w`×`h` and not blank: many colours, not one flat fill.
fn assert_picture(path: &Path, w: u32, h: u32) {
    let image = tiny_skia::Pixmap::load_png(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!((image.width(), image.height()), (w, h), "{}", path.display());
    let mut colours: Vec<u32> =
        image.pixels().iter().map(|p| u32::from_le_bytes([p.red(), p.green(), p.blue(), p.alpha()])).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 200, "{} has only {} colours: blank?", path.display(), colours.len());
}

#[test]
fn a_step_and_a_date_render_to_png() {
    let dir = tempfile::tempdir().unwrap();
    let step = dir.path().join("step.png");
    let said = briefmap(&["render", "--step", "3", "--size", "800x450", "-o", step.to_str().unwrap()]);
    assert!(said.contains("800x450"), "{said}");
    assert_picture(&step, 800, 450);
    let at = dir.path().join("nested/at-2014.png");
    briefmap(&["render", "--at", "2014", "--size", "640x400", "--theme", "dark", "-o", at.to_str().unwrap()]);
    assert_picture(&at, 640, 400);
    let hidpi = dir.path().join("hidpi.png");
    briefmap(&["render", "--step", "1", "--size", "640x360", "--scale", "2", "-o", hidpi.to_str().unwrap()]);
    assert_picture(&hidpi, 640, 360);
}

#[test]
fn every_step_renders_for_a_slide_deck() {
    let dir = tempfile::tempdir().unwrap();
    briefmap(&["render", "--all-steps", "--size", "480x270", "-o", dir.path().to_str().unwrap()]);
    let mut files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), 12, "{files:?}");
    assert!(files[0].ends_with("step_001.png"));
    for f in &files {
        assert_picture(f, 480, 270);
    }
}

#[test]
fn the_time_playback_renders_as_a_gif() {
    let dir = tempfile::tempdir().unwrap();
    let gif = dir.path().join("playback.gif");
    let said = briefmap(&[
        "render",
        "--animate",
        "2013..2016-12",
        "--frames",
        "4",
        "--size",
        "320x180",
        "-o",
        gif.to_str().unwrap(),
    ]);
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(std::fs::File::open(&gif).unwrap()).unwrap();
    assert_eq!((decoder.width(), decoder.height()), (320, 180));
    let mut frames: Vec<Vec<u8>> = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        frames.push(frame.buffer.to_vec());
    }
    assert_eq!(frames.len(), 4);
    // The slider plays from the start of 2013 to the end of December 2016, and the map changes
    // as it goes (claims appear, the date label moves on).
    assert!(said.contains("2013-01-01 to 2016-12-31"), "{said}");
    for pair in frames.windows(2) {
        assert_ne!(pair[0], pair[1], "consecutive frames are the same picture");
    }
}

#[test]
fn bad_render_requests_fail_clearly() {
    let out = Command::new(env!("CARGO_BIN_EXE_briefmap"))
        .args(["render", "--step", "99", "-o", "/tmp/never.png"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("step 99 does not exist"));
    let out =
        Command::new(env!("CARGO_BIN_EXE_briefmap")).args(["render", "--size", "12", "-o", "x.png"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("WIDTHxHEIGHT"));
}
