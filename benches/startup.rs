//! Start-up: the release binary from process start to its first frame (and to a complete
//! map), headless, with the embedded briefing; then its peak resident memory. With a display
//! (`DISPLAY` set, e.g. Xvfb) it also times a real window to its first frame.

use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

const BIN: &str = env!("CARGO_BIN_EXE_briefmap");

/// Runs briefmap with `args` and returns what it printed.
fn briefmap(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().expect("briefmap runs");
    assert!(out.status.success(), "briefmap {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("start-up");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("process start to first frame, headless", |b| {
        b.iter(|| briefmap(&["--headless", "--exit-after-first-frame"]))
    });
    g.bench_function("process start to complete map, headless", |b| b.iter(|| briefmap(&["--headless"])));
    if std::env::var_os("DISPLAY").is_some() {
        // The window's own settings are kept out of it: a fresh config folder each run.
        let config = tempfile::tempdir().expect("a temporary folder");
        g.bench_function("process start to first frame, window", |b| {
            b.iter(|| {
                let status = Command::new(BIN)
                    .arg("--exit-after-first-frame")
                    .env("XDG_DATA_HOME", config.path())
                    .env("XDG_CONFIG_HOME", config.path())
                    .status()
                    .expect("briefmap runs");
                assert!(status.success());
            })
        });
    }
    g.finish();
    // Memory is not a timing: one run each, printed beside criterion's lines.
    println!("start-up report (first frame only): {}", briefmap(&["--headless", "--exit-after-first-frame"]));
    println!("start-up report (complete map):     {}", briefmap(&["--headless"]));
}

criterion_group!(benches, startup);
criterion_main!(benches);
