//! `briefmap handout`: the PDF read back with poppler (`pdftotext`, `pdfimages`, `pdfinfo`) and
//! checked with `qpdf --check`; a Cyrillic briefing with a 40-claim step and an empty one;
//! a read-only folder and a full disk; File → Export handout… in the app.
//!
//! CI installs poppler-utils and qpdf; a machine without them skips those checks with a
//! message, unless `BRIEFMAP_REQUIRE_GPU` is set (as CI sets it), where a missing tool fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::json;

fn briefmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefmap")).args(args).output().expect("run briefmap")
}

fn briefmap_ok(args: &[&str]) -> String {
    let out = briefmap(args);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "briefmap {args:?} failed: {text}");
    text
}

/// Runs a PDF tool; `None` (with a message) when it is not installed and CI's flag is unset.
fn tool(test: &str, name: &str, args: &[&str]) -> Option<Output> {
    match Command::new(name).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::env::var_os("BRIEFMAP_REQUIRE_GPU").is_some() {
                panic!("{test}: {name} is not installed, and BRIEFMAP_REQUIRE_GPU is set (CI installs it)");
            }
            eprintln!("SKIPPED {test}: {name} is not installed (apt-get install poppler-utils qpdf)");
            None
        }
        Err(e) => panic!("{test}: cannot run {name}: {e}"),
    }
}

/// The text of each page, as `pdftotext` reads it.
fn pages_text(test: &str, pdf: &Path) -> Option<Vec<String>> {
    let out = tool(test, "pdftotext", &[pdf.to_str()?, "-"])?;
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

/// Whitespace runs (the line breaks the layout made among them) as single spaces.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The embedded briefing's handout, made once for all the tests that read it.
fn bohdan_pdf() -> &'static Path {
    static PDF: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = PDF.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.pdf");
        let said = briefmap_ok(&["handout", "-o", path.to_str().unwrap()]);
        assert!(said.contains("pages (cover, 12 steps, appendix)"), "{said}");
        (dir, path)
    });
    path
}

fn embedded() -> briefmap::briefing::Briefing {
    briefmap::briefing::Briefing::embedded(&briefmap::atlas::Atlas::bundled().unwrap()).unwrap()
}

#[test]
fn the_bohdan_handout_is_a_cover_a_page_per_step_and_an_appendix() {
    let test = "the_bohdan_handout_is_a_cover_a_page_per_step_and_an_appendix";
    let pdf = bohdan_pdf();
    let size = std::fs::metadata(pdf).unwrap().len();
    assert!(size <= 15_000_000, "{size} bytes");
    let Some(pages) = pages_text(test, pdf) else { return };
    let b = embedded();
    assert!(pages[0].contains(b.title()) && pages[0].contains("Siarhei Bohdan"), "the cover: {}", pages[0]);
    assert!(pages[0].contains("Handout made "));
    for (i, step) in b.story().iter().enumerate() {
        let page = &pages[i + 1];
        assert!(page.starts_with(&format!("Step {} of 12 · ", i + 1)), "page {}: {page}", i + 2);
        assert!(squeeze(page).contains(&squeeze(&step.title)), "page {}", i + 2);
    }
    // 12 steps, one page each, then the appendix: it runs on over several pages.
    assert!(pages[13].starts_with("Appendix"), "{}", pages[13]);
    let appendix = pages.len() - 13;
    assert!(appendix >= 1);
    for page in &pages[14..] {
        assert!(page.starts_with("Appendix (continued)"), "{page}");
    }
    for (n, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of {}", n + 1, pages.len())), "page {}", n + 1);
    }
    eprintln!("{} pages: cover, 12 steps, {appendix} of appendix; {size} bytes", pages.len());
    let Some(info) = tool(test, "pdfinfo", &[pdf.to_str().unwrap()]) else { return };
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains(&format!("Pages:           {}", pages.len())), "{info}");
    assert!(info.contains("(A4)"), "{info}");
}

