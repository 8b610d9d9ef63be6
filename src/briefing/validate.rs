//! Checks a briefing document against its article and the bundled boundaries.
//!
//! Every problem is collected (not just the first), each with the JSON path of the value.

use std::collections::HashMap;

use super::article::ArticleText;
use super::claim::Claim;
use super::doc::{BriefingDoc, FORMAT};
use super::place::{Origin, Place, Provenance, Region};
use super::problem::Problem;
use super::source::TextRef;
use super::story::{RingSpec, StoryStep, TimeWindow};
use super::suggestion::{DateMention, Suggestion};
use super::when::When;
use super::{Briefing, Item};
use crate::atlas::Atlas;
use crate::spatial;

/// Highest zoom a story step may ask for (the basemap is drawn up to this).
pub use crate::mercator::MAX_ZOOM;

/// Every problem in `doc`, in file order; `texts` are its sources' texts, in order.
pub fn validate(doc: &BriefingDoc, texts: &[ArticleText], atlas: &Atlas) -> Vec<Problem> {
    validate_as(doc, texts, atlas, FORMAT)
}

/// As [`validate`], for a document read from a file in format `file_format` (hints about what
/// to write in the file are worded for that format).
pub fn validate_as(doc: &BriefingDoc, texts: &[ArticleText], atlas: &Atlas, file_format: u32) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
        ids: HashMap::new(),
        search_budget: QUOTE_SEARCH_BYTES,
        v1: file_format == 1,
        known: None,
    };
    c.run(doc, texts, atlas);
    c.problems
}

/// The problems of `b`'s story alone, its references checked against `b`'s lookups: after an
/// edit of the story, nothing else needs checking again.
pub fn story(b: &Briefing) -> Vec<Problem> {
    let mut c = Checker::known(b);
    for (i, step) in b.story().iter().enumerate() {
        c.step(i, step);
    }
    c.problems
}

/// The problems of place `i` alone, as [`validate`] reports them, its references checked
/// against `b`'s lookups: after an edit of that place that keeps its id, nothing else changes.
pub(crate) fn place(b: &Briefing, i: usize) -> Vec<Problem> {
    let mut c = Checker::known(b);
    if let Some(p) = b.places().get(i) {
        c.place(i, p, &texts_by_source(&b.doc, &b.texts));
    }
    c.problems
}

/// The problems of region `i` alone (as [`place`]), its codes checked against `atlas`.
pub(crate) fn region(b: &Briefing, i: usize, atlas: &Atlas) -> Vec<Problem> {
    let mut c = Checker::known(b);
    if let Some(r) = b.regions().get(i) {
        c.region(i, r, &texts_by_source(&b.doc, &b.texts), atlas);
    }
    c.problems
}

/// The problems of date mention `i` alone (as [`place`]).
pub(crate) fn date(b: &Briefing, i: usize) -> Vec<Problem> {
    let mut c = Checker::known(b);
    if let Some(d) = b.doc.dates.get(i) {
        c.date(i, d, &texts_by_source(&b.doc, &b.texts));
    }
    c.problems
}

/// The problems of claim `i` alone (as [`place`]). Only for a claim whose quote is right (see
/// [`quote_is_searched`]): a wrong one is searched for out of a budget all claims share.
pub(crate) fn claim(b: &Briefing, i: usize) -> Vec<Problem> {
    let mut c = Checker::known(b);
    if let Some(claim) = b.claims().get(i) {
        c.claim(i, claim, &texts_by_source(&b.doc, &b.texts));
    }
    c.problems
}

/// Whether checking `claim` in `b` searches its source's text for the quote (the quote is
/// wrong): the searches of all claims share one budget, so such a claim's problems depend on
/// the claims before it.
pub(crate) fn quote_is_searched(b: &Briefing, claim: &Claim) -> bool {
    b.text_of(&claim.at.source).is_some_and(|article| quote_problem(claim, article, false, false).is_some())
}

/// Each source's text by the source's id (a later source wins a clash, as the checks have it).
type Texts<'a> = HashMap<&'a str, &'a ArticleText>;

