//! From a new article to a reviewed draft (issue 15): reading a 2,000-word article and making
//! its draft (the extractor, the suggestions, the session), a frame of the app with the review
//! panel open on 500 suggestions, and accepting all 500 at once (then undoing it).
//! Run with `cargo bench --bench authoring`.

#[path = "common/window.rs"]
mod window;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use briefmap::atlas::Atlas;
use briefmap::authoring::{new_article, review};
use briefmap::extract::Gazetteer;
use briefmap::session::Session;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use criterion::Criterion;
use window::Window;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");
/// The article the issue names: this many words.
const ARTICLE_WORDS: usize = 2_000;
/// Suggestions in the review bench.
const SUGGESTIONS: usize = 500;

/// The plain-text extraction fixtures one after another to `words` words, written to `dir`
/// with a date line, as an analyst's article file would come.
fn article_file(dir: &Path, words: usize) -> PathBuf {
    let mut texts: Vec<String> = std::fs::read_dir(FIXTURES)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("fixture text"))
        .collect();
    texts.sort();
    let mut out = String::from("Published 18 May 2016\nA long article\n\n");
    for text in texts.iter().cycle() {
        if out.split_whitespace().count() >= words {
            break;
        }
        out.push_str(text);
        out.push('\n');
    }
    let path = dir.join("long-article.txt");
    std::fs::write(&path, out).expect("article written");
    path
}

/// An article that names `n` different towns of the region, a few to a sentence, so that its
/// draft has about `n` place suggestions.
fn many_places_file(dir: &Path, g: &Gazetteer, n: usize) -> PathBuf {
    let region = ["BY", "PL", "LT", "LV", "EE", "UA"];
    let mut seen = std::collections::HashSet::new();
    let names: Vec<String> = g
        .cities_over(20_000)
        .filter(|e| region.contains(&e.country) && e.name.chars().all(|c| c.is_alphabetic() || c == ' '))
        .filter(|e| seen.insert(e.name.to_owned()))
        .map(|e| e.name.to_owned())
        .take(n)
        .collect();
    let mut out = String::from("Published 18 May 2016\nTroop movements across the region\n\n");
    for pair in names.chunks(2) {
        out.push_str(&format!("Units were reported near {} on Monday, officials said.\n", pair.join(" and in ")));
    }
    let path = dir.join("many-places.txt");
    std::fs::write(&path, out).expect("article written");
    path
}

fn draft(path: &Path, g: &Gazetteer, atlas: &Atlas) -> Session {
    let article = new_article::read(path).expect("the article reads");
    new_article::draft(&article, g, atlas).expect("the draft is made")
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let atlas = Atlas::bundled().expect("bundled boundaries");
    let started = Instant::now();
    let g = Gazetteer::bundled().expect("bundled gazetteer");
    println!("gazetteer ready (once per run of the app): {:?}", started.elapsed());
    let long = article_file(dir.path(), ARTICLE_WORDS);
    let s = draft(&long, &g, &atlas);
    println!(
        "{ARTICLE_WORDS}-word article: {} places, {} regions, {} dates suggested",
        s.briefing().places().len(),
        s.briefing().regions().len(),
        s.briefing().doc().dates.len()
    );
    let many = many_places_file(dir.path(), &g, SUGGESTIONS);
    let reviewing = draft(&many, &g, &atlas);
    let n = reviewing.briefing().undecided_suggestions();
    println!("review bench: {n} undecided suggestions");

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("authoring");
    group.bench_function("2000-word article: read + draft", |b| b.iter(|| draft(black_box(&long), &g, &atlas)));

    // The draft as it opens (review panel and article), then each of them alone.
    for (name, author, reader) in [
        ("frame: review panel and article, 500 suggestions", true, true),
        ("frame: review panel alone, 500 suggestions", true, false),
        ("frame: article alone (its mentions marked), 500 suggestions", false, true),
        ("frame: map alone, 500 suggestions", false, false),
    ] {
        let mut state = AppState::default();
        state.panels.author = author;
        state.panels.reader = reader;
        state.panels.side = false;
        let mut window = Window::new(BriefmapApp::with_session(draft(&many, &g, &atlas), state).without_basemap());
        group.bench_function(name, |b| b.iter(|| black_box(window.frame())));
    }

    let mut session = reviewing;
    group.bench_function("accept all 500 (the edit made and applied)", |b| {
        b.iter_batched(
            || draft(&many, &g, &atlas),
            |mut s| {
                let edit = review::accept_all_above(s.briefing(), 0.0).expect("something to accept");
                s.apply(edit).expect("accepted");
                s
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("accept all 500 + undo", |b| {
        b.iter(|| {
            let edit = review::accept_all_above(session.briefing(), 0.0).expect("something to accept");
            session.apply(edit).expect("accepted");
            assert!(session.undo());
        })
    });
    group.finish();
    c.final_summary();
}