#[test]
fn pdftotext_gives_back_every_quote_of_every_step() {
    let Some(pages) = pages_text("pdftotext_gives_back_every_quote_of_every_step", bohdan_pdf()) else { return };
    let b = embedded();
    let all = squeeze(&pages.join(" "));
    for (i, step) in b.story().iter().enumerate() {
        let page = squeeze(&pages[i + 1]);
        for id in &step.claims {
            let claim = b.claims().iter().find(|c| &c.id == id).unwrap();
            let quote = squeeze(&claim.quote);
            assert!(page.contains(&quote), "step {}: {quote:?} is not on its page", i + 1);
            assert!(all.matches(&quote).count() >= 2, "{quote:?} is in the appendix too");
        }
    }
    for place in b.places() {
        assert!(all.contains(&squeeze(&place.name)), "{} is in the appendix", place.name);
    }
    assert!(all.contains("Мінск, Минск"), "local names in Cyrillic, as text");
}

#[test]
fn the_pdf_passes_qpdf_check() {
    let pdf = bohdan_pdf();
    let Some(out) = tool("the_pdf_passes_qpdf_check", "qpdf", &["--check", pdf.to_str().unwrap()]) else { return };
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "qpdf --check: {said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("No syntax or stream encoding errors"), "{said}");
}

/// Loads a PNG as RGB bytes (any alpha must be opaque).
fn rgb(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let image = tiny_skia::Pixmap::load_png(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(image.pixels().iter().all(|p| p.alpha() == 255), "{} is opaque", path.display());
    (image.width(), image.height(), image.pixels().iter().map(|p| [p.red(), p.green(), p.blue()]).collect())
}

#[test]
fn a_step_page_shows_the_map_as_render_draws_that_step() {
    let test = "a_step_page_shows_the_map_as_render_draws_that_step";
    let dir = tempfile::tempdir().unwrap();
    let pdf = bohdan_pdf();
    let [w, h] = briefmap::handout::map_px();
    for step in [3, 9] {
        // The cover is page 1: step n is on page n + 1.
        let page = (step + 1).to_string();
        let stem = dir.path().join(format!("page-{step}"));
        let args = ["-png", "-f", &page, "-l", &page, pdf.to_str().unwrap(), stem.to_str().unwrap()];
        let Some(out) = tool(test, "pdfimages", &args) else { return };
        assert!(out.status.success(), "pdfimages: {}", String::from_utf8_lossy(&out.stderr));
        let from_pdf = dir.path().join(format!("page-{step}-000.png"));
        let rendered = dir.path().join(format!("render-{step}.png"));
        let size = format!("{w}x{h}");
        let scale = briefmap::handout::MAP_SCALE.to_string();
        let step_arg = step.to_string();
        briefmap_ok(&[
            "render",
            "--step",
            &step_arg,
            "--size",
            &size,
            "--scale",
            &scale,
            "-o",
            rendered.to_str().unwrap(),
        ]);
        let (a, b) = (rgb(&from_pdf), rgb(&rendered));
        assert_eq!((a.0, a.1), (w, h), "the page's image is the map at full resolution");
        assert_eq!((a.0, a.1), (b.0, b.1));
        let differ = a.2.iter().zip(&b.2).filter(|(p, q)| p != q).count();
        assert_eq!(differ, 0, "step {step}: {differ} pixels differ from `briefmap render --step {step}`");
    }
}

/// A briefing in Russian: a source of 41 sentences, a place with Cyrillic names, a step that
/// cites 40 claims and a step that cites none.
fn cyrillic_briefing(dir: &Path) -> PathBuf {
    let sentences: Vec<String> = (1..=41)
        .map(|n| {
            format!(
                "Утверждение номер {n}: по словам источника, размещение Искандеров под Барановичами \
                 изменило бы баланс сил в регионе, и Минск это понимает."
            )
        })
        .collect();
    let text = sentences.join("\n") + "\n";
    std::fs::write(dir.join("статья.txt"), &text).unwrap();
    let mut at = 0;
    let claims: Vec<serde_json::Value> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let start = at;
            at += s.len() + 1;
            json!({
                "id": format!("c{}", i + 1), "quote": s, "at": { "source": "ru", "start": start, "end": start + s.len() },
                "summary": "Баланс сил.", "kind": if i % 3 == 0 { "anonymous_source" } else { "analysis" },
                "speaker": "istochnik", "actors": ["by"], "places": ["baranovichi"],
                "when": { "precision": "month", "from": "2016-05", "inferred": "из даты публикации" }
            })
        })
        .collect();
    let forty: Vec<String> = (1..=40).map(|n| format!("c{n}")).collect();
    let doc = json!({
        "format": 2,
        "title": "Искандеры для Беларуси: что говорят источники",
        "sources": [{ "id": "ru", "title": "Искандеры под Барановичами", "author": "Сяргей Багдан",
                      "publisher": "Наша Ніва", "published": { "precision": "day", "from": "2016-05-18" },
                      "file": "статья.txt", "reliability": "C" }],
        "actors": [{ "id": "by", "name": "Беларусь", "colour": "#1a9e8f" }],
        "speakers": [{ "id": "istochnik", "name": "Анонимный источник", "role": "Министерство обороны России" }],
        "places": [{ "id": "baranovichi", "name": "Барановичи", "local_names": ["Баранавічы"], "lat": 53.1327,
                     "lon": 26.0139, "kind": "air_base", "actors": ["by"],
                     "provenance": { "origin": "article", "source": "GeoNames 630429", "confidence": "good" } }],
        "regions": [],
        "claims": claims,
        "story": [
            { "title": "Сорок утверждений", "caption": "Все утверждения об Искандерах.",
              "view": { "frame": ["baranovichi"] }, "claims": forty },
            { "title": "Без утверждений", "caption": "Шаг без цитат.", "view": { "frame": ["baranovichi"] } }
        ]
    });
    let path = dir.join("брифинг.json");
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path
}

