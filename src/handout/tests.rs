//! The handout's layout, checked box by box: nothing outside its frame, frames inside the
//! page's body (or footer), no two lines on top of each other, the maps at print resolution.

use super::content::{ClaimEntry, Content, PlaceEntry, SourceEntry, StepEntry};
use super::layout::{Mark, Rgb};
use super::*;
use crate::atlas::Atlas;
use crate::briefing::ClaimKind;

fn look() -> Look {
    let grey = Rgb([120, 120, 120]);
    Look { page: None, text: Rgb([20, 20, 20]), muted: grey, rule: grey, link: Rgb([0, 0, 200]), kinds: [grey; 5] }
}

fn bohdan() -> Briefing {
    Briefing::embedded(&Atlas::bundled().unwrap()).unwrap()
}

fn texts(page: &layout::Page) -> Vec<&str> {
    page.marks.iter().filter_map(|m| if let Mark::Text(t) = m { Some(t.line.text.as_str()) } else { None }).collect()
}

/// Every mark where it belongs: text inside its frame, frames and images inside the body or
/// the footer, no line over another, links on text and pointing at a page.
fn assert_fits(layout: &Layout, fonts: &Fonts) {
    let (w, h) = layout.size;
    for (n, page) in layout.pages.iter().enumerate() {
        let mut lines = Vec::new();
        for mark in &page.marks {
            match mark {
                Mark::Text(t) => {
                    let bounds = t.bounds(fonts);
                    assert!(
                        t.frame.contains(&bounds),
                        "page {}: {:?} overflows its box ({bounds:?} in {:?})",
                        n + 1,
                        t.line.text,
                        t.frame
                    );
                    assert!(
                        layout.body.contains(&t.frame) || layout.footer.contains(&t.frame),
                        "page {}: {:?} is outside the body and the footer ({:?})",
                        n + 1,
                        t.line.text,
                        t.frame
                    );
                    lines.push((bounds, t.line.text.as_str()));
                }
                Mark::Image { rect, .. } => {
                    assert!(layout.body.contains(rect), "page {}: a map outside the body", n + 1)
                }
                Mark::Fill { rect, .. } => {
                    assert!(layout.body.contains(rect) || layout.footer.contains(rect), "page {}: {rect:?}", n + 1)
                }
                Mark::Link { page: to, .. } => assert!(*to < layout.pages.len(), "page {}: a link to page {to}", n + 1),
                Mark::Background(_) => {}
            }
        }
        for (i, (a, ta)) in lines.iter().enumerate() {
            for (b, tb) in &lines[i + 1..] {
                assert!(!a.overlaps(b), "page {}: {ta:?} and {tb:?} overlap", n + 1);
            }
        }
    }
    assert!(layout.body.right() <= w && layout.footer.bottom() <= h);
}

fn handout_of(b: &Briefing, paper: Paper) -> (Content, Layout, Fonts) {
    let fonts = Fonts::app().unwrap();
    let steps: Vec<usize> = (0..b.story().len()).collect();
    let content = Content::of(b, &steps, jiff::civil::date(2026, 12, 3));
    let layout = lay_out(&content, &fonts, paper, &look(), map_px());
    (content, layout, fonts)
}

#[test]
fn the_bohdan_handout_has_a_cover_a_page_per_step_and_an_appendix() {
    let b = bohdan();
    let (content, layout, fonts) = handout_of(&b, Paper::A4);
    assert_fits(&layout, &fonts);
    assert_eq!(layout.step_pages, (1..=12).collect::<Vec<_>>(), "every step's claims fit on its page");
    assert_eq!(layout.appendix_page, 13);
    assert!(layout.pages.len() > 13);
    for (i, &p) in layout.step_pages.iter().enumerate() {
        let t = texts(&layout.pages[p]);
        assert!(t[0].starts_with(&format!("Step {} of 12 · ", i + 1)), "{t:?}");
        assert!(!t.iter().any(|l| l.contains("(continued)")), "step {}: {t:?}", i + 1);
    }
    let last = texts(layout.pages.last().unwrap());
    assert!(last.iter().any(|l| *l == format!("Page {n} of {n}", n = layout.pages.len())), "{last:?}");
    assert!(last.iter().any(|l| *l == content.title), "the footer has the title");
    // Ubuntu Light has Latin, Greek and Cyrillic but no Georgian: Georgia's local name
    // (საქართველო) is the one thing in the briefing the app's fonts cannot draw; it is reported.
    let missing = missing_glyphs(&layout, &fonts);
    assert!(missing.iter().all(|c| ('\u{10A0}'..='\u{10FF}').contains(c)), "{missing:?}");
    // Letter is shorter: the layout still fits, continuing a step where it must.
    let (_, letter, fonts) = handout_of(&b, Paper::Letter);
    assert_fits(&letter, &fonts);
}

