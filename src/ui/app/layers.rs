//! What lies behind the map and is derived from the state: visibility, the basemap, rings.

use std::path::PathBuf;

use super::BriefmapApp;
use crate::basemap::{BasemapData, DataError};
use crate::ui::basemap::Basemap;
use crate::ui::rings::{Rings, UserRing};
use crate::visibility::Visibility;

impl BriefmapApp {
    pub(super) fn refresh_visibility(&mut self) {
        let generation = self.session.generation();
        let key = (self.state.time.filter(), self.state.filters.clone(), generation);
        if self.visibility_key.as_ref() != Some(&key) {
            // An edit changes what the arrays stand for: no update from the previous ones.
            if self.visibility_key.as_ref().is_some_and(|k| k.2 != generation) {
                self.visibility = Visibility::default();
            }
            let d = self.session.derived();
            self.visibility.update(&d.visibility, &d.timeline, &key.1, key.0);
            self.visibility_key = Some(key);
            self.visibility_generation += 1;
        }
    }

    /// Reads the basemap from `dir` instead of the bundled copy.
    pub fn with_geodata(mut self, dir: Option<PathBuf>) -> Self {
        self.geodata = dir;
        self
    }

    /// Draws the map on a plain background, without the basemap (tests of the panels).
    pub fn without_basemap(mut self) -> Self {
        self.with_basemap = false;
        self
    }

    /// Basemap tiles still being rendered, or 1 while its data is read (exports wait for 0).
    pub fn basemap_pending(&self) -> usize {
        self.basemap.as_ref().map_or(usize::from(self.basemap_loading.is_some()), Basemap::pending)
    }

    /// Reads the basemap's data on a worker thread from the first frame, makes the basemap
    /// when it arrives, and keeps it in step with the theme and the online toggle; its
    /// one-time messages become notices.
    pub(super) fn sync_basemap(&mut self, ctx: &egui::Context) {
        if !self.with_basemap {
            return;
        }
        if self.basemap.is_none() && self.basemap_loading.is_none() {
            let (tx, rx) = std::sync::mpsc::channel();
            let (dir, repaint) = (self.geodata.clone(), ctx.clone());
            let spawned = std::thread::Builder::new().name("basemap-load".into()).spawn(move || {
                let _ = tx.send(Basemap::load(dir.as_deref()));
                repaint.request_repaint();
            });
            match spawned {
                Ok(_) => self.basemap_loading = Some(rx),
                // No thread: read it here, once.
                Err(_) => self.arrive(ctx, Basemap::load(self.geodata.as_deref())),
            }
        }
        if let Some(data) = self.basemap_loading.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.basemap_loading = None;
            self.arrive(ctx, data);
        }
        let Some(basemap) = &mut self.basemap else { return };
        basemap.set_theme(ctx, self.state.theme);
        basemap.set_online(ctx, self.state.online);
        self.notices.extend(basemap.take_message());
    }

    pub(super) fn arrive(&mut self, ctx: &egui::Context, data: Result<BasemapData, DataError>) {
        let (basemap, error) = Basemap::new(ctx, self.state.theme, self.state.online, data);
        self.notices.extend(error);
        self.basemap = Some(basemap);
    }

    /// The rings on screen: the current story step's when presenting, else the briefing's own
    /// (when switched on) and the user's.
    pub(super) fn sync_rings(&mut self) {
        let b = self.session.briefing();
        let briefing_rings: Vec<String> = match self.presenter {
            Some(p) => b.story().get(p.step).map(|s| s.rings.clone()).unwrap_or_default(),
            None if self.state.briefing_rings => b.rings().iter().map(|r| r.id.clone()).collect(),
            None => Vec::new(),
        };
        let user: &[UserRing] = if self.presenter.is_some() { &[] } else { &self.state.rings };
        self.rings.sync(b, self.session.generation(), &briefing_rings, user);
    }

    /// The rings on screen (tests).
    pub fn rings(&self) -> &Rings {
        &self.rings
    }
}
