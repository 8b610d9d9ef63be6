//! A draft briefing (format 2, `docs/format.md`) from an extraction: one source (the kept
//! article text, saved beside the file), its places and regions and its dates, each marked as
//! an undecided suggestion with the gazetteer entry it came from and the readings that lost.
//! No claims, links or story yet: those are the analyst's.

use std::collections::HashSet;
use std::path::Path;

use jiff::civil::Date;

use super::gazetteer::Gazetteer;
use super::input::SourceText;
use super::{Extraction, FoundPlace, PlaceKindX};
use crate::atlas::Atlas;
use crate::briefing::doc::FORMAT;
use crate::briefing::ids;
use crate::briefing::{
    BriefingDoc, Candidate, Confidence, DateMention, Origin, PartialDate, Place, PlaceKind, Provenance, Region,
    RegionKind, Review, Source, Suggestion, TextRef, When,
};

/// Confidence given to a date suggestion the text states, and to one partly inferred.
const DATE_STATED: f64 = 0.95;
const DATE_INFERRED: f64 = 0.8;
/// How far off a curated estimate ("briefmap estimate", "approximate") may be, km.
const ESTIMATE_KM: f64 = 25.0;
/// Longest title taken from a text's first line.
const TITLE_CHARS: usize = 120;

/// What the draft is made from.
pub struct DraftInput<'a> {
    /// The article as read.
    pub src: &'a SourceText,
    /// The publication date used.
    pub published: Option<Date>,
    /// First teaser line (1-based), when the text ends with other articles' teasers.
    pub teasers_from_line: Option<usize>,
    /// The text file's name, relative to the briefing file.
    pub text_file: &'a str,
    /// What the extractor found.
    pub found: &'a Extraction,
}

/// An id from a name (`rostov-on-don`); see [`crate::briefing::ids::slug`].
fn slug(name: &str) -> String {
    ids::slug(name, "place")
}

/// `base`, or `base-2`..., whichever is not `taken` yet; it is taken then.
fn unique(base: String, taken: &mut HashSet<String>) -> String {
    let id = ids::unique(&base, |id| taken.contains(id));
    taken.insert(id.clone());
    id
}

/// The source record: title from the file (else its first line), byline, date.
fn source(input: &DraftInput, id: &str) -> Source {
    let src = input.src;
    let first_line = src.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let (title, title_note) = match &src.title {
        Some(t) => (t.clone(), None),
        None => (
            first_line.chars().take(TITLE_CHARS).collect(),
            Some("the file has no headline; briefmap took its first line".to_owned()),
        ),
    };
    Source {
        id: id.to_owned(),
        title,
        title_note,
        author: src.author.clone().unwrap_or_default(),
        publisher: src.publisher.clone(),
        url: src.url.clone(),
        published: input.published.map(|d| When::on(PartialDate::day(d.year(), d.month(), d.day()))),
        file: input.text_file.to_owned(),
        teasers_from_line: input.teasers_from_line,
        reliability: None,
        note: Some("Draft made by `briefmap extract`: places, regions and dates are suggestions to review.".into()),
    }
}

fn suggestion(p: &FoundPlace) -> Suggestion {
    Suggestion {
        status: Review::Undecided,
        confidence: f64::from(p.confidence),
        gazetteer: Some(p.source.clone()),
        alternatives: p
            .alternatives
            .iter()
            .map(|a| Candidate {
                name: a.name.clone(),
                lat: a.lat,
                lon: a.lon,
                kind: a.kind.as_str().to_owned(),
                country: (!a.country.is_empty()).then(|| a.country.clone()),
                source: a.source.clone(),
                why: a.why.clone(),
                geometry: Vec::new(),
            })
            .collect(),
    }
}

/// Where a place's coordinates come from, and how sure they are.
fn provenance(p: &FoundPlace, g: &Gazetteer) -> Provenance {
    let curated = p.source.strip_prefix("curated:").and_then(|id| g.curated().rows.iter().find(|r| r.id == id));
    let (source, estimate) = match (curated, p.source.strip_prefix("geonames:")) {
        (Some(row), _) => {
            let estimate = row.source.contains("estimate") || row.source.contains("approximate");
            (row.source.clone(), estimate)
        }
        (None, Some(id)) => (format!("GeoNames {id} (CC BY 4.0)"), false),
        (None, None) => (p.source.clone(), false),
    };
    Provenance {
        origin: Origin::Article,
        why: None,
        source,
        confidence: if estimate { Confidence::Approximate } else { Confidence::Good },
        uncertainty_km: estimate.then_some(ESTIMATE_KM),
    }
}

