//! The bad-input corpus: every broken file in `tests/bad_inputs/` goes through the real loader
//! and comes back as an error that names the file, says where (line:col or record) and what is
//! wrong — never `Ok`, never a panic, never a hang. `EXPECTED.tsv` lists each file with the
//! loader it goes through and a substring its error must contain.
//!
//! Inputs too big to commit (a 50 MB briefing, a 5 MB article, 100,000 nested arrays, a
//! briefing with 20,000 broken claims) are made by the tests in a temporary folder; so is the
//! 50 MB CSV import (`tests/import.rs`).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use briefmap::atlas::Atlas;
use briefmap::briefing::load;
use briefmap::{cli, import};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_inputs");

/// Generous: a loader that has not answered by then is stuck, not slow (debug builds on two
/// cores answer every case in well under a second).
const HANG: Duration = Duration::from_secs(60);

/// One line of `EXPECTED.tsv`.
struct Case {
    file: String,
    loader: String,
    expected: String,
    what: String,
}

fn cases() -> Vec<Case> {
    let table = std::fs::read_to_string(Path::new(DIR).join("EXPECTED.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "EXPECTED.tsv: 4 tab-separated columns in {l:?}");
            Case { file: cols[0].into(), loader: cols[1].into(), expected: cols[2].into(), what: cols[3].into() }
        })
        .collect()
}

fn atlas() -> Atlas {
    Atlas::bundled().unwrap()
}

/// Loads `path` with the named loader: `Ok` with a summary, or the error as the user sees it.
fn load(loader: &str, path: &Path, atlas: &Atlas) -> Result<String, String> {
    match loader {
        "briefing" => load::load_file(path, atlas).map(|b| cli::summary(&b)).map_err(|p| p.to_string()),
        "boundaries" => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
            let text = load::decode(&name, &bytes).map_err(|p| p.to_string())?;
            Atlas::from_geojson(&name, text).map(|a| format!("{} areas", a.len())).map_err(|e| e.to_string())
        }
        "extract" => {
            let src = briefmap::extract::input::read(path).map_err(|e| e.to_string())?;
            let g = briefmap::extract::Gazetteer::bundled().map_err(|e| e.to_string())?;
            let found = briefmap::extract::extract(&src.text, src.published, &g);
            Ok(format!("{} places, {} dates", found.places.len(), found.dates.len()))
        }
        // A file whose bad records are skipped while the rest imports is refused here too: each
        // skip is reported as the app lists it, after the file's name.
        "import" => match import::read(path) {
            Err(e) => Err(e.to_string()),
            Ok(imported) if imported.skipped.is_empty() => Ok(imported.summary()),
            Ok(imported) => {
                let name = path.display();
                let skips: Vec<String> = imported.skipped.iter().map(|s| format!("{name}: {s}")).collect();
                Err(format!("{}\n{}", imported.summary(), skips.join("\n")))
            }
        },
        other => panic!("EXPECTED.tsv: unknown loader {other}"),
    }
}

/// Runs `f` on its own thread; `Err` says whether it panicked or did not finish in time.
fn guarded<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(HANG) {
        Ok(v) => Ok(v),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("no answer after {HANG:?}")),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("panicked".into()),
    }
}