#[test]
fn maps_print_at_200_dpi_or_more() {
    for paper in [Paper::A4, Paper::Letter] {
        let (_, layout, _) = handout_of(&bohdan(), paper);
        for page in &layout.pages {
            for mark in &page.marks {
                if let Mark::Image { rect, .. } = mark {
                    let dpi = map_px()[0] as f32 / (rect.w / 72.0);
                    assert!(dpi >= 200.0, "{paper:?}: {dpi} dpi");
                    assert!((rect.h / rect.w - 972.0 / 1728.0).abs() < 1e-4, "the map keeps its shape");
                }
            }
        }
    }
}

#[test]
fn appendix_links_lead_to_the_pages_that_print_the_claim() {
    let b = bohdan();
    let (content, layout, _) = handout_of(&b, Paper::A4);
    let mut links = 0;
    for page in &layout.pages[layout.appendix_page..] {
        for mark in &page.marks {
            if let Mark::Link { page: to, y, .. } = mark {
                links += 1;
                assert!(layout.step_pages.contains(to), "links go to step pages");
                let target = &layout.pages[*to];
                // The claim printed at that height is one of that step's claims.
                let near: Vec<&str> = target
                    .marks
                    .iter()
                    .filter_map(|m| match m {
                        Mark::Text(t) if (t.frame.y - y).abs() < 40.0 => Some(t.line.text.as_str()),
                        _ => None,
                    })
                    .collect();
                assert!(!near.is_empty(), "a link to empty space on page {}", to + 1);
            }
        }
    }
    let shown: usize = content.steps.iter().map(|s| s.claims.len()).sum();
    assert_eq!(links, shown, "one link per claim per step that shows it");
}

fn entry(number: usize, quote: &str, speaker: &str) -> ClaimEntry {
    ClaimEntry {
        claim: number - 1,
        number,
        quote: format!("“{quote}”"),
        speaker: format!("— {speaker}"),
        kind_label: ClaimKind::PressReport.label().to_owned(),
        date: "16 May 2016".to_owned(),
        inferred: number.is_multiple_of(2).then(|| "year from the publication date".to_owned()),
        location: format!("Белорусские новости, paragraph {number}, line {number}"),
        kind: ClaimKind::PressReport,
        rating: None,
        relations: Vec::new(),
    }
}

fn synthetic(claims: Vec<ClaimEntry>, steps: Vec<StepEntry>) -> Content {
    Content {
        title: "Искандеры для Беларуси? Минск, Москва и ПРО НАТО — брифинг".to_owned(),
        authors: vec!["Сяргей Богдан".to_owned()],
        sources: vec![SourceEntry {
            title: "Беларусь и ПРО".to_owned(),
            byline: "Сяргей Богдан · Белорусский дайджест · published May 2016".to_owned(),
            grade: "Reliability: B — Usually reliable (Admiralty scale)".to_owned(),
            notes: vec![
                "https://example.org/очень/длинный/адрес/статьи/которая/не/помещается/в/одну/строку/никак".into(),
            ],
        }],
        made: "Handout made 3 December 2026 with briefmap".to_owned(),
        counts: "2 story steps".to_owned(),
        steps,
        claims,
        places: (0..30)
            .map(|i| PlaceEntry {
                name: format!("Барановичи {i} (Баранавічы, Барановичи)"),
                facts: format!("Air base · 53.1{i:02}0° N, 26.0{i:02}0° E"),
                provenance: "Named in the source · coordinates: GeoNames 630429 · good".to_owned(),
            })
            .collect(),
        regions: Vec::new(),
    }
}

