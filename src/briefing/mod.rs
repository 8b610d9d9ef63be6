//! The briefing: an article, the places and regions it names, its claims, links and story.
//!
//! [`BriefingDoc`] is the file as written; [`Briefing`] is a checked document with its article
//! text and lookups, the form every view and export reads.

pub mod actor;
pub mod article;
pub mod caption;
pub mod claim;
pub mod doc;
pub mod grade;
pub mod ids;
pub mod link;
pub mod load;
pub mod locator;
pub mod patch;
pub mod place;
pub mod problem;
pub mod relation;
pub mod rings;
pub mod save;
pub mod source;
pub mod story;
pub mod suggestion;
pub mod v1;
pub mod validate;
pub mod when;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use geo::MultiPolygon;

pub use actor::{Actor, Speaker};
pub use article::ArticleText;
pub use claim::{Claim, ClaimKind};
pub use doc::BriefingDoc;
pub use grade::Credibility;
pub use link::{Link, LinkKind};
pub use patch::Replaced;
pub use place::{Confidence, Origin, Place, PlaceKind, Provenance, Region, RegionKind};
pub use problem::{Problem, Problems};
pub use relation::{Relation, RelationKind, RelationStatus};
pub use rings::BriefingRing;
pub use source::{Reliability, Source, TextRef};
pub use story::{LatLon, RingSpec, StoryStep, TimeWindow, View};
pub use suggestion::{Candidate, DateMention, Review, Suggestion};
pub use v1::Migration;
pub use when::{PartialDate, Precision, Season, Span, When};

use crate::atlas::Atlas;
use crate::flat_index::FlatIndex;

/// Where the embedded briefing lives in the repository (and how errors name it).
pub const EMBEDDED_FILE: &str = "geodata/bohdan-2016.json";
const EMBEDDED_JSON: &str = include_str!("../../geodata/bohdan-2016.json");
const EMBEDDED_ARTICLE: &str = include_str!("../../seeds/000_d3f6851c5c464e3d.txt");

/// A thing on the map or in the text that can be selected and referred to by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// `places[i]`
    Place(usize),
    /// `regions[i]`
    Region(usize),
    /// `claims[i]`
    Claim(usize),
}

/// A briefing with its sources' texts and lookups; the form the app and exports read.
///
/// It is built from any document, checked or not: lookups skip references that lead nowhere,
/// so a draft with problems can be shown while [`validate`] lists what is wrong.
#[derive(Clone, Debug)]
pub struct Briefing {
    file: String,
    /// The file on disk it was read from; `None` for the embedded briefing (or text in hand).
    path: Option<PathBuf>,
    doc: BriefingDoc,
    /// Per source, in `doc.sources` order.
    texts: Vec<ArticleText>,
    index: Index,
    /// What reading an older format changed, until the file is saved in the current one.
    migration: Option<Migration>,
}

/// What is derived from the document for lookups; rebuilt whenever its records change (or
/// patched, when one record is replaced: see `patch.rs`).
#[derive(Clone, Debug, Default, PartialEq)]
struct Index {
    sources: HashMap<String, usize>,
    spans: Vec<Option<Span>>,
    shapes: Vec<MultiPolygon<f64>>,
    /// Per region: what its shape is made from, as a key ([`shape_key`]).
    shape_keys: Vec<u64>,
    ids: HashMap<String, Item>,
    place_claims: FlatIndex,
    region_claims: FlatIndex,
    /// Per claim: its places, then its regions (as items), in the claim's order.
    claim_parts: Vec<Vec<Item>>,
    /// The place and link kinds in use, for legends (a scan of every place per frame is too
    /// slow at 100k places).
    kinds_used: (Vec<PlaceKind>, Vec<LinkKind>),
    /// Suggestions nobody has decided on yet (places, regions, dates).
    undecided: usize,
    /// Per claim: its confirmed relations (indices into `relations`), in file order.
    claim_relations: FlatIndex,
    /// Per place: the sources that speak of it (claims or mentions), in source order.
    place_sources: FlatIndex,
}

/// What a region's shape is made from (its boundaries' codes and its own area), as a key: an
/// edit that leaves it alone keeps the shape instead of making the union again.
fn shape_key(r: &Region) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    r.geometry.hash(&mut h);
    for ring in r.area.iter().flatten() {
        ring.len().hash(&mut h);
        for [x, y] in ring {
            (x.to_bits(), y.to_bits()).hash(&mut h);
        }
    }
    h.finish()
}

