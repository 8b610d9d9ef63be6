//! Applying what the panels ask for: selection and framing, flights, the reader, commands,
//! edits, exports.

use super::BriefmapApp;
use crate::briefing::Item;
use crate::mercator::from_world;
use crate::ui::action::Action;
use crate::ui::story_editor::Scene;
use crate::viewport::{self, Camera};

/// The most of a map's width the legend's inset may take when framing.
const LEGEND_SHARE: f64 = 0.3;

impl BriefmapApp {
    pub(super) fn apply_actions(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        for action in self.actions.take() {
            let b = self.session.briefing();
            match action {
                Action::Select(item) => {
                    self.state.select(b, item);
                    if let Some(item) = item {
                        if let Some(cam) = self.frame_items(&[item]) {
                            self.map.fly_to(cam, now);
                        }
                        if let Item::Claim(c) = item {
                            self.state.panels.reader = true;
                            self.reader.scroll_to(b.claims()[c].at.clone());
                        }
                        self.state.panels.side = true;
                    }
                }
                Action::FlyTo(cam) => self.map.fly_to(cam, now),
                Action::FrameAll => {
                    if let Some(cam) = self.frame_items(&b.overview_places()) {
                        self.map.fly_to(cam, now);
                    }
                }
                Action::ShowText(at) => {
                    self.state.panels.reader = true;
                    self.reader.scroll_to(at);
                }
                Action::AddRing(ring) => {
                    self.state.rings.push(ring);
                    self.state.panels.rings = true;
                    self.sync_rings();
                    self.rings.selected = self.rings.shown().len().checked_sub(1);
                }
                Action::Measure(p, name) => self.measure.add(p, name),
                Action::Present(true) => self.start_presenting(ctx, 0),
                Action::Present(false) => self.stop_presenting(ctx),
                Action::Command(c) => self.run(ctx, c),
                Action::Edit(edit) => match self.session.apply(*edit) {
                    Ok(()) => self.edited(ctx),
                    Err(e) => self.notices.push(format!("Not changed: {e}")),
                },
                Action::Export(request) => self.export(ctx, request),
                Action::Handout(request) => self.top_bar.handout.start(b.clone(), request, ctx),
                Action::Open(path) => self.request_open(path),
                Action::MovePlace(i, p) => {
                    let edit = crate::authoring::places::moved(b, i, p.y(), p.x());
                    if let Some(Err(e)) = edit.map(|e| self.session.apply_in_gesture(e, &format!("move place {i}"))) {
                        self.notices.push(format!("Not moved: {e}"));
                    }
                    self.edited(ctx);
                }
                Action::MoveDone => self.session.end_gesture(),
                Action::LinkDrawn(from, to) => self.link_form = crate::ui::link_form::LinkForm::new(b, from, to),
                Action::PlaceAt(point) => {
                    if let Some(edit) = self.author.place_at(b, point) {
                        self.actions.push(Action::Edit(Box::new(edit)));
                        self.reader.clear_selection();
                    }
                }
                Action::Compare(a, c) => self.compare = crate::ui::compare::Compare::new(b, a, c),
                Action::ShowStep(i) => {
                    self.state.panels.story = true;
                    self.story.pick(i);
                }
            }
            ctx.request_repaint();
        }
    }

    /// The camera that frames these items in the current map rectangle.
    pub(super) fn frame_items(&self, items: &[Item]) -> Option<Camera> {
        self.frame_with(items, Vec::new())
    }

    /// Like `frame_items`, also fitting the lon/lat points `extra`.
    pub(super) fn frame_with(&self, items: &[Item], extra: Vec<(f64, f64)>) -> Option<Camera> {
        let b = self.session.briefing();
        let g = &self.session.derived().geometry;
        let parts = b.expand(items);
        // A lone place (picked, or all a claim is about) has no extent to frame: zooming in on
        // it as far as the map goes would show a city block, not the place in its setting.
        let lone_place = matches!(parts.as_slice(), [Item::Place(_)]) && extra.is_empty();
        let mut points: Vec<(f64, f64)> = extra;
        for part in parts {
            match part {
                Item::Place(i) => points.push((b.places()[i].lon, b.places()[i].lat)),
                Item::Region(i) => {
                    if let Some([min, max]) = g.regions.get(i).and_then(|r| r.bounds) {
                        points.extend([from_world(min[0], min[1]), from_world(max[0], max[1])]);
                    }
                }
                Item::Claim(_) => {}
            }
        }
        let r = self.map.rect;
        let (w, h) = (r.width() as f64, r.height() as f64);
        // Presenting, the caption card covers the lower part of the map and the legend runs
        // across the top: frame between them.
        let insets = if self.presenter.is_some() || self.still {
            let top = (self.present_legend_height as f64 + 24.0).max(60.0);
            viewport::Insets { left: 60.0, top, right: 60.0, bottom: (h * 0.36).max(60.0) }
        } else {
            // The legend stands over the map's left edge; a narrow map (panels open on both
            // sides) keeps most of its width for the places all the same.
            let left = if self.state.panels.legend { 200.0_f64.min(w * LEGEND_SHARE) } else { 70.0 };
            let side = 60.0_f64.min(w * 0.1);
            viewport::Insets { left, top: 60.0, right: side, bottom: 60.0 }
        };
        let mut cam = viewport::frame_within(points, w, h, insets)?;
        // A single place keeps the reader's zoom if it is already close enough.
        if lone_place {
            cam.zoom = self.map.camera().zoom.max(6.0).min(cam.zoom);
        }
        Some(cam)
    }

    /// Starts a PNG export of the current view (it reports when done, see `poll_exports`).
    fn export(&mut self, ctx: &egui::Context, request: crate::ui::export_view::Request) {
        let mut state = self.state.clone();
        state.camera = self.map.camera();
        let shot = match self.presenter {
            Some(p) => crate::ui::render::Shot::Step(p.step),
            None => crate::ui::render::Shot::Current,
        };
        self.top_bar.export.start(self.session.briefing().clone(), state, shot, request, ctx);
    }

    /// Reports exports that finished.
    pub(super) fn poll_exports(&mut self) {
        self.notices.extend(self.top_bar.export.poll());
        self.notices.extend(self.top_bar.handout.poll());
    }

    /// Makes what the story editor asked for; a step picked there goes on the map as it would
    /// when presenting (its time, lead claim and view), without leaving the desktop layout.
    pub(super) fn apply_story(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let selection = self.state.selection(self.session.briefing());
        let scene = Scene { camera: self.map.camera(), time: &self.state.time, selection, rings: self.rings.shown() };
        let outcome = self.story.apply(&mut self.session, &scene);
        if outcome.edited {
            self.edited(ctx);
        }
        if let Some(path) = outcome.saved {
            self.saved(&path);
        }
        if let Some(i) = outcome.show {
            self.show_step(i, true);
            // Step highlights belong to presentation mode; here the lead claim is selected.
            self.step_items.clear();
            ctx.request_repaint();
        }
        self.frame_pending_view(now);
    }
}