fn place_kind(p: &FoundPlace) -> PlaceKind {
    match (p.kind, p.site.as_deref()) {
        (PlaceKindX::City, _) if p.capital => PlaceKind::Capital,
        (PlaceKindX::City, _) => PlaceKind::City,
        (PlaceKindX::Town, _) => PlaceKind::Town,
        (PlaceKindX::Site, Some("air_base")) => PlaceKind::AirBase,
        (PlaceKindX::Site, Some("naval_base")) => PlaceKind::NavalBase,
        (PlaceKindX::Site, Some("missile_defence_site")) => PlaceKind::MissileDefenceSite,
        (PlaceKindX::Site, _) => PlaceKind::MilitarySite,
        (PlaceKindX::Sea, _) => PlaceKind::Sea,
        (PlaceKindX::Country | PlaceKindX::Region | PlaceKindX::Province, _) => PlaceKind::Area,
    }
}

fn region_kind(p: &FoundPlace) -> RegionKind {
    match p.kind {
        PlaceKindX::Country => RegionKind::Country,
        PlaceKindX::Province => RegionKind::Province,
        _ if p.geometry.iter().filter(|c| c.len() == 2).count() >= 2 => RegionKind::Group,
        _ => RegionKind::Territory,
    }
}

/// The draft document.
pub fn draft(input: &DraftInput, g: &Gazetteer, atlas: &Atlas) -> BriefingDoc {
    let stem = std::path::Path::new(&input.src.file).file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    let source_id = slug(stem);
    let mut taken: HashSet<String> = HashSet::new();
    let (mut places, mut regions) = (Vec::new(), Vec::new());
    for p in &input.found.places {
        let id = unique(slug(&p.name), &mut taken);
        let mentions = p.mentions.iter().map(|m| TextRef::new(source_id.clone(), m.start, m.end)).collect();
        let drawable = !p.geometry.is_empty() && p.geometry.iter().all(|c| atlas.get(c).is_some());
        if drawable {
            regions.push(Region {
                id,
                name: p.name.clone(),
                local_names: Vec::new(),
                kind: region_kind(p),
                actors: Vec::new(),
                geometry: p.geometry.clone(),
                area: Vec::new(),
                status: p.note.clone(),
                provenance: provenance(p, g),
                mentions,
                suggestion: Some(suggestion(p)),
            });
        } else {
            places.push(Place {
                id,
                name: p.name.clone(),
                local_names: Vec::new(),
                aliases: Vec::new(),
                lat: p.lat,
                lon: p.lon,
                kind: place_kind(p),
                actors: Vec::new(),
                provenance: provenance(p, g),
                mentions,
                suggestion: Some(suggestion(p)),
            });
        }
    }
    let dates = input
        .found
        .dates
        .iter()
        .filter(|d| !d.unresolved)
        .map(|d| DateMention {
            at: TextRef::new(source_id.clone(), d.start, d.end),
            when: d.when.clone(),
            suggestion: Some(Suggestion {
                status: Review::Undecided,
                confidence: if d.inferred { DATE_INFERRED } else { DATE_STATED },
                gazetteer: None,
                alternatives: Vec::new(),
            }),
        })
        .collect();
    BriefingDoc {
        format: FORMAT,
        title: None,
        sources: vec![source(input, &source_id)],
        actors: Vec::new(),
        speakers: Vec::new(),
        places,
        regions,
        claims: Vec::new(),
        links: Vec::new(),
        rings: Vec::new(),
        story: Vec::new(),
        dates,
        relations: Vec::new(),
    }
}

/// The text file's name for a draft at `path`: `NAME.txt` beside it, or `NAME.text.txt` when
/// that is the article file itself (which may differ from the kept text: a BOM, HTML).
pub fn text_file_for(path: &Path, article: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("draft");
    let dir = path.parent().unwrap_or(Path::new(""));
    let same = |a: &Path, b: &Path| a.canonicalize().ok().is_some_and(|a| b.canonicalize().is_ok_and(|b| a == b));
    let plain = format!("{stem}.txt");
    if same(&dir.join(&plain), article) { format!("{stem}.text.txt") } else { plain }
}