/// Whether `text` has a `:LINE:COL:` location right after the file's name.
fn has_line_col(text: &str, file: &str) -> bool {
    text.match_indices(&format!("{file}:")).any(|(i, m)| {
        let rest = &text[i + m.len()..];
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().unwrap_or_default();
        let col = parts.next().unwrap_or_default();
        parts.next().is_some()
            && !line.is_empty()
            && line.bytes().all(|b| b.is_ascii_digit())
            && !col.is_empty()
            && col.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Checks one error: names the file, is located, says what is wrong.
fn check_error(error: &str, file: &str, located: bool, expected: &str) -> Result<(), String> {
    if !error.contains(file) {
        return Err(format!("does not name {file}"));
    }
    let record = [": feature ", ": line ", ": Placemark "].iter().any(|r| error.contains(r));
    if located && !has_line_col(error, file) && !record {
        return Err("has neither a line:col nor a record".into());
    }
    if !error.contains(expected) {
        return Err(format!("does not say {expected:?}"));
    }
    Ok(())
}

#[test]
fn the_unbroken_bases_load() {
    // Each corpus file is one of these with one thing broken, so its error is that thing.
    let atlas = atlas();
    let briefing = load("briefing", &Path::new(DIR).join("base.json"), &atlas);
    assert!(briefing.as_ref().is_ok_and(|s| s.contains("OK — 1 claims")), "{briefing:?}");
    let sources = load("briefing", &Path::new(DIR).join("base.sources.json"), &atlas);
    assert!(sources.as_ref().is_ok_and(|s| s.contains("OK — 3 claims")), "{sources:?}");
    let boundaries = load("boundaries", &Path::new(DIR).join("base.geojson"), &atlas);
    assert_eq!(boundaries.as_deref(), Ok("2 areas"));
}

#[test]
fn every_corpus_file_is_refused_with_a_located_reason() {
    let cases = cases();
    assert!(cases.len() >= 30, "the corpus has {} files", cases.len());
    let atlas = std::sync::Arc::new(atlas());
    let mut failures = Vec::new();
    for case in &cases {
        let path = Path::new(DIR).join(&case.file);
        assert!(path.is_file(), "EXPECTED.tsv lists {} but it is not in {DIR}", case.file);
        let (loader, shared, p) = (case.loader.clone(), atlas.clone(), path.clone());
        let outcome = guarded(move || load(&loader, &p, &shared));
        let file = path.display().to_string();
        let verdict = match outcome {
            Err(e) => Err(e),
            Ok(Ok(summary)) => Err(format!("loaded: {summary}")),
            Ok(Err(error)) => {
                if std::env::var_os("BAD_INPUTS_SHOW").is_some() {
                    eprintln!("== {}\n{error}", case.file);
                }
                check_error(&error, &file, true, &case.expected).map_err(|why| format!("{why}:\n{error}"))
            }
        };
        if let Err(why) = verdict {
            failures.push(format!("{} ({}): {why}", case.file, case.what));
        }
    }
    assert!(failures.is_empty(), "{} of {} corpus files:\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}

#[test]
fn every_file_in_the_corpus_is_listed() {
    let listed: Vec<String> = cases().into_iter().map(|c| c.file).collect();
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let is_input = [".json", ".geojson", ".kml", ".csv"].iter().any(|ext| name.ends_with(ext));
        if is_input && !name.starts_with("base.") {
            assert!(listed.contains(&name), "{name} is in the corpus but not in EXPECTED.tsv");
        }
    }
}

#[test]
fn extract_refuses_what_is_no_article_and_reads_the_rest() {
    let atlas = atlas();
    let dir = tempfile::tempdir().unwrap();
    let refused = |name: &str, bytes: &[u8], says: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let error = load("extract", &path, &atlas).unwrap_err();
        check_error(&error, &path.display().to_string(), false, says).map_err(|why| format!("{why}: {error}")).unwrap();
    };
    refused("empty.txt", b"", "the article is empty (0 bytes)");
    refused("blank.md", b" \r\n\t\n", "the article is empty (5 bytes, all blank)");
    refused("markup.html", &std::fs::read(Path::new(DIR).join("extract-all-markup.html")).unwrap(), "no article text");
    let big = dir.path().join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(50 << 20).unwrap();
    drop(f);
    let error = guarded(move || briefmap::extract::input::read(&big).unwrap_err().to_string()).unwrap();
    assert!(error.contains("is 52.4 MB; an article may be at most 2 MB"), "{error}");
    // A byte-order mark and mixed line endings are read; offsets count the kept text.
    let path = dir.path().join("mixed.txt");
    std::fs::write(&path, b"\xEF\xBB\xBFTroops left Minsk\r\nfor Brest.\rThen Grodno.\n").unwrap();
    let src = briefmap::extract::input::read(&path).unwrap();
    let g = briefmap::extract::Gazetteer::bundled().unwrap();
    let found = briefmap::extract::extract(&src.text, None, &g);
    let texts: Vec<&str> = found.places.iter().map(|p| &src.text[p.mentions[0].start..p.mentions[0].end]).collect();
    assert_eq!(texts, ["Minsk", "Brest", "Grodno"]);
}

#[test]
fn the_cli_reports_the_same_problems() {
    let path = Path::new(DIR).join("dangling-speaker.json");
    let error = cli::check(Some(&path)).unwrap_err();
    assert_eq!(error, load::load_file(&path, &atlas()).unwrap_err().to_string());
    assert!(error.starts_with(&format!("{}: 1 problem\n", path.display())), "{error}");
}

/// A copy of the base briefing in `dir` whose article is `article` (a path relative to `dir`).
fn briefing_in(dir: &Path, article: &str) -> PathBuf {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_d3f6851c5c464e3d.txt");
    let base = std::fs::read_to_string(Path::new(DIR).join("base.json")).unwrap();
    let article_file = if article.is_empty() { seed.display().to_string() } else { article.to_owned() };
    let json = base.replace("../../seeds/000_d3f6851c5c464e3d.txt", &article_file);
    let path = dir.join("briefing.json");
    std::fs::write(&path, json).unwrap();
    path
}

#[test]
fn a_50_mb_briefing_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // Valid JSON all the way through, so only the size can refuse it.
    let mut text = String::from("{\"format\": 1, \"padding\": \"");
    text.push_str(&"x".repeat(50 << 20));
    text.push_str("\"}\n");
    std::fs::write(&path, text).unwrap();
    let atlas = std::sync::Arc::new(atlas());
    let p = path.clone();
    let error = guarded(move || load::load_file(&p, &atlas)).unwrap().unwrap_err().to_string();
    check_error(&error, &path.display().to_string(), false, "the limit is 16 MB").unwrap();
    assert!(error.contains("is 52.4 MB"), "{error}");
}

#[test]
fn a_5_mb_article_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.txt"), "All work and no play. ".repeat(5 << 20 >> 4)).unwrap();
    let path = briefing_in(dir.path(), "long.txt");
    let atlas = std::sync::Arc::new(atlas());
    let p = path.clone();
    let error = guarded(move || load::load_file(&p, &atlas)).unwrap().unwrap_err().to_string();
    check_error(&error, &path.display().to_string(), true, "article.file: ").unwrap();
    check_error(&error, "long.txt", false, "the limit is 2 MB").unwrap();
}

#[test]
fn a_hundred_thousand_nested_arrays_do_not_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // At the top, as a field of the briefing, and inside a boundary's properties (free-form
    // JSON, where serde_json's recursion limit is what stops it).
    let top = dir.path().join("top.json");
    std::fs::write(&top, &nested).unwrap();
    let field = dir.path().join("field.json");
    std::fs::write(&field, format!("{{\"format\": 1, \"article\": {nested}}}")).unwrap();
    let boundaries = dir.path().join("deep.geojson");
    std::fs::write(
        &boundaries,
        format!(
            "{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"geometry\":null,\"properties\":{{\"x\":{nested}}}}}]}}"
        ),
    )
    .unwrap();
    let atlas = std::sync::Arc::new(atlas());
    for (path, loader, expected) in [
        (&top, "briefing", "a briefing is a JSON object that starts with '{', not '['"),
        (&field, "briefing", "article[0]: invalid type: sequence, expected a string"),
        (&boundaries, "boundaries", "recursion limit exceeded"),
    ] {
        let (p, a) = (path.clone(), atlas.clone());
        let error = guarded(move || load(loader, &p, &a)).unwrap().unwrap_err();
        check_error(&error, &path.display().to_string(), true, expected).unwrap();
    }
}

