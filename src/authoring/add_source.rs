//! Adding a source to an open briefing: the article is read and run through the extractor as a
//! new one is ([`super::new_article`]), and what it found is merged into the briefing as one
//! edit. A place the briefing already has (the same gazetteer entry, or the same name within
//! [`MERGE_KM`]) stays one place, with the new source's mentions added to it; a region with the
//! same boundaries likewise. Everything else comes in as undecided suggestions to review, with
//! the dates the text mentions.

use std::collections::{HashMap, HashSet};

use deunicode::deunicode;
use geo::Point;

use super::actors;
use super::new_article::{self, Article};
use crate::atlas::Atlas;
use crate::briefing::ids::{slug, unique};
use crate::briefing::{Actor, Briefing, BriefingDoc, Place, Region, TextRef};
use crate::extract::Gazetteer;
use crate::session::{Edit, ListEdit, SourceWithText};
use crate::spatial::measure::distance_km;

/// How far apart two places of the same name may be and still be one place, km: a city's
/// gazetteer point and the analyst's, a base and the town it is named after.
pub const MERGE_KM: f64 = 10.0;

/// What adding a source does, to apply and to tell the analyst.
#[derive(Clone, Debug, PartialEq)]
pub struct AddedSource {
    /// The one edit that adds it (undo takes it all back).
    pub edit: Edit,
    /// The new source's id.
    pub source: String,
    /// Places the briefing had that the source also names (they got its mentions).
    pub merged_places: usize,
    /// Places new to the briefing, as undecided suggestions.
    pub new_places: usize,
    /// Regions the briefing had that the source also names.
    pub merged_regions: usize,
    /// Regions new to the briefing.
    pub new_regions: usize,
    /// Dates found in its text.
    pub dates: usize,
}

impl AddedSource {
    /// In a line, for the status bar.
    pub fn summary(&self) -> String {
        format!(
            "Added source '{}': {} places ({} already in the briefing), {} regions ({} already in it), {} dates — new ones to review",
            self.source,
            self.merged_places + self.new_places,
            self.merged_places,
            self.merged_regions + self.new_regions,
            self.merged_regions,
            self.dates
        )
    }
}

/// The edit that adds `article` to `b` as its last source, its findings merged in.
pub fn add_source(
    b: &Briefing,
    article: &Article,
    gazetteer: &Gazetteer,
    atlas: &Atlas,
) -> Result<AddedSource, String> {
    let (mut doc, stem) = new_article::draft_doc(article, gazetteer, atlas)?;
    let mut source = doc.sources.remove(0);
    let id = unique(&slug(&stem, "source"), |id| b.source_index(id).is_some());
    let file_stem = slug(&stem, "source");
    let file = unique(&file_stem, |f| b.sources().iter().any(|s| s.file == format!("{f}.txt"))) + ".txt";
    source.id.clone_from(&id);
    source.file = file;
    // The draft's note says how a new briefing was made; a source added has its own story.
    source.note = None;
    renamed_source(&mut doc, &id);
    let mut edits = vec![Edit::SourceText(ListEdit::Insert(
        b.sources().len(),
        SourceWithText { source, text: article.src.text.clone() },
    ))];
    let (actor_edits, actor_ids) = merged_actors(b, &doc.actors);
    edits.extend(actor_edits);
    let mut taken: HashSet<String> = HashSet::new();
    let mut fresh_id = |base: &str| {
        let id = unique(base, |id| b.item(id).is_some() || taken.contains(id));
        taken.insert(id.clone());
        id
    };
    let remap = |actors: &mut Vec<String>| {
        for a in actors.iter_mut() {
            if let Some(to) = actor_ids.get(a) {
                a.clone_from(to);
            }
        }
    };

    let mut merged: HashMap<usize, Place> = HashMap::new();
    let mut new_places = Vec::new();
    for mut p in doc.places {
        remap(&mut p.actors);
        match same_place(b, &p) {
            Some(i) => merged.entry(i).or_insert_with(|| b.places()[i].clone()).mentions.extend(p.mentions),
            None => {
                p.id = fresh_id(&p.id);
                new_places.push(p);
            }
        }
    }
    let mut merged_regions: HashMap<usize, Region> = HashMap::new();
    let mut new_regions = Vec::new();
    for mut r in doc.regions {
        remap(&mut r.actors);
        match same_region(b, &r) {
            Some(i) => merged_regions.entry(i).or_insert_with(|| b.regions()[i].clone()).mentions.extend(r.mentions),
            None => {
                r.id = fresh_id(&r.id);
                new_regions.push(r);
            }
        }
    }
    let added = AddedSource {
        source: id,
        merged_places: merged.len(),
        new_places: new_places.len(),
        merged_regions: merged_regions.len(),
        new_regions: new_regions.len(),
        dates: doc.dates.len(),
        edit: Edit::Batch(Vec::new()),
    };
    let mut sorted: Vec<(usize, Place)> = merged.into_iter().collect();
    sorted.sort_by_key(|(i, _)| *i);
    edits.extend(sorted.into_iter().map(|(i, p)| Edit::Places(ListEdit::Replace(i, p))));
    let mut sorted: Vec<(usize, Region)> = merged_regions.into_iter().collect();
    sorted.sort_by_key(|(i, _)| *i);
    edits.extend(sorted.into_iter().map(|(i, r)| Edit::Regions(ListEdit::Replace(i, r))));
    let (places, regions, dates) = (b.places().len(), b.regions().len(), b.doc().dates.len());
    edits.extend(new_places.into_iter().enumerate().map(|(k, p)| Edit::Places(ListEdit::Insert(places + k, p))));
    edits.extend(new_regions.into_iter().enumerate().map(|(k, r)| Edit::Regions(ListEdit::Insert(regions + k, r))));
    edits.extend(doc.dates.into_iter().enumerate().map(|(k, d)| Edit::Dates(ListEdit::Insert(dates + k, d))));
    Ok(AddedSource { edit: Edit::Batch(edits), ..added })
}

