//! The briefing: an article, the places and regions it names, its claims, links and story.
//!
//! [`BriefingDoc`] is the file as written; [`Briefing`] is a checked document with its article
//! text and lookups, the form every view and export reads.

pub mod actor;
pub mod article;
pub mod claim;
pub mod doc;
pub mod link;
pub mod load;
pub mod locator;
pub mod place;
pub mod problem;
pub mod rings;
pub mod save;
pub mod story;
pub mod story_edit;
pub mod validate;
pub mod when;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use geo::MultiPolygon;

pub use actor::{Actor, Speaker};
pub use article::{Article, ArticleText};
pub use claim::{Claim, ClaimKind};
pub use doc::BriefingDoc;
pub use link::{Link, LinkKind};
pub use place::{Confidence, Origin, Place, PlaceKind, Provenance, Region, RegionKind};
pub use problem::{Problem, Problems};
pub use rings::BriefingRing;
pub use story::{LatLon, RingSpec, StoryStep, TimeWindow, View};
pub use when::{PartialDate, Precision, Season, Span, When};

use crate::atlas::Atlas;

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

/// A checked briefing with its article text and lookups; the form the app and exports read.
#[derive(Clone, Debug)]
pub struct Briefing {
    file: String,
    /// The file on disk it was read from; `None` for the embedded briefing (or text in hand).
    path: Option<PathBuf>,
    doc: BriefingDoc,
    article: ArticleText,
    spans: Vec<Option<Span>>,
    shapes: Vec<MultiPolygon<f64>>,
    ids: HashMap<String, Item>,
    place_claims: Groups,
    region_claims: Groups,
    /// The place and link kinds in use, for legends (a scan of every place per frame is too
    /// slow at 100k places).
    kinds_used: (Vec<PlaceKind>, Vec<LinkKind>),
}

impl Briefing {
    /// The briefing built into the binary: Bohdan's May 2016 article.
    pub fn embedded(atlas: &Atlas) -> Result<Self, Problems> {
        load::load_str(EMBEDDED_FILE, EMBEDDED_JSON, EMBEDDED_ARTICLE, atlas)
    }

    /// A briefing with nothing in it, for when even the embedded one cannot be read.
    pub fn empty() -> Self {
        let doc = BriefingDoc {
            format: doc::FORMAT,
            article: Article {
                title: "No briefing".into(),
                title_note: None,
                author: String::new(),
                publisher: None,
                published: When::on(PartialDate::year(2016)),
                file: String::new(),
                teasers_from_line: None,
            },
            actors: Vec::new(),
            speakers: Vec::new(),
            places: Vec::new(),
            regions: Vec::new(),
            claims: Vec::new(),
            links: Vec::new(),
            rings: Vec::new(),
            story: Vec::new(),
        };
        let article = ArticleText::new(String::new(), None).unwrap_or_else(|| unreachable!("no teaser line"));
        Self::index("", doc, article, &Atlas::default())
    }

    /// Checks `doc` against its article and the atlas; `json` is the file text, for line:col.
    pub fn new(file: &str, json: &str, doc: BriefingDoc, article: String, atlas: &Atlas) -> Result<Self, Problems> {
        let fail = |mut list: Vec<Problem>| {
            let mut locator = locator::Locator::new(json);
            list.iter_mut().for_each(|p| p.locate_in(&mut locator));
            list.sort_by_key(|p| p.at);
            Problems { file: file.to_owned(), list }
        };
        let lines = article.lines().count();
        let Some(article) = ArticleText::new(article, doc.article.teasers_from_line) else {
            let message = format!("the article has {lines} lines; teasers cannot start after that");
            return Err(fail(vec![Problem::new("article.teasers_from_line", message)]));
        };
        let problems = validate::validate(&doc, &article, atlas);
        if !problems.is_empty() {
            return Err(fail(problems));
        }
        Ok(Self::index(file, doc, article, atlas))
    }

    /// Re-checks an edited document (e.g. after story edits), keeping the article.
    pub fn with_doc(&self, doc: BriefingDoc, atlas: &Atlas) -> Result<Self, Problems> {
        let json = to_json(&doc);
        let mut checked = Self::new(&self.file, &json, doc, self.article.full().to_owned(), atlas)?;
        checked.path.clone_from(&self.path);
        Ok(checked)
    }

