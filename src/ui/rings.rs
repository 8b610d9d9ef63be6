//! Range rings in the app: the briefing's own and those the user adds from a place, drawn as
//! geodesic bands with labels, and the "within reach" table of the selected ring.

use egui::{ComboBox, DragValue, Grid, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::briefing::{Briefing, BriefingRing};
use crate::geometry::{AreaMesh, World};
use crate::mercator::to_world;
use crate::session::story::CapturedRing;
use crate::spatial::{self, RangeRing, ReachRow, WeaponSystem, catalogue, format::ring_heading};

/// A ring the user added from the app (kept with the app's saved state).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRing {
    /// Centre: a place id.
    pub place: String,
    /// A system from the catalogue, if chosen.
    pub system: Option<String>,
    /// Radius in km.
    pub km: f64,
}

/// A ring ready to draw and read: its shape in world coordinates, label and reach table.
#[derive(Clone, Debug)]
pub struct ShownRing {
    /// "Iskander-M (~500 km) from Baranovichi air base".
    pub label: String,
    /// The centre, an index into the briefing's places.
    pub place: usize,
    /// The geodesic ring.
    pub ring: RangeRing,
    /// The band to fill.
    pub fill: AreaMesh,
    /// The ring's edge, as lines (not the polygon's edges: a ring cut at the antimeridian
    /// must not show the cut).
    pub outline: Vec<Vec<World>>,
    /// Where the label goes (the ring's southern edge).
    pub label_at: World,
    /// What it reaches, nearest first.
    pub reach: Vec<ReachRow>,
    /// Index in the user's rings, or `None` for a briefing ring.
    pub user: Option<usize>,
    /// Where the ring comes from, as a story step made from the view keeps it.
    pub source: CapturedRing,
}

impl ShownRing {
    fn new(
        b: &Briefing,
        place: usize,
        ring: RangeRing,
        label: String,
        user: Option<usize>,
        source: CapturedRing,
    ) -> Self {
        let shape = ring.shape().for_web_mercator();
        let fill = AreaMesh::from_lon_lat(&shape.area);
        let outline = shape.outline.0.iter().map(|l| l.coords().map(|c| to_world(c.x, c.y).into()).collect()).collect();
        let south = ring.point_at(180.0);
        let label_at = to_world(south.x(), south.y()).into();
        // Computed once here, not per frame: a table over regions costs milliseconds.
        let reach = b.within_reach(&ring, Some(place));
        Self { label, place, ring, fill, outline, label_at, reach, user, source }
    }

    fn from_briefing(b: &Briefing, r: BriefingRing) -> Self {
        Self::new(b, r.place, r.ring, r.label, None, CapturedRing::Briefing(r.id))
    }
}

/// The rings on screen and the ring panel's state.
#[derive(Default)]
pub struct Rings {
    shown: Vec<ShownRing>,
    /// What `shown` was built for: the document's generation, the briefing's rings, the user's.
    key: Option<(u64, Vec<String>, Vec<UserRing>)>,
    /// The ring whose table is open.
    pub selected: Option<usize>,
    /// The add-a-ring form: a catalogue system (index) or a custom radius.
    system: Option<usize>,
    km: f64,
}

impl Rings {
    /// The rings to draw.
    pub fn shown(&self) -> &[ShownRing] {
        &self.shown
    }

