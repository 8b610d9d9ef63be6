//! What every import fuzz target checks of what a file imports: places on the globe, regions'
//! rings closed, valid unique ids, context provenance naming the file — and that the records
//! merge into a briefing through the session without a single new problem.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use briefmap::atlas::Atlas;
use briefmap::briefing::validate::is_valid_id;
use briefmap::briefing::{Briefing, Origin};
use briefmap::import::{self, Format, Imported};
use briefmap::session::Session;
use briefmap::session::edit::Edit;

/// One session on the embedded briefing for the whole run: each input's import is applied and
/// undone, so the session is as it started before the next.
static SESSION: LazyLock<Mutex<Session>> = LazyLock::new(|| {
    let atlas = Atlas::bundled().expect("bundled boundaries");
    let briefing = Briefing::embedded(&atlas).expect("the embedded briefing");
    Mutex::new(Session::checked(briefing, Some(atlas)))
});

/// Imports `bytes` as `format` (never panicking); checks what comes out.
pub fn run(file: &str, bytes: &[u8], format: Format) {
    let Ok(imported) = import::read_bytes(file, bytes, Some(format)) else { return };
    check(&imported);
}

fn check(imported: &Imported) {
    assert!(!imported.places.is_empty() || !imported.regions.is_empty(), "an Ok import brings something");
    let mut ids = HashSet::new();
    for p in &imported.places {
        assert!(p.lat.is_finite() && (-90.0..=90.0).contains(&p.lat), "{p:?}");
        assert!(p.lon.is_finite() && (-180.0..=180.0).contains(&p.lon), "{p:?}");
        assert!(is_valid_id(&p.id) && ids.insert(p.id.clone()), "{p:?}");
        assert!(!p.name.trim().is_empty() && !p.name.chars().any(char::is_control), "{p:?}");
        assert_eq!(p.provenance.origin, Origin::Context);
        assert!(p.provenance.why.as_deref().is_some_and(|w| w.starts_with("imported from ")));
        assert!(p.provenance.source.starts_with("fuzz."));
    }
    for r in &imported.regions {
        assert!(is_valid_id(&r.id) && ids.insert(r.id.clone()), "{r:?}");
        assert!(!r.area.is_empty() && r.geometry.is_empty());
        for ring in r.area.iter().flatten() {
            assert!(ring.len() >= 4 && ring.first() == ring.last(), "{ring:?}");
            for &[lon, lat] in ring {
                assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
            }
        }
    }
    // Big imports are checked above; merging one costs a rebuild of the whole briefing.
    if imported.places.len() + imported.regions.len() > 1_000 {
        return;
    }
    let mut session = SESSION.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let edits = import::into_edits(imported.clone(), session.briefing());
    session.apply(Edit::Batch(edits)).expect("imported records add no problem to a briefing");
    assert!(session.undo());
}
