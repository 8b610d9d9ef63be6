//! The handout's maps, rendered as presenting shows them (several at once, one renderer per
//! thread), and the PDF made from them with the core's [`crate::handout`].

use jiff::civil::Date;

use super::{RenderOptions, Shot, parallel};
use crate::briefing::{Briefing, ClaimKind};
use crate::handout::layout::Rgb;
use crate::handout::{self, Handout, Look, MapImage, Paper};
use crate::ui::state::{AppState, Theme};
use crate::ui::theme::{Palette, claim_kind_strong};

/// What to hand out.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutOptions {
    /// The paper.
    pub paper: Paper,
    /// The theme of the maps and the pages.
    pub theme: Theme,
    /// The story steps to include (0-based), in order.
    pub steps: Vec<usize>,
    /// The day it is made.
    pub made: Date,
}

/// How the maps are rendered: the presentation layout at the handout's map size.
pub fn map_options(theme: Theme) -> RenderOptions {
    RenderOptions { size: handout::map_px(), scale: handout::MAP_SCALE, theme }
}

/// How many renders run at once: one per core (a renderer's tiles have their own workers, but
/// rasterising the frame is the bulk of the work and runs on the renderer's thread).
pub fn render_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The handout of `b`: renders the cover map and each step's map in parallel, then lays out
/// and writes the PDF. `progress(done, total)` is told as each map is finished and at the end.
pub fn make(
    b: &Briefing,
    options: &HandoutOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Handout, String> {
    let look = look(options.theme);
    let paper = look.page.unwrap_or(Rgb([255, 255, 255]));
    let shots: Vec<Shot> =
        std::iter::once(Shot::Overview).chain(options.steps.iter().map(|&i| Shot::Step(i))).collect();
    // The PDF itself counts as one more piece of work.
    let total = shots.len() + 1;
    let state = AppState::default();
    let images = parallel(
        b,
        &state,
        &map_options(options.theme),
        &shots,
        render_threads(),
        // Compressing the image is as slow as rendering it: it happens on the render thread.
        &|_, pixmap| MapImage::new(&pixmap, paper),
        &|done| progress(done, total),
    )?;
    let images: Vec<MapImage> = images.into_iter().collect::<Result<_, _>>()?;
    let (overview, maps) = images.split_first().ok_or("no cover map")?;
    let core = handout::Options { paper: options.paper, look, made: options.made };
    let made = handout::make(b, &options.steps, overview, maps, &core)?;
    progress(total, total);
    Ok(made)
}

/// The pages' colours: the app's palette for `theme`, its claim-kind colours.
pub fn look(theme: Theme) -> Look {
    let rgb = |c: egui::Color32| Rgb([c.r(), c.g(), c.b()]);
    let pal = Palette::of(theme);
    let visuals = if pal.dark { egui::Visuals::dark() } else { egui::Visuals::light() };
    Look {
        page: pal.dark.then(|| rgb(visuals.panel_fill)),
        text: rgb(pal.map_text),
        muted: rgb(pal.muted),
        rule: rgb(visuals.widgets.noninteractive.bg_stroke.color),
        link: rgb(visuals.hyperlink_color),
        kinds: ClaimKind::ALL.map(|k| rgb(claim_kind_strong(k))),
    }
}

/// What a finished handout says on the command line and in the app's notice.
pub fn summary(h: &Handout, steps: usize, bytes: usize) -> String {
    let mut text = format!(
        "{} pages (cover, {steps} step{}, appendix), {:.1} MB",
        h.pages,
        if steps == 1 { "" } else { "s" },
        bytes as f64 / 1e6
    );
    if !h.missing.is_empty() {
        let chars: Vec<String> = h.missing.iter().map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
        text += &format!("; the app's fonts have no glyph for {}: they print as boxes", chars.join(", "));
    }
    text
}
