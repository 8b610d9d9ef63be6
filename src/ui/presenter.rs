//! Presentation mode: the story step by step, full screen, with a caption card sized for a
//! projector, a slim progress bar, and the keys presenters (and their clickers) expect.

use egui::{Align2, Color32, CornerRadius, Frame, Key, Margin, Modifiers, Rect, RichText, Ui, pos2, vec2};

use super::state::TimeState;
use super::theme::{Palette, claim_kind_strong};
use crate::briefing::caption::{Caption, StepTime};
use crate::briefing::{Briefing, StoryStep};

/// What a key press asks of the presentation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    /// Next step (→, Space, PageDown, Enter).
    Next,
    /// Previous step (←, PageUp, Backspace).
    Previous,
    /// First step (Home).
    First,
    /// Last step (End).
    Last,
    /// Step n, 0-based.
    Jump(usize),
    /// A number key, pressed at `at` seconds: steps are numbered from 1, and digits typed in
    /// quick succession make one number (1 then 2 is step 12), as in slide software.
    Digit {
        /// The digit, 0–9.
        digit: usize,
        /// When it was pressed (egui's input time).
        at: f64,
    },
    /// Blank the screen or bring it back (B, or . as on PowerPoint).
    Blank,
    /// Leave presentation mode (Esc).
    Leave,
}

/// One row of the presentation's keys: the keys, what they do, in the help's words.
#[derive(Clone, Copy, Debug)]
pub struct KeyRow {
    /// The keys (any of them).
    pub keys: &'static [Key],
    /// The command; `None` for the digits, which give a step number.
    pub command: Option<Command>,
    /// What they do.
    pub text: &'static str,
}

/// The digit keys, 0 to 9.
const DIGITS: [Key; 10] =
    [Key::Num0, Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];

/// Every key of presentation mode (clickers send PageUp / PageDown); the help lists these.
pub const KEYS: [KeyRow; 7] = [
    KeyRow {
        keys: &[Key::ArrowRight, Key::Space, Key::PageDown, Key::Enter],
        command: Some(Command::Next),
        text: "Next step",
    },
    KeyRow {
        keys: &[Key::ArrowLeft, Key::PageUp, Key::Backspace],
        command: Some(Command::Previous),
        text: "Previous step",
    },
    KeyRow { keys: &[Key::Home], command: Some(Command::First), text: "First step" },
    KeyRow { keys: &[Key::End], command: Some(Command::Last), text: "Last step" },
    KeyRow { keys: &DIGITS, command: None, text: "Go to that step (1 then 2, quickly, for step 12)" },
    KeyRow { keys: &[Key::B, Key::Period], command: Some(Command::Blank), text: "Blank the screen, and back" },
    KeyRow { keys: &[Key::Escape], command: Some(Command::Leave), text: "Leave the presentation" },
];

impl KeyRow {
    /// The keys as the help shows them: "Right / Space / PageDown / Enter", "1, 2, 3 …".
    pub fn keys_text(&self) -> String {
        if self.command.is_none() {
            return "1, 2, 3 …".to_owned();
        }
        self.keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(" / ")
    }
}

/// Reads presentation keys from this frame's input (consuming them).
pub fn commands(ui: &mut Ui) -> Vec<Command> {
    let mut out = Vec::new();
    ui.input_mut(|i| {
        let at = i.time;
        for row in KEYS {
            for (n, &key) in row.keys.iter().enumerate() {
                if i.consume_key(Modifiers::NONE, key) {
                    out.push(row.command.unwrap_or(Command::Digit { digit: n, at }));
                }
            }
        }
    });
    out
}

/// Longest pause, in seconds, between the digits of one step number.
pub const DIGIT_GAP: f64 = 1.0;

/// The presentation's state: which step, and whether the screen is blanked.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Presenter {
    /// The current step (0-based).
    pub step: usize,
    /// The screen is blanked (B).
    pub blank: bool,
    /// The step number being typed (1-based) and when its last digit came.
    typed: Option<(usize, f64)>,
}

