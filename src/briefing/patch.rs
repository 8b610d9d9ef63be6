//! One record replaced by another at the same position (a place moved, a suggestion decided, a
//! claim reworded): the lookups are patched and only that record is checked again, instead of
//! checking and indexing the whole document (most of a second at 100k places). A change that
//! reaches other records (a new id, a claim about other places or quoting another source, a
//! wrong quote) is left to [`Briefing::rebuild`].

use std::ops::Range;

use super::suggestion::is_undecided;
use super::{
    Briefing, Claim, DateMention, Place, Problem, Region, place_kinds, shape_key, shape_of, source_ids_of_place,
    validate,
};
use crate::atlas::Atlas;

/// A record of the document replaced by another at the same position: where, and the record
/// that was there before.
#[derive(Clone, Debug, PartialEq)]
pub enum Replaced {
    /// `places[i]` was this place.
    Place(usize, Place),
    /// `regions[i]` was this region.
    Region(usize, Region),
    /// `claims[i]` was this claim.
    Claim(usize, Claim),
    /// `dates[i]` was this date mention.
    Date(usize, DateMention),
}

impl Briefing {
    /// After the record `was` stands for was replaced (the document holds the new one): patches
    /// the lookups and returns `problems` (the whole document's before, in the check's order)
    /// with that record's checked again. `None`, with nothing changed, when the change reaches
    /// other records: then [`Briefing::rebuild`].
    pub(crate) fn patch(&mut self, was: &Replaced, problems: &[Problem], atlas: &Atlas) -> Option<Vec<Problem>> {
        let (list, i, own) = match was {
            Replaced::Place(i, old) => ("places", *i, self.patch_place(*i, old)?),
            Replaced::Region(i, old) => ("regions", *i, self.patch_region(*i, old, atlas)?),
            Replaced::Claim(i, old) => ("claims", *i, self.patch_claim(*i, old)?),
            Replaced::Date(i, old) => ("dates", *i, self.patch_date(*i, old)?),
        };
        Some(splice(problems, list, i..i + 1, own))
    }

    fn patch_place(&mut self, i: usize, old: &Place) -> Option<Vec<Problem>> {
        // Others refer to a place by its id, so with the id kept only the place itself changed.
        let now = self.doc.places.get(i).filter(|p| p.id == old.id)?;
        let undecided = (is_undecided(&old.suggestion), is_undecided(&now.suggestion));
        let kind_changed = now.kind != old.kind;
        let mentions_changed = !now.mentions.iter().map(|m| &m.source).eq(old.mentions.iter().map(|m| &m.source));
        self.count_undecided(undecided);
        if kind_changed {
            self.index.kinds_used.0 = place_kinds(&self.doc.places);
        }
        if mentions_changed {
            let sources = self.place_sources_found(i);
            self.index.place_sources.set(i, &sources);
        }
        Some(validate::place(self, i))
    }

    fn patch_region(&mut self, i: usize, old: &Region, atlas: &Atlas) -> Option<Vec<Problem>> {
        let now = self.doc.regions.get(i).filter(|r| r.id == old.id)?;
        let undecided = (is_undecided(&old.suggestion), is_undecided(&now.suggestion));
        let key = shape_key(now);
        if self.index.shape_keys.get(i) != Some(&key) {
            let shape = shape_of(now, atlas);
            *self.index.shapes.get_mut(i)? = shape;
            *self.index.shape_keys.get_mut(i)? = key;
        }
        self.count_undecided(undecided);
        Some(validate::region(self, i, atlas))
    }

    fn patch_claim(&mut self, i: usize, old: &Claim) -> Option<Vec<Problem>> {
        let now = self.doc.claims.get(i)?;
        // Its places and regions are indexed both ways and its source is in every place's and
        // relation's, so a claim keeping them (and its id) changed only itself.
        let kept = now.id == old.id && now.at.source == old.at.source && now.places == old.places;
        if !kept || now.regions != old.regions {
            return None;
        }
        if validate::quote_is_searched(self, old) || validate::quote_is_searched(self, now) {
            return None;
        }
        let span = now.when.as_ref().and_then(|w| w.span().ok());
        *self.index.spans.get_mut(i)? = span;
        Some(validate::claim(self, i))
    }

