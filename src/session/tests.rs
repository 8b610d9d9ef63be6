use super::*;
use crate::briefing::{Briefing, StoryStep, TextRef, to_json};
use crate::test_fixture;

fn atlas() -> Atlas {
    Atlas::bundled().expect("bundled boundaries")
}

fn embedded() -> Session {
    let atlas = atlas();
    Session::checked(Briefing::embedded(&atlas).expect("embedded briefing"), Some(atlas))
}

fn retitle(s: &Session, i: usize, title: &str) -> Edit {
    Edit::Story(ListEdit::Replace(i, StoryStep { title: title.into(), ..s.briefing().story()[i].clone() }))
}

#[test]
fn an_edit_undoes_and_redoes_and_tracks_what_is_saved() {
    let mut s = embedded();
    let before = s.briefing().to_json();
    assert!(!s.is_dirty());
    s.apply(retitle(&s, 0, "First")).unwrap();
    assert!(s.is_dirty());
    assert_eq!(s.history().undo_label(), Some("change step 1"));
    assert!(s.undo());
    assert_eq!(s.briefing().to_json(), before);
    assert!(!s.is_dirty(), "back where the file is");
    assert!(s.redo());
    assert_eq!(s.briefing().story()[0].title, "First");
    assert!(!s.redo(), "nothing more to redo");
    let g = s.generation();
    assert!(s.undo() && s.generation() > g, "undo moves the generation on");
    // A session that replaces another counts on from it: nothing remembered is taken as current.
    let mut next = Session::checked(s.briefing().clone(), None);
    next.count_on_from(s.generation());
    assert!(next.generation() > s.generation() && !next.is_dirty());
}

#[test]
fn typing_is_one_undo_step() {
    let mut s = embedded();
    let original = s.briefing().story()[2].title.clone();
    for title in ["L", "La", "Lav", "Lavrov"] {
        s.apply_in_gesture(retitle(&s, 2, title), "title 2").unwrap();
    }
    s.end_gesture();
    s.apply_in_gesture(retitle(&s, 2, "Lavrov!"), "title 2").unwrap();
    assert_eq!(s.history().depth(), 2, "a new gesture after the end is a step of its own");
    s.undo();
    assert_eq!(s.briefing().story()[2].title, "Lavrov");
    s.undo();
    assert_eq!(s.briefing().story()[2].title, original, "the whole typing went at once");
}

#[test]
fn an_edit_that_breaks_the_briefing_is_refused_whole() {
    let mut s = embedded();
    let before = s.briefing().to_json();
    let e = s.apply(retitle(&s, 0, "  ")).unwrap_err();
    assert_eq!(e.to_string(), "step 1: the title is empty");
    // A batch whose second edit breaks a reference takes the first back too.
    let mut claim = s.briefing().claims()[0].clone();
    claim.places.push("atlantis".into());
    let batch = Edit::Batch(vec![retitle(&s, 0, "Fine"), Edit::Claims(ListEdit::Replace(0, claim))]);
    let e = s.apply(batch).unwrap_err();
    assert!(e.to_string().contains("no place has id 'atlantis'"), "{e}");
    assert_eq!(s.briefing().to_json(), before);
    assert_eq!(s.history().depth(), 0);
    assert!(!s.is_dirty());
}

#[test]
fn records_edits_rebuild_the_lookups() {
    let mut s = embedded();
    let minsk = s.briefing().place("minsk").unwrap();
    let mut place = s.briefing().places()[minsk].clone();
    place.lat += 1.0;
    place.id = "minsk-moved".into();
    // Renaming a place's id breaks what refers to it: refused.
    assert!(s.apply(Edit::Places(ListEdit::Replace(minsk, place.clone()))).is_err());
    place.id = "minsk".into();
    s.apply(Edit::Places(ListEdit::Replace(minsk, place))).unwrap();
    let world = crate::mercator::to_world(s.briefing().places()[minsk].lon, s.briefing().places()[minsk].lat);
    assert_eq!(s.derived().geometry.places[minsk], <[f64; 2]>::from(world), "the map geometry follows");
    s.undo();
    assert_eq!(s.briefing().places()[minsk].lat, embedded().briefing().places()[minsk].lat);
}

#[test]
fn a_draft_keeps_its_problems_and_edits_do_not_add_any() {
    let mut doc = test_fixture::doc();
    doc.claims[0].places.push("nowhere".into());
    let (b, problems) = Briefing::draft("draft.json", doc, vec![test_fixture::ARTICLE.to_owned()], &atlas());
    assert_eq!(problems.len(), 1, "{problems:?}");
    let mut s = Session::new(b, problems, Some(atlas()));
    // A story edit elsewhere is made; the old problem stays.
    let step = StoryStep { title: "New".into(), ..s.briefing().story()[0].clone() };
    s.apply(Edit::Story(ListEdit::Insert(0, step))).unwrap();
    assert_eq!(s.problems().len(), 1);
    // Fixing the problem clears it.
    let mut claim = s.briefing().claims()[0].clone();
    claim.places.retain(|p| p != "nowhere");
    s.apply(Edit::Claims(ListEdit::Replace(0, claim))).unwrap();
    assert!(s.problems().is_empty());
    // Undoing the fix brings the problem back.
    s.undo();
    assert_eq!(s.problems().len(), 1);
}

