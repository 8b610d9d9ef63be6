//! GeoJSON export (RFC 7946): places, regions and range rings as features, the article, the
//! sources with their grades, the claims with theirs, and the relations between claims
//! alongside.

use geo::orient::{Direction, Orient};
use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue};
use serde_json::json;

use crate::briefing::{Briefing, Claim, Provenance, Source};
use crate::spatial::ring_geojson::{RingFeatureInfo, ring_feature};

/// The briefing as a GeoJSON FeatureCollection with `article` and `claims` as foreign members.
pub fn to_geojson(briefing: &Briefing) -> FeatureCollection {
    let mut features = Vec::new();
    for (i, place) in briefing.places().iter().enumerate() {
        let geometry = Geometry::from(&geo::Geometry::Point(place.point()));
        let mut properties = common(&place.id, &place.name, place.kind.as_str(), &place.actors, &place.provenance);
        properties.insert("claims".into(), claim_ids(briefing, briefing.claims_of_place(i)));
        let sources = briefing.place_sources(i).iter().map(|&s| briefing.sources()[s as usize].id.as_str());
        properties.insert("sources".into(), json!(sources.collect::<Vec<_>>()));
        if !place.local_names.is_empty() {
            properties.insert("local_names".into(), json!(place.local_names));
        }
        features.push(feature(&place.id, geometry, properties));
    }
    for (i, region) in briefing.regions().iter().enumerate() {
        // RFC 7946 §3.1.6: exteriors counter-clockwise, holes clockwise.
        let shape = briefing.shape(i).orient(Direction::Default);
        let geometry = match shape.0.as_slice() {
            [single] => Geometry::from(&geo::Geometry::Polygon(single.clone())),
            _ => Geometry::from(&geo::Geometry::MultiPolygon(shape)),
        };
        let mut properties = common(&region.id, &region.name, region.kind.as_str(), &region.actors, &region.provenance);
        properties.insert("claims".into(), claim_ids(briefing, briefing.claims_of_region(i)));
        properties.insert("boundaries".into(), json!(region.geometry));
        if let Some(status) = &region.status {
            properties.insert("status".into(), json!(status));
        }
        features.push(feature(&region.id, geometry, properties));
    }
    features.extend((0..briefing.rings().len()).filter_map(|i| ring(briefing, i)));
    let source_json = |s: &Source| {
        json!({
            "id": s.id,
            "title": s.title,
            "author": s.author,
            "publisher": s.publisher,
            "url": s.url,
            "published": s.published.as_ref().and_then(|p| p.from).map(|d| d.to_string()),
            "file": s.file,
            "reliability": s.reliability.map(|r| r.letter()),
            "reliability_label": s.reliability_label(),
            "note": s.note,
        })
    };
    let mut members = JsonObject::new();
    // `article` is the lead source, as format 1 files had it; `sources` lists them all.
    members.insert("article".into(), source_json(briefing.article()));
    members.insert("sources".into(), briefing.sources().iter().map(source_json).collect());
    let claims = briefing.claims().iter().enumerate().map(|(i, c)| claim_json(briefing, i, c)).collect();
    members.insert("claims".into(), JsonValue::Array(claims));
    let relations = briefing.relations().iter().filter(|r| r.is_confirmed());
    let relations = relations.map(|r| json!({ "kind": r.kind.as_str(), "a": r.a, "b": r.b, "note": r.note }));
    members.insert("relations".into(), relations.collect());
    FeatureCollection { bbox: None, features, foreign_members: Some(members) }
}

/// The collection as pretty-printed text.
pub fn to_geojson_string(briefing: &Briefing) -> String {
    let mut text = serde_json::to_string_pretty(&to_geojson(briefing)).unwrap_or_default();
    text.push('\n');
    text
}

/// Ring `i` as a Polygon (MultiPolygon if cut at the antimeridian) with `ring_feature`'s
/// properties (`kind` = "range_ring", `label`, `radius_km`, `centre`, `system`, `encloses_pole`)
/// plus `id` and `place` (the centre's id), like places and regions.
fn ring(briefing: &Briefing, i: usize) -> Option<Feature> {
    let r = briefing.ring(i)?;
    let info = RingFeatureInfo { id: &r.id, label: &r.label, system: r.system.map(|s| s.id) };
    let mut feature = ring_feature(&r.ring, &info);
    if let Some(properties) = feature.properties.as_mut() {
        properties.insert("id".into(), json!(r.id));
        properties.insert("place".into(), json!(briefing.places()[r.place].id));
    }
    Some(feature)
}

fn feature(id: &str, geometry: Geometry, properties: JsonObject) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(geometry),
        id: Some(geojson::feature::Id::String(id.to_owned())),
        properties: Some(properties),
        foreign_members: None,
    }
}

fn common(id: &str, name: &str, kind: &str, actors: &[String], provenance: &Provenance) -> JsonObject {
    let mut p = JsonObject::new();
    p.insert("id".into(), json!(id));
    p.insert("name".into(), json!(name));
    p.insert("kind".into(), json!(kind));
    p.insert("actors".into(), json!(actors));
    p.insert("provenance".into(), json!(provenance.origin.as_str()));
    if let Some(why) = &provenance.why {
        p.insert("why".into(), json!(why));
    }
    p.insert("location_source".into(), json!(provenance.source));
    p
}

fn claim_ids(briefing: &Briefing, claims: &[u32]) -> JsonValue {
    claims.iter().map(|&c| json!(briefing.claims()[c as usize].id)).collect()
}