fn texts_by_source<'a>(doc: &'a BriefingDoc, texts: &'a [ArticleText]) -> Texts<'a> {
    doc.sources.iter().zip(texts).map(|(s, t)| (s.id.as_str(), t)).collect()
}

/// Which collection an id belongs to, for reference checks.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Kind {
    Actor,
    Speaker,
    Place,
    Region,
    Claim,
    Link,
    Ring,
    Source,
}

/// How much article text, in all, is searched for where wrong quotes really are. Each search
/// reads the whole article, so thousands of wrong quotes against a long article would take
/// hours; past the budget a wrong quote is reported without the hint. A typical article
/// (tens of kilobytes) gets hundreds of searches.
const QUOTE_SEARCH_BYTES: usize = 8 << 20;

struct Checker<'b> {
    problems: Vec<Problem>,
    ids: HashMap<(Kind, String), usize>,
    search_budget: usize,
    /// The file is format 1: a claim's place in the text is its `offset`.
    v1: bool,
    /// Look ids up here instead of in `ids` (checking the story of an indexed briefing).
    known: Option<&'b Briefing>,
}

impl<'b> Checker<'b> {
    /// A checker of single records of `b`, looking ids up in its lookups; it never searches
    /// for a wrong quote (see [`quote_is_searched`]).
    fn known(b: &'b Briefing) -> Self {
        Self { problems: Vec::new(), ids: HashMap::new(), search_budget: 0, v1: false, known: Some(b) }
    }
}

