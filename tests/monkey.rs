//! A monkey at the keyboard and mouse: 10,000 random clicks, drags, key presses, typed text,
//! scrolls, zooms, slider drags and window resizes over the real app, from a fixed seed.
//! Nothing may panic, and the briefing must be unchanged at the end unless the monkey edited
//! the story (the one part of a briefing the app edits). It runs in a temporary folder, so
//! whatever it saves (a PNG, a briefing copy) lands there.
//!
//! `BRIEFMAP_MONKEY_SEED=<n>` replays another seed; a failure prints the seed and the last
//! events before it.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui::{Event, Key, Modifiers, MouseWheelUnit, PointerButton, Pos2, Vec2, pos2, vec2};
use egui_kittest::Harness;

const EVENTS: usize = 10_000;
/// Monkey events between frames: a frame per event takes minutes in a debug build, and real
/// input arrives in bursts too. A drag spans the next two frames, so egui sees it move.
const EVENTS_PER_FRAME: usize = 10;
const DEFAULT_SEED: u64 = 0x5eed_b41e_f0a9_2016;
const SIZE: Vec2 = vec2(1400.0, 900.0);

/// The monkey's dice: fastrand's seeded generator, the same sequence on every machine.
struct Rng(fastrand::Rng);

impl Rng {
    /// A number below `n`, drawn as a `u64` (fastrand's `usize` depends on the platform).
    fn below(&mut self, n: usize) -> usize {
        self.0.u64(..n as u64) as usize
    }

    fn unit(&mut self) -> f32 {
        self.0.f32()
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A point in the window, sometimes just outside it.
    fn pos(&mut self, size: Vec2) -> Pos2 {
        pos2(self.unit() * (size.x + 40.0) - 20.0, self.unit() * (size.y + 40.0) - 20.0)
    }
}

const KEYS: &[Key] = &[
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::Space,
    Key::Escape,
    Key::Enter,
    Key::Tab,
    Key::Backspace,
    Key::Delete,
    Key::F5,
    Key::F11,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
    Key::Plus,
    Key::Minus,
    Key::Equals,
    Key::Questionmark,
    Key::Slash,
    Key::Num0,
    Key::Num1,
    Key::Num5,
    Key::Num9,
    Key::A,
    Key::B,
    Key::D,
    Key::F,
    Key::L,
    Key::N,
    Key::P,
    Key::R,
    Key::T,
    Key::W,
    Key::Z,
];

const TEXTS: &[&str] = &[
    "?",
    "/",
    "b",
    "2014",
    "2016-05-16",
    "2016-02-30",
    "13",
    "Minsk",
    "Мінск",
    "Iskander",
    "Palanez",
    "Smolensk",
    "“",
    "🚀",
    "\u{200b}",
    "a\u{301}",
    "   ",
    "'; DROP TABLE claims;--",
    "{{}}",
];

const MODIFIERS: &[Modifiers] =
    &[Modifiers::NONE, Modifiers::NONE, Modifiers::NONE, Modifiers::SHIFT, Modifiers::COMMAND, Modifiers::ALT];

/// The monkey: the harness, its random source, and what it did last (for the failure report).
struct Monkey<'a> {
    h: Harness<'a, BriefmapApp>,
    rng: Rng,
    size: Vec2,
    pointer: Pos2,
    /// A drag under way: from, to, modifiers, frames since the press.
    held: Option<(Pos2, Pos2, Modifiers, u8)>,
    log: VecDeque<String>,
    seen: Seen,
    times: std::collections::BTreeMap<String, (usize, f64)>,
}

/// What the monkey got the app to do, to show the events reached it.
#[derive(Default)]
struct Seen {
    presenting: bool,
    selections: std::collections::BTreeSet<String>,
    slider: bool,
    reader: bool,
    zooms: std::collections::BTreeSet<i32>,
    edited: bool,
}