/// Writes the draft to `path` and the kept text beside it (both atomically, the text first),
/// after checking that the draft loads as a briefing. Returns what was written, in a line.
pub fn write(path: &Path, input: &DraftInput, g: &Gazetteer, atlas: &Atlas) -> Result<String, String> {
    if path.extension().is_none_or(|e| e != "json") {
        return Err(format!("{}: a draft briefing is a .json file", path.display()));
    }
    let doc = draft(input, g, atlas);
    let json = crate::briefing::to_json(&doc);
    let file = path.display().to_string();
    let (places, regions, dates) = (doc.places.len(), doc.regions.len(), doc.dates.len());
    crate::briefing::Briefing::new(&file, &json, doc, vec![input.src.text.clone()], atlas)
        .map_err(|p| format!("the draft does not load (a briefmap bug, please report it):\n{p}"))?;
    let text_path = path.parent().unwrap_or(Path::new("")).join(input.text_file);
    crate::atomic::write_atomic(&text_path, input.src.text.as_bytes())
        .map_err(|e| format!("{}: cannot write: {e}", text_path.display()))?;
    crate::atomic::write_atomic(path, json.as_bytes()).map_err(|e| format!("{file}: cannot write: {e}"))?;
    let unresolved = input.found.dates.iter().filter(|d| d.unresolved).count();
    let left_out = if unresolved > 0 {
        format!("; {unresolved} relative dates left out (no publication date: give --published)")
    } else {
        String::new()
    };
    Ok(format!(
        "wrote {file} ({places} places, {regions} regions, {dates} dates, all suggestions to review) and {}{left_out}\n\
         open it with: briefmap {file}",
        text_path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Briefing;
    use crate::extract::input::{Format, from_bytes};

    #[test]
    fn the_seed_makes_a_draft_that_checks() {
        let g = Gazetteer::bundled().unwrap();
        let atlas = Atlas::bundled().unwrap();
        let bytes = include_bytes!("../../seeds/000_d3f6851c5c464e3d.txt");
        let src = from_bytes("seed article.txt", bytes, Format::Text).unwrap();
        let published = Some(jiff::civil::date(2016, 5, 18));
        let body = super::super::body_before_line(&src.text, Some(29));
        let found = super::super::extract_body(&src.text, body, published, &g);
        let input =
            DraftInput { src: &src, published, teasers_from_line: Some(29), text_file: "draft.txt", found: &found };
        let doc = draft(&input, &g, &atlas);
        assert_eq!(doc.sources[0].id, "seed-article");
        assert!(doc.regions.iter().any(|r| r.id == "crimea" && r.geometry == ["UA-43", "UA-40"]));
        assert!(doc.regions.iter().any(|r| r.id == "the-baltic-states" && r.kind == RegionKind::Group));
        assert!(doc.places.iter().any(|p| p.id == "minsk" && p.kind == PlaceKind::Capital));
        assert!(doc.places.iter().any(|p| p.id == "china" && p.kind == PlaceKind::Area), "no boundary for China");
        let json = crate::briefing::to_json(&doc);
        let b = Briefing::new("draft.json", &json, doc, vec![src.text.clone()], &atlas).unwrap();
        assert_eq!(b.undecided_suggestions(), b.places().len() + b.regions().len() + b.doc().dates.len());
        assert!(b.doc().dates.len() >= 10);
        // The first view frames Europe, not China's label point as well.
        let framed: Vec<&str> = b
            .overview_places()
            .into_iter()
            .filter_map(|item| match item {
                crate::briefing::Item::Place(i) => Some(b.places()[i].id.as_str()),
                _ => None,
            })
            .collect();
        assert!(framed.contains(&"minsk") && !framed.contains(&"china"), "{framed:?}");
    }

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Rostov-on-Don"), "rostov-on-don");
        assert_eq!(slug("Mińsk Mazowiecki"), "minsk-mazowiecki");
        assert_eq!(slug("the Baltic States"), "the-baltic-states");
        assert_eq!(slug("Бобруйск"), "bobruisk");
        assert_eq!(slug("—"), "place");
    }
}