impl Presenter {
    /// A presentation starting at `step`.
    pub fn at(step: usize) -> Self {
        Self { step, ..Self::default() }
    }

    /// Applies a command; returns false when the presentation should end.
    pub fn apply(&mut self, command: Command, steps: usize) -> bool {
        let last = steps.saturating_sub(1);
        let typed = self.typed.take();
        match command {
            Command::Next => self.step = (self.step + 1).min(last),
            Command::Previous => self.step = self.step.saturating_sub(1),
            Command::First => self.step = 0,
            Command::Last => self.step = last,
            Command::Jump(n) => self.step = n.min(last),
            Command::Digit { digit, at } => {
                let number = match typed {
                    Some((n, t)) if at - t <= DIGIT_GAP && n * 10 + digit <= steps => n * 10 + digit,
                    _ => digit,
                };
                self.typed = Some((number, at));
                if number >= 1 {
                    self.step = (number - 1).min(last);
                }
            }
            Command::Blank => self.blank = !self.blank,
            Command::Leave => return false,
        }
        if command != Command::Blank {
            self.blank = false;
        }
        true
    }
}

/// Sets the time slider to a step's date or window (everything when it has none).
pub fn step_time(step: &StoryStep, time: &mut TimeState) {
    time.playing = false;
    match StepTime::of(step.time) {
        StepTime::All => time.active = false,
        StepTime::AsOf(day) => {
            // One date: the story as it stood then.
            time.active = true;
            time.window = false;
            time.from = day;
            time.to = day;
        }
        StepTime::Window(from, to) => {
            time.active = true;
            time.window = true;
            time.from = from;
            time.to = to;
        }
    }
}

/// Draws the caption card (and, for a story, the progress bar) over the map rectangle `rect`.
pub fn overlay(ui: &mut Ui, b: &Briefing, caption: &Caption, time_label: &str, rect: Rect, pal: &Palette) {
    let painter = ui.painter().clone();
    if let Some((step, steps)) = caption.progress {
        // Progress: one segment per step, the current one lit.
        let bar = Rect::from_min_size(pos2(rect.left(), rect.bottom() - 8.0), vec2(rect.width(), 8.0));
        let n = steps.max(1) as f32;
        for i in 0..steps {
            let seg = Rect::from_min_max(
                pos2(bar.left() + bar.width() * i as f32 / n + 1.0, bar.top()),
                pos2(bar.left() + bar.width() * (i + 1) as f32 / n - 1.0, bar.bottom()),
            );
            let colour = if i <= step { pal.highlight } else { Color32::from_gray(120).gamma_multiply(0.5) };
            painter.rect_filled(seg, 0.0, colour);
        }
    }
    // Type scales with the screen so the card reads from the back of a room.
    let scale = (rect.height() / 900.0).clamp(0.8, 2.5);
    let width = (rect.width() * 0.42).clamp(420.0, 900.0 * scale);
    egui::Area::new(egui::Id::unique("caption-card"))
        .fixed_pos(pos2(rect.left() + 24.0 * scale, rect.bottom() - 28.0 * scale))
        .pivot(Align2::LEFT_BOTTOM)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            Frame::popup(ui.style())
                .inner_margin(Margin::same((16.0 * scale) as i8))
                .corner_radius(CornerRadius::same(10))
                .show(ui, |ui| {
                    ui.set_width(width);
                    let head = match caption.progress {
                        Some((i, n)) => format!("{} / {n}   ·   {time_label}", i + 1),
                        None => time_label.to_owned(),
                    };
                    ui.label(RichText::new(head).size(15.0 * scale).color(pal.muted));
                    ui.label(RichText::new(&caption.title).size(30.0 * scale).strong());
                    ui.add_space(4.0 * scale);
                    ui.label(RichText::new(&caption.text).size(21.0 * scale));
                    if let Some(claim) = caption.lead.and_then(|c| b.claims().get(c)) {
                        ui.add_space(8.0 * scale);
                        ui.horizontal_top(|ui| {
                            let (bar, _) = ui.allocate_exact_size(vec2(4.0, 20.0 * scale), egui::Sense::hover());
                            ui.painter().rect_filled(bar, 2.0, claim_kind_strong(claim.kind));
                            ui.vertical(|ui| {
                                ui.label(RichText::new(claim.quoted()).italics().size(18.0 * scale));
                                let who = b.speaker(&claim.speaker).map(|s| s.label()).unwrap_or_default();
                                let rating = match b.sources().len() > 1 {
                                    // The source is named below, with its grade; the rating
                                    // is how analysts cite the claim.
                                    true => format!(" ({})", claim.rating(b.source_of(claim))),
                                    false => String::new(),
                                };
                                ui.label(RichText::new(format!("— {who}{rating}")).size(14.0 * scale).color(pal.muted));
                            });
                        });
                    }
                    if !caption.sources.is_empty() {
                        ui.add_space(6.0 * scale);
                        let sources = format!("Sources: {}", caption.sources.join(" · "));
                        ui.label(RichText::new(sources).size(14.0 * scale).color(pal.muted));
                    }
                });
        });
}

