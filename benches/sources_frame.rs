//! The frame of a 100-source briefing against the same briefing from one source, measured
//! in turns: this VM's speed drifts by more than the 10 % the two may differ by between
//! criterion runs minutes apart (see `frame/10000 claims from N sources` in `benches/app.rs`),
//! so the two windows take turns, 20 frames each, 40 rounds, and the best round of each is
//! compared. Run with `cargo bench --bench sources_frame`.

#[path = "common/window.rs"]
mod window;

use std::hint::black_box;
use std::time::Instant;

use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use window::Window;

/// Turns each window takes, and frames per turn.
const ROUNDS: usize = 40;
const FRAMES: usize = 20;

/// The same 10,000 claims from `sources` sources, in a window.
fn told_by(sources: usize) -> Window {
    let b = briefmap::synthetic::sources(10_000, sources, 7).expect("synthetic sources");
    Window::new(BriefmapApp::with_briefing(b, AppState::default()))
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that names another bench skips this one.
    if std::env::args().skip(1).any(|a| !a.starts_with('-') && !"sources_frame".contains(&a)) {
        return;
    }
    let mut windows = [told_by(1), told_by(100)];
    let mut best = [f64::MAX; 2];
    for _ in 0..ROUNDS {
        for (k, w) in windows.iter_mut().enumerate() {
            let start = Instant::now();
            for _ in 0..FRAMES {
                black_box(w.frame());
            }
            best[k] = best[k].min(start.elapsed().as_secs_f64() * 1000.0 / FRAMES as f64);
        }
    }
    println!(
        "frame, 10000 claims: 1 source {:.3} ms, 100 sources {:.3} ms ({:+.1} %), best of {ROUNDS} rounds of {FRAMES} frames in turns",
        best[0],
        best[1],
        (best[1] / best[0] - 1.0) * 100.0
    );
}
