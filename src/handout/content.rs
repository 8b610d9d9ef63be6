//! What the handout says, read from the briefing: its sources, its steps with their claims,
//! every claim in source order and every place, each in the words the pages print.

use jiff::civil::Date;

use crate::briefing::caption::{StepTime, step_claims};
use crate::briefing::{ArticleText, Briefing, Claim, Origin, Place, Provenance, Region, Source};

/// The handout's text, before layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    /// The briefing's title.
    pub title: String,
    /// The authors of its sources, each once.
    pub authors: Vec<String>,
    /// Its sources.
    pub sources: Vec<SourceEntry>,
    /// "Handout made 3 December 2026".
    pub made: String,
    /// A line of counts: steps, claims, places.
    pub counts: String,
    /// The steps in the handout, in story order.
    pub steps: Vec<StepEntry>,
    /// Every claim, in source order (sources in the briefing's order, then by position).
    pub claims: Vec<ClaimEntry>,
    /// Every place, in the briefing's order.
    pub places: Vec<PlaceEntry>,
    /// Every region, in the briefing's order.
    pub regions: Vec<PlaceEntry>,
}

/// A source on the cover.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceEntry {
    /// Its title.
    pub title: String,
    /// Author, publisher and date.
    pub byline: String,
    /// "Reliability: B — Usually reliable (Admiralty scale)", or "not graded".
    pub grade: String,
    /// Where the date comes from when it is inferred, the address, the analyst's note.
    pub notes: Vec<String>,
}

/// A story step.
#[derive(Clone, Debug, PartialEq)]
pub struct StepEntry {
    /// Its index in the story (0-based).
    pub index: usize,
    /// "Step 3 of 12 · As of 16 May 2016".
    pub heading: String,
    /// Its title.
    pub title: String,
    /// Its caption.
    pub caption: String,
    /// Its claims (indices into [`Content::claims`]), in the step's order.
    pub claims: Vec<usize>,
}

/// A claim, as the pages print it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimEntry {
    /// Its index in the briefing's claims.
    pub claim: usize,
    /// Its number in the handout (source order, from 1).
    pub number: usize,
    /// The quote in quotation marks, exactly the source's words inside them.
    pub quote: String,
    /// "— Sergei Lavrov, Russian Foreign Minister".
    pub speaker: String,
    /// The kind of claim: "Official statement".
    pub kind_label: String,
    /// Its date: "16 May 2016", "undated".
    pub date: String,
    /// Why its date is inferred, when it is.
    pub inferred: Option<String>,
    /// Where it stands: "NATO missile defence…, paragraph 5, line 6".
    pub location: String,
    /// Its kind (for its colour).
    pub kind: crate::briefing::ClaimKind,
    /// With several sources: its source and Admiralty rating ("Minsk wire C2").
    pub rating: Option<String>,
    /// What other sources say of it ("Contradicted by … (F6, claim 50)").
    pub relations: Vec<String>,
}

/// A place or region in the appendix.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceEntry {
    /// "Minsk (Мінск, Минск)".
    pub name: String,
    /// "Capital · 53.9000° N, 27.5667° E", or the region's kind and boundaries.
    pub facts: String,
    /// "Named in the article · coordinates: GeoNames 625144 · good".
    pub provenance: String,
}

