//! Editing the story: add, move, delete and retitle steps, each edit checked before it is kept.

use super::problem::Problems;
use super::story::{LatLon, RingSpec, StoryStep, TimeWindow, View};
use super::validate::MAX_ZOOM;
use super::{Briefing, Item};
use crate::atlas::Atlas;

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

/// Why an edit was refused; the story is then as it was.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The edit names a step (or position) the story does not have.
    #[error("there is no step {} (the story has {len})", .index + 1)]
    NoStep {
        /// The 0-based index asked for.
        index: usize,
        /// How many steps there are.
        len: usize,
    },
    /// The edited briefing fails its checks; each problem in words.
    #[error("{}", .0.join("; "))]
    Invalid(Vec<String>),
}

impl StoryEdit {
    /// Makes the edit to `story`; on error `story` is unchanged.
    pub fn apply(self, story: &mut Vec<StoryStep>) -> Result<(), EditError> {
        let len = story.len();
        let check = |index: usize, limit: usize| {
            if index < limit { Ok(()) } else { Err(EditError::NoStep { index, len }) }
        };
        match self {
            Self::Insert(at, step) => {
                check(at, len + 1)?;
                story.insert(at, step);
            }
            Self::Move { from, to } => {
                check(from, len)?;
                check(to, len)?;
                let step = story.remove(from);
                story.insert(to, step);
            }
            Self::Delete(i) => {
                check(i, len)?;
                story.remove(i);
            }
            Self::SetTitle(i, title) => {
                check(i, len)?;
                story[i].title = title;
            }
            Self::SetCaption(i, caption) => {
                check(i, len)?;
                story[i].caption = caption;
            }
        }
        Ok(())
    }
}

impl Briefing {
    /// The briefing with `edit` made to its story and checked again (`self` is untouched, so a
    /// refused edit is never half-applied).
    pub fn edit_story(&self, edit: StoryEdit, atlas: &Atlas) -> Result<Briefing, EditError> {
        self.edit_story_with(edit, Vec::new(), atlas)
    }

    /// As [`Briefing::edit_story`], adding `rings` to the file's range rings first (the new
    /// rings a captured step shows); both are kept or neither.
    pub fn edit_story_with(&self, edit: StoryEdit, rings: Vec<RingSpec>, atlas: &Atlas) -> Result<Briefing, EditError> {
        let mut doc = self.doc().clone();
        doc.rings.extend(rings);
        edit.apply(&mut doc.story)?;
        self.with_doc(doc, atlas).map_err(|problems| EditError::Invalid(in_words(&problems)))
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

/// Each problem as the user would read it: the step (or path), then what is wrong.
fn in_words(problems: &Problems) -> Vec<String> {
    let words = problems.list.iter().map(|p| match &p.record {
        Some(record) => format!("{record}: {}", p.message),
        None if p.path.is_empty() => p.message.clone(),
        None => format!("{}: {}", p.path, p.message),
    });
    words.collect()
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
            Some(Item::Claim(i)) => step.claims.extend(b.claims().get(i).map(|c| c.id.clone())),
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
            Some(name) => shorten(name, 60),
            None => format!("New step {n}"),
        }
    }
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis if cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::PartialDate;

    fn atlas() -> Atlas {
        Atlas::bundled().unwrap()
    }

    fn embedded(atlas: &Atlas) -> Briefing {
        Briefing::embedded(atlas).unwrap()
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
        let mut story = vec![step("a"), step("b"), step("c")];
        StoryEdit::Insert(1, step("x")).apply(&mut story).unwrap();
        StoryEdit::Move { from: 3, to: 0 }.apply(&mut story).unwrap();
        let t = |s: &[StoryStep]| s.iter().map(|s| s.title.clone()).collect::<Vec<_>>().join("");
        assert_eq!(t(&story), "caxb");
        StoryEdit::Move { from: 0, to: 3 }.apply(&mut story).unwrap();
        assert_eq!(t(&story), "axbc");
        StoryEdit::Delete(1).apply(&mut story).unwrap();
        StoryEdit::Insert(3, step("z")).apply(&mut story).unwrap();
        assert_eq!(t(&story), "abcz");
    }

    #[test]
    fn out_of_range_edits_change_nothing() {
        let mut story = vec![step("a"), step("b")];
        let before = story.clone();
        assert_eq!(StoryEdit::Delete(2).apply(&mut story), Err(EditError::NoStep { index: 2, len: 2 }));
        assert!(StoryEdit::Insert(3, step("x")).apply(&mut story).is_err());
        assert!(StoryEdit::Move { from: 0, to: 2 }.apply(&mut story).is_err());
        assert!(StoryEdit::SetTitle(5, "t".into()).apply(&mut story).is_err());
        assert_eq!(story, before);
        assert_eq!(EditError::NoStep { index: 2, len: 2 }.to_string(), "there is no step 3 (the story has 2)");
    }

    #[test]
    fn edits_to_the_embedded_story_are_checked_and_kept() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let n = b.story().len();
        let b2 = b.edit_story(StoryEdit::SetTitle(0, "Shield".into()), &atlas).unwrap();
        let b2 = b2.edit_story(StoryEdit::SetCaption(0, "Goes live.".into()), &atlas).unwrap();
        let b2 = b2.edit_story(StoryEdit::Move { from: 0, to: 1 }, &atlas).unwrap();
        assert_eq!(b2.story()[1].title, "Shield");
        assert_eq!(b2.story()[1].caption, "Goes live.");
        assert_eq!(b2.story()[0], b.story()[1]);
        let b3 = b2.edit_story(StoryEdit::Delete(1), &atlas).unwrap();
        assert_eq!(b3.story().len(), n - 1);
        assert!(!titles(&b3).contains(&"Shield"));
        assert_eq!(b.story().len(), n, "the original is untouched");
        assert_eq!(b3.file(), b.file());
    }

    #[test]
    fn an_edit_that_fails_the_checks_is_refused_whole() {
        let atlas = atlas();
        let b = embedded(&atlas);
        let e = b.edit_story(StoryEdit::SetTitle(2, "  ".into()), &atlas).unwrap_err();
        assert_eq!(e.to_string(), "step 3: the title is empty");
        let mut bad = step("Bad");
        bad.claims.push("no-such-claim".into());
        bad.view.zoom = Some(40.0);
        let e = b.edit_story(StoryEdit::Insert(0, bad), &atlas).unwrap_err();
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
        let b2 = b.edit_story(StoryEdit::Insert(3, step.clone()), &atlas).unwrap();
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
        assert!(b.edit_story(StoryEdit::Insert(0, step), &atlas).is_ok());
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
        let b2 = b.edit_story_with(StoryEdit::Insert(n, step.clone()), rings, &atlas).unwrap();
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
        assert!(b.edit_story_with(StoryEdit::Insert(0, bad), fresh, &atlas).is_err());
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        assert_eq!(shorten("short", 60), "short");
        assert_eq!(shorten("one two three four", 10), "one two…");
    }
}