    fn patch_date(&mut self, i: usize, old: &DateMention) -> Option<Vec<Problem>> {
        // Nothing refers to a date mention: it is only checked and counted if undecided.
        let now = self.doc.dates.get(i)?;
        self.count_undecided((is_undecided(&old.suggestion), is_undecided(&now.suggestion)));
        Some(validate::date(self, i))
    }

    /// Counts a record's suggestion that `was` and now `is` undecided.
    fn count_undecided(&mut self, (was, is): (bool, bool)) {
        self.index.undecided = (self.index.undecided + usize::from(is)).saturating_sub(usize::from(was));
    }

    /// The sources that speak of place `p`, as the index has them for every place.
    fn place_sources_found(&self, p: usize) -> Vec<u32> {
        let ids = source_ids_of_place(&self.doc, &self.index.place_claims, p);
        let mut sources: Vec<u32> = ids.filter_map(|id| self.index.sources.get(id)).map(|&s| s as u32).collect();
        sources.sort_unstable();
        sources.dedup();
        sources
    }
}

/// The lists the check goes through record by record, in its order: the problems it reports on
/// records come in this order, each list's by position.
const CHECK_ORDER: [&str; 10] =
    ["sources", "actors", "places", "regions", "claims", "links", "rings", "story", "dates", "relations"];

/// Where the check reports `p`: its list's rank in [`CHECK_ORDER`] and its record's position.
/// `None` for the problems that name no record (the format, an id used twice), which all come
/// before the records' own.
fn order_of(p: &Problem) -> Option<(usize, usize)> {
    p.record.as_ref()?;
    let (list, rest) = p.path.split_once('[')?;
    let at = rest.split_once(']')?.0.parse().ok()?;
    Some((CHECK_ORDER.iter().position(|l| *l == list)?, at))
}

/// `problems` (in the check's order) with those of records `at` of `list` replaced by `own`,
/// where the whole check would report them.
pub(crate) fn splice(problems: &[Problem], list: &str, at: Range<usize>, own: Vec<Problem>) -> Vec<Problem> {
    let rank = CHECK_ORDER.iter().position(|l| *l == list).unwrap_or(CHECK_ORDER.len());
    let before = |k: usize| move |p: &Problem| order_of(p).is_none_or(|o| o < (rank, k));
    let start = problems.partition_point(before(at.start));
    let end = problems.partition_point(before(at.end));
    let mut out = Vec::with_capacity(problems.len() - (end - start) + own.len());
    out.extend_from_slice(&problems[..start]);
    out.extend(own);
    out.extend_from_slice(&problems[end..]);
    out
}

#[cfg(test)]
impl Briefing {
    /// The lookups that differ from `other`'s, by name (a patched briefing against the same
    /// document rebuilt).
    pub(crate) fn lookups_differing_from(&self, other: &Briefing) -> Vec<&'static str> {
        let (a, b) = (&self.index, &other.index);
        let fields = [
            ("sources", a.sources == b.sources),
            ("spans", a.spans == b.spans),
            ("shapes", a.shapes == b.shapes),
            ("shape_keys", a.shape_keys == b.shape_keys),
            ("ids", a.ids == b.ids),
            ("place_claims", a.place_claims == b.place_claims),
            ("region_claims", a.region_claims == b.region_claims),
            ("claim_parts", a.claim_parts == b.claim_parts),
            ("kinds_used", a.kinds_used == b.kinds_used),
            ("undecided", a.undecided == b.undecided),
            ("claim_relations", a.claim_relations == b.claim_relations),
            ("place_sources", a.place_sources == b.place_sources),
        ];
        fields.into_iter().filter(|(_, same)| !same).map(|(name, _)| name).collect()
    }
}