impl Content {
    /// The handout of `steps` (0-based indices into the story) of `b`, made on `made`.
    pub fn of(b: &Briefing, steps: &[usize], made: Date) -> Self {
        let claims = claims_in_source_order(b);
        let entry_of = |claim: usize| claims.iter().position(|e| e.claim == claim);
        let total = b.story().len();
        let steps = steps
            .iter()
            .filter_map(|&i| {
                let step = b.story().get(i)?;
                Some(StepEntry {
                    index: i,
                    heading: format!("Step {} of {total} · {}", i + 1, StepTime::of(step.time).label()),
                    title: step.title.clone(),
                    caption: step.caption.clone(),
                    claims: step_claims(b, step).into_iter().filter_map(entry_of).collect(),
                })
            })
            .collect();
        let mut authors: Vec<String> = Vec::new();
        for s in b.sources() {
            if !s.author.trim().is_empty() && !authors.contains(&s.author) {
                authors.push(s.author.clone());
            }
        }
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        Self {
            title: b.title().to_owned(),
            authors,
            sources: b.sources().iter().map(source_entry).collect(),
            made: format!("Handout made {} with briefmap", made.strftime("%-d %B %Y")),
            counts: [
                plural(total, "story step"),
                plural(b.claims().len(), "claim"),
                plural(b.places().len(), "place"),
                plural(b.regions().len(), "region"),
            ]
            .join(" · "),
            steps,
            claims,
            // Rejected suggestions are not drawn and not exported; nor are they handed out.
            places: b.places().iter().filter(|p| !rejected(&p.suggestion)).map(place_entry).collect(),
            regions: b.regions().iter().filter(|r| !rejected(&r.suggestion)).map(region_entry).collect(),
        }
    }
}

fn source_entry(s: &Source) -> SourceEntry {
    let mut byline: Vec<String> = Vec::new();
    if !s.author.trim().is_empty() {
        byline.push(s.author.clone());
    }
    byline.extend(s.publisher.clone());
    let inferred = s.published.as_ref().and_then(|w| w.inferred.clone());
    byline.push(match &inferred {
        Some(_) => format!("published {} (inferred)", s.date_label()),
        None => format!("published {}", s.date_label()),
    });
    let grade = match s.reliability {
        Some(r) => format!("Reliability: {} — {} (Admiralty scale)", r.letter(), r.words()),
        None => "Reliability: not graded".to_owned(),
    };
    let mut notes = Vec::new();
    notes.extend(s.title_note.as_ref().map(|n| format!("Title: {n}")));
    notes.extend(inferred.map(|why| format!("Date inferred: {why}")));
    notes.extend(s.url.clone());
    notes.extend(s.note.clone());
    SourceEntry { title: s.title.clone(), byline: byline.join(" · "), grade, notes }
}

/// Every claim, in source order, numbered from 1.
fn claims_in_source_order(b: &Briefing) -> Vec<ClaimEntry> {
    let mut order: Vec<usize> = (0..b.claims().len()).collect();
    order.sort_by_key(|&c| {
        let at = &b.claims()[c].at;
        (b.source_index(&at.source).unwrap_or(usize::MAX), at.start, at.end)
    });
    // Each claim's number in the handout, so that a relation can say "claim 12".
    let mut number = vec![0; b.claims().len()];
    for (n, &c) in order.iter().enumerate() {
        number[c] = n + 1;
    }
    order.iter().map(|&c| claim_entry(b, c, &number)).collect()
}

/// "Also reported by Minsk wire (claim 45)", "Contradicted by …": what other sources say of
/// claim `c`, one line a relation, the contradictions first.
fn relation_lines(b: &Briefing, c: usize, number: &[usize]) -> Vec<String> {
    let mut related: Vec<_> = b.related_claims(c).collect();
    related.sort_by_key(|&(kind, _)| kind != crate::briefing::RelationKind::Contradicts);
    related
        .into_iter()
        .map(|(kind, o)| {
            let other = &b.claims()[o];
            let source = b.source_of(other);
            format!("{} {} ({}, claim {})", kind.heading(), source.short_name(), other.rating(source), number[o])
        })
        .collect()
}