/// A region's shape: the union of its bundled boundaries, and its own area.
fn shape_of(r: &Region, atlas: &Atlas) -> MultiPolygon<f64> {
    let mut shape = atlas.union_of(&r.geometry);
    shape.0.extend(r.own_shape().0);
    shape
}

impl Index {
    /// The lookups of `doc`; the shapes of `previous` are kept where a region's did not change.
    fn new(doc: &BriefingDoc, atlas: &Atlas, previous: Option<&Index>) -> Self {
        let sources: HashMap<String, usize> = doc.sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        let spans = doc.claims.iter().map(|c| c.when.as_ref().and_then(|w| w.span().ok())).collect();
        let kept: HashMap<u64, &MultiPolygon<f64>> =
            previous.map(|p| p.shape_keys.iter().copied().zip(&p.shapes).collect()).unwrap_or_default();
        let shape_keys: Vec<u64> = doc.regions.iter().map(shape_key).collect();
        let shapes = doc
            .regions
            .iter()
            .zip(&shape_keys)
            .map(|(r, key)| kept.get(key).map_or_else(|| shape_of(r, atlas), |&shape| shape.clone()))
            .collect();
        let mut ids = HashMap::new();
        ids.extend(doc.places.iter().enumerate().map(|(i, p)| (p.id.clone(), Item::Place(i))));
        for (i, r) in doc.regions.iter().enumerate() {
            ids.entry(r.id.clone()).or_insert(Item::Region(i));
        }
        let mut place_claims: Vec<(usize, usize)> = Vec::new();
        let mut region_claims: Vec<(usize, usize)> = Vec::new();
        let mut claim_parts = Vec::with_capacity(doc.claims.len());
        for (c, claim) in doc.claims.iter().enumerate() {
            let mut parts = Vec::with_capacity(claim.places.len() + claim.regions.len());
            for id in claim.places.iter().chain(&claim.regions) {
                let item = ids.get(id).copied();
                match item {
                    Some(Item::Place(p)) => place_claims.push((p, c)),
                    Some(Item::Region(r)) => region_claims.push((r, c)),
                    _ => continue,
                }
                if let Some(item) = item.filter(|i| !parts.contains(i)) {
                    parts.push(item);
                }
            }
            claim_parts.push(parts);
        }
        // Claims share the id namespace only for lookups by id, after places and regions.
        for (i, c) in doc.claims.iter().enumerate() {
            ids.entry(c.id.clone()).or_insert(Item::Claim(i));
        }
        let link_kinds: HashSet<LinkKind> = doc.links.iter().map(|l| l.kind).collect();
        let kinds_used =
            (place_kinds(&doc.places), LinkKind::ALL.into_iter().filter(|k| link_kinds.contains(k)).collect());
        let undecided = doc.places.iter().filter(|p| suggestion::is_undecided(&p.suggestion)).count()
            + doc.regions.iter().filter(|r| suggestion::is_undecided(&r.suggestion)).count()
            + doc.dates.iter().filter(|x| suggestion::is_undecided(&x.suggestion)).count();
        let mut claim_relations: Vec<(usize, usize)> = Vec::new();
        for (r, rel) in doc.relations.iter().enumerate().filter(|(_, r)| r.is_confirmed()) {
            for id in [&rel.a, &rel.b] {
                if let Some(Item::Claim(c)) = ids.get(id.as_str()) {
                    claim_relations.push((*c, r));
                }
            }
        }
        let place_claims = FlatIndex::from_pairs(doc.places.len(), place_claims);
        // (place, source) for every claim about a place and every mention of one, each once.
        let mut place_sources: Vec<(usize, usize)> = Vec::new();
        for p in 0..doc.places.len() {
            let ids = source_ids_of_place(doc, &place_claims, p);
            place_sources.extend(ids.filter_map(|id| sources.get(id).copied()).map(|s| (p, s)));
        }
        place_sources.sort_unstable();
        place_sources.dedup();
        let place_sources = FlatIndex::from_pairs(doc.places.len(), place_sources);
        Self {
            claim_relations: FlatIndex::from_pairs(doc.claims.len(), claim_relations),
            place_sources,
            undecided,
            sources,
            spans,
            shapes,
            shape_keys,
            ids,
            place_claims,
            region_claims: FlatIndex::from_pairs(doc.regions.len(), region_claims),
            claim_parts,
            kinds_used,
        }
    }
}

/// The place kinds `places` use, in legend order.
fn place_kinds(places: &[Place]) -> Vec<PlaceKind> {
    let used: HashSet<PlaceKind> = places.iter().map(|p| p.kind).collect();
    PlaceKind::ALL.into_iter().filter(|k| used.contains(k)).collect()
}