/// A random edit of `s` that the checks accept or refuse; both are fine for the property.
fn random_edit(s: &Session, rng: &mut crate::synthetic::Rng) -> Edit {
    let b = s.briefing();
    let steps = b.story().len();
    let pick = |rng: &mut crate::synthetic::Rng, n: usize| rng.below(n.max(1));
    match rng.below(10) {
        0 => Edit::Story(ListEdit::Insert(pick(rng, steps + 1), b.story()[pick(rng, steps)].clone())),
        1 if steps > 1 => Edit::Story(ListEdit::Remove(pick(rng, steps))),
        2 if steps > 1 => Edit::Story(ListEdit::Move { from: pick(rng, steps), to: pick(rng, steps) }),
        3 => {
            let i = pick(rng, b.places().len());
            let mut p = b.places()[i].clone();
            p.lat = (p.lat + rng.range(-1.0, 1.0)).clamp(-89.0, 89.0);
            Edit::Places(ListEdit::Replace(i, p))
        }
        4 => {
            let i = pick(rng, b.claims().len());
            let mut c = b.claims()[i].clone();
            c.summary = format!("Edited summary {}", rng.below(1000));
            Edit::Claims(ListEdit::Replace(i, c))
        }
        5 => Edit::Title(Some(format!("Title {}", rng.below(100)))),
        6 => Edit::Batch(vec![retitle(s, pick(rng, steps), &format!("Step {}", rng.below(100))), Edit::Title(None)]),
        7 => {
            let grade = [None, Some(crate::briefing::Reliability::ALL[rng.below(6)])][rng.below(2)];
            let mut source = b.sources()[0].clone();
            source.reliability = grade;
            Edit::Source(ListEdit::Replace(0, source))
        }
        8 => {
            let i = pick(rng, b.claims().len());
            let mut c = b.claims()[i].clone();
            c.credibility = [None, Some(crate::briefing::Credibility::ALL[rng.below(6)])][rng.below(2)];
            c.credibility_note = Some(format!("Note {}", rng.below(10))).filter(|_| rng.below(2) == 0);
            Edit::Claims(ListEdit::Replace(i, c))
        }
        _ => retitle(s, pick(rng, steps), &format!("T{}", rng.below(100))),
    }
}

#[test]
fn any_edits_undone_give_back_the_document_byte_for_byte() {
    for seed in 1..=12 {
        let mut rng = crate::synthetic::Rng::new(seed);
        let mut s = embedded();
        let original = to_json(s.briefing().doc());
        let mut made = 0;
        for _ in 0..40 {
            let edit = random_edit(&s, &mut rng);
            if s.apply(edit).is_ok() {
                made += 1;
            }
        }
        assert!(made > 20, "seed {seed}: only {made} edits were accepted");
        let edited = to_json(s.briefing().doc());
        for _ in 0..made {
            assert!(s.undo(), "seed {seed}");
        }
        assert!(!s.undo());
        assert_eq!(to_json(s.briefing().doc()), original, "seed {seed}: undo all");
        assert!(!s.is_dirty());
        for _ in 0..made {
            assert!(s.redo(), "seed {seed}");
        }
        assert_eq!(to_json(s.briefing().doc()), edited, "seed {seed}: redo all");
    }
}

#[test]
fn a_version_1_file_opens_saves_as_version_2_and_reopens_the_same() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), test_fixture::ARTICLE).unwrap();
    let mut v1: serde_json::Value = serde_json::from_str(test_fixture::JSON).unwrap();
    v1["article"]["file"] = "article.txt".into();
    assert_eq!(v1["format"], 1, "the fixture is a format 1 file");
    let path = dir.path().join("old.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v1).unwrap()).unwrap();

    let mut s = Session::open(&path, atlas()).unwrap();
    assert!(s.problems().is_empty());
    let migration = s.briefing().migration().expect("migrated from format 1");
    assert_eq!(migration.from, 1);
    assert!(!s.is_dirty(), "opening changes nothing on disk");
    let doc = s.briefing().doc().clone();
    s.save().unwrap();
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["format"], 2);
    assert_eq!(saved["sources"][0]["id"], "article");
    assert!(saved.get("article").is_none());
    let again = Session::open(&path, atlas()).unwrap();
    assert!(again.briefing().migration().is_none());
    assert_eq!(again.briefing().doc(), &doc, "the same content");
    assert_eq!(again.briefing().text(), s.briefing().text());
}

