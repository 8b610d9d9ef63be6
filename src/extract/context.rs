//! Choosing what each found name means: one reading per name in an article, chosen by the
//! countries the article is about, the places near the ones it surely names, population, and
//! (for conditional curated names) the words around it; then names too weakly supported to be
//! places are dropped.

use std::collections::{HashMap, HashSet};

use geo::Point;

use super::gazetteer::{Candidate, Entry, Gazetteer, PlaceRef};
use super::places::Match;
use super::text::Tokens;
use super::words::{self, has};
use super::{Alternative, FoundPlace, Mention, MentionAs, PlaceKindX};

/// Kilometres per degree of latitude (mean Earth radius).
const KM_PER_DEGREE: f64 = 111.195;

/// Distance in km by the equirectangular approximation: context weighs closeness in hundreds
/// of kilometres, where it is within a few per cent of the geodesic and much cheaper, and
/// it is computed for every candidate against every surely named place.
fn distance_km(a: Point<f64>, b: Point<f64>) -> f64 {
    let mean_lat = ((a.y() + b.y()) / 2.0).to_radians();
    let dlon = (a.x() - b.x() + 540.0).rem_euclid(360.0) - 180.0;
    let (dx, dy) = (dlon * mean_lat.cos(), a.y() - b.y());
    (dx * dx + dy * dy).sqrt() * KM_PER_DEGREE
}

/// Score per decade of population (log10), so a city ten times larger gains this much.
const POPULATION_WEIGHT: f64 = 1.0;
/// Curated places (countries, regions, sites) outrank GeoNames places of the same name.
const CURATED_BONUS: f64 = 3.0;
/// Per `when` word of a conditional name found in the article, up to [`WHEN_WORDS_COUNTED`].
const WHEN_BONUS: f64 = 3.0;
const WHEN_WORDS_COUNTED: usize = 2;
/// Times the candidate country's share of the article's country mentions (0..1).
const COUNTRY_SHARE_WEIGHT: f64 = 2.0;
/// For being in any country the article mentions at all.
const COUNTRY_MENTIONED_BONUS: f64 = 1.5;
/// Times closeness (1 at a surely named place, 1/e at [`NEAR_KM`]).
const NEAR_WEIGHT: f64 = 3.0;
const NEAR_KM: f64 = 300.0;
/// National capitals win over namesakes.
const CAPITAL_BONUS: f64 = 1.0;
/// The region briefmap is used for: a small edge for its places.
const FOCUS_BONUS: f64 = 0.5;
const FOCUS: &[&str] = &["BY", "RU", "UA", "PL", "LT", "LV", "EE", "MD", "GE", "AM", "AZ"];
/// The place's own GeoNames name rather than an alternate one: a name that is one place's own
/// name means that place before another's former name ("Kaliningrad" is also Korolyov's).
const PRIMARY_BONUS: f64 = 2.0;

/// Country weight of one mention of a country, of a province or region, of a city or site.
const COUNTRY_MENTION: f64 = 2.0;
const AREA_MENTION: f64 = 1.0;
const POINT_MENTION: f64 = 1.0;
/// A place this close to a surely named one supports it.
const SUPPORT_KM: f64 = 400.0;
/// Towns smaller than this (and ordinary English words) need a surely named place this close:
/// front-line villages come with their neighbours, a stray word does not.
const SMALL_TOWN: u64 = 15_000;
const SMALL_SUPPORT_KM: f64 = 150.0;
/// A city of this size is supported by a place word before it alone ("flights from Tel Aviv").
const CUE_CITY: u64 = 100_000;
/// How far from a province's centre a place "X, Province" may lie.
const CONTAINER_KM: f64 = 700.0;
/// Confidence of a reading fixed by the area named after it.
const CONTAINER_CONFIDENCE: f32 = 0.9;
/// GeoNames places at least this big (or capitals) stand without support from the rest of the
/// article; smaller ones need a country the article mentions or a named place near them.
const STANDALONE_POPULATION: u64 = 1_000_000;
/// A city this many times bigger than every namesake is what its name means, before context.
const DOMINANT_RATIO: u64 = 10;
/// At most this many alternatives are reported per place.
const MAX_ALTERNATIVES: usize = 3;

/// The readings of one name (all its mentions).
struct Group {
    matches: Vec<usize>,
    cands: Vec<Candidate>,
}