    /// Brings the drawn rings in line with the briefing rings to show and the user's rings,
    /// rebuilding only when they change.
    pub fn sync(&mut self, b: &Briefing, generation: u64, briefing_rings: &[String], user: &[UserRing]) {
        let key = (generation, briefing_rings.to_vec(), user.to_vec());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let mut shown: Vec<ShownRing> =
            briefing_rings.iter().filter_map(|id| b.ring_by_id(id)).map(|r| ShownRing::from_briefing(b, r)).collect();
        for (i, u) in user.iter().enumerate() {
            let Some(place) = b.place(&u.place) else { continue };
            let centre = b.places()[place].point();
            let system = u.system.as_deref().and_then(|id| spatial::find_system(id).ok());
            if let Ok((ring, system)) = spatial::resolve_ring(centre, system.map(|s| s.id), Some(u.km)) {
                // A ring kept in the file since (a story step made from the view) is drawn once.
                let same = |s: &ShownRing| s.place == place && (s.ring.radius_km() - ring.radius_km()).abs() < 1e-6;
                if shown.iter().any(same) {
                    continue;
                }
                let label = format!("{} from {}", ring_heading(system, ring.radius_km()), b.places()[place].name);
                let source = CapturedRing::Added { place: u.place.clone(), system: u.system.clone(), km: u.km };
                shown.push(ShownRing::new(b, place, ring, label, Some(i), source));
            }
        }
        if self.selected.is_some_and(|s| s >= shown.len()) {
            self.selected = shown.len().checked_sub(1);
        }
        self.shown = shown;
        self.key = Some(key);
    }

    /// The form that adds a ring around place `place`; returns the ring to add.
    pub fn add_form(&mut self, ui: &mut Ui, b: &Briefing, place: usize) -> Option<UserRing> {
        if self.km <= 0.0 {
            self.km = 300.0;
            self.system = catalogue().iter().position(|s| s.id == "iskander-m");
        }
        let systems = catalogue();
        let mut added = None;
        ui.horizontal_wrapped(|ui| {
            let chosen = self.system.and_then(|i| systems.get(i));
            ComboBox::new("ring-system", "Ring")
                .selected_text(chosen.map_or("Custom radius".to_owned(), system_label))
                .show_ui(ui, |ui| {
                    for (i, s) in systems.iter().enumerate() {
                        ui.selectable_value(&mut self.system, Some(i), system_label(s)).on_hover_text(s.source);
                    }
                    ui.selectable_value(&mut self.system, None, "Custom radius");
                });
            if self.system.is_none() {
                ui.add(DragValue::new(&mut self.km).range(1.0..=spatial::MAX_RADIUS_KM).suffix(" km").speed(5.0));
            }
            if ui.button("Add range ring").clicked() {
                let system = self.system.and_then(|i| systems.get(i));
                let km = system.map_or(self.km, |s| s.range_km);
                added =
                    Some(UserRing { place: b.places()[place].id.clone(), system: system.map(|s| s.id.to_owned()), km });
            }
        });
        added
    }

    /// The panel: every ring, its table when selected, and removal of the user's rings.
    /// Returns the user ring to remove, if asked.
    pub fn panel(&mut self, ui: &mut Ui) -> Option<usize> {
        let mut remove = None;
        if self.shown.is_empty() {
            ui.label(RichText::new("No range rings. Select a place to add one.").small());
            return None;
        }
        for (i, r) in self.shown.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui.selectable_label(self.selected == Some(i), &r.label).clicked() {
                    self.selected = if self.selected == Some(i) { None } else { Some(i) };
                }
                if let Some(u) = r.user
                    && ui.small_button("Remove").clicked()
                {
                    remove = Some(u);
                }
            });
        }
        if let Some(r) = self.selected.and_then(|i| self.shown.get(i)) {
            reach_table(ui, r);
        }
        remove
    }
}

fn system_label(s: &WeaponSystem) -> String {
    format!("{} (~{} km)", s.name, s.range_km)
}

/// The within-reach table of a ring: name, kind, distance, coverage.
fn reach_table(ui: &mut Ui, r: &ShownRing) {
    let within: Vec<&ReachRow> = r.reach.iter().collect();
    ui.add_space(4.0);
    ui.label(RichText::new(format!("Within reach: {} of the briefing's places and regions", within.len())).strong());
    Grid::new("reach-table").striped(true).num_columns(3).show(ui, |ui| {
        for row in within {
            ui.label(&row.name).on_hover_text(&row.kind);
            ui.label(format!("{:.0} km", row.distance_km));
            ui.label(match row.coverage {
                spatial::Coverage::Within => "in reach",
                spatial::Coverage::Full => "fully covered",
                spatial::Coverage::Partial => "partly covered",
            });
            ui.end_row();
        }
    });
    ui.label(RichText::new("Geodesic distances on the WGS84 ellipsoid; regions: to their nearest point.").small());
}