impl Monkey<'_> {
    fn note(&mut self, what: String) {
        if self.log.len() == 30 {
            self.log.pop_front();
        }
        self.log.push_back(what);
    }

    fn button(&mut self, pos: Pos2, button: PointerButton, pressed: bool, modifiers: Modifiers) {
        self.h.event(Event::PointerButton { pos, button, pressed, modifiers });
    }

    fn move_to(&mut self, pos: Pos2) {
        self.pointer = pos;
        self.h.event(Event::PointerMoved(pos));
    }

    fn click(&mut self, pos: Pos2, button: PointerButton, modifiers: Modifiers, double: bool) {
        self.move_to(pos);
        for _ in 0..if double { 2 } else { 1 } {
            self.button(pos, button, true, modifiers);
            self.button(pos, button, false, modifiers);
        }
    }

    /// Presses at `from`; the pointer moves to `to` and lets go over the next two frames,
    /// whatever else happens meanwhile (a key pressed mid-drag, say).
    fn drag(&mut self, from: Pos2, to: Pos2, modifiers: Modifiers) {
        self.move_to(from);
        self.button(from, PointerButton::Primary, true, modifiers);
        self.held = Some((from, to, modifiers, 0));
    }

    /// Runs a frame, then moves on any drag under way.
    fn frame(&mut self) {
        let t = std::time::Instant::now();
        self.h.step();
        let key = format!("{:?} present={}", self.size, self.h.state().presenting().is_some());
        let e = self.times.entry(key).or_default();
        e.0 += 1;
        e.1 += t.elapsed().as_secs_f64();
        let app = self.h.state();
        let seen = &mut self.seen;
        seen.presenting |= app.presenting().is_some();
        seen.selections.extend(app.state().selected.clone());
        seen.slider |= app.state().time.active;
        seen.reader |= app.state().panels.reader;
        seen.zooms.insert(app.state().camera.zoom.round() as i32);
        seen.edited |= app.has_unsaved_edits();
        let cam = app.state().camera;
        assert!(cam.lon.is_finite() && cam.lat.is_finite() && cam.zoom.is_finite(), "the camera went to {cam:?}");
        if let Some((from, to, modifiers, frames)) = self.held {
            if frames == 0 {
                self.move_to(from + (to - from) * 0.5);
                self.held = Some((from, to, modifiers, 1));
            } else {
                self.move_to(to);
                self.button(to, PointerButton::Primary, false, modifiers);
                self.held = None;
            }
        }
    }

    /// One random thing a user might do.
    fn act(&mut self) {
        let size = self.size;
        let modifiers = self.rng.pick(MODIFIERS);
        match self.rng.below(100) {
            0..=24 => {
                let pos = self.rng.pos(size);
                let button = if self.rng.below(8) == 0 { PointerButton::Secondary } else { PointerButton::Primary };
                let double = self.rng.below(10) == 0;
                self.note(format!("click {button:?} at {pos:?} {modifiers:?} double={double}"));
                self.click(pos, button, modifiers, double);
            }
            25..=34 => {
                let (from, to) = (self.rng.pos(size), self.rng.pos(size));
                self.note(format!("drag {from:?} → {to:?} {modifiers:?}"));
                self.drag(from, to, modifiers);
            }
            35..=42 => {
                // The time slider sits in the bottom panel.
                let y = size.y - 20.0 - self.rng.unit() * 90.0;
                let from = pos2(self.rng.unit() * size.x, y);
                let to = pos2(self.rng.unit() * size.x, y + self.rng.unit() * 20.0 - 10.0);
                self.note(format!("slider drag {from:?} → {to:?}"));
                self.drag(from, to, Modifiers::NONE);
            }
            43..=69 => {
                let key = self.rng.pick(KEYS);
                self.note(format!("key {key:?} {modifiers:?}"));
                self.h.key_press_modifiers(modifiers, key);
            }
            70..=79 => {
                let text = self.rng.pick(TEXTS);
                self.note(format!("text {text:?}"));
                self.h.event(Event::Text(text.to_owned()));
            }
            80..=89 => {
                let pos = self.rng.pos(size);
                let delta = vec2(self.rng.unit() * 400.0 - 200.0, self.rng.unit() * 400.0 - 200.0);
                self.note(format!("scroll {delta:?} at {pos:?} {modifiers:?}"));
                self.move_to(pos);
                self.h.event(Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta,
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Unknown,
                    modifiers,
                });
            }
            90..=94 => {
                let factor = 0.25 + self.rng.unit() * 3.0;
                self.note(format!("zoom ×{factor} at {:?}", self.pointer));
                self.h.event(Event::Zoom(factor));
            }
            95..=96 => {
                let pos = self.rng.pos(size);
                self.note(format!("hover {pos:?}"));
                self.move_to(pos);
            }
            97 => {
                let text = self.rng.pick(TEXTS).repeat(1 + self.rng.below(40));
                self.note(format!("paste {} bytes", text.len()));
                self.h.event(Event::Paste(text));
            }
            _ => {
                // From a phone-sized window to a wall display, and back.
                let sizes = [vec2(320.0, 240.0), vec2(800.0, 560.0), SIZE, vec2(2560.0, 1440.0), vec2(1.0, 1.0)];
                self.size = self.rng.pick(&sizes);
                self.note(format!("resize to {:?}", self.size));
                self.h.set_size(self.size);
            }
        }
    }
}