/// What the surely named places say about the article.
struct Evidence<'t> {
    country: HashMap<String, f64>,
    total: f64,
    anchors: Vec<(PlaceRef, Point<f64>)>,
    words: HashSet<&'t str>,
}

/// Resolves every match to one place (or drops it) and gathers mentions per place.
pub fn resolve(t: &Tokens, matches: Vec<Match>, g: &Gazetteer) -> Vec<FoundPlace> {
    let groups = group(&matches);
    let evidence = evidence(t, &groups, g);
    let scored: Vec<Vec<(PlaceRef, f64, Parts)>> = groups.iter().map(|grp| score_all(grp, &evidence, g)).collect();
    let mut choice: Vec<Option<(PlaceRef, f32)>> = vec![None; matches.len()];
    for (gi, grp) in groups.iter().enumerate() {
        let Some(&(best, best_score, _)) = scored[gi].first() else { continue };
        if !supported(grp, best, &matches, &evidence, g) {
            continue;
        }
        let margin = scored[gi].get(1).map_or(f64::INFINITY, |s| best_score - s.1);
        let conf = confidence(grp, best, margin, &matches, g);
        grp.matches.iter().for_each(|&mi| choice[mi] = Some((best, conf)));
    }
    for (mi, place) in containers(t, &matches, &groups, &scored, g) {
        choice[mi] = Some((place, CONTAINER_CONFIDENCE));
    }
    let resolved: HashSet<PlaceRef> = choice.iter().flatten().map(|c| c.0).collect();
    let province_words = sentences_with_province_plurals(t);
    for (mi, m) in matches.iter().enumerate() {
        if let Some((p, conf)) = choice[mi]
            && let Some(province) = province_instead(m, p, &resolved, &province_words, g)
        {
            choice[mi] = Some((province, conf));
        }
    }
    // A place named only inside fixed names after it ("the OSCE Minsk Group") is not on the map.
    let named: HashSet<PlaceRef> =
        matches.iter().zip(&choice).filter(|(m, _)| !m.eponym).filter_map(|(_, c)| c.map(|c| c.0)).collect();
    let group_of: HashMap<usize, usize> =
        groups.iter().enumerate().flat_map(|(gi, grp)| grp.matches.iter().map(move |&mi| (mi, gi))).collect();
    let mut places: Vec<FoundPlace> = Vec::new();
    let mut by_place: HashMap<PlaceRef, usize> = HashMap::new();
    for (mi, m) in matches.iter().enumerate() {
        let Some((place, conf)) = choice[mi].filter(|c| named.contains(&c.0)) else { continue };
        let Some(e) = g.entry(place) else { continue };
        let as_ = m.cands.iter().find(|c| c.place == place).map_or(MentionAs::Name, |c| c.as_);
        let mention = Mention { start: m.start, end: m.end, text: t.text[m.start..m.end].to_owned(), r#as: as_ };
        let at = *by_place.entry(place).or_insert_with(|| {
            places.push(found(&e, conf));
            places.len() - 1
        });
        let p = &mut places[at];
        p.mentions.push(mention);
        p.confidence = p.confidence.max(conf);
        let lost = group_of.get(&mi).map(|&gi| explain(&scored[gi], place, g)).unwrap_or_default();
        for a in lost {
            if p.alternatives.len() < MAX_ALTERNATIVES && !p.alternatives.iter().any(|x| x.source == a.source) {
                p.alternatives.push(a);
            }
        }
    }
    places.sort_by_key(|p| p.mentions.first().map_or(0, |m| m.start));
    places
}

/// "Vienna, Virginia", "Rota in Spain", "Fort Stewart, Georgia": a name followed by the area it
/// lies in. Each such pair is read together, as the compatible readings with the best scores,
/// whatever the rest of the article made of either name.
fn containers(
    t: &Tokens,
    matches: &[Match],
    groups: &[Group],
    scored: &[Vec<(PlaceRef, f64, Parts)>],
    g: &Gazetteer,
) -> Vec<(usize, PlaceRef)> {
    let mut group_of = vec![0; matches.len()];
    for (gi, grp) in groups.iter().enumerate() {
        grp.matches.iter().for_each(|&mi| group_of[mi] = gi);
    }
    let mut out = Vec::new();
    for mi in 1..matches.len() {
        let (m, c) = (&matches[mi - 1], &matches[mi]);
        let gap = &t.text[m.end..c.start];
        if !(gap == ", " || gap == " in " || gap == ",\u{a0}") || m.eponym || c.eponym {
            continue;
        }
        // Only areas can hold the first name; most list commas have none after them.
        let areas: Vec<(PlaceRef, f64, Entry)> = scored[group_of[mi]]
            .iter()
            .filter_map(|(p, s, _)| g.entry(*p).map(|e| (*p, *s, e)))
            .filter(|(_, _, e)| matches!(e.kind, PlaceKindX::Country | PlaceKindX::Province | PlaceKindX::Region))
            .collect();
        if areas.is_empty() {
            continue;
        }
        let mut best: Option<(f64, PlaceRef, PlaceRef)> = None;
        for (mp, ms, _) in &scored[group_of[mi - 1]] {
            let Some(me) = g.entry(*mp) else { continue };
            for (cp, cs, ce) in &areas {
                if inside(&me, ce) && best.is_none_or(|b| ms + cs > b.0) {
                    best = Some((ms + cs, *mp, *cp));
                }
            }
        }
        if let Some((_, mp, cp)) = best {
            out.push((mi - 1, mp));
            out.push((mi, cp));
        }
    }
    out
}

/// Whether point-like `inner` can lie in area `outer` (same country; near a province's centre).
fn inside(inner: &Entry, outer: &Entry) -> bool {
    let area = matches!(outer.kind, PlaceKindX::Country | PlaceKindX::Province | PlaceKindX::Region);
    let point = !matches!(inner.kind, PlaceKindX::Country | PlaceKindX::Region | PlaceKindX::Sea);
    if !area || !point || inner.country != outer.country || inner.country.is_empty() {
        return false;
    }
    outer.kind == PlaceKindX::Country || distance_km(inner.point(), outer.point()) <= CONTAINER_KM
}

fn found(e: &Entry, confidence: f32) -> FoundPlace {
    FoundPlace {
        name: e.name.to_owned(),
        lat: e.lat,
        lon: e.lon,
        kind: e.kind,
        country: e.country.to_owned(),
        confidence,
        mentions: Vec::new(),
        alternatives: Vec::new(),
        source: e.source(),
        geometry: e.geometry.to_vec(),
        population: e.population,
        capital: e.capital,
        site: e.site.map(str::to_owned),
        note: e.note.map(str::to_owned),
    }
}

/// Matches grouped by their key (one sense per name per article), candidates deduplicated.
fn group(matches: &[Match]) -> Vec<Group> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        let gi = *at.entry(m.key.as_str()).or_insert_with(|| {
            groups.push(Group { matches: Vec::new(), cands: Vec::new() });
            groups.len() - 1
        });
        let grp = &mut groups[gi];
        grp.matches.push(i);
        for c in &m.cands {
            match grp.cands.iter_mut().find(|x| x.place == c.place) {
                Some(x) => x.primary |= c.primary,
                None => grp.cands.push(*c),
            }
        }
    }
    groups
}

