//! Importing places: one good file per format (`tests/fixtures/import/`), read through
//! `import::read` as the app reads them, then added to a briefing through the session, saved
//! and checked. Broken files are in the bad-input corpus (`tests/bad_inputs/import-*`).

use std::path::{Path, PathBuf};

use briefmap::atlas::Atlas;
use briefmap::briefing::{Briefing, Confidence, Origin, Place, PlaceKind, Region, RegionKind, load};
use briefmap::import::{self, Format, Imported};
use briefmap::session::Session;
use briefmap::session::edit::Edit;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

fn read(name: &str) -> Imported {
    let imported = import::read(&fixture(name)).unwrap_or_else(|e| panic!("{e}"));
    assert!(imported.skipped.is_empty(), "{name}: {:?}", imported.skipped);
    imported
}

fn place<'a>(imported: &'a Imported, name: &str) -> &'a Place {
    imported.places.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no place {name}"))
}

/// Asserts the place is where the file puts it, of that kind.
fn assert_at(p: &Place, lat: f64, lon: f64, kind: PlaceKind) {
    assert_eq!((p.lat, p.lon, p.kind), (lat, lon, kind), "{}", p.name);
}

/// Asserts a context record's provenance: the file and record, and why it is on the map.
fn assert_provenance(p: &briefmap::briefing::Provenance, source: &str, why: &str) {
    assert_eq!(p.origin, Origin::Context);
    assert_eq!(p.source, source);
    assert_eq!(p.why.as_deref(), Some(why));
}

#[test]
fn geojson_points_and_a_polygon() {
    let imported = read("baltic-sites.geojson");
    assert_eq!((imported.places.len(), imported.regions.len()), (3, 1));
    let vilnius = place(&imported, "Vilnius");
    assert_at(vilnius, 54.6892, 25.2798, PlaceKind::Capital);
    assert_eq!(vilnius.id, "vilnius");
    assert_provenance(&vilnius.provenance, "baltic-sites.geojson feature 0", "imported from baltic-sites.geojson");
    assert_eq!(vilnius.provenance.confidence, Confidence::Good);
    let lida = place(&imported, "Lida air base");
    assert_at(lida, 53.877, 25.377, PlaceKind::AirBase);
    assert_provenance(
        &lida.provenance,
        "baltic-sites.geojson feature 1",
        "imported from baltic-sites.geojson: Su-30SM and Yak-130 regiment of the Belarusian Air Force",
    );
    let volga = place(&imported, "Volga radar, Hantsavichy");
    assert_at(volga, 52.85, 26.48, PlaceKind::MilitarySite);
    assert_eq!((volga.provenance.confidence, volga.provenance.uncertainty_km), (Confidence::Approximate, Some(1.0)));
    assert_eq!(volga.id, "volga-radar-hantsavichy");

    let gap: &Region = &imported.regions[0];
    assert_eq!((gap.name.as_str(), gap.id.as_str(), gap.kind), ("Suwałki Gap", "suwalki-gap", RegionKind::Territory));
    assert!(gap.geometry.is_empty(), "its own area, no bundled boundary");
    assert_eq!(gap.area.len(), 1);
    assert_eq!(gap.area[0][0].len(), 8);
    assert_eq!(gap.area[0][0][1], [22.9, 54.05]);
    assert_provenance(
        &gap.provenance,
        "baltic-sites.geojson feature 3",
        "imported from baltic-sites.geojson (dated 2016-07-08 to 2016-07-09 there): The land corridor between \
         Belarus and Kaliningrad, a theme of NATO's Warsaw summit.",
    );
}

#[test]
fn kml_placemarks_in_folders() {
    let imported = read("zapad-2017.kml");
    assert_eq!((imported.places.len(), imported.regions.len()), (2, 1));
    let baranovichi = place(&imported, "Baranovichi air base");
    assert_at(baranovichi, 53.0944, 26.0458, PlaceKind::AirBase);
    assert_provenance(
        &baranovichi.provenance,
        "zapad-2017.kml Placemark 1",
        "imported from zapad-2017.kml: 61st Fighter Air Base (UMMA). Sources differ by about 1.5 km.",
    );
    assert_eq!(baranovichi.provenance.confidence, Confidence::Approximate);
    assert_eq!(baranovichi.provenance.uncertainty_km, Some(1.5));
    let babruysk = place(&imported, "Babruysk air base");
    assert_at(babruysk, 53.1047, 29.2047, PlaceKind::AirBase);
    assert_provenance(
        &babruysk.provenance,
        "zapad-2017.kml Placemark 2",
        "imported from zapad-2017.kml (dated 2017-09-14 there)",
    );

    let ground = &imported.regions[0];
    assert_eq!((ground.name.as_str(), ground.kind), ("Barysaw training ground", RegionKind::Territory));
    assert_eq!(ground.area.len(), 1, "one polygon");
    let [outer, hole] = ground.area[0].as_slice() else { panic!("an outer and an inner ring: {:?}", ground.area) };
    assert_eq!(outer, &[[28.25, 54.25], [28.5, 54.25], [28.5, 54.38], [28.25, 54.38], [28.25, 54.25]]);
    assert_eq!(hole[0], [28.35, 54.3]);
    assert_provenance(
        &ground.provenance,
        "zapad-2017.kml Placemark 3",
        "imported from zapad-2017.kml (dated 2017-09-14 to 2017-09-20 there): Main ground of the exercise's \
         Belarusian phase",
    );
}