/// Paints the blanked screen.
pub fn blank(ui: &Ui, rect: Rect) {
    ui.painter().rect_filled(rect, 0.0, Color32::BLACK);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_in_range() {
        let mut p = Presenter::default();
        assert!(p.apply(Command::Previous, 5));
        assert_eq!(p.step, 0);
        p.apply(Command::Next, 5);
        p.apply(Command::Next, 5);
        assert_eq!(p.step, 2);
        p.apply(Command::Last, 5);
        p.apply(Command::Next, 5);
        assert_eq!(p.step, 4);
        p.apply(Command::Jump(8), 5);
        assert_eq!(p.step, 4);
        p.apply(Command::Jump(1), 5);
        assert_eq!(p.step, 1);
        p.apply(Command::First, 5);
        assert_eq!(p.step, 0);
    }

    #[test]
    fn blank_toggles_and_any_move_unblanks() {
        let mut p = Presenter::default();
        p.apply(Command::Blank, 3);
        assert!(p.blank);
        p.apply(Command::Blank, 3);
        assert!(!p.blank);
        p.apply(Command::Blank, 3);
        p.apply(Command::Next, 3);
        assert!(!p.blank && p.step == 1);
        assert!(!p.apply(Command::Leave, 3), "Esc ends the presentation");
    }

    #[test]
    fn digits_typed_quickly_make_one_step_number() {
        let digit = |digit, at| Command::Digit { digit, at };
        let mut p = Presenter::default();
        p.apply(digit(3, 0.0), 12);
        assert_eq!(p.step, 2, "a single digit jumps at once");
        p.apply(digit(1, 5.0), 12);
        assert_eq!(p.step, 0);
        p.apply(digit(2, 5.4), 12);
        assert_eq!(p.step, 11, "1 then 2 is step 12");
        p.apply(digit(1, 10.0), 12);
        p.apply(digit(0, 10.5), 12);
        assert_eq!(p.step, 9, "1 then 0 is step 10");
        p.apply(digit(1, 20.0), 12);
        p.apply(digit(3, 20.5), 12);
        assert_eq!(p.step, 2, "13 is past the last step: the 3 starts a new number");
        p.apply(digit(1, 30.0), 12);
        p.apply(digit(2, 32.0), 12);
        assert_eq!(p.step, 1, "a slow second digit is a number of its own");
        p.apply(digit(1, 40.0), 12);
        p.apply(Command::Next, 12);
        p.apply(digit(2, 40.2), 12);
        assert_eq!(p.step, 1, "another key in between ends the number");
        p.apply(digit(0, 50.0), 12);
        assert_eq!(p.step, 1, "0 alone is no step");
    }
}
