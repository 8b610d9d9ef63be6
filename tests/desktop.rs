//! The desktop entry (`assets/briefmap.desktop`): what a file manager reads to offer briefmap
//! for articles and briefing files, and the icon it names.

use std::path::Path;

fn asset(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join(name)
}

/// The value of `key` in the entry's `[Desktop Entry]` group.
fn value(entry: &str, key: &str) -> Option<String> {
    entry.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix('=')).map(str::to_owned)
}

#[test]
fn the_entry_opens_articles_and_briefings_with_one_file() {
    let entry = std::fs::read_to_string(asset("briefmap.desktop")).unwrap();
    assert_eq!(entry.lines().next(), Some("[Desktop Entry]"));
    assert_eq!(value(&entry, "Type").as_deref(), Some("Application"));
    assert_eq!(
        value(&entry, "Exec").as_deref(),
        Some("briefmap %f"),
        "one file per start, as the command line takes it"
    );
    // The window's app id is eframe's app name, so the shell matches windows to the entry.
    assert_eq!(value(&entry, "StartupWMClass").as_deref(), Some("briefmap"));
    assert_eq!(value(&entry, "Icon").as_deref(), Some("briefmap"));
    let types = value(&entry, "MimeType").unwrap();
    let types: Vec<&str> = types.split(';').filter(|t| !t.is_empty()).collect();
    assert_eq!(types, ["text/plain", "text/markdown", "text/html", "application/json"]);
    assert!(asset("briefmap.svg").is_file() && asset("briefmap.png").is_file(), "the icon it names ships");
}

#[test]
fn the_entry_passes_desktop_file_validate_where_installed() {
    // desktop-file-utils is not on every machine; where it is, its verdict counts.
    let Ok(out) = std::process::Command::new("desktop-file-validate").arg(asset("briefmap.desktop")).output() else {
        eprintln!("desktop-file-validate is not installed (Debian: desktop-file-utils); skipped");
        return;
    };
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}