impl Checker<'_> {
    fn report(&mut self, path: String, id: Option<&str>, message: impl Into<String>) {
        let mut p = Problem::new(path, message);
        p.record = id.map(str::to_owned);
        self.problems.push(p);
    }

    fn run(&mut self, doc: &BriefingDoc, texts: &[ArticleText], atlas: &Atlas) {
        if doc.format != FORMAT {
            self.report(
                "format".into(),
                None,
                format!("format {} is not supported; this build reads 1 and {FORMAT}", doc.format),
            );
        }
        if doc.sources.is_empty() {
            self.report("sources".into(), None, "a briefing needs at least one source");
        }
        self.declare(Kind::Source, "sources", doc.sources.iter().map(|s| s.id.as_str()));
        for (i, source) in doc.sources.iter().enumerate() {
            if let Some(Err(e)) = source.published.as_ref().map(When::span) {
                self.report(format!("sources[{i}].published"), Some(&source.id), e.to_string());
            }
            if source.title.trim().is_empty() {
                self.report(format!("sources[{i}].title"), Some(&source.id), "the title is empty");
            }
        }
        let texts = texts_by_source(doc, texts);
        self.declare(Kind::Actor, "actors", doc.actors.iter().map(|a| a.id.as_str()));
        self.declare(Kind::Speaker, "speakers", doc.speakers.iter().map(|s| s.id.as_str()));
        self.declare(Kind::Place, "places", doc.places.iter().map(|p| p.id.as_str()));
        self.declare(Kind::Region, "regions", doc.regions.iter().map(|r| r.id.as_str()));
        self.declare(Kind::Claim, "claims", doc.claims.iter().map(|c| c.id.as_str()));
        self.declare(Kind::Link, "links", doc.links.iter().map(|l| l.id.as_str()));
        self.declare(Kind::Ring, "rings", doc.rings.iter().map(|r| r.id.as_str()));
        self.shared_namespace(doc);

        for (i, a) in doc.actors.iter().enumerate() {
            if a.rgb().is_none() {
                self.report(
                    format!("actors[{i}].colour"),
                    Some(&a.id),
                    format!("'{}' is not a #rrggbb colour", a.colour),
                );
            }
        }
        for (i, p) in doc.places.iter().enumerate() {
            self.place(i, p, &texts);
        }
        for (i, r) in doc.regions.iter().enumerate() {
            self.region(i, r, &texts, atlas);
        }
        for (i, claim) in doc.claims.iter().enumerate() {
            self.claim(i, claim, &texts);
        }
        for (i, l) in doc.links.iter().enumerate() {
            let at = format!("links[{i}]");
            for (field, id) in [("from", &l.from), ("to", &l.to)] {
                if !self.is_place_or_region(id) {
                    self.report(format!("{at}.{field}"), Some(&l.id), format!("no place or region has id '{id}'"));
                }
            }
            if l.claims.is_empty() {
                self.report(format!("{at}.claims"), Some(&l.id), "a link needs at least one claim that supports it");
            }
            self.refs(&format!("{at}.claims"), &l.id, Kind::Claim, &l.claims);
        }
        for (i, r) in doc.rings.iter().enumerate() {
            self.ring(i, r);
        }
        for (i, step) in doc.story.iter().enumerate() {
            self.step(i, step);
        }
        for (i, d) in doc.dates.iter().enumerate() {
            self.date(i, d, &texts);
        }
        self.problems.extend(super::relation::problems(doc));
    }

    fn place(&mut self, i: usize, p: &Place, texts: &Texts) {
        let at = format!("places[{i}]");
        if !(p.lat.is_finite() && (-90.0..=90.0).contains(&p.lat)) {
            self.report(format!("{at}.lat"), Some(&p.id), format!("latitude {} is outside -90..90", p.lat));
        }
        if !(p.lon.is_finite() && (-180.0..=180.0).contains(&p.lon)) {
            self.report(format!("{at}.lon"), Some(&p.id), format!("longitude {} is outside -180..180", p.lon));
        }
        self.refs(&format!("{at}.actors"), &p.id, Kind::Actor, &p.actors);
        self.provenance(&format!("{at}.provenance"), &p.id, &p.provenance);
        self.mentions(&at, &p.id, &p.mentions, texts);
        self.suggestion(&at, &p.id, &p.suggestion);
    }

    fn region(&mut self, i: usize, r: &Region, texts: &Texts, atlas: &Atlas) {
        let at = format!("regions[{i}]");
        if r.geometry.is_empty() && r.area.is_empty() {
            self.report(format!("{at}.geometry"), Some(&r.id), "lists no boundary codes (nor an own 'area')");
        }
        self.area(&at, &r.id, &r.area);
        for (j, code) in r.geometry.iter().enumerate() {
            if atlas.get(code).is_none() {
                self.report(
                    format!("{at}.geometry[{j}]"),
                    Some(&r.id),
                    format!("no bundled boundary has code '{code}' (ISO 3166, e.g. 'BY' or 'RU-SMO')"),
                );
            }
        }
        self.refs(&format!("{at}.actors"), &r.id, Kind::Actor, &r.actors);
        self.provenance(&format!("{at}.provenance"), &r.id, &r.provenance);
        self.mentions(&at, &r.id, &r.mentions, texts);
        self.suggestion(&at, &r.id, &r.suggestion);
    }

    fn date(&mut self, i: usize, d: &DateMention, texts: &Texts) {
        let at = format!("dates[{i}]");
        let record = format!("date {}", i + 1);
        self.text_ref(&format!("{at}.at"), &record, &d.at, texts);
        self.when(&format!("{at}.when"), &record, &d.when);
        self.suggestion(&at, &record, &d.suggestion);
    }

    /// Checks that `at` points at whole characters of a source's text.
    fn text_ref(&mut self, path: &str, record: &str, at: &TextRef, texts: &Texts) -> bool {
        let Some(text) = texts.get(at.source.as_str()) else {
            self.report(format!("{path}.source"), Some(record), format!("no source has id '{}'", at.source));
            return false;
        };
        let full = text.full();
        let problem = if at.end < at.start {
            Some(("end", format!("the span ends (byte {}) before it starts (byte {})", at.end, at.start)))
        } else if at.end > full.len() {
            Some(("end", format!("byte {} is past the end of source '{}' ({} bytes)", at.end, at.source, full.len())))
        } else if !full.is_char_boundary(at.start) {
            Some(("start", format!("byte {} is inside a character of source '{}'", at.start, at.source)))
        } else if !full.is_char_boundary(at.end) {
            Some(("end", format!("byte {} is inside a character of source '{}'", at.end, at.source)))
        } else {
            None
        };
        if let Some((field, message)) = problem {
            self.report(format!("{path}.{field}"), Some(record), message);
            return false;
        }
        true
    }

    /// An own outline: each polygon's rings closed, at least four positions, on the globe.
    fn area(&mut self, at: &str, record: &str, area: &[Vec<Vec<[f64; 2]>>]) {
        for (p, rings) in area.iter().enumerate() {
            if rings.is_empty() {
                self.report(format!("{at}.area[{p}]"), Some(record), "a polygon needs an exterior ring");
            }
            for (r, ring) in rings.iter().enumerate() {
                let path = format!("{at}.area[{p}][{r}]");
                let on_globe =
                    ring.iter().all(|&[lon, lat]| (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
                if ring.len() < 4 || ring.first() != ring.last() {
                    self.report(path, Some(record), "a ring needs at least 4 positions, the last one the first");
                } else if !on_globe {
                    self.report(
                        path,
                        Some(record),
                        "a position is off the globe (longitude -180..180, latitude -90..90)",
                    );
                }
            }
        }
    }

    fn mentions(&mut self, at: &str, record: &str, mentions: &[TextRef], texts: &Texts) {
        for (j, m) in mentions.iter().enumerate() {
            self.text_ref(&format!("{at}.mentions[{j}]"), record, m, texts);
        }
    }

    fn suggestion(&mut self, at: &str, record: &str, s: &Option<Suggestion>) {
        if let Some(s) = s
            && !(s.confidence.is_finite() && (0.0..=1.0).contains(&s.confidence))
        {
            let message = format!("confidence {} is outside 0..1", s.confidence);
            self.report(format!("{at}.suggestion.confidence"), Some(record), message);
        }
    }

    fn declare<'a>(&mut self, kind: Kind, list: &str, ids: impl Iterator<Item = &'a str>) {
        for (i, id) in ids.enumerate() {
            if !is_valid_id(id) {
                self.report(
                    format!("{list}[{i}].id"),
                    None,
                    format!("'{id}' is not an id: use lowercase letters, digits and single dashes"),
                );
            }
            if let Some(first) = self.ids.insert((kind, id.to_owned()), i) {
                self.ids.insert((kind, id.to_owned()), first);
                self.report(format!("{list}[{i}].id"), None, format!("id '{id}' is already used by {list}[{first}]"));
            }
        }
    }

    /// Links, story frames and search name places, regions and claims alike, so their ids
    /// must not clash.
    fn shared_namespace(&mut self, doc: &BriefingDoc) {
        let regions = doc.regions.iter().map(|r| ("regions", &r.id, [Kind::Place].as_slice()));
        let claims = doc.claims.iter().map(|c| ("claims", &c.id, [Kind::Place, Kind::Region].as_slice()));
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (list, id, earlier) in regions.chain(claims) {
            let i = seen.entry(list).and_modify(|i| *i += 1).or_insert(0);
            for kind in earlier {
                if let Some(&j) = self.ids.get(&(*kind, id.clone())) {
                    let other = if *kind == Kind::Place { "places" } else { "regions" };
                    self.report(format!("{list}[{i}].id"), None, format!("id '{id}' is already used by {other}[{j}]"));
                }
            }
        }
    }

    fn has(&self, kind: Kind, id: &str) -> bool {
        let Some(b) = self.known else { return self.ids.contains_key(&(kind, id.to_owned())) };
        // The lookups give a place first, then a region, then a claim for an id they share
        // (a clash reported on its own): the lists are searched then, as the full check has it.
        match kind {
            Kind::Place => b.place(id).is_some(),
            Kind::Region => match b.item(id) {
                Some(Item::Region(_)) => true,
                Some(Item::Place(_)) => b.regions().iter().any(|r| r.id == id),
                _ => false,
            },
            Kind::Claim => match b.item(id) {
                Some(Item::Claim(_)) => true,
                Some(_) => b.claims().iter().any(|c| c.id == id),
                None => false,
            },
            Kind::Ring => b.rings().iter().any(|r| r.id == id),
            Kind::Actor => b.actor(id).is_some(),
            Kind::Speaker => b.speaker(id).is_some(),
            Kind::Source => b.source_index(id).is_some(),
            Kind::Link => b.links().iter().any(|l| l.id == id),
        }
    }

    fn is_place_or_region(&self, id: &str) -> bool {
        self.has(Kind::Place, id) || self.has(Kind::Region, id)
    }

    fn refs(&mut self, path: &str, record: &str, kind: Kind, ids: &[String]) {
        let what = match kind {
            Kind::Actor => "actor",
            Kind::Speaker => "speaker",
            Kind::Place => "place",
            Kind::Region => "region",
            Kind::Claim => "claim",
            Kind::Link => "link",
            Kind::Ring => "ring",
            Kind::Source => "source",
        };
        let single = ids.len() == 1 && !path.ends_with('s');
        for (j, id) in ids.iter().enumerate() {
            if !self.has(kind, id) {
                let at = if single { path.to_owned() } else { format!("{path}[{j}]") };
                self.report(at, Some(record), format!("no {what} has id '{id}'"));
            }
        }
    }

    fn provenance(&mut self, path: &str, record: &str, p: &Provenance) {
        if p.origin == Origin::Context && p.why.as_deref().is_none_or(|w| w.trim().is_empty()) {
            self.report(format!("{path}.why"), Some(record), "a context item must say why it is on the map");
        }
        if p.source.trim().is_empty() {
            self.report(format!("{path}.source"), Some(record), "say where the location comes from");
        }
        if let Some(km) = p.uncertainty_km
            && !(km.is_finite() && km >= 0.0)
        {
            self.report(format!("{path}.uncertainty_km"), Some(record), format!("{km} is not a distance"));
        }
    }

    fn claim(&mut self, i: usize, claim: &Claim, texts: &Texts) {
        let at = format!("claims[{i}]");
        if let Some(article) = texts.get(claim.at.source.as_str()) {
            let search = self.search_budget >= article.full().len();
            if let Some((field, message)) = quote_problem(claim, article, search, self.v1) {
                if search {
                    self.search_budget -= article.full().len();
                }
                self.report(format!("{at}.{field}"), Some(&claim.id), message);
            }
        } else {
            let message = format!("no source has id '{}'", claim.at.source);
            self.report(format!("{at}.at.source"), Some(&claim.id), message);
        }
        if claim.summary.trim().is_empty() {
            self.report(format!("{at}.summary"), Some(&claim.id), "the summary is empty");
        }
        self.refs(&format!("{at}.speaker"), &claim.id, Kind::Speaker, std::slice::from_ref(&claim.speaker));
        self.refs(&format!("{at}.actors"), &claim.id, Kind::Actor, &claim.actors);
        self.refs(&format!("{at}.places"), &claim.id, Kind::Place, &claim.places);
        self.refs(&format!("{at}.regions"), &claim.id, Kind::Region, &claim.regions);
        if let Some(when) = &claim.when {
            self.when(&format!("{at}.when"), &claim.id, when);
        }
    }

    fn when(&mut self, path: &str, record: &str, when: &When) {
        // A date that does not exist is reported on its own field, so line:col points at it.
        let bad_day = |d: &Option<super::when::PartialDate>| d.and_then(|d| d.first_day().and(d.last_day()).err());
        if let Some(e) = bad_day(&when.from) {
            self.report(format!("{path}.from"), Some(record), e.to_string());
        } else if let Some(e) = bad_day(&when.to) {
            self.report(format!("{path}.to"), Some(record), e.to_string());
        } else if let Err(e) = when.span() {
            self.report(path.to_owned(), Some(record), e.to_string());
        }
        if when.inferred.as_deref().is_some_and(|r| r.trim().is_empty()) {
            self.report(format!("{path}.inferred"), Some(record), "give the reason the date is inferred");
        }
    }

    /// The same rules as [`crate::spatial::resolve_ring`], reported field by field, so a valid
    /// ring always resolves.
    fn ring(&mut self, i: usize, r: &RingSpec) {
        let at = format!("rings[{i}]");
        self.refs(&format!("{at}.place"), &r.id, Kind::Place, std::slice::from_ref(&r.place));
        if let Some(system) = &r.system
            && let Err(e) = spatial::find_system(system)
        {
            self.report(format!("{at}.system"), Some(&r.id), e.to_string());
        }
        match r.km {
            None if r.system.is_none() => {
                self.report(at.clone(), Some(&r.id), "a ring needs a 'system' or a radius in 'km'")
            }
            Some(km) => {
                if let Err(e) = spatial::check_radius(km) {
                    self.report(format!("{at}.km"), Some(&r.id), e.to_string());
                }
            }
            None => {}
        }
        if r.label.as_deref().is_some_and(|l| l.trim().is_empty()) {
            self.report(format!("{at}.label"), Some(&r.id), "the label is empty; leave it out to use the default");
        }
    }

    fn step(&mut self, i: usize, step: &StoryStep) {
        let at = format!("story[{i}]");
        let record = format!("step {}", i + 1);
        if step.title.trim().is_empty() {
            self.report(format!("{at}.title"), Some(&record), "the title is empty");
        }
        let view = &step.view;
        for (j, id) in view.frame.iter().enumerate() {
            if !self.is_place_or_region(id) {
                self.report(
                    format!("{at}.view.frame[{j}]"),
                    Some(&record),
                    format!("no place or region has id '{id}'"),
                );
            }
        }
        match (view.frame.is_empty(), view.centre, view.zoom) {
            (true, None, _) => {
                self.report(format!("{at}.view"), Some(&record), "give places to 'frame' or a 'centre' and 'zoom'")
            }
            (true, Some(_), None) => self.report(format!("{at}.view"), Some(&record), "a 'centre' needs a 'zoom'"),
            _ => {}
        }
        if let Some(c) = view.centre
            && !(c.lat.is_finite()
                && (-85.0..=85.0).contains(&c.lat)
                && c.lon.is_finite()
                && (-180.0..=180.0).contains(&c.lon))
        {
            self.report(
                format!("{at}.view.centre"),
                Some(&record),
                format!("({}, {}) is not a map centre", c.lat, c.lon),
            );
        }
        if let Some(z) = view.zoom
            && !(z.is_finite() && (0.0..=MAX_ZOOM).contains(&z))
        {
            self.report(format!("{at}.view.zoom"), Some(&record), format!("zoom {z} is outside 0..{MAX_ZOOM}"));
        }
        if let Some(window) = &step.time
            && let Err(message) = window_problem(window)
        {
            self.report(format!("{at}.time"), Some(&record), message);
        }
        self.refs(&format!("{at}.claims"), &record, Kind::Claim, &step.claims);
        self.refs(&format!("{at}.places"), &record, Kind::Place, &step.places);
        self.refs(&format!("{at}.regions"), &record, Kind::Region, &step.regions);
        self.refs(&format!("{at}.rings"), &record, Kind::Ring, &step.rings);
    }
}

