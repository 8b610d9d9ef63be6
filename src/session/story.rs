//! Editing the story in the words of the story editor (add, move, delete, retitle steps; a
//! step made from what is on screen), turned into [`Edit`]s for the session.

use super::edit::{Edit, EditError, ListEdit};
use crate::briefing::validate::MAX_ZOOM;
use crate::briefing::{Briefing, Item, LatLon, RingSpec, StoryStep, TimeWindow, View};

/// One change to the story.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryEdit {
    /// Put a step at this position (`0..=len`; `len` appends).
    Insert(usize, StoryStep),
    /// Move the step at `from` so that it ends up at position `to`.
    Move {
        /// Where the step is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Remove a step.
    Delete(usize),
    /// Set a step's title.
    SetTitle(usize, String),
    /// Set a step's caption.
    SetCaption(usize, String),
}

impl StoryEdit {
    /// The edit as a change to the story's list of steps (titles and captions replace the
    /// step with the new words).
    pub fn into_edit(self, b: &Briefing) -> Result<Edit, EditError> {
        let steps = b.story();
        let step =
            |i: usize| steps.get(i).cloned().ok_or(EditError::NoRecord { what: "step", index: i, len: steps.len() });
        Ok(Edit::Story(match self {
            Self::Insert(at, s) => ListEdit::Insert(at, s),
            Self::Move { from, to } => ListEdit::Move { from, to },
            Self::Delete(at) => ListEdit::Remove(at),
            Self::SetTitle(at, title) => ListEdit::Replace(at, StoryStep { title, ..step(at)? }),
            Self::SetCaption(at, caption) => ListEdit::Replace(at, StoryStep { caption, ..step(at)? }),
        }))
    }

    /// The edit, with `rings` appended to the briefing's range rings in the same undo step
    /// (the new rings a step captured from the view shows).
    pub fn with_rings(self, b: &Briefing, rings: Vec<RingSpec>) -> Result<Edit, EditError> {
        let edit = self.into_edit(b)?;
        if rings.is_empty() {
            return Ok(edit);
        }
        let n = b.rings().len();
        let add = rings.into_iter().enumerate().map(|(k, r)| Edit::Rings(ListEdit::Insert(n + k, r)));
        Ok(Edit::Batch(add.chain([edit]).collect()))
    }
}

/// A range ring on screen when a view is captured.
#[derive(Clone, Debug, PartialEq)]
pub enum CapturedRing {
    /// One of the briefing's own rings, by id.
    Briefing(String),
    /// A ring added in the app, not (yet) in the file.
    Added {
        /// The centre's place id.
        place: String,
        /// A catalogue system, if one was chosen.
        system: Option<String>,
        /// The radius in km.
        km: f64,
    },
}

/// A ring's radius as the file gives it: its own `km`, or its system's range.
fn radius(r: &RingSpec) -> Option<f64> {
    r.km.or_else(|| r.system.as_deref().and_then(|s| crate::spatial::find_system(s).ok()).map(|s| s.range_km))
}