#[test]
fn a_cyrillic_briefing_with_forty_claims_in_a_step_and_a_step_with_none() {
    let test = "a_cyrillic_briefing_with_forty_claims_in_a_step_and_a_step_with_none";
    let dir = tempfile::tempdir().unwrap();
    let file = cyrillic_briefing(dir.path());
    briefmap_ok(&["check", file.to_str().unwrap()]);
    let pdf = dir.path().join("ру.pdf");
    let said = briefmap_ok(&["handout", file.to_str().unwrap(), "--paper", "letter", "-o", pdf.to_str().unwrap()]);
    assert!(!said.contains("no glyph"), "Cyrillic is in the app's fonts: {said}");
    let Some(pages) = pages_text(test, &pdf) else { return };
    assert!(pages[0].contains("Искандеры для Беларуси") && pages[0].contains("Сяргей Багдан"), "{}", pages[0]);
    assert!(pages[0].contains("Reliability: C — Fairly reliable"), "{}", pages[0]);
    let first = pages.iter().position(|p| p.starts_with("Step 1 of 2")).unwrap();
    let second = pages.iter().position(|p| p.starts_with("Step 2 of 2")).unwrap();
    assert!(second - first >= 3, "forty claims run on over several pages");
    for page in &pages[first + 1..second] {
        assert!(page.starts_with("Step 1 (continued) · Сорок утверждений"), "{page}");
    }
    let step = squeeze(&pages[first..second].join(" "));
    for n in 1..=40 {
        let quote = format!("Утверждение номер {n}: по словам источника");
        assert_eq!(step.matches(&quote).count(), 1, "claim {n} once on the step's pages");
    }
    assert!(pages[second].contains("This step cites no claims."));
    assert!(pages[second + 1].starts_with("Appendix"));
    assert!(squeeze(&pages.join(" ")).contains("Утверждение номер 41:"), "the appendix has every claim");
    let Some(info) = tool(test, "pdfinfo", &[pdf.to_str().unwrap()]) else { return };
    assert!(String::from_utf8_lossy(&info.stdout).contains("612 x 792 pts (letter)"));
}

