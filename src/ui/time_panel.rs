//! The time panel: a timeline over the briefing's years with a tick per dated claim, one
//! handle (as of a date) or two (a window), playback, and a field to type a date.

use egui::accesskit::Action;
use egui::{Align2, Color32, FontId, Key, Pos2, Rect, RichText, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};
use jiff::civil::Date;

use super::state::TimeState;
use super::theme::{Palette, actor_colour, source_colour};
use crate::briefing::caption::StepTime;
use crate::briefing::{Briefing, PartialDate};
use crate::timeline::{Timeline, day_number, from_day_number};

/// The panel's own state: the text in the date field, and the ticks laid out for a width.
#[derive(Debug, Default)]
pub struct TimePanel {
    typed: String,
    error: Option<String>,
    ticks: Option<Ticks>,
}

/// Ticks merged per pixel column: with 100k claims, drawing one line each would cost more
/// than the rest of the app. Rebuilt only when the track's width or the claims change.
#[derive(Debug)]
struct Ticks {
    width: f32,
    claims: usize,
    /// The axis' first and last day.
    range: (i32, i32),
    /// (x offset from the axis' left, the colours of the first claims that start there).
    columns: Vec<(f32, Vec<Color32>)>,
    /// Coloured by source (else by first actor).
    by_source: bool,
}

/// The day the timeline starts and ends, as day numbers.
fn extent(time: &TimeState) -> (i32, i32) {
    (day_number(time.range.start), day_number(time.range.end))
}

/// The least room between two year labels on the axis, in points.
const MIN_YEAR_LABEL_GAP: f32 = 44.0;

impl TimePanel {
    /// Draws the panel; returns true when the time state changed.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        b: &Briefing,
        timeline: &Timeline,
        time: &mut TimeState,
        pal: &Palette,
    ) -> bool {
        let before = time.clone();
        let mut typed_here = false;
        ui.horizontal(|ui| {
            let play = if time.playing { "⏸ Pause" } else { "▶ Play" };
            if ui.button(play).on_hover_text("Play the story through time (Space)").clicked() {
                toggle_play(time);
            }
            egui::ComboBox::new("speed", "Speed")
                .width(70.0)
                .selected_text(speed_label(time.speed))
                .show_ui(ui, |ui| {
                    for s in [30.0, 60.0, 120.0, 240.0, 480.0] {
                        ui.selectable_value(&mut time.speed, s, speed_label(s));
                    }
                })
                .response
                .on_hover_text("Playback speed");
            ui.separator();
            ui.selectable_value(&mut time.window, false, "Date")
                .on_hover_text("One handle: the story as it stood on a date");
            ui.selectable_value(&mut time.window, true, "Window")
                .on_hover_text("Two handles: only what happens between them");
            if ui
                .selectable_label(!time.active, "All dates")
                .on_hover_text("Show everything, whenever it happens")
                .clicked()
            {
                time.active = false;
                time.playing = false;
            }
            if b.sources().len() > 1 {
                ui.checkbox(&mut time.ticks_by_source, "Ticks by source")
                    .on_hover_text("Colour each claim's tick by its source (off: by its first actor)");
            }
            ui.separator();
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.typed)
                    .hint_text("Go to date: 2014 or 2016-05-16")
                    .desired_width(190.0),
            );
            field.widget_info(|| WidgetInfo::labeled(egui::Role::TextInput, true, "Go to date"));
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                self.go_to(time);
                typed_here = true;
            }
            typed_here |= field.has_focus();
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).small().color(Color32::from_rgb(0xc0, 0x39, 0x2b)));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // Large enough to read from the back of a briefing room.
                ui.label(RichText::new(label(time)).size(24.0).strong());
            });
        });
        track(ui, b, timeline, time, pal, &mut self.ticks);
        if time.playing {
            let dt = ui.input(|i| i.stable_dt).min(0.1) as f64;
            // At least a day (NaN too), at most a year a frame: jiff panics on millions of days.
            let days = (dt * time.speed as f64).round();
            let step = if days >= 1.0 { days.min(366.0) as i64 } else { 1 };
            let end = time.range.end;
            let next = time.current().checked_add(jiff::Span::new().days(step)).unwrap_or(end);
            if next >= end {
                time.set_current(end);
                time.playing = false;
            } else {
                time.set_current(next);
            }
            ui.ctx().request_repaint();
        }
        let changed = *time != before;
        // A date typed earlier would contradict a time set since by the slider, buttons or keys.
        if changed && !typed_here {
            self.typed.clear();
            self.error = None;
        }
        changed
    }

    fn go_to(&mut self, time: &mut TimeState) {
        match self
            .typed
            .trim()
            .parse::<PartialDate>()
            .map_err(|e| e.to_string())
            .and_then(|d| Ok((d.first_day().map_err(|e| e.to_string())?, d.last_day().map_err(|e| e.to_string())?)))
        {
            Ok((first, last)) => {
                self.error = None;
                time.active = true;
                time.playing = false;
                if time.window {
                    time.from = first.max(time.range.start);
                    time.to = last.min(time.range.end);
                } else {
                    time.set_current(last);
                }
            }
            Err(e) => self.error = Some(e),
        }
    }
}