/// Points the draft's text references at the source's id in the briefing.
fn renamed_source(doc: &mut BriefingDoc, id: &str) {
    let refs = doc
        .places
        .iter_mut()
        .flat_map(|p| p.mentions.iter_mut())
        .chain(doc.regions.iter_mut().flat_map(|r| r.mentions.iter_mut()))
        .chain(doc.dates.iter_mut().map(|d| &mut d.at));
    refs.for_each(|r: &mut TextRef| r.source = id.to_owned());
}

/// The draft's actors as the briefing's: one of the same name is the briefing's; the others
/// are added (a fresh id, a colour not taken). Returns the edits and the ids that changed.
fn merged_actors(b: &Briefing, draft: &[Actor]) -> (Vec<Edit>, HashMap<String, String>) {
    let mut all: Vec<Actor> = b.actors().to_vec();
    let mut ids = HashMap::new();
    let mut edits = Vec::new();
    for a in draft {
        if let Some(same) = all.iter().find(|x| x.name.eq_ignore_ascii_case(&a.name)) {
            ids.insert(a.id.clone(), same.id.clone());
            continue;
        }
        let id = unique(&a.id, |id| all.iter().any(|x| x.id == id));
        let taken = all.iter().any(|x| x.colour.eq_ignore_ascii_case(&a.colour));
        let colour = if taken { actors::next_colour(&all).to_owned() } else { a.colour.clone() };
        let actor = Actor { id: id.clone(), name: a.name.clone(), colour };
        ids.insert(a.id.clone(), id);
        edits.push(Edit::Actors(ListEdit::Insert(all.len(), actor.clone())));
        all.push(actor);
    }
    (edits, ids)
}

/// A name folded for comparison: lower-case ASCII words.
fn fold(name: &str) -> String {
    deunicode(name)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The gazetteer entry a record came from: its suggestion's, else read back from where its
/// coordinates are said to come from ("GeoNames 625144").
fn gazetteer_id(suggested: Option<&str>, provenance: &str) -> Option<String> {
    suggested.map(str::to_owned).or_else(|| {
        let rest = provenance.strip_prefix("GeoNames ")?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!digits.is_empty()).then(|| format!("geonames:{digits}"))
    })
}

/// The briefing's place that `p` is: the same gazetteer entry, or a name of it (its name, local
/// names, aliases, or the words a longer name ends or starts with: "Deveselu" for "Aegis
/// Ashore Deveselu") within [`MERGE_KM`].
fn same_place(b: &Briefing, p: &Place) -> Option<usize> {
    let entry = gazetteer_id(p.suggestion.as_ref().and_then(|s| s.gazetteer.as_deref()), &p.provenance.source);
    let by_entry = entry.as_ref().and_then(|e| {
        b.places().iter().position(|q| {
            gazetteer_id(q.suggestion.as_ref().and_then(|s| s.gazetteer.as_deref()), &q.provenance.source).as_ref()
                == Some(e)
        })
    });
    if by_entry.is_some() {
        return by_entry;
    }
    let name = fold(&p.name);
    let named = |q: &Place| {
        std::iter::once(&q.name)
            .chain(&q.local_names)
            .chain(&q.aliases)
            .map(|n| fold(n))
            .any(|n| n == name || n.starts_with(&format!("{name} ")) || n.ends_with(&format!(" {name}")))
    };
    let here = Point::new(p.lon, p.lat);
    b.places()
        .iter()
        .enumerate()
        .filter(|(_, q)| named(q))
        .map(|(i, q)| (i, distance_km(here, Point::new(q.lon, q.lat))))
        .filter(|(_, km)| *km <= MERGE_KM)
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(i, _)| i)
}