fn claim_entry(b: &Briefing, c: usize, numbers: &[usize]) -> ClaimEntry {
    let number = numbers[c];
    let claim: &Claim = &b.claims()[c];
    let speaker = b.speaker(&claim.speaker).map_or_else(|| claim.speaker.clone(), |s| s.label());
    let source = b.source_of(claim);
    let location = match b.text_of(&claim.at.source) {
        Some(text) => {
            let (line, _) = text.line_col(claim.at.start);
            match paragraph(text, claim.at.start) {
                // A text scraped a paragraph a line: the two numbers are one.
                p if p == line => format!("{}, paragraph {p}", source.title),
                p => format!("{}, paragraph {p}, line {line}", source.title),
            }
        }
        None => source.title.clone(),
    };
    ClaimEntry {
        claim: c,
        number,
        quote: claim.quoted(),
        speaker: format!("— {speaker}"),
        kind_label: claim.kind.label().to_owned(),
        date: claim.when.as_ref().map_or_else(|| "undated".to_owned(), |w| w.label()),
        inferred: claim.when.as_ref().and_then(|w| w.inferred.clone()),
        location,
        kind: claim.kind,
        rating: (b.sources().len() > 1).then(|| format!("{} {}", source.short_name(), claim.rating(source))),
        relations: relation_lines(b, c, numbers),
    }
}

/// The paragraph (from 1) byte `offset` of a source stands in: blocks between blank lines when
/// the text has blank lines, else its lines (texts scraped one paragraph per line).
pub fn paragraph(text: &ArticleText, offset: usize) -> usize {
    let full = text.full();
    let mut offset = offset.min(full.len());
    while !full.is_char_boundary(offset) {
        offset -= 1;
    }
    // Up to the end of the offset's line, so that the line it is on counts.
    let end = full[offset..].find('\n').map_or(full.len(), |i| offset + i);
    let before = &full[..end];
    let blank_lines = full.lines().any(|l| l.trim().is_empty());
    let mut count = 0;
    let mut in_paragraph = false;
    for line in before.split('\n') {
        let blank = line.trim().is_empty();
        if !blank && (!in_paragraph || !blank_lines) {
            count += 1;
        }
        in_paragraph = !blank;
    }
    count.max(1)
}

fn rejected(s: &Option<crate::briefing::Suggestion>) -> bool {
    s.as_ref().is_some_and(|s| s.status == crate::briefing::Review::Rejected)
}

fn place_entry(p: &Place) -> PlaceEntry {
    let mut facts = vec![p.kind.label().to_owned(), coordinates(p.lat, p.lon)];
    if crate::briefing::suggestion::is_undecided(&p.suggestion) {
        facts.push("suggested by the extractor, not yet reviewed".to_owned());
    }
    PlaceEntry {
        name: with_local_names(&p.name, &p.local_names),
        facts: facts.join(" · "),
        provenance: provenance(&p.provenance, "coordinates"),
    }
}

fn region_entry(r: &Region) -> PlaceEntry {
    let mut facts = vec![r.kind.label().to_owned(), format!("boundaries {}", r.geometry.join(" + "))];
    facts.extend(r.status.clone());
    if crate::briefing::suggestion::is_undecided(&r.suggestion) {
        facts.push("suggested by the extractor, not yet reviewed".to_owned());
    }
    PlaceEntry {
        name: with_local_names(&r.name, &r.local_names),
        facts: facts.join(" · "),
        provenance: provenance(&r.provenance, "boundaries"),
    }
}

fn with_local_names(name: &str, local: &[String]) -> String {
    if local.is_empty() { name.to_owned() } else { format!("{name} ({})", local.join(", ")) }
}

/// "53.9000° N, 27.5667° E".
pub fn coordinates(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    format!("{:.4}° {ns}, {:.4}° {ew}", lat.abs(), lon.abs())
}