#[test]
fn steps_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("two.pdf");
    let said = briefmap_ok(&["handout", "--steps", "2-3", "--theme", "dark", "-o", pdf.to_str().unwrap()]);
    assert!(said.contains("(cover, 2 steps, appendix)"), "{said}");
    if let Some(pages) = pages_text("steps_can_be_chosen", &pdf) {
        assert!(pages[1].starts_with("Step 2 of 12") && pages[2].starts_with("Step 3 of 12"));
        assert!(pages[3].starts_with("Appendix"));
    }
    let out = briefmap(&["handout", "--steps", "13", "-o", pdf.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("step 13 does not exist: the story has 12 steps"));
}

/// Whether this user is stopped by a folder's permissions (root is not).
fn permissions_apply(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let blocked = std::fs::write(&probe, "x").is_err();
    let _ = std::fs::remove_file(&probe);
    blocked
}

#[test]
fn a_read_only_folder_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("read-only");
    std::fs::create_dir(&ro).unwrap();
    let old = ro.join("brief.pdf");
    std::fs::write(&old, "old").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    // /proc takes no files, whoever asks; a read-only folder stops everyone but root.
    let mut targets = vec![PathBuf::from("/proc/briefmap-handout.pdf")];
    if permissions_apply(&ro) {
        targets.push(old.clone());
    } else {
        eprintln!("running as root: a read-only folder does not stop writes; /proc only");
    }
    for target in &targets {
        let out = briefmap(&["handout", "--steps", "1", "-o", target.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(stderr.starts_with(&format!("{}: cannot write: ", target.display())), "{stderr}");
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "old");
    assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 1, "no temporary file left behind");
}

#[test]
fn a_disk_that_fills_mid_write_keeps_the_old_file() {
    // A file-size limit makes the write fail part-way, as a full disk does (see tests/faults.rs).
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.pdf");
    std::fs::write(&out, "old").unwrap();
    let script = format!(
        "ulimit -f 64 && trap '' XFSZ && exec '{}' handout --steps 1 -o '{}'",
        env!("CARGO_BIN_EXE_briefmap"),
        out.display()
    );
    let run = Command::new("sh").args(["-c", &script]).output().expect("run sh");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "a handout cannot fit in 32 KiB: {stderr}");
    assert!(stderr.contains(&format!("{}: cannot write: ", out.display())), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
}

#[test]
fn file_export_handout_in_the_app_writes_the_pdf_and_says_so() {
    use briefmap::ui::BriefmapApp;
    use briefmap::ui::state::AppState;
    use egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("from-the-app.pdf");
    let briefing = embedded();
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export handout…").click();
    h.run();
    let type_into = |h: &mut Harness<'_, BriefmapApp>, field: &str, text: &str| {
        h.get_by_label(field).click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label(field).type_text(text);
        h.run();
    };
    type_into(&mut h, "PDF file", pdf.to_str().unwrap());
    type_into(&mut h, "Steps", "2");
    h.get_by_label("Export PDF").click();
    h.run_steps(2);
    assert!(h.query_by_label("Making the handout…").is_some(), "the button says it is busy");
    let started = std::time::Instant::now();
    while !h.state().notices().iter().any(|n| n.starts_with("Handout saved")) {
        assert!(started.elapsed().as_secs() < 300, "no notice: {:?}", h.state().notices());
        std::thread::sleep(std::time::Duration::from_millis(100));
        h.run_steps(1);
    }
    let notice = h.state().notices().iter().find(|n| n.starts_with("Handout saved")).unwrap().clone();
    assert!(notice.contains("(cover, 1 step, appendix)"), "{notice}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(pages) = pages_text("file_export_handout_in_the_app_writes_the_pdf_and_says_so", &pdf) {
        assert!(pages[1].starts_with("Step 2 of 12"), "{}", pages[1]);
    }
}