fn window_problem(w: &TimeWindow) -> Result<(), String> {
    let from = w.from.first_day().map_err(|e| e.to_string())?;
    let to = w.to.unwrap_or(w.from).last_day().map_err(|e| e.to_string())?;
    if to < from {
        return Err(format!("the window ends ({to}) before it starts ({from})"));
    }
    Ok(())
}

/// Ids are lowercase kebab-case, so they read well in files, URLs and exports.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Why a claim's quote is not its source's bytes where it says, and the field to fix; with
/// the nearest match when `search` is set. `v1`: the file gives the place as an `offset`.
fn quote_problem(claim: &Claim, article: &ArticleText, search: bool, v1: bool) -> Option<(&'static str, String)> {
    let text = article.full();
    let quote = &claim.quote;
    let start = claim.at.start;
    if quote.is_empty() {
        return Some(("quote", "the quote is empty".into()));
    }
    if !v1 && claim.at.end != start.saturating_add(quote.len()) {
        let message = format!("the quote is {} bytes, so the span ends at byte {}", quote.len(), start + quote.len());
        return Some(("at.end", message));
    }
    if text.get(claim.range()) == Some(quote.as_str()) {
        if claim.range().end > article.body_end() {
            let (line, _) = article.line_col(start);
            let message = format!("the quote is on line {line}, in the teasers of other articles, not in this article");
            return Some(("quote", message));
        }
        return None;
    }
    let (offset_field, found_field) = if v1 { ("offset", "offset") } else { ("start", "at.start") };
    let mut message = if start >= text.len() {
        format!("{offset_field} {start} is past the end of the article ({} bytes)", text.len())
    } else {
        format!("the quote is not the article's text at byte {start}")
    };
    if !search {
        return Some(("quote", message));
    }
    let exact: Vec<usize> = text.match_indices(quote.as_str()).map(|(i, _)| i).collect();
    if let Some(&found) = exact.iter().min_by_key(|&&i| i.abs_diff(start)) {
        let (line, col) = article.line_col(found);
        let set = if v1 {
            format!("\"offset\": {found}")
        } else {
            format!("\"start\": {found}, \"end\": {}", found + quote.len())
        };
        message += &format!("; the quote is at byte {found} (line {line}, column {col}), so set {set}");
        return Some((found_field, message));
    } else if let Some(near) = nearest(text, quote) {
        let (line, col) = article.line_col(near.start);
        let excerpt: String = text[near.start..].chars().take(quote.chars().count().min(80)).collect();
        message += &format!(
            "; nearest match at byte {} (line {line}, column {col}) reads «{excerpt}»; they differ at character {}: article has {}, quote has {}",
            near.start,
            near.differ_at + 1,
            describe(text[near.start..].chars().nth(near.differ_at)),
            describe(quote.chars().nth(near.differ_at)),
        );
    } else {
        message += "; nothing like it is in the article";
    }
    Some(("quote", message))
}