#[test]
fn twenty_thousand_broken_claims_against_a_2_mb_article_are_all_reported() {
    // Each problem is located in the 14 MB file and each wrong quote could be searched for in
    // the article: done naively, that is hours. Every problem must still be listed.
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_d3f6851c5c464e3d.txt"));
    let filler = "Filler that is not part of any claim, repeated to make the article long.\n";
    let article = seed.unwrap() + &filler.repeat((2 << 20) / filler.len() - 200);
    assert!(article.len() < 2 << 20);
    std::fs::write(dir.path().join("long.txt"), article).unwrap();
    let path = briefing_in(dir.path(), "long.txt");
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let claim = doc["claims"][0].clone();
    let n = 20_000;
    let claims: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut c = claim.clone();
            // The first keeps its id, which the link and the story step refer to.
            if i > 0 {
                c["id"] = format!("claim-{i}").into();
            }
            c["quote"] = c["quote"].as_str().unwrap().replace("Minsk", "Mintk").into();
            c["speaker"] = "nobody".into();
            c
        })
        .collect();
    doc["claims"] = claims.into();
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let atlas = std::sync::Arc::new(atlas());
    let p = path.clone();
    let error = guarded(move || load::load_file(&p, &atlas)).unwrap().unwrap_err().to_string();
    let file = path.display().to_string();
    assert!(error.starts_with(&format!("{file}: {} problems\n", 2 * n)), "{}", &error[..200]);
    check_error(&error, &file, true, "claims[19999].speaker (\"claim-19999\"): no speaker has id 'nobody'").unwrap();
    // The first wrong quotes say where the passage really is; the rest only that they are wrong.
    check_error(
        &error,
        &file,
        true,
        "claims[0].quote (\"talks\"): the quote is not the article's text at byte 164; nearest match at byte 164",
    )
    .unwrap();
    assert!(error.contains("claims[19999].quote (\"claim-19999\"): the quote is not the article's text at byte 164\n"));
    assert_eq!(error.lines().filter(|l| has_line_col(l, &file)).count(), 2 * n, "every problem has its line:col");
}