fn claim_json(briefing: &Briefing, i: usize, c: &Claim) -> JsonValue {
    let when = c.when.as_ref().zip(briefing.span(i)).map(|(w, span)| {
        json!({
            "start": span.start.map(|d| d.to_string()),
            "end": span.end.map(|d| d.to_string()),
            "precision": w.precision.as_str(),
            "inferred": w.is_inferred(),
            "inferred_because": w.inferred,
            "text": w.text,
        })
    });
    json!({
        "id": c.id,
        "quote": c.quote,
        "source": c.at.source,
        "offset": c.at.start,
        "summary": c.summary,
        "kind": c.kind.as_str(),
        "speaker": briefing.speaker(&c.speaker).map(|s| s.label()),
        "actors": c.actors,
        "places": c.places,
        "regions": c.regions,
        "when": when,
        "credibility": c.credibility.map(|g| g.number()),
        "credibility_label": c.credibility_label(),
        "credibility_note": c.credibility_note,
        "rating": c.rating(briefing.source_of(c)),
        "relations": briefing.relations_of_claim(i).iter().filter_map(|&r| {
            let relation = &briefing.relations()[r as usize];
            let other = briefing.related_claim(r as usize, i)?;
            Some(json!({ "kind": relation.kind.as_str(), "claim": briefing.claims()[other].id }))
        }).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use geo::{Contains, Point};

    use super::*;
    use crate::test_fixture;

    fn ring_features(collection: &FeatureCollection) -> Vec<&Feature> {
        collection.features.iter().filter(|f| f.property("kind") == Some(&json!("range_ring"))).collect()
    }

    #[test]
    fn rings_are_features_with_id_label_system_radius_and_place() {
        let collection = to_geojson(&test_fixture::briefing());
        let rings = ring_features(&collection);
        assert_eq!(rings.len(), 3);
        let p = |f: &Feature, key: &str| f.property(key).cloned().unwrap_or(JsonValue::Null);
        let iskander = rings[0];
        assert_eq!(iskander.id, Some(geojson::feature::Id::String("iskander-baranovichi".into())));
        assert_eq!(p(iskander, "id"), json!("iskander-baranovichi"));
        assert_eq!(p(iskander, "label"), json!("Iskander-M (~500 km) from Baranovichi"));
        assert_eq!(p(iskander, "system"), json!("iskander-m"));
        assert_eq!(p(iskander, "radius_km"), json!(500.0));
        assert_eq!(p(iskander, "place"), json!("baranovichi"));
        assert_eq!(p(rings[1], "radius_km"), json!(300.0), "km overrides the preset");
        assert_eq!(p(rings[2], "system"), JsonValue::Null, "a custom ring names no system");
    }

    #[test]
    fn sources_grades_and_relations_are_exported() {
        let (mut first, mut wire) = (String::new(), 0);
        let b = crate::test_fixture::four_sources_edited(|doc| {
            doc.claims[0].credibility = Some(crate::briefing::Credibility::Two);
            first = doc.claims[0].id.clone();
            wire = doc.claims.iter().position(|c| c.id == "wire-talks-in-minsk").unwrap();
            doc.relations.push(crate::briefing::Relation::new(
                crate::briefing::RelationKind::Corroborates,
                first.clone(),
                doc.claims[wire].id.clone(),
            ));
        });
        let out: JsonValue = serde_json::from_str(&to_geojson_string(&b)).unwrap();
        let sources = out["sources"].as_array().unwrap();
        assert_eq!(sources.len(), 4);
        assert_eq!(sources[0]["reliability"], "B");
        assert_eq!(sources[0]["reliability_label"], "B — Usually reliable");
        assert_eq!(sources[2]["reliability"], JsonValue::Null);
        assert_eq!(sources[2]["reliability_label"], "F — Reliability cannot be judged (not graded)");
        let claims = out["claims"].as_array().unwrap();
        assert_eq!(claims[0]["credibility"], 2);
        assert_eq!(claims[0]["rating"], "B2");
        assert_eq!(claims[1]["credibility_label"], "6 — Truth cannot be judged (not graded)");
        assert_eq!(claims[0]["relations"], json!([{ "kind": "corroborates", "claim": "wire-talks-in-minsk" }]));
        assert_eq!(claims[wire]["relations"][0]["claim"], first);
        assert_eq!(
            out["relations"],
            json!([{ "kind": "corroborates", "a": first, "b": "wire-talks-in-minsk", "note": null }])
        );
        let minsk = out["features"].as_array().unwrap().iter().find(|f| f["id"] == "minsk").unwrap();
        assert_eq!(minsk["properties"]["sources"], json!(["bohdan-2016", "wire", "regional", "statement"]));
    }

    #[test]
    fn ring_polygon_covers_what_the_ring_reaches() {
        let collection = to_geojson(&test_fixture::briefing());
        let geometry = ring_features(&collection)[0].geometry.clone().unwrap();
        let area: geo::Polygon<f64> = geometry.try_into().unwrap();
        assert!(area.contains(&Point::new(21.0122, 52.2297)), "Warsaw, 354 km");
        assert!(area.contains(&Point::new(20.5110, 54.7064)), "Kaliningrad, 405 km");
        assert!(!area.contains(&Point::new(17.1075, 54.4789)), "Redzikowo, 608 km");
        // And the whole collection is valid GeoJSON text.
        assert!(to_geojson_string(&test_fixture::briefing()).parse::<geojson::GeoJson>().is_ok());
    }
}
