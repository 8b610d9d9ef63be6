//! Writing the laid-out pages as PDF with krilla: text as text in the embedded (subset) fonts,
//! maps as lossless images, links between pages and an outline of the sections.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use krilla::Document;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Size};
use krilla::image::{BitsPerComponent, CustomImage, Image, ImageColorspace};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use tiny_skia::Pixmap;

use super::layout::{ImageSlot, Mark, Rect, Rgb, TextMark};
use super::pages::Layout;
use super::text::Fonts;

/// How much heavier bold text is drawn: the outline's stroke, as a fraction of the font size.
const BOLD_STROKE: f32 = 0.035;

/// A map, compressed (losslessly) and ready to place: make it where it was rendered, so
/// the compression runs on that thread.
#[derive(Clone, Debug)]
pub struct MapImage {
    image: Image,
    size: [u32; 2],
}

/// The pixels of a map as the PDF stores them: RGB, 8 bits, no alpha.
#[derive(Clone)]
struct RgbPixels {
    data: Arc<Vec<u8>>,
    size: (u32, u32),
}

impl Hash for RgbPixels {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.size.hash(state);
        self.data.hash(state);
    }
}

impl CustomImage for RgbPixels {
    fn color_channel(&self) -> &[u8] {
        &self.data
    }

    fn alpha_channel(&self) -> Option<&[u8]> {
        None
    }

    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }

    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }

    fn color_space(&self) -> ImageColorspace {
        ImageColorspace::Rgb
    }
}

impl MapImage {
    /// The image of a rendered map; pixels not fully opaque are laid over `paper`.
    pub fn new(pixmap: &Pixmap, paper: Rgb) -> Result<Self, String> {
        let mut data = Vec::with_capacity(pixmap.pixels().len() * 3);
        for p in pixmap.pixels() {
            // tiny-skia keeps premultiplied colour: over paper, c + paper × (1 − a).
            let rest = 255 - u16::from(p.alpha());
            let over = |c: u8, bg: u8| (u16::from(c) + (u16::from(bg) * rest + 127) / 255).min(255) as u8;
            data.extend([over(p.red(), paper.0[0]), over(p.green(), paper.0[1]), over(p.blue(), paper.0[2])]);
        }
        let size = [pixmap.width(), pixmap.height()];
        let pixels = RgbPixels { data: Arc::new(data), size: (size[0], size[1]) };
        let image = Image::from_custom(pixels, false)?;
        Ok(Self { image, size })
    }

    /// Its size in pixels.
    pub fn size(&self) -> [u32; 2] {
        self.size
    }
}

/// What the document says about itself.
pub struct Meta<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its authors.
    pub authors: &'a [String],
    /// The day it was made.
    pub made: jiff::civil::Date,
}

/// The PDF of `layout`, with `overview` on the cover and `steps` (in handout order) on the
/// step pages.
pub fn write(
    layout: &Layout,
    fonts: &Fonts,
    overview: Option<&MapImage>,
    steps: &[MapImage],
    meta: &Meta,
) -> Result<Vec<u8>, String> {
    let faces: Vec<Font> = fonts
        .faces()
        .iter()
        .map(|f| Font::new(f.data.into(), 0).ok_or_else(|| format!("the PDF writer cannot read font {}", f.name)))
        .collect::<Result<_, _>>()?;
    let mut doc = Document::new();
    let (w, h) = layout.size;
    let settings = PageSettings::from_wh(w, h).ok_or_else(|| format!("bad page size {w} × {h}"))?;
    let mut outline = Outline::new();
    for (n, page) in layout.pages.iter().enumerate() {
        let mut pdf_page = doc.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        let mut links = Vec::new();
        for mark in &page.marks {
            match mark {
                Mark::Background(c) => fill(&mut surface, &Rect::new(0.0, 0.0, w, h), *c),
                Mark::Fill { rect, colour } => fill(&mut surface, rect, *colour),
                Mark::Text(t) => text(&mut surface, &faces, t),
                Mark::Image { slot, rect } => {
                    let image = match slot {
                        ImageSlot::Overview => overview,
                        ImageSlot::Step(i) => steps.get(*i),
                    };
                    let image = image.ok_or_else(|| format!("no map for {slot:?}"))?;
                    let size = Size::from_wh(rect.w, rect.h).ok_or("an empty image box")?;
                    surface.push_transform(&krilla::geom::Transform::from_translate(rect.x, rect.y));
                    surface.draw_image(image.image.clone(), size);
                    surface.pop();
                }
                Mark::Link { rect, page, y } => links.push((*rect, *page, *y)),
            }
        }
        surface.finish();
        for (rect, page, y) in links {
            let Some(area) = krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.w, rect.h) else { continue };
            let target = Target::Destination(XyzDestination::new(page, Point::from_xy(0.0, y - 12.0)).into());
            let alt = format!("Go to page {}", page + 1);
            pdf_page.add_annotation(Annotation::new_link(LinkAnnotation::new(area, target), Some(alt)));
        }
        pdf_page.finish();
        if let Some(title) = &page.bookmark {
            outline.push_child(OutlineNode::new(title.clone(), XyzDestination::new(n, Point::from_xy(0.0, 0.0))));
        }
    }
    doc.set_outline(outline);
    let made =
        DateTime::new(meta.made.year().clamp(0, 9999) as u16).month(meta.made.month() as u8).day(meta.made.day() as u8);
    doc.set_metadata(
        Metadata::new()
            .title(meta.title.to_owned())
            .authors(meta.authors.to_vec())
            .creator("briefmap".to_owned())
            .language("en".to_owned())
            .creation_date(made),
    );
    doc.finish().map_err(|e| format!("the PDF could not be made: {e:?}"))
}

fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0[0], c.0[1], c.0[2])
}

fn fill(surface: &mut Surface, rect: &Rect, c: Rgb) {
    let mut path = PathBuilder::new();
    if let Some(r) = krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.w, rect.h) {
        path.push_rect(r);
    }
    let Some(path) = path.finish() else { return };
    surface.set_stroke(None);
    surface.set_fill(Some(Fill { paint: colour(c).into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }));
    surface.draw_path(&path);
}

fn text(surface: &mut Surface, faces: &[Font], t: &TextMark) {
    let size = t.style.size;
    let paint = colour(t.style.colour);
    surface.set_fill(Some(Fill { paint: paint.into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }));
    surface.set_stroke(t.style.bold.then(|| Stroke {
        paint: paint.into(),
        width: size * BOLD_STROKE,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }));
    for run in &t.line.runs {
        let Some(font) = faces.get(run.face) else { continue };
        let glyphs: Vec<KrillaGlyph> = run
            .glyphs
            .iter()
            .map(|g| KrillaGlyph::new(GlyphId::new(g.id), g.advance, g.dx, g.dy, 0.0, g.text.clone(), None))
            .collect();
        let start = Point::from_xy(t.x + run.x * size, t.baseline);
        surface.draw_glyphs(start, &glyphs, font.clone(), &run.text, size, false);
    }
    surface.set_stroke(None);
}