#[test]
fn a_long_quote_against_a_repetitive_article_is_answered() {
    // Looking for the nearest match compares the quote at every position of the article;
    // uncapped, 50,000 agreeing characters at each of 260,000 positions takes hours in a debug build.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ab.txt"), "ab".repeat(1 << 17)).unwrap();
    let path = briefing_in(dir.path(), "ab.txt");
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    doc["article"].as_object_mut().unwrap().remove("teasers_from_line");
    doc["claims"][0]["quote"] = format!("{}X", "ab".repeat(25_000)).into();
    doc["claims"][0]["offset"] = 1.into();
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let atlas = std::sync::Arc::new(atlas());
    let p = path.clone();
    let error = guarded(move || load::load_file(&p, &atlas)).unwrap().unwrap_err().to_string();
    let expected = "nearest match at byte 0 (line 1, column 1) reads «abab";
    check_error(&error, &path.display().to_string(), true, expected).unwrap();
    assert!(
        error.contains("they differ at character 50001: article has «a» (U+0061), quote has «X» (U+0058)"),
        "{error}"
    );
}

#[test]
fn a_byte_order_mark_is_read_past() {
    // Some Windows editors start UTF-8 files with U+FEFF; it is not a reason to refuse one.
    let dir = tempfile::tempdir().unwrap();
    let path = briefing_in(dir.path(), "");
    let json = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\u{feff}{json}")).unwrap();
    assert!(load::load_file(&path, &atlas()).is_ok());
    // Lines and columns are counted as an editor shows them, without the mark.
    std::fs::write(&path, format!("\u{feff}{}", json.replacen("\"format\": 1", "\"format\": \"1\"", 1))).unwrap();
    let error = load::load_file(&path, &atlas()).unwrap_err().to_string();
    assert!(error.contains(":2:15: format: invalid type: string"), "{error}");
}