fn describe(c: Option<char>) -> String {
    match c {
        Some(c) => format!("«{c}» (U+{:04X})", c as u32),
        None => "nothing (it ends)".into(),
    }
}

struct Near {
    start: usize,
    differ_at: usize,
}

/// Characters compared at each article position when ranking candidates: enough to tell
/// passages apart, and it keeps a long quote against a repetitive article from going quadratic.
const COMPARE: usize = 64;

/// The article position that agrees with the quote longest, from its start or from its end.
fn nearest(text: &str, quote: &str) -> Option<Near> {
    let q: Vec<char> = quote.chars().collect();
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut best: Option<(usize, usize)> = None;
    for k in 0..starts.len() {
        let (same, tail) = agreement(text, &starts, &q, k, COMPARE);
        let score = same.max(tail);
        if score > best.map_or(0, |b| b.0) {
            best = Some((score, k));
        }
    }
    let (_, k) = best.filter(|(score, _)| *score >= 8.min(q.len()))?;
    let (same, tail) = agreement(text, &starts, &q, k, usize::MAX);
    let differ_at = if same >= tail { same } else { q.len() - tail - 1 };
    Some(Near { start: starts[k], differ_at })
}

/// How many characters (at most `cap`) the text at char `k` shares with the quote from its
/// start, and from its end (the quote's end aligned with the text's).
fn agreement(text: &str, starts: &[usize], q: &[char], k: usize, cap: usize) -> (usize, usize) {
    let start = starts[k];
    let same = text[start..].chars().zip(q).take(cap).take_while(|(a, b)| a == *b).count();
    // Align the quote's end too, so a wrong first word still finds the passage.
    let end_k = k + q.len();
    let tail = if end_k <= starts.len() {
        let window = &text[start..starts.get(end_k).copied().unwrap_or(text.len())];
        window.chars().rev().zip(q.iter().rev()).take(cap).take_while(|(a, b)| a == *b).count()
    } else {
        0
    };
    (same, tail)
}