/// The ids of the sources that speak of place `p` (`place_claims` is the place's claims): its
/// claims' sources, then its mentions', with repeats.
fn source_ids_of_place<'a>(
    doc: &'a BriefingDoc,
    place_claims: &'a FlatIndex,
    p: usize,
) -> impl Iterator<Item = &'a str> {
    let claims = place_claims.get(p).iter().filter_map(|&c| doc.claims.get(c as usize)).map(|c| c.at.source.as_str());
    let mentions = doc.places.get(p).into_iter().flat_map(|place| &place.mentions).map(|m| m.source.as_str());
    claims.chain(mentions)
}

/// The texts of a document's sources, each split at its teasers; a source whose teaser line is
/// past its text's end keeps its whole text as the article, with the problem reported.
fn split_texts(doc: &BriefingDoc, texts: Vec<String>) -> (Vec<ArticleText>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut texts = texts.into_iter();
    let split = doc
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let text = texts.next().unwrap_or_default();
            let lines = text.lines().count();
            ArticleText::new(text.clone(), source.teasers_from_line).unwrap_or_else(|| {
                let message = format!("the text has {lines} lines; teasers cannot start after that");
                problems.push(Problem::new(format!("sources[{i}].teasers_from_line"), message).in_record(&source.id));
                ArticleText::new(text, None).unwrap_or_else(|| unreachable!("no teaser line"))
            })
        })
        .collect();
    (split, problems)
}

impl Briefing {
    /// The briefing built into the binary: Bohdan's May 2016 article.
    pub fn embedded(atlas: &Atlas) -> Result<Self, Problems> {
        load::load_str(EMBEDDED_FILE, EMBEDDED_JSON, EMBEDDED_ARTICLE, atlas)
    }

    /// A briefing with nothing in it, for when even the embedded one cannot be read.
    pub fn empty() -> Self {
        let source = Source {
            id: "none".into(),
            title: "No briefing".into(),
            title_note: None,
            author: String::new(),
            publisher: None,
            url: None,
            published: None,
            file: String::new(),
            teasers_from_line: None,
            reliability: None,
            note: None,
        };
        Self::draft("", BriefingDoc::new(source), vec![String::new()], &Atlas::default()).0
    }

    /// Checks `doc` against its sources' texts (one per source, in order) and the atlas;
    /// `json` is the file text, for line:col.
    pub fn new(file: &str, json: &str, doc: BriefingDoc, texts: Vec<String>, atlas: &Atlas) -> Result<Self, Problems> {
        let (briefing, problems) = Self::draft(file, doc, texts, atlas);
        if problems.is_empty() { Ok(briefing) } else { Err(Problems::located(file, json, problems, None)) }
    }

    /// The briefing however many problems it has (a draft), and its problems in file order
    /// (not yet located: see [`Problems::located`]).
    pub fn draft(file: &str, doc: BriefingDoc, texts: Vec<String>, atlas: &Atlas) -> (Self, Vec<Problem>) {
        Self::draft_as(file, doc, texts, atlas, doc::FORMAT)
    }

    /// As [`Briefing::draft`], for a document read from a file in format `file_format`.
    pub(crate) fn draft_as(
        file: &str,
        doc: BriefingDoc,
        texts: Vec<String>,
        atlas: &Atlas,
        file_format: u32,
    ) -> (Self, Vec<Problem>) {
        let (texts, mut problems) = split_texts(&doc, texts);
        problems.extend(validate::validate_as(&doc, &texts, atlas, file_format));
        let index = Index::new(&doc, atlas, None);
        (Self { file: file.to_owned(), path: None, doc, texts, index, migration: None }, problems)
    }

    /// Rebuilds the lookups after the document changed; returns the problems of the result
    /// (the caller decides whether to keep it).
    pub(crate) fn rebuild(&mut self, atlas: &Atlas) -> Vec<Problem> {
        let texts = std::mem::take(&mut self.texts).into_iter().map(|t| t.full().to_owned()).collect();
        let (texts, mut problems) = split_texts(&self.doc, texts);
        self.texts = texts;
        problems.extend(validate::validate(&self.doc, &self.texts, atlas));
        self.index = Index::new(&self.doc, atlas, Some(&self.index));
        problems
    }

    /// The document, to change in place; the caller rebuilds ([`Briefing::rebuild`]) after
    /// anything but story edits.
    pub(crate) fn doc_mut(&mut self) -> &mut BriefingDoc {
        &mut self.doc
    }