/// The briefing's region that `r` is: the same boundaries, or the same name.
fn same_region(b: &Briefing, r: &Region) -> Option<usize> {
    let codes = |g: &[String]| {
        let mut g = g.to_vec();
        g.sort();
        g
    };
    let mine = codes(&r.geometry);
    let name = fold(&r.name);
    b.regions().iter().position(|q| (!mine.is_empty() && codes(&q.geometry) == mine) || fold(&q.name) == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::suggestion::is_undecided;
    use crate::session::Session;

    fn embedded() -> (Session, Atlas) {
        let atlas = Atlas::bundled().unwrap();
        (Session::checked(Briefing::embedded(&atlas).unwrap(), Some(atlas.clone())), atlas)
    }

    #[test]
    fn a_second_source_merges_its_places_and_undoes_whole() {
        let (mut s, atlas) = embedded();
        let before = s.briefing().to_json();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/wire.txt");
        let mut article = new_article::read(&path).unwrap();
        article.info.title = "Lavrov and Makei discuss the NATO shield in Minsk".into();
        article.info.published = "2016-05-17".into();
        let g = Gazetteer::bundled().unwrap();
        let added = add_source(s.briefing(), &article, &g, &atlas).unwrap();
        println!("{}", added.summary());
        let (places, regions) = (s.briefing().places().len(), s.briefing().regions().len());
        s.apply(added.edit.clone()).unwrap();
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        let b = s.briefing();
        assert_eq!(b.sources().len(), 2);
        assert_eq!(b.sources()[0].id, "bohdan-2016", "the first source stays first");
        let source = &b.sources()[1];
        assert_eq!((source.id.as_str(), source.file.as_str()), ("wire", "wire.txt"));
        assert_eq!(b.text_of("wire").unwrap().full(), article.src.text);
        // Minsk is one place, now named by both sources.
        let minsk = &b.places()[b.place("minsk").unwrap()];
        let sources: HashSet<&str> = minsk.mentions.iter().map(|m| m.source.as_str()).collect();
        assert!(sources.contains("wire"), "{:?}", minsk.mentions);
        assert_eq!(b.places().iter().filter(|p| fold(&p.name) == "minsk").count(), 1);
        assert!(added.merged_places >= 3, "Minsk, Moscow?, Deveselu, Redzikowo, Kaliningrad: {}", added.summary());
        let deveselu = &b.places()[b.place("deveselu").unwrap()];
        assert!(deveselu.mentions.iter().any(|m| m.source == "wire"), "Deveselu is Aegis Ashore Deveselu");
        assert_eq!(b.places().len(), places + added.new_places);
        assert_eq!(b.regions().len(), regions + added.new_regions);
        assert!(b.places()[places..].iter().all(|p| is_undecided(&p.suggestion)), "new places are to review");
        assert!(b.doc().dates.iter().any(|d| d.at.source == "wire"), "its dates come in");
        assert!(b.sources_of_place(b.place("minsk").unwrap()) >= 2);
        // Mentions point at the new source's words.
        for m in &minsk.mentions {
            assert_eq!(b.quote_at(m).map(fold).as_deref(), Some("minsk"), "{m:?}");
        }
        assert!(s.undo());
        assert_eq!(s.briefing().to_json(), before, "one undo takes it all back");
    }

    #[test]
    fn the_same_file_twice_gets_a_new_id_and_file_name() {
        let (mut s, atlas) = embedded();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/statement.txt");
        let mut article = new_article::read(&path).unwrap();
        article.info.title = "Makei statement".into();
        let g = Gazetteer::bundled().unwrap();
        for _ in 0..2 {
            let added = add_source(s.briefing(), &article, &g, &atlas).unwrap();
            s.apply(added.edit).unwrap();
        }
        let ids: Vec<(&str, &str)> = s.briefing().sources().iter().map(|x| (x.id.as_str(), x.file.as_str())).collect();
        assert_eq!(ids[1..], [("statement", "statement.txt"), ("statement-2", "statement-2.txt")]);
        article.info.title = " ".into();
        assert!(add_source(s.briefing(), &article, &g, &atlas).is_err(), "a title is needed");
    }
}