/// The id of a ring around `place`: the file's (or one already in `added`) when it has the same
/// centre, system and radius, else a new one, added to `added`.
fn ring_for(b: &Briefing, added: &mut Vec<RingSpec>, place: &str, system: &Option<String>, km: f64) -> String {
    let same =
        |r: &RingSpec| r.place == place && &r.system == system && radius(r).is_some_and(|r| (r - km).abs() < 1e-6);
    if let Some(r) = b.rings().iter().chain(added.iter()).find(|r| same(r)) {
        return r.id.clone();
    }
    let base = match system {
        Some(system) => format!("{place}-{system}"),
        None => format!("{place}-{}km", km.round()),
    };
    let taken = |id: &str| b.rings().iter().chain(added.iter()).any(|r| r.id == id);
    let (mut id, mut n) = (base.clone(), 1);
    while taken(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    added.push(RingSpec { id: id.clone(), place: place.to_owned(), system: system.clone(), km: Some(km), label: None });
    id
}

/// A step made from a capture, and the rings it shows that the file does not have yet.
#[derive(Clone, Debug, PartialEq)]
pub struct NewStep {
    /// The step.
    pub step: StoryStep,
    /// Rings to add to the briefing with it (the step refers to them by id).
    pub rings: Vec<RingSpec>,
}

/// What is on screen when the user adds it to the story as a step.
#[derive(Clone, Debug, PartialEq)]
pub struct Capture {
    /// The map's centre.
    pub centre: LatLon,
    /// The map's zoom.
    pub zoom: f64,
    /// The slider's date or window; `None` when the slider is off.
    pub time: Option<TimeWindow>,
    /// The selected place, region or claim.
    pub selection: Option<Item>,
    /// The range rings on screen.
    pub rings: Vec<CapturedRing>,
}

impl Capture {
    /// A step that shows this view, highlighting the selection, titled `title`.
    ///
    /// The centre and zoom are brought into the ranges a briefing allows (the map can be
    /// panned past them) and rounded to what a view needs, so the file stays readable.
    pub fn to_step(&self, b: &Briefing, title: String) -> NewStep {
        let round = |x: f64, places: i32| {
            let k = 10f64.powi(places);
            (x * k).round() / k
        };
        let lon = (self.centre.lon + 180.0).rem_euclid(360.0) - 180.0;
        let centre = LatLon { lat: round(self.centre.lat.clamp(-85.0, 85.0), 4), lon: round(lon, 4) };
        let zoom = if self.zoom.is_finite() { round(self.zoom.clamp(0.0, MAX_ZOOM), 2) } else { 4.0 };
        let mut step = StoryStep {
            title,
            caption: String::new(),
            view: View { frame: Vec::new(), centre: Some(centre), zoom: Some(zoom) },
            time: self.time,
            claims: Vec::new(),
            places: Vec::new(),
            regions: Vec::new(),
            rings: Vec::new(),
        };
        match self.selection {
            // A claim brings the claims other sources corroborate or contradict it with: the
            // step shows who else says so, and its caption names them.
            Some(Item::Claim(i)) => {
                step.claims.extend(b.claims().get(i).map(|c| c.id.clone()));
                for (_, other) in b.related_claims(i) {
                    let id = &b.claims()[other].id;
                    if !step.claims.contains(id) {
                        step.claims.push(id.clone());
                    }
                }
            }
            Some(Item::Place(i)) => step.places.extend(b.places().get(i).map(|p| p.id.clone())),
            Some(Item::Region(i)) => step.regions.extend(b.regions().get(i).map(|r| r.id.clone())),
            None => {}
        }
        let mut added: Vec<RingSpec> = Vec::new();
        for ring in &self.rings {
            let id = match ring {
                CapturedRing::Briefing(id) => id.clone(),
                CapturedRing::Added { place, system, km } => ring_for(b, &mut added, place, system, *km),
            };
            if !step.rings.contains(&id) {
                step.rings.push(id);
            }
        }
        NewStep { step, rings: added }
    }

    /// A title for the new step: what is selected, or "New step N" (`n` is 1-based).
    pub fn default_title(&self, b: &Briefing, n: usize) -> String {
        let name = match self.selection {
            Some(Item::Claim(i)) => b.claims().get(i).map(|c| c.summary.as_str()),
            Some(Item::Place(i)) => b.places().get(i).map(|p| p.name.as_str()),
            Some(Item::Region(i)) => b.regions().get(i).map(|r| r.name.as_str()),
            None => None,
        };
        match name.map(str::trim).filter(|s| !s.is_empty()) {
            Some(name) => crate::briefing::caption::shorten(name, 60),
            None => format!("New step {n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::briefing::PartialDate;
    use crate::session::Session;

    fn atlas() -> Atlas {
        Atlas::bundled().unwrap()
    }

    fn embedded(atlas: &Atlas) -> Briefing {
        Briefing::embedded(atlas).unwrap()
    }

    fn session(b: &Briefing) -> Session {
        Session::checked(b.clone(), Some(atlas()))
    }

    /// Makes a story edit through a session on `b` and gives back the edited briefing.
    fn edited(b: &Briefing, edit: StoryEdit) -> Result<Briefing, EditError> {
        let mut s = session(b);
        s.apply(edit.into_edit(b)?)?;
        Ok(s.briefing().clone())
    }

    /// Makes each edit in turn to a plain story of steps titled `titles`, as the session would.
    fn on_plain(titles: &str, edits: Vec<StoryEdit>) -> Result<String, EditError> {
        let mut story: Vec<StoryStep> = titles.chars().map(|c| step(&c.to_string())).collect();
        for e in edits {
            let list = match e {
                StoryEdit::Insert(at, s) => ListEdit::Insert(at, s),
                StoryEdit::Move { from, to } => ListEdit::Move { from, to },
                StoryEdit::Delete(at) => ListEdit::Remove(at),
                StoryEdit::SetTitle(at, t) => ListEdit::Replace(at, step(&t)),
                StoryEdit::SetCaption(at, _) => ListEdit::Replace(at, step("c")),
            };
            list.apply(&mut story, "step")?;
        }
        Ok(story.iter().map(|s| s.title.clone()).collect())
    }

    fn titles(b: &Briefing) -> Vec<&str> {
        b.story().iter().map(|s| s.title.as_str()).collect()
    }

    fn step(title: &str) -> StoryStep {
        StoryStep {
            title: title.into(),
            caption: String::new(),
            view: View { frame: Vec::new(), centre: Some(LatLon { lat: 53.9, lon: 27.56 }), zoom: Some(6.0) },
            time: None,
            claims: Vec::new(),
            places: Vec::new(),
            regions: Vec::new(),
            rings: Vec::new(),
        }
    }

    #[test]
    fn insert_move_delete_on_a_plain_story() {
        let t = |edits| on_plain("abc", edits).unwrap();
        assert_eq!(t(vec![StoryEdit::Insert(1, step("x")), StoryEdit::Move { from: 3, to: 0 }]), "caxb");
        let all = vec![
            StoryEdit::Insert(1, step("x")),
            StoryEdit::Move { from: 3, to: 0 },
            StoryEdit::Move { from: 0, to: 3 },
        ];
        assert_eq!(t(all.clone()), "axbc");
        let more = [StoryEdit::Delete(1), StoryEdit::Insert(3, step("z"))];
        assert_eq!(t(all.into_iter().chain(more).collect()), "abcz");
    }

    #[test]
    fn out_of_range_edits_change_nothing() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let n = b.story().len();
        let no = |index| EditError::NoRecord { what: "step", index, len: n };
        assert_eq!(edited(&b, StoryEdit::Delete(n)).unwrap_err(), no(n));
        assert!(edited(&b, StoryEdit::Insert(n + 1, step("x"))).is_err());
        assert!(edited(&b, StoryEdit::Move { from: 0, to: n }).is_err());
        assert!(edited(&b, StoryEdit::SetTitle(n + 3, "t".into())).is_err());
        let mut s = session(&b);
        assert!(s.apply(Edit::Story(ListEdit::Remove(n))).is_err());
        assert_eq!(s.briefing().story(), b.story(), "nothing changed");
        let two = EditError::NoRecord { what: "step", index: 2, len: 2 };
        assert_eq!(two.to_string(), "there is no step 3 (there are 2)");
    }

    #[test]
    fn edits_to_the_embedded_story_are_checked_and_kept() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let n = b.story().len();
        let b2 = edited(&b, StoryEdit::SetTitle(0, "Shield".into())).unwrap();
        let b2 = edited(&b2, StoryEdit::SetCaption(0, "Goes live.".into())).unwrap();
        let b2 = edited(&b2, StoryEdit::Move { from: 0, to: 1 }).unwrap();
        assert_eq!(b2.story()[1].title, "Shield");
        assert_eq!(b2.story()[1].caption, "Goes live.");
        assert_eq!(b2.story()[0], b.story()[1]);
        let b3 = edited(&b2, StoryEdit::Delete(1)).unwrap();
        assert_eq!(b3.story().len(), n - 1);
        assert!(!titles(&b3).contains(&"Shield"));
        assert_eq!(b.story().len(), n, "the original is untouched");
        assert_eq!(b3.file(), b.file());
    }

    #[test]
    fn an_edit_that_fails_the_checks_is_refused_whole() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let e = edited(&b, StoryEdit::SetTitle(2, "  ".into())).unwrap_err();
        assert_eq!(e.to_string(), "step 3: the title is empty");
        let mut bad = step("Bad");
        bad.claims.push("no-such-claim".into());
        bad.view.zoom = Some(40.0);
        let e = edited(&b, StoryEdit::Insert(0, bad)).unwrap_err();
        let EditError::Invalid(list) = e else { panic!("{e:?}") };
        assert_eq!(list.len(), 2, "{list:?}");
        assert!(list.iter().any(|m| m.starts_with("step 1: zoom 40")), "{list:?}");
        assert!(list.iter().any(|m| m.contains("no-such-claim")), "{list:?}");
    }

    #[test]
    fn capture_takes_view_time_and_selection() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let claim = b.claims().iter().position(|c| c.id == "lavrov-arrives-minsk").unwrap();
        let capture = Capture {
            centre: LatLon { lat: 53.901234567, lon: 27.561234567 },
            zoom: 6.123456,
            time: Some(TimeWindow { from: PartialDate::day(2016, 5, 16), to: None }),
            selection: Some(Item::Claim(claim)),
            rings: Vec::new(),
        };
        let NewStep { step, rings } = capture.to_step(&b, capture.default_title(&b, 12));
        assert!(rings.is_empty() && step.rings.is_empty(), "no rings on screen, none in the step");
        assert_eq!(step.view.centre, Some(LatLon { lat: 53.9012, lon: 27.5612 }));
        assert_eq!(step.view.zoom, Some(6.12));
        assert_eq!(step.claims, vec!["lavrov-arrives-minsk".to_owned()]);
        assert!(step.places.is_empty() && step.regions.is_empty());
        assert_eq!(step.time, capture.time);
        assert!(step.title.chars().count() <= 60 && !step.title.is_empty());
        let b2 = edited(&b, StoryEdit::Insert(3, step.clone())).unwrap();
        assert_eq!(b2.story()[3], step);

        let minsk = b.place("minsk").unwrap();
        let at_minsk = Capture { selection: Some(Item::Place(minsk)), time: None, ..capture.clone() };
        let step = at_minsk.to_step(&b, at_minsk.default_title(&b, 12)).step;
        assert_eq!((step.title.as_str(), step.places.as_slice()), ("Minsk", ["minsk".to_owned()].as_slice()));
        let nothing = Capture { selection: None, ..capture };
        assert_eq!(nothing.default_title(&b, 12), "New step 12");
    }

    #[test]
    fn capture_keeps_a_panned_map_within_what_a_briefing_allows() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let capture = Capture {
            centre: LatLon { lat: 89.0, lon: 200.0 },
            zoom: 25.0,
            time: None,
            selection: None,
            rings: Vec::new(),
        };
        let step = capture.to_step(&b, "Far".into()).step;
        assert_eq!(step.view.centre, Some(LatLon { lat: 85.0, lon: -160.0 }));
        assert_eq!(step.view.zoom, Some(MAX_ZOOM));
        assert!(edited(&b, StoryEdit::Insert(0, step)).is_ok());
    }

    #[test]
    fn a_captured_step_keeps_the_rings_on_screen_in_the_file() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let existing = b.rings()[0].clone();
        let added = |place: &str, system: Option<&str>, km: f64| CapturedRing::Added {
            place: place.into(),
            system: system.map(Into::into),
            km,
        };
        let capture = Capture {
            centre: LatLon { lat: 54.0, lon: 24.0 },
            zoom: 5.0,
            time: None,
            selection: None,
            rings: vec![
                CapturedRing::Briefing(existing.id.clone()),
                // The same ring as the file's, added again by hand: reused, not copied.
                added(&existing.place, existing.system.as_deref(), 500.0),
                added("minsk", Some("palanez"), 200.0),
                added("minsk", None, 300.0),
                added("minsk", None, 300.0),
            ],
        };
        let NewStep { step, rings } = capture.to_step(&b, "Reach".into());
        assert_eq!(step.rings, vec![existing.id.clone(), "minsk-palanez".to_owned(), "minsk-300km".to_owned()]);
        assert_eq!(rings.len(), 2, "{rings:?}");
        assert_eq!((rings[1].system.as_deref(), rings[1].km), (None, Some(300.0)));
        let n = b.story().len();
        let mut s = session(&b);
        s.apply(StoryEdit::Insert(n, step.clone()).with_rings(&b, rings).unwrap()).unwrap();
        let b2 = s.briefing().clone();
        assert_eq!(b2.story()[n], step);
        assert_eq!(b2.rings().len(), b.rings().len() + 2);
        let ring = b2.ring_by_id("minsk-300km").expect("the new ring is in the file");
        assert!((ring.ring.radius_km() - 300.0).abs() < 1e-9);

        // The same rings captured again are the file's now: nothing new to add, ids unchanged.
        let again = capture.to_step(&b2, "Again".into());
        assert!(again.rings.is_empty(), "{:?}", again.rings);
        assert_eq!(again.step.rings, step.rings);

        // A refused step adds no ring either.
        let mut bad = step.clone();
        bad.title = " ".into();
        let fresh = capture.to_step(&b, "x".into()).rings;
        let mut s = session(&b);
        assert!(s.apply(StoryEdit::Insert(0, bad).with_rings(&b, fresh).unwrap()).is_err());
        assert_eq!(s.briefing().rings(), b.rings());
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        assert_eq!(crate::briefing::caption::shorten("short", 60), "short");
        assert_eq!(crate::briefing::caption::shorten("one two three four", 10), "one two…");
    }

    #[test]
    fn a_captured_claim_brings_the_claims_related_to_it() {
        use crate::briefing::{Relation, RelationKind, RelationStatus};
        let b = crate::test_fixture::four_sources_edited(|doc| {
            doc.relations = vec![
                Relation::new(RelationKind::Corroborates, "lavrov-arrives-minsk", "wire-talks-in-minsk"),
                Relation::new(RelationKind::Contradicts, "regional-lavrov-17-may", "lavrov-arrives-minsk"),
                Relation {
                    status: RelationStatus::Dismissed,
                    ..Relation::new(RelationKind::Corroborates, "lavrov-arrives-minsk", "statement-makei-challenge")
                },
            ];
        });
        let claim = b.claims().iter().position(|c| c.id == "lavrov-arrives-minsk").unwrap();
        let capture = Capture {
            centre: LatLon { lat: 53.9, lon: 27.56 },
            zoom: 6.0,
            time: None,
            selection: Some(Item::Claim(claim)),
            rings: Vec::new(),
        };
        let step = capture.to_step(&b, "Talks".into()).step;
        assert_eq!(
            step.claims,
            ["lavrov-arrives-minsk", "wire-talks-in-minsk", "regional-lavrov-17-may"],
            "not the dismissed one"
        );
    }
}