    /// Adds a source with its text (the caller rebuilds).
    pub(crate) fn push_text(&mut self, at: usize, text: String) {
        let at = at.min(self.texts.len());
        self.texts.insert(at, ArticleText::new(text, None).unwrap_or_else(|| unreachable!("no teaser line")));
    }

    /// Removes source `at`'s text (the caller rebuilds), returning it.
    pub(crate) fn remove_text(&mut self, at: usize) -> Option<String> {
        (at < self.texts.len()).then(|| self.texts.remove(at).full().to_owned())
    }

    /// Sets the file the briefing is saved to.
    pub(crate) fn set_path(&mut self, file: String, path: Option<PathBuf>) {
        self.file = file;
        self.path = path;
    }

    /// Records what reading an older format changed.
    pub(crate) fn set_migration(&mut self, migration: Option<Migration>) {
        self.migration = migration;
    }

    /// What reading an older format changed (until it is saved again).
    pub fn migration(&self) -> Option<&Migration> {
        self.migration.as_ref()
    }

    /// The file the briefing came from, as the user named it.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The file on disk the briefing was read from, which saving overwrites; `None` for the
    /// embedded briefing, which can only be saved elsewhere ([`save::save_as`]).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The place kinds that occur, in legend order.
    pub fn place_kinds_used(&self) -> &[PlaceKind] {
        &self.index.kinds_used.0
    }

    /// The link kinds that occur, in legend order.
    pub fn link_kinds_used(&self) -> &[LinkKind] {
        &self.index.kinds_used.1
    }

    /// The document as written.
    pub fn doc(&self) -> &BriefingDoc {
        &self.doc
    }

    /// The title to show: the briefing's own, else its first source's.
    pub fn title(&self) -> &str {
        self.doc.display_title()
    }

    /// The lead source (the first), whose byline the app shows.
    pub fn article(&self) -> &Source {
        &self.doc.sources[0]
    }

    /// The lead source's text.
    pub fn text(&self) -> &ArticleText {
        &self.texts[0]
    }

    /// All sources.
    pub fn sources(&self) -> &[Source] {
        &self.doc.sources
    }