/// Starts or pauses playback (from the beginning if at the end).
pub fn toggle_play(time: &mut TimeState) {
    time.playing = !time.playing;
    let start = time.range.start;
    if time.playing && (!time.active || time.current() >= time.range.end) {
        time.active = true;
        let len = if time.window { time.to.since(time.from).map(|s| s.get_days()).unwrap_or(0) } else { 0 };
        time.from = start;
        time.to = start.checked_add(jiff::Span::new().days(len)).unwrap_or(start);
        if !time.window {
            time.to = time.from;
        }
    }
}

/// Steps the slider to the next (or previous) dated event.
pub fn step(time: &mut TimeState, timeline: &Timeline, forward: bool) {
    let now = if time.active { time.current() } else { time.range.end };
    let target = if forward { timeline.next_start(now) } else { timeline.previous_start(now) };
    match target {
        Some(d) => time.set_current(d),
        None if forward => time.set_current(time.range.end),
        None => time.set_current(time.range.start),
    }
}

/// What the slider shows, in words: "All dates", "As of 16 May 2016", "1 Jan 2014 – 31 Dec 2014".
pub fn label(time: &TimeState) -> String {
    // The caption card's words (briefing::caption), so the card and the handout agree.
    let shown = match (time.active, time.window) {
        (false, _) => StepTime::All,
        (true, false) => StepTime::AsOf(time.from),
        (true, true) => StepTime::Window(time.from, time.to),
    };
    shown.label()
}

fn speed_label(days_per_second: f32) -> String {
    format!("{:.0} d/s", days_per_second)
}