#[test]
fn csv_rows() {
    let imported = read("baltic-capitals.csv");
    let names: Vec<&str> = imported.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Minsk", "Vilnius", "Riga", "Tallinn", "Kaliningrad"]);
    assert_at(place(&imported, "Riga"), 56.9496, 24.1052, PlaceKind::Capital);
    let kaliningrad = place(&imported, "Kaliningrad");
    assert_at(kaliningrad, 54.7064, 20.511, PlaceKind::City);
    assert_provenance(
        &kaliningrad.provenance,
        "baltic-capitals.csv line 6",
        "imported from baltic-capitals.csv (dated 2016-10-08 there): Iskander-M brought in by sea, October 2016",
    );
    assert!(imported.regions.is_empty());
}

#[test]
fn a_bom_and_crlf_change_nothing() {
    let plain = std::fs::read_to_string(fixture("baltic-capitals.csv")).unwrap();
    let windows = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baltic-capitals.csv");
    std::fs::write(&path, windows).unwrap();
    assert_eq!(import::read(&path).unwrap(), read("baltic-capitals.csv"));
}

#[test]
fn the_format_is_found_from_the_content_when_the_name_does_not_say() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["baltic-sites.geojson", "zapad-2017.kml", "baltic-capitals.csv"] {
        let path = dir.path().join(Path::new(name).with_extension("txt"));
        std::fs::copy(fixture(name), &path).unwrap();
        let imported = import::read(&path).unwrap();
        let expected = read(name);
        assert_eq!(imported.places.len(), expected.places.len(), "{name}");
        assert_eq!(imported.places[0].name, expected.places[0].name);
    }
    assert_eq!(Format::of_path(Path::new("x.KML")), Some(Format::Kml));
}

#[test]
fn a_50_mb_file_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let row = "Minsk,53.9002,27.5665\n";
    let mut text = String::from("name,lat,lon\n");
    text.push_str(&row.repeat((50 << 20) / row.len()));
    std::fs::write(&path, text).unwrap();
    let error = import::read(&path).unwrap_err().to_string();
    let file = path.display().to_string();
    assert_eq!(error, format!("{file}: the file is 52.4 MB; the limit is 16 MB — is this the right file?"));
}

#[test]
fn a_missing_file_or_a_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.kml");
    let error = import::read(&missing).unwrap_err().to_string();
    assert!(error.starts_with(&format!("{}: cannot read it: ", missing.display())), "{error}");
    let error = import::read(dir.path()).unwrap_err().to_string();
    assert!(error.contains("cannot read it"), "{error}");
}

/// The embedded briefing with `imported` added as the app adds it: one batch through the session.
fn imported_into_embedded(imported: Imported) -> (Session, usize, usize) {
    let atlas = Atlas::bundled().unwrap();
    let b = Briefing::embedded(&atlas).unwrap();
    let (places, regions) = (b.places().len(), b.regions().len());
    let edits = import::into_edits(imported, &b);
    let mut session = Session::checked(b, Some(atlas));
    session.apply(Edit::Batch(edits)).unwrap();
    (session, places, regions)
}

#[test]
fn every_fixture_merges_into_a_briefing_that_saves_and_checks() {
    for name in ["baltic-sites.geojson", "zapad-2017.kml", "baltic-capitals.csv"] {
        let imported = read(name);
        let (n_places, n_regions) = (imported.places.len(), imported.regions.len());
        let (mut session, places, regions) = imported_into_embedded(imported);
        let b = session.briefing();
        assert_eq!((b.places().len(), b.regions().len()), (places + n_places, regions + n_regions), "{name}");
        assert!(session.problems().is_empty(), "{name}: {:?}", session.problems());
        // Saved as a normal briefing, it loads back checked, with the imports in it.
        let dir = tempfile::tempdir().unwrap();
        let saved = session.save_as(dir.path()).unwrap();
        let atlas = Atlas::bundled().unwrap();
        let reloaded = load::load_file(&saved, &atlas).unwrap_or_else(|p| panic!("{name}: {p}"));
        assert_eq!(reloaded.places(), session.briefing().places(), "{name}");
        assert_eq!(reloaded.regions(), session.briefing().regions(), "{name}");
    }
}

#[test]
fn names_the_briefing_has_get_new_ids() {
    // The embedded briefing has Minsk and Vilnius already.
    let (session, places, _) = imported_into_embedded(read("baltic-capitals.csv"));
    let ids: Vec<&str> = session.briefing().places()[places..].iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["minsk-2", "vilnius-2", "riga", "tallinn", "kaliningrad-2"]);
}