fn provenance(p: &Provenance, what: &str) -> String {
    let origin = match p.origin {
        Origin::Article => "Named in the source".to_owned(),
        Origin::Context => match &p.why {
            Some(why) => format!("Context (not in the source): {why}"),
            None => "Context (not in the source)".to_owned(),
        },
    };
    let confidence = match (p.confidence, p.uncertainty_km) {
        (crate::briefing::Confidence::Good, _) => "good".to_owned(),
        (crate::briefing::Confidence::Approximate, Some(km)) => format!("approximate, ±{km} km"),
        (crate::briefing::Confidence::Approximate, None) => "approximate".to_owned(),
    };
    format!("{origin} · {what}: {} · {confidence}", p.source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;

    fn bohdan() -> Briefing {
        Briefing::embedded(&Atlas::bundled().unwrap()).unwrap()
    }

    #[test]
    fn claims_come_in_source_order_with_their_words() {
        let b = bohdan();
        let c = Content::of(&b, &[0, 2], jiff::civil::date(2026, 12, 3));
        assert_eq!(c.claims.len(), b.claims().len());
        let starts: Vec<usize> = c.claims.iter().map(|e| b.claims()[e.claim].at.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        for e in &c.claims {
            assert!(e.quote.contains(&b.claims()[e.claim].quote), "the quote is the source's words");
        }
        assert_eq!(c.steps.len(), 2);
        assert_eq!(c.steps[1].heading, "Step 3 of 12 · As of 16 May 2016");
        let lavrov = c.claims.iter().find(|e| b.claims()[e.claim].id == "lavrov-identical-approach").unwrap();
        assert_eq!(lavrov.speaker, "— Sergei Lavrov, Russian Foreign Minister");
        assert_eq!((lavrov.kind_label.as_str(), lavrov.date.as_str()), ("Official statement", "16 May 2016"));
        assert!(lavrov.inferred.as_deref().is_some_and(|why| why.contains("publication date")));
        assert!(lavrov.location.contains(", paragraph "), "{}", lavrov.location);
        assert_eq!(c.made, "Handout made 3 December 2026 with briefmap");
        assert!(c.sources[0].grade.contains("not graded"));
    }

    #[test]
    fn paragraphs_are_blocks_or_lines() {
        let lines = ArticleText::new("one\ntwo\nthree".into(), None).unwrap();
        assert_eq!(paragraph(&lines, 0), 1);
        assert_eq!(paragraph(&lines, 9), 3);
        let blocks = ArticleText::new("one\nstill one\n\ntwo\n\n\nthree".into(), None).unwrap();
        assert_eq!(paragraph(&blocks, 5), 1);
        assert_eq!(paragraph(&blocks, 15), 2);
        assert_eq!(paragraph(&blocks, 21), 3);
    }

    #[test]
    fn coordinates_name_their_hemispheres() {
        assert_eq!(coordinates(53.9, 27.5667), "53.9000° N, 27.5667° E");
        assert_eq!(coordinates(-33.8688, -70.5), "33.8688° S, 70.5000° W");
    }

    #[test]
    fn a_claim_of_several_sources_prints_its_rating_and_who_else_reports_it() {
        use crate::briefing::{Relation, RelationKind};
        let b = crate::test_fixture::four_sources_edited(|doc| {
            doc.relations = vec![
                Relation::new(RelationKind::Corroborates, "lavrov-arrives-minsk", "wire-talks-in-minsk"),
                Relation::new(RelationKind::Contradicts, "regional-lavrov-17-may", "lavrov-arrives-minsk"),
            ];
        });
        let c = Content::of(&b, &[], jiff::civil::date(2026, 12, 4));
        let entry = |id: &str| c.claims.iter().find(|e| b.claims()[e.claim].id == id).unwrap();
        let (lavrov, wire, regional) =
            (entry("lavrov-arrives-minsk"), entry("wire-talks-in-minsk"), entry("regional-lavrov-17-may"));
        let wire_source = &b.sources()[1];
        assert_eq!(lavrov.rating.as_deref(), Some("Siarhei Bohdan B6"));
        let regional_name = b.sources()[2].short_name();
        assert_eq!(
            lavrov.relations,
            [
                format!("Contradicted by {regional_name} (F6, claim {})", regional.number),
                format!("Also reported by {} (C6, claim {})", wire_source.short_name(), wire.number),
            ],
            "the contradiction first, each with the other's rating and number in the handout"
        );
        assert!(bohdan_has_no_ratings(), "one source: nothing to tell apart");
    }

    fn bohdan_has_no_ratings() -> bool {
        let c = Content::of(&bohdan(), &[], jiff::civil::date(2026, 12, 4));
        c.claims.iter().all(|e| e.rating.is_none() && e.relations.is_empty())
    }
}