#[test]
fn ten_thousand_random_events_break_nothing() {
    let scratch = tempfile::tempdir().expect("a temporary folder");
    std::env::set_current_dir(scratch.path()).expect("into the temporary folder");
    let seed = std::env::var("BRIEFMAP_MONKEY_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(DEFAULT_SEED);
    let briefing = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
    let before = briefing.to_json();
    // Saving a copy puts the source's text beside it under its own name: the file it points
    // at moves, its words do not.
    let without_story = |doc: &briefmap::briefing::BriefingDoc| {
        let mut doc = briefmap::briefing::BriefingDoc { story: Vec::new(), ..doc.clone() };
        doc.sources.iter_mut().for_each(|s| s.file.clear());
        doc
    };
    let content_before = without_story(briefing.doc());
    // The real app draws a box for a character its fonts lack (the embedded briefing's
    // Georgian name of Georgia is one); the harness would panic instead.
    let h = Harness::builder()
        .allow_missing_glyphs()
        .with_size(SIZE)
        .with_step_dt(1.0 / 30.0)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()));
    let mut monkey = Monkey {
        h,
        rng: Rng(fastrand::Rng::with_seed(seed)),
        size: SIZE,
        pointer: Pos2::ZERO,
        held: None,
        log: VecDeque::new(),
        seen: Seen::default(),
        times: Default::default(),
    };
    let per_frame = std::env::var("MONKEY_BATCH").ok().and_then(|s| s.parse().ok()).unwrap_or(EVENTS_PER_FRAME);
    let mut done = 0;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        while done < EVENTS {
            for _ in 0..per_frame {
                monkey.act();
                done += 1;
            }
            monkey.frame();
        }
    }));
    if let Err(panic) = outcome {
        eprintln!("monkey seed {seed} panicked after {done} events; the last ones:");
        monkey.log.iter().for_each(|e| eprintln!("  {e}"));
        resume_unwind(panic);
    }
    for (k, (n, t)) in &monkey.times {
        eprintln!("{k}: {n} frames, {:.1} ms each", t / *n as f64 * 1000.0);
    }
    let seen = &monkey.seen;
    eprintln!("selected {} places, zoom levels {:?}, story edited: {}", seen.selections.len(), seen.zooms, seen.edited);
    assert!(seen.presenting && seen.slider && seen.reader, "seed {seed}: presenting, slider, reader");
    assert!(seen.selections.len() >= 5, "seed {seed}: selected only {:?}", seen.selections);
    assert!(seen.zooms.len() >= 3, "seed {seed}: zoomed only to {:?}", seen.zooms);
    let app = monkey.h.state();
    // The story editor changes steps only: places, claims and quotes stay as loaded.
    assert!(without_story(app.briefing().doc()) == content_before, "seed {seed}: more than the story changed");
    if !seen.edited {
        assert_eq!(app.briefing().to_json(), before, "seed {seed}: the briefing changed without an edit");
    }
    let cam = app.state().camera;
    assert!(cam.lon.is_finite() && cam.lat.is_finite() && cam.zoom.is_finite(), "seed {seed}: camera {cam:?}");
}