    fn index(file: &str, doc: BriefingDoc, article: ArticleText, atlas: &Atlas) -> Self {
        // `validate` has checked every span and reference, so lookups below cannot miss.
        let spans = doc.claims.iter().map(|c| c.when.as_ref().and_then(|w| w.span().ok())).collect();
        let shapes = doc.regions.iter().map(|r| atlas.union_of(&r.geometry)).collect();
        let mut ids = HashMap::new();
        ids.extend(doc.places.iter().enumerate().map(|(i, p)| (p.id.clone(), Item::Place(i))));
        ids.extend(doc.regions.iter().enumerate().map(|(i, r)| (r.id.clone(), Item::Region(i))));
        let mut place_claims: Vec<(usize, usize)> = Vec::new();
        let mut region_claims: Vec<(usize, usize)> = Vec::new();
        for (c, claim) in doc.claims.iter().enumerate() {
            for id in claim.places.iter().chain(&claim.regions) {
                match ids.get(id) {
                    Some(Item::Place(p)) => place_claims.push((*p, c)),
                    Some(Item::Region(r)) => region_claims.push((*r, c)),
                    _ => {}
                }
            }
        }
        // Claims share the id namespace only for lookups by id, after places and regions.
        for (i, c) in doc.claims.iter().enumerate() {
            ids.entry(c.id.clone()).or_insert(Item::Claim(i));
        }
        let place_claims = Groups::new(doc.places.len(), place_claims);
        let region_claims = Groups::new(doc.regions.len(), region_claims);
        let place_kinds: std::collections::HashSet<PlaceKind> = doc.places.iter().map(|p| p.kind).collect();
        let link_kinds: std::collections::HashSet<LinkKind> = doc.links.iter().map(|l| l.kind).collect();
        let kinds_used = (
            PlaceKind::ALL.into_iter().filter(|k| place_kinds.contains(k)).collect(),
            LinkKind::ALL.into_iter().filter(|k| link_kinds.contains(k)).collect(),
        );
        Self {
            file: file.to_owned(),
            path: None,
            doc,
            article,
            spans,
            shapes,
            ids,
            place_claims,
            region_claims,
            kinds_used,
        }
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
        &self.kinds_used.0
    }

    /// The link kinds that occur, in legend order.
    pub fn link_kinds_used(&self) -> &[LinkKind] {
        &self.kinds_used.1
    }

    /// The document as written.
    pub fn doc(&self) -> &BriefingDoc {
        &self.doc
    }

    /// The article's record.
    pub fn article(&self) -> &Article {
        &self.doc.article
    }

    /// The article's text.
    pub fn text(&self) -> &ArticleText {
        &self.article
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
        self.ids.get(id).copied()
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
        self.spans.get(claim).copied().flatten()
    }

    /// The shape of region `i` (union of its bundled boundaries).
    pub fn shape(&self, region: usize) -> &MultiPolygon<f64> {
        &self.shapes[region]
    }

    /// Indices of the claims that concern place `i`, in article order.
    pub fn claims_of_place(&self, place: usize) -> &[usize] {
        self.place_claims.get(place)
    }

    /// Indices of the claims that concern region `i`, in article order.
    pub fn claims_of_region(&self, region: usize) -> &[usize] {
        self.region_claims.get(region)
    }

    /// Everything a story step highlights: its places, regions and claims, and the places and
    /// regions of those claims, each once.
    pub fn step_items(&self, step: &StoryStep) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        let mut add = |item: Option<Item>| {
            if let Some(item) = item
                && !items.contains(&item)
            {
                items.push(item);
            }
        };
        for id in step.claims.iter().chain(&step.places).chain(&step.regions) {
            add(self.item(id));
        }
        for id in &step.claims {
            if let Some(c) = self.claims().iter().find(|c| &c.id == id) {
                c.places.iter().chain(&c.regions).for_each(|id| add(self.item(id)));
            }
        }
        items
    }

    /// The briefing file's text as it would be saved.
    pub fn to_json(&self) -> String {
        to_json(&self.doc)
    }
}

/// Lists of indices per owner, stored flat: one allocation however many owners, so a pass over
/// 100k places' claims streams through memory instead of chasing 100k pointers.
#[derive(Clone, Debug, Default)]
struct Groups {
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Groups {
    /// Groups `(owner, item)` pairs for owners `0..owners`, keeping the pairs' order per owner.
    fn new(owners: usize, mut pairs: Vec<(usize, usize)>) -> Self {
        pairs.sort_by_key(|&(owner, _)| owner);
        let mut starts = Vec::with_capacity(owners + 1);
        let mut at = 0;
        for owner in 0..owners {
            starts.push(at);
            while at < pairs.len() && pairs[at].0 == owner {
                at += 1;
            }
        }
        starts.push(at);
        Self { starts, items: pairs.into_iter().map(|(_, item)| item).collect() }
    }

    fn get(&self, owner: usize) -> &[usize] {
        match (self.starts.get(owner), self.starts.get(owner + 1)) {
            (Some(&a), Some(&z)) => &self.items[a..z],
            _ => &[],
        }
    }
}

/// The canonical text of a briefing file (what saving writes).
pub fn to_json(doc: &BriefingDoc) -> String {
    // Serialising plain data structures cannot fail; an empty string would be caught on reload.
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    text
}