fn track(
    ui: &mut Ui,
    b: &Briefing,
    timeline: &Timeline,
    time: &mut TimeState,
    pal: &Palette,
    ticks: &mut Option<Ticks>,
) {
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), 58.0), Sense::click_and_drag());
    let (first, last) = extent(time);
    let (slider_start, slider_end) = (time.range.start, time.range.end);
    let axis =
        Rect::from_min_max(pos2(rect.left() + 14.0, rect.top() + 8.0), pos2(rect.right() - 14.0, rect.bottom() - 18.0));
    let x_of = |d: Date| axis.left() + axis.width() * ((day_number(d) - first) as f32 / (last - first) as f32);
    let date_at = |x: f32| {
        from_day_number(first + (((x - axis.left()) / axis.width()).clamp(0.0, 1.0) * (last - first) as f32) as i32)
    };
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(axis, 4.0, visuals.extreme_bg_color);
    // Years, labelled every one, two, five... as the width allows.
    let years = (slider_end.year() - slider_start.year() + 1).max(1) as f32;
    let label_every = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|&n| axis.width() / years * n as f32 >= MIN_YEAR_LABEL_GAP)
        .unwrap_or(100);
    for year in slider_start.year()..=slider_end.year() + 1 {
        let d = jiff::civil::date(year, 1, 1).min(slider_end);
        let x = x_of(d);
        painter.line_segment([pos2(x, axis.bottom()), pos2(x, axis.bottom() + 4.0)], Stroke::new(1.0, pal.muted));
        if year <= slider_end.year() && year % label_every == 0 {
            let mid = x_of(jiff::civil::date(year, 7, 1));
            painter.text(
                pos2(mid, axis.bottom() + 10.0),
                Align2::CENTER_CENTER,
                year.to_string(),
                FontId::proportional(11.5),
                pal.muted,
            );
        }
        painter.line_segment(
            [pos2(x, axis.top()), pos2(x, axis.bottom())],
            Stroke::new(0.5, pal.muted.gamma_multiply(0.4)),
        );
    }
    // The window (or everything up to the handle) shaded.
    if time.active {
        let (a, z) =
            if time.window { (time.from.min(time.to), time.from.max(time.to)) } else { (slider_start, time.from) };
        let shade = Rect::from_min_max(pos2(x_of(a), axis.top()), pos2(x_of(z), axis.bottom()));
        painter.rect_filled(shade, 2.0, pal.highlight.gamma_multiply(0.18));
    }
    // One tick per dated claim, coloured by its first actor (or its source), stacked where
    // they coincide.
    let by_source = time.ticks_by_source && b.sources().len() > 1;
    if ticks.as_ref().is_none_or(|t| {
        t.width != axis.width() || t.claims != timeline.len() || t.range != (first, last) || t.by_source != by_source
    }) {
        let max_stack = ((axis.height() - 6.0) / 10.0).floor().max(1.0) as usize;
        let mut columns: Vec<(f32, Vec<Color32>)> = Vec::new();
        for (d, c) in timeline.starts() {
            let x = (x_of(d.clamp(slider_start, slider_end)) - axis.left()).round();
            if columns.last().is_none_or(|last| (last.0 - x).abs() >= 3.0) {
                columns.push((x, Vec::new()));
            }
            if let Some(last) = columns.last_mut()
                && last.1.len() < max_stack
            {
                let colour = match (b.claims().get(c), by_source) {
                    (Some(claim), true) => b.source_index(&claim.at.source).map_or(pal.muted, source_colour),
                    (Some(claim), false) => claim.actors.first().map_or(pal.muted, |a| actor_colour(b, a)),
                    (None, _) => pal.muted,
                };
                last.1.push(colour);
            }
        }
        *ticks = Some(Ticks { width: axis.width(), claims: timeline.len(), range: (first, last), columns, by_source });
    }
    for (x, colours) in ticks.iter().flat_map(|t| &t.columns) {
        let x = axis.left() + x;
        for (level, colour) in colours.iter().enumerate() {
            let y = axis.bottom() - 4.0 - 10.0 * level as f32;
            painter.line_segment([pos2(x, y), pos2(x, y - 9.0)], Stroke::new(2.5, *colour));
        }
    }
    // Handles.
    let handle = |d: Date| {
        let x = x_of(d);
        painter
            .line_segment([pos2(x, axis.top() - 4.0), pos2(x, axis.bottom() + 2.0)], Stroke::new(2.5, pal.highlight));
        painter.circle(pos2(x, axis.top() - 2.0), 6.0, pal.highlight, Stroke::new(1.5, Color32::WHITE));
    };
    if time.active {
        handle(time.from);
        if time.window {
            handle(time.to);
        }
    }
    if let Some(p) = response.interact_pointer_pos()
        && (response.dragged() || response.clicked())
    {
        move_nearest_handle(time, date_at(p.x), p, x_of);
    }
    assistive_requests(ui, response.id, time, timeline);
    let value = if time.active { (day_number(time.current()) - first) as f64 } else { (last - first) as f64 };
    response.widget_info(|| WidgetInfo::slider(true, value, "Timeline"));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_min_numeric_value(0.0);
        node.set_max_numeric_value((last - first) as f64);
        node.set_numeric_value_step(1.0);
        node.set_value(label(time));
        for action in [Action::SetValue, Action::Increment, Action::Decrement] {
            node.add_action(action);
        }
    });
}

/// Moves the slider as a screen reader asks: to a value (days since the timeline's start), or
/// an event forward or back per increment or decrement, as ← and → do.
fn assistive_requests(ui: &Ui, id: egui::Id, time: &mut TimeState, timeline: &Timeline) {
    let (set, steps) = ui.input(|i| {
        let set = i
            .accesskit_action_requests(id, Action::SetValue)
            .filter_map(|r| match r.data {
                Some(egui::accesskit::ActionData::NumericValue(v)) if v.is_finite() => Some(v),
                _ => None,
            })
            .last();
        let steps = i.num_accesskit_action_requests(id, Action::Increment) as i64
            - i.num_accesskit_action_requests(id, Action::Decrement) as i64;
        (set, steps)
    });
    if let Some(days) = set {
        let (first, last) = extent(time);
        let day = (first as f64 + days.round()).clamp(first as f64, last as f64) as i32;
        time.playing = false;
        time.set_current(from_day_number(day));
    }
    for _ in 0..steps.unsigned_abs() {
        step(time, timeline, steps > 0);
    }
}

fn move_nearest_handle(time: &mut TimeState, d: Date, p: Pos2, x_of: impl Fn(Date) -> f32) {
    time.active = true;
    time.playing = false;
    if time.window {
        if (x_of(time.from) - p.x).abs() <= (x_of(time.to) - p.x).abs() {
            time.from = d;
        } else {
            time.to = d;
        }
    } else {
        time.from = d;
    }
}