/// The fixture as a format 2 file with a second source whose claims quote it.
fn two_sources(dir: &Path) -> (PathBuf, String) {
    let second = "A second report. Minsk confirmed the talks on Monday.\n";
    std::fs::write(dir.join("one.txt"), test_fixture::ARTICLE).unwrap();
    std::fs::write(dir.join("two.txt"), second).unwrap();
    let mut doc = test_fixture::doc();
    doc.sources[0].file = "one.txt".into();
    let mut source = doc.sources[0].clone();
    source.id = "second".into();
    source.file = "two.txt".into();
    source.title = "A second report".into();
    doc.sources.push(source);
    let quote = "Minsk confirmed the talks on Monday.";
    let start = second.find(quote).unwrap();
    let mut claim = doc.claims[0].clone();
    claim.id = "confirmed".into();
    claim.quote = quote.into();
    claim.at = TextRef::new("second", start, start + quote.len());
    doc.claims.push(claim);
    let json = to_json(&doc);
    let path = dir.join("two-sources.json");
    std::fs::write(&path, &json).unwrap();
    (path, json)
}

#[test]
fn two_sources_check_and_bad_references_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let (path, json) = two_sources(dir.path());
    let b = crate::briefing::load::load_file(&path, &atlas()).expect("a two-source briefing checks");
    assert_eq!(b.sources().len(), 2);
    let confirmed = b.claims().iter().find(|c| c.id == "confirmed").unwrap();
    assert_eq!(b.quote_at(&confirmed.at), Some(confirmed.quote.as_str()));

    // A claim citing a source that does not exist, and one past its text's end.
    let broken = json.replacen("\"source\": \"second\"", "\"source\": \"third\"", 1).replacen(
        &format!("\"start\": {}", b.claims()[0].at.start),
        "\"start\": 900000",
        1,
    );
    std::fs::write(&path, &broken).unwrap();
    let problems = crate::briefing::load::load_file(&path, &atlas()).unwrap_err();
    let text = problems.to_string();
    assert!(text.contains("at.source (\"confirmed\"): no source has id 'third'"), "{text}");
    assert!(text.contains("so the span ends at byte") || text.contains("past the end"), "{text}");
    assert!(problems.list.iter().all(|p| p.at.is_some()), "every problem has a line:col: {text}");
}

#[test]
fn saving_as_copies_every_source_text() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = two_sources(dir.path());
    let mut s = Session::open(&path, atlas()).unwrap();
    let out = dir.path().join("out");
    let saved = s.save_as(&out).unwrap();
    assert_eq!(saved, out.join("two-sources.json"));
    let names: Vec<String> = s.briefing().sources().iter().map(|x| x.file.clone()).collect();
    assert_eq!(names, ["one.txt", "two.txt"]);
    let again = Session::open(&saved, atlas()).unwrap();
    assert!(again.problems().is_empty(), "{:?}", again.problems());
    assert_eq!(again.briefing().source_text(1).unwrap().full(), std::fs::read_to_string(out.join("two.txt")).unwrap());
}

#[test]
fn problems_are_new_only_when_they_were_not_there() {
    let p = |path: &str, m: &str| Problem::new(path, m);
    let before = [p("story[3].title", "the title is empty")];
    // The same problem, moved by an insertion, is not new; a second of the kind is.
    assert!(new_problems(&before, &[p("story[4].title", "the title is empty")]).is_empty());
    let after = [p("story[4].title", "the title is empty"), p("story[0].title", "the title is empty")];
    assert_eq!(new_problems(&before, &after).len(), 1);
}

#[test]
fn shapes_and_meshes_kept_across_edits_are_the_ones_a_fresh_build_makes() {
    let mut s = embedded();
    let fresh = |s: &Session| Derived::new(s.briefing()).geometry.regions;
    // A place moved: every region keeps its mesh.
    let mut place = s.briefing().places()[0].clone();
    place.lat += 0.5;
    s.apply(Edit::Places(ListEdit::Replace(0, place))).unwrap();
    assert_eq!(s.derived().geometry.regions, fresh(&s));
    // A region made of other boundaries: its shape and mesh are made again.
    let i = s.briefing().regions().iter().position(|r| r.geometry.len() == 1).expect("a one-country region");
    let before = s.briefing().shape_key(i);
    let mut region = s.briefing().regions()[i].clone();
    region.geometry = vec!["PL".into()];
    s.apply(Edit::Regions(ListEdit::Replace(i, region))).unwrap();
    assert_ne!(s.briefing().shape_key(i), before);
    assert_eq!(s.derived().geometry.regions, fresh(&s));
    let atlas = atlas();
    assert_eq!(s.briefing().shape(i), &atlas.union_of(&["PL".to_owned()]));
    assert!(s.undo());
    assert_eq!(s.derived().geometry.regions, fresh(&s));
}
