//! Extraction benchmarks (issue 13): the gazetteer made ready (load + index), the seed
//! article, and a 10,000-word article made of the extraction fixtures; the gazetteer's heap,
//! measured with a counting allocator and printed before the timings (the binary gazetteer
//! itself is built into the program and read in place, so its file size is listed apart).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use briefmap::extract::{self, Gazetteer};
use criterion::Criterion;

/// Counts live heap bytes so memory can be reported honestly, not estimated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only adds counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const SEED: &str = include_str!("../seeds/000_d3f6851c5c464e3d.txt");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");
/// The long article: fixture texts one after another until it has this many words.
const LONG_WORDS: usize = 10_000;

fn seed_body() -> std::ops::Range<usize> {
    extract::body_before_line(SEED, Some(29))
}

/// The plain-text and Markdown fixtures, repeated in turn to `LONG_WORDS` words.
fn long_article() -> String {
    let mut texts: Vec<String> = std::fs::read_dir(FIXTURES)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .map(|p| std::fs::read_to_string(p).expect("fixture text"))
        .collect();
    texts.sort();
    let mut out = String::new();
    for text in texts.iter().cycle() {
        if out.split_whitespace().count() >= LONG_WORDS {
            break;
        }
        out.push_str(text);
        out.push('\n');
    }
    out
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

fn report_memory() {
    let before = LIVE.load(Ordering::Relaxed);
    let started = Instant::now();
    let g = Gazetteer::bundled().unwrap_or_else(|e| panic!("{e}"));
    let ready = started.elapsed();
    let heap = LIVE.load(Ordering::Relaxed) - before;
    let text = long_article();
    let found = extract::extract(&text, Some(jiff::civil::date(2017, 9, 21)), &g);
    println!("gazetteer (counting allocator, heap):");
    println!(
        "  ready (load + index), first time:  {ready:?}; heap {:.1} MiB; GeoNames file {:.1} MiB read in place",
        mib(heap),
        mib(include_bytes!("../geodata/gazetteer.bin").len())
    );
    println!(
        "  {} places, {} name keys; the long article: {} words, {} places, {} dates found",
        g.geonames().len(),
        g.geonames().key_count(),
        text.split_whitespace().count(),
        found.places.len(),
        found.dates.len()
    );
    println!("  peak heap so far: {:.1} MiB", mib(PEAK.load(Ordering::Relaxed)));
}

fn main() {
    report_memory();
    let g = Gazetteer::bundled().unwrap_or_else(|e| panic!("{e}"));
    let long = long_article();
    let published = Some(jiff::civil::date(2016, 5, 18));
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("extract");
    group.bench_function("gazetteer_ready", |b| b.iter(|| Gazetteer::bundled().map(|g| g.geonames().len())));
    group.bench_function("seed_article", |b| {
        b.iter(|| extract::extract_body(black_box(SEED), seed_body(), published, &g).places.len())
    });
    group.bench_function("article_10k_words", |b| {
        b.iter(|| extract::extract(black_box(&long), published, &g).places.len())
    });
    group.finish();
    c.final_summary();
}