    /// The index of the source with this id.
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.index.sources.get(id).copied()
    }

    /// The text of source `i`.
    pub fn source_text(&self, i: usize) -> Option<&ArticleText> {
        self.texts.get(i)
    }

    /// The text of the source with this id.
    pub fn text_of(&self, source: &str) -> Option<&ArticleText> {
        self.source_text(self.source_index(source)?)
    }

    /// The source a claim quotes (the lead source if its reference leads nowhere, in a draft).
    pub fn source_of(&self, claim: &Claim) -> &Source {
        self.source_index(&claim.at.source).map_or_else(|| self.article(), |i| &self.doc.sources[i])
    }

    /// The words a reference points at, if it points into a text.
    pub fn quote_at(&self, at: &TextRef) -> Option<&str> {
        self.text_of(&at.source)?.full().get(at.range())
    }

    /// All places.
    pub fn places(&self) -> &[Place] {
        &self.doc.places
    }

    /// All regions.
    pub fn regions(&self) -> &[Region] {
        &self.doc.regions
    }

    /// All claims.
    pub fn claims(&self) -> &[Claim] {
        &self.doc.claims
    }

    /// All links.
    pub fn links(&self) -> &[Link] {
        &self.doc.links
    }

    /// All relations between claims, dismissed suggestions included (see
    /// [`Relation::is_confirmed`]).
    pub fn relations(&self) -> &[Relation] {
        &self.doc.relations
    }

    /// Indices of claim `c`'s confirmed relations, in file order.
    pub fn relations_of_claim(&self, claim: usize) -> &[u32] {
        self.index.claim_relations.get(claim)
    }

    /// The claim on the other side of relation `r` from claim `claim`, if `r` involves it.
    pub fn related_claim(&self, r: usize, claim: usize) -> Option<usize> {
        let other = self.doc.relations.get(r)?.other(&self.doc.claims.get(claim)?.id)?;
        match self.item(other)? {
            Item::Claim(c) => Some(c),
            _ => None,
        }
    }

    /// Claim `claim`'s confirmed relations as (kind, the claim on the other side), in file order.
    pub fn related_claims(&self, claim: usize) -> impl Iterator<Item = (RelationKind, usize)> + '_ {
        self.relations_of_claim(claim).iter().filter_map(move |&r| {
            let other = self.related_claim(r as usize, claim)?;
            Some((self.doc.relations[r as usize].kind, other))
        })
    }

    /// Whether a confirmed relation says another source contradicts claim `claim`.
    pub fn is_contradicted(&self, claim: usize) -> bool {
        self.related_claims(claim).any(|(kind, _)| kind == RelationKind::Contradicts)
    }

    /// The sources (indices, in source order) that speak of place `p`, through their claims or
    /// their mentions of it.
    pub fn place_sources(&self, place: usize) -> &[u32] {
        self.index.place_sources.get(place)
    }

    /// How many sources speak of place `p` (for its marker).
    pub fn sources_of_place(&self, place: usize) -> usize {
        self.place_sources(place).len()
    }

    /// The story steps.
    pub fn story(&self) -> &[StoryStep] {
        &self.doc.story
    }

    /// All actors.
    pub fn actors(&self) -> &[Actor] {
        &self.doc.actors
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.doc.actors.iter().find(|a| a.id == id)
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.doc.speakers.iter().find(|s| s.id == id)
    }

    /// The place, region or claim with this id.
    pub fn item(&self, id: &str) -> Option<Item> {
        self.index.ids.get(id).copied()
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<usize> {
        match self.item(id)? {
            Item::Place(i) => Some(i),
            _ => None,
        }
    }

    /// The span of claim `i`, or `None` when it is undated.
    pub fn span(&self, claim: usize) -> Option<Span> {
        self.index.spans.get(claim).copied().flatten()
    }

    /// The shape of region `i` (union of its bundled boundaries).
    pub fn shape(&self, region: usize) -> &MultiPolygon<f64> {
        &self.index.shapes[region]
    }

    /// What region `i`'s shape is made from, as a key: the same key, the same shape.
    pub fn shape_key(&self, region: usize) -> u64 {
        self.index.shape_keys[region]
    }

    /// Indices of the claims that concern place `i`, in article order.
    pub fn claims_of_place(&self, place: usize) -> &[u32] {
        self.index.place_claims.get(place)
    }

    /// Indices of the claims that concern region `i`, in article order.
    pub fn claims_of_region(&self, region: usize) -> &[u32] {
        self.index.region_claims.get(region)
    }

    /// The places and regions claim `c` concerns, each once, places first; the one place
    /// where a claim is expanded into what it is about.
    pub fn claim_parts(&self, claim: usize) -> &[Item] {
        self.index.claim_parts.get(claim).map_or(&[], Vec::as_slice)
    }

    /// `items` with each claim replaced by its places and regions, each once, in order.
    pub fn expand(&self, items: &[Item]) -> Vec<Item> {
        let mut out: Vec<Item> = Vec::new();
        // A set, not `out.contains`: framing a 100k briefing's places was quadratic.
        let mut seen: HashSet<Item> = HashSet::with_capacity(items.len());
        for &item in items {
            let one = [item];
            let parts = match item {
                Item::Claim(c) => self.claim_parts(c),
                _ => &one,
            };
            out.extend(parts.iter().filter(|part| seen.insert(**part)));
        }
        out
    }

    /// The places a view of the whole briefing frames: every place but the areas drawn at a
    /// label point (a country with no bundled boundary: its point is not its extent, and
    /// "the United States" in a Baltic article would frame half the world), unless there is
    /// nothing else.
    pub fn overview_places(&self) -> Vec<Item> {
        let places = self.places();
        let points: Vec<Item> =
            (0..places.len()).filter(|&i| places[i].kind != PlaceKind::Area).map(Item::Place).collect();
        if points.is_empty() { (0..places.len()).map(Item::Place).collect() } else { points }
    }

    /// Everything a story step highlights: its places, regions and claims, and the places and
    /// regions of those claims, each once.
    pub fn step_items(&self, step: &StoryStep) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        let mut add = |item: Item| {
            if !items.contains(&item) {
                items.push(item);
            }
        };
        for id in step.claims.iter().chain(&step.places).chain(&step.regions) {
            if let Some(item) = self.item(id) {
                add(item);
            }
        }
        for id in &step.claims {
            if let Some(Item::Claim(c)) = self.item(id) {
                self.claim_parts(c).iter().for_each(|&part| add(part));
            }
        }
        items
    }

    /// How many places, regions and dates the extractor suggested that nobody has decided on.
    pub fn undecided_suggestions(&self) -> usize {
        self.index.undecided
    }

    /// The briefing file's text as it would be saved.
    pub fn to_json(&self) -> String {
        to_json(&self.doc)
    }
}

/// The canonical text of a briefing file (what saving writes).
pub fn to_json(doc: &BriefingDoc) -> String {
    // Serialising plain data structures cannot fail; an empty string would be caught on reload.
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    text
}