/// Country weights and anchor points from the names with one reading.
fn evidence<'t>(t: &Tokens<'t>, groups: &[Group], g: &Gazetteer) -> Evidence<'t> {
    let mut ev = Evidence { country: HashMap::new(), total: 0.0, anchors: Vec::new(), words: HashSet::new() };
    for (grp, place) in groups.iter().filter_map(|grp| sure(grp, g).map(|p| (grp, p))) {
        let Some(e) = g.entry(place) else { continue };
        let weight = match e.kind {
            PlaceKindX::Country => COUNTRY_MENTION,
            PlaceKindX::Province | PlaceKindX::Region => AREA_MENTION,
            PlaceKindX::Sea => 0.0,
            _ => POINT_MENTION,
        };
        if !e.country.is_empty() && weight > 0.0 {
            let w = weight * grp.matches.len() as f64;
            *ev.country.entry(e.country.to_owned()).or_default() += w;
            ev.total += w;
        }
        if matches!(e.kind, PlaceKindX::City | PlaceKindX::Town | PlaceKindX::Site | PlaceKindX::Province) {
            ev.anchors.push((place, e.point()));
        }
    }
    ev.words = (0..t.list.len()).map(|i| t.word(i, 0)).collect();

    ev
}

/// The place a name surely means before any context: its only reading, the one curated place
/// among GeoNames namesakes, or a city that dwarfs every namesake ("Minsk" over Mińsk
/// Mazowiecki). Ordinary English words are never sure.
fn sure(grp: &Group, g: &Gazetteer) -> Option<PlaceRef> {
    if grp.cands.iter().all(|c| c.ordinary) {
        return None;
    }
    if let [only] = grp.cands.as_slice() {
        return Some(only.place);
    }
    let curated: Vec<&Candidate> = grp.cands.iter().filter(|c| c.curated_name.is_some()).collect();
    if let [one] = curated.as_slice() {
        let conditional = one.curated_name.and_then(|n| g.curated_name(n)).is_some_and(|n| n.conditional);
        return (!conditional).then_some(one.place);
    }
    if !curated.is_empty() {
        return None;
    }
    let mut pops: Vec<(u64, PlaceRef)> =
        grp.cands.iter().filter_map(|c| g.entry(c.place).map(|e| (e.population.unwrap_or(0), c.place))).collect();
    pops.sort_by_key(|p| std::cmp::Reverse(p.0));

    let (top, next) = (pops.first()?, pops.get(1)?);
    (top.0 >= super::gazetteer::CITY_POPULATION && top.0 >= DOMINANT_RATIO * next.0.max(1)).then_some(top.1)
}