#[test]
fn cyrillic_a_forty_claim_step_and_a_step_with_no_claims_stay_in_their_boxes() {
    let fonts = Fonts::app().unwrap();
    let long = "Российские Искандеры в Беларуси означали бы, что Минск утратил бы своё главное \
                преимущество — способность самостоятельно обеспечивать безопасность западных рубежей \
                Союзного государства, за что Москва и платит ему";
    let claims: Vec<ClaimEntry> = (1..=40)
        .map(|n| {
            entry(
                n,
                &long[..long.char_indices().nth(40 + n * 4).map_or(long.len(), |(i, _)| i)],
                "Анонимный источник в Минобороны России",
            )
        })
        .collect();
    let steps = vec![
        StepEntry {
            index: 0,
            heading: "Step 1 of 2 · As of 16 May 2016".into(),
            title: "Сорок утверждений".into(),
            caption: "Шаг с сорока утверждениями: они продолжаются на следующих страницах.".into(),
            claims: (0..40).collect(),
        },
        StepEntry {
            index: 1,
            heading: "Step 2 of 2 · All dates".into(),
            title: "Без утверждений".into(),
            caption: String::new(),
            claims: Vec::new(),
        },
    ];
    let content = synthetic(claims, steps);
    for paper in [Paper::A4, Paper::Letter] {
        let layout = lay_out(&content, &fonts, paper, &look(), map_px());
        assert_fits(&layout, &fonts);
        let [first, second] = layout.step_pages[..] else { panic!("{:?}", layout.step_pages) };
        assert!(second - first >= 3, "{paper:?}: forty claims run on to several pages");
        for p in first + 1..second {
            let t = texts(&layout.pages[p]);
            assert!(t[0].starts_with("Step 1 (continued)"), "{t:?}");
        }
        let printed: usize =
            layout.pages[first..second].iter().flat_map(|p| texts(p)).filter(|t| t.starts_with('“')).count();
        assert_eq!(printed, 40, "every claim printed once on the step's pages");
        assert!(texts(&layout.pages[second]).contains(&"This step cites no claims."));
        assert_eq!(layout.appendix_page, second + 1, "a step with no claims takes one page");
        assert!(missing_glyphs(&layout, &fonts).is_empty());
    }
}

#[test]
fn step_lists_parse_into_story_indices() {
    assert_eq!(parse_steps("1-5", 12), Ok(vec![0, 1, 2, 3, 4]));
    assert_eq!(parse_steps("3", 12), Ok(vec![2]));
    assert_eq!(parse_steps("7-9,1, 8", 12), Ok(vec![0, 6, 7, 8]));
    assert_eq!(parse_steps("13", 12), Err("step 13 does not exist: the story has 12 steps".into()));
    assert!(parse_steps("5-2", 12).unwrap_err().contains("runs backwards"));
    assert!(parse_steps("x", 12).unwrap_err().contains("'x'"));
    assert!(parse_steps("0", 12).is_err());
}

#[test]
fn the_pdf_has_every_page_and_its_fonts() {
    let b = bohdan();
    let paper = Rgb([255, 255, 255]);
    let pixmap = tiny_skia::Pixmap::new(map_px()[0], map_px()[1]).unwrap();
    let map = MapImage::new(&pixmap, paper).unwrap();
    let steps: Vec<usize> = vec![0, 3];
    let options = Options { paper: Paper::A4, look: look(), made: jiff::civil::date(2026, 12, 3) };
    let handout = make(&b, &steps, &map, &[map.clone(), map.clone()], &options).unwrap();
    assert!(handout.pdf.starts_with(b"%PDF-"));
    assert!(handout.pages >= 4, "cover, two steps, appendix");
    let text = String::from_utf8_lossy(&handout.pdf);
    assert!(text.contains("FontFile2"), "the fonts are embedded");
    assert!(make(&b, &steps, &map, std::slice::from_ref(&map), &options).is_err(), "a map per step");
}