/// Each candidate's score, best first, with the parts that made it (for explanations).
fn score_all(grp: &Group, ev: &Evidence, g: &Gazetteer) -> Vec<(PlaceRef, f64, Parts)> {
    let mut scored: Vec<(PlaceRef, f64, Parts)> = grp
        .cands
        .iter()
        .filter_map(|c| {
            let e = g.entry(c.place)?;
            let parts = parts(c, &e, ev, g);
            Some((c.place, parts.total(), parts))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored
}

/// The pieces of a candidate's score.
#[derive(Clone, Copy, Debug, Default)]
struct Parts {
    population: f64,
    curated: f64,
    when: f64,
    country: f64,
    near: f64,
    capital: f64,
    other: f64,
}

impl Parts {
    fn total(&self) -> f64 {
        self.population + self.curated + self.when + self.country + self.near + self.capital + self.other
    }
}

fn parts(c: &Candidate, e: &Entry, ev: &Evidence, g: &Gazetteer) -> Parts {
    let mut p =
        Parts { population: POPULATION_WEIGHT * (e.population.unwrap_or(1).max(1) as f64).log10(), ..Parts::default() };
    if let Some(n) = c.curated_name {
        p.curated = CURATED_BONUS;
        if g.curated_name(n).is_some_and(|name| name.conditional) {
            let hits = g.when_words(n).iter().filter(|w| ev.words.contains(w.as_str())).count();
            p.when = WHEN_BONUS * hits.min(WHEN_WORDS_COUNTED) as f64;
        }
    }
    if let Some(&w) = ev.country.get(e.country) {
        p.country = COUNTRY_MENTIONED_BONUS + COUNTRY_SHARE_WEIGHT * w / ev.total.max(1.0);
    }
    let near = ev
        .anchors
        .iter()
        .filter(|(r, _)| *r != c.place)
        .map(|(_, a)| (-distance_km(*a, e.point()) / NEAR_KM).exp())
        .fold(0.0, f64::max);
    p.near = NEAR_WEIGHT * near;
    p.capital = if e.capital { CAPITAL_BONUS } else { 0.0 };
    p.other = if FOCUS.contains(&e.country) { FOCUS_BONUS } else { 0.0 } + if c.primary { PRIMARY_BONUS } else { 0.0 };
    p
}

/// Whether the chosen reading has enough behind it. Curated places stand alone. GeoNames
/// places need, by how likely a stray word is to be one: ordinary English words and small
/// towns a surely named place near them; others that, or a country the article mentions, or
/// (cities) a word like "in" before them, or (big cities and capitals) nothing.
fn supported(grp: &Group, best: PlaceRef, matches: &[Match], ev: &Evidence, g: &Gazetteer) -> bool {
    let Some(cand) = grp.cands.iter().find(|c| c.place == best) else { return false };
    if cand.curated_name.is_some() {
        return true;
    }
    let Some(e) = g.entry(best) else { return false };
    let nearest = ev
        .anchors
        .iter()
        .filter(|(r, _)| *r != best)
        .map(|(_, a)| distance_km(*a, e.point()))
        .fold(f64::INFINITY, f64::min);
    let ordinary = grp.matches.iter().all(|&mi| matches[mi].cands.iter().any(|c| c.place == best && c.ordinary));
    let population = e.population.unwrap_or(0);
    if ordinary || population < SMALL_TOWN {
        return nearest <= SMALL_SUPPORT_KM;
    }
    let own = if sure(grp, g) == Some(best) { POINT_MENTION * grp.matches.len() as f64 } else { 0.0 };
    let country = ev.country.get(e.country).is_some_and(|&w| w > own);
    let cue = grp.matches.iter().any(|&mi| matches[mi].cue);
    nearest <= SUPPORT_KM
        || country
        || (cue && population >= CUE_CITY)
        || e.capital
        || population >= STANDALONE_POPULATION
}

fn confidence(grp: &Group, best: PlaceRef, margin: f64, matches: &[Match], g: &Gazetteer) -> f32 {
    let curated = grp.cands.iter().any(|c| c.place == best && c.curated_name.is_some());
    let base = if margin.is_infinite() {
        if curated { 0.95 } else { 0.85 }
    } else {
        0.5 + 0.45 * (1.0 - (-margin / 2.0).exp())
    };
    let weak = grp.matches.iter().all(|&mi| matches[mi].sentence_start || matches[mi].headline);
    let small = g.entry(best).is_some_and(|e| e.kind == PlaceKindX::Town);
    let c = base * if weak { 0.9 } else { 1.0 } * if small && !curated { 0.9 } else { 1.0 };
    c.clamp(0.0, 1.0) as f32
}

/// Why each losing candidate lost to the winner, in words.
fn explain(scored: &[(PlaceRef, f64, Parts)], chosen: PlaceRef, g: &Gazetteer) -> Vec<Alternative> {
    let Some((_, _, win)) = scored.iter().find(|s| s.0 == chosen) else { return Vec::new() };
    let winner = g.entry(chosen);
    scored
        .iter()
        .filter(|s| s.0 != chosen)
        .take(MAX_ALTERNATIVES)
        .filter_map(|(p, _, lose)| {
            let e = g.entry(*p)?;
            let w = winner?;
            let diffs = [
                (win.curated - lose.curated, "a curated place of this name is preferred".to_owned()),
                (win.when - lose.when, "the article has none of the words that make this reading likely".to_owned()),
                (win.country - lose.country, format!("{} is not a country the article is about", e.country)),
                (win.near - lose.near, "farther from the places the article surely names".to_owned()),
                (
                    win.population - lose.population,
                    format!(
                        "smaller population ({} vs {})",
                        e.population.unwrap_or(0),
                        w.population.map_or_else(|| "an area".to_owned(), |n| n.to_string())
                    ),
                ),
                (win.capital - lose.capital, format!("{} is a capital", w.name)),
                (win.other - lose.other, "an alternate spelling, or outside the region briefmap covers".to_owned()),
            ];
            let why = diffs
                .into_iter()
                .filter(|(d, _)| *d > 0.0)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map_or_else(|| "scored lower".to_owned(), |(_, s)| s);
            Some(Alternative {
                name: e.name.to_owned(),
                lat: e.lat,
                lon: e.lon,
                kind: e.kind,
                country: e.country.to_owned(),
                source: e.source(),
                why,
            })
        })
        .collect()
}

/// Sentence indices that contain a plural province word ("provinces", "oblasts").
fn sentences_with_province_plurals(t: &Tokens) -> HashSet<usize> {
    let lay = super::places::layout(t);
    (0..t.list.len()).filter(|&i| has(words::PROVINCE_PLURALS, t.key(i))).map(|i| lay.sentence[i]).collect()
}

/// A bare city name in a sentence about provinces means the province of that name, when the
/// article names that province elsewhere ("The last of the three provinces – Smolensk –");
/// "in Smolensk" stays the city.
fn province_instead(
    m: &Match,
    best: PlaceRef,
    resolved: &HashSet<PlaceRef>,
    province_sentences: &HashSet<usize>,
    g: &Gazetteer,
) -> Option<PlaceRef> {
    let e = g.entry(best)?;
    if !matches!(e.kind, PlaceKindX::City | PlaceKindX::Town) || m.tokens.len() != 1 || m.cue {
        return None;
    }
    if !province_sentences.contains(&m.sentence) {
        return None;
    }
    let (cands, _) = g.lookup(&format!("{} province", m.key));
    cands.into_iter().map(|c| c.place).find(|p| resolved.contains(p))
}
