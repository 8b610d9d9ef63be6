//! The software renderer against egui-wgpu (via egui_kittest) on the same UI.
//!
//! Needs a wgpu adapter; a CPU one is enough (Mesa's lavapipe: `apt-get install
//! mesa-vulkan-drivers`). Without one the test prints why and passes without comparing.
//! Both renders and a difference image are written to the cargo target's tmp dir for eyeballs.

use std::panic::catch_unwind;
use std::path::PathBuf;

use briefmap::export::png::write_png;
use briefmap::ui::render::headless::HeadlessUi;
use egui::{Color32, ColorImage, Pos2, Shape, Stroke, TextureHandle, TextureOptions, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::wgpu::WgpuTestRenderer;
use tiny_skia::Pixmap;

/// Points; the image is this times pixels_per_point.
const SIZE: Vec2 = vec2(480.0, 320.0);

/// A bit of everything egui paints: panels, text at several sizes, widgets, thin and thick
/// strokes at angles, translucent fills, rounded rects, curves and a magnified image.
fn gallery(ui: &mut egui::Ui, image: &mut Option<TextureHandle>) {
    let image = image.get_or_insert_with(|| {
        let pixels = (0..16 * 16).map(|i| Color32::from_rgb((i % 16 * 16) as u8, (i / 16 * 16) as u8, 160)).collect();
        ui.ctx().load_texture("gradient", ColorImage::new([16, 16], pixels), TextureOptions::LINEAR)
    });
    egui::Panel::top("top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading("NATO missile defence");
            let _ = ui.button("Present");
            ui.label("step 3 / 10");
        });
    });
    egui::Panel::left("side").show(ui, |ui| {
        let mut on = true;
        ui.checkbox(&mut on, "Show claims");
        let mut year = 2015.0;
        ui.add(egui::Slider::new(&mut year, 2013.0..=2016.0).text("year"));
        ui.add(egui::ProgressBar::new(0.4).text("loading tiles"));
        ui.separator();
        ui.small("Source: Bohdan, May 2016");
        ui.hyperlink_to("openstreetmap.org", "https://www.openstreetmap.org/copyright");
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let rect = ui.max_rect();
        let p = ui.painter_at(rect);
        let o = rect.min;
        p.rect_filled(
            egui::Rect::from_min_size(o + vec2(10.0, 10.0), vec2(120.0, 70.0)),
            8.0,
            Color32::from_rgba_unmultiplied(40, 120, 220, 140),
        );
        p.circle(o + vec2(200.0, 60.0), 30.0, Color32::GOLD, Stroke::new(2.0, Color32::BLACK));
        for (i, width) in [0.5_f32, 1.0, 2.5, 6.0].into_iter().enumerate() {
            let y = 110.0 + i as f32 * 18.0;
            p.line_segment([o + vec2(10.0, y), o + vec2(250.0, y + 30.0)], Stroke::new(width, Color32::RED));
        }
        p.add(Shape::CubicBezier(egui::epaint::CubicBezierShape::from_points_stroke(
            [o + vec2(10.0, 260.0), o + vec2(80.0, 180.0), o + vec2(160.0, 300.0), o + vec2(270.0, 200.0)],
            false,
            Color32::TRANSPARENT,
            Stroke::new(1.5, Color32::DARK_GREEN),
        )));
        p.image(
            image.id(),
            egui::Rect::from_min_size(o + vec2(190.0, 100.0), vec2(60.0, 60.0)),
            egui::Rect::from_min_max(Pos2::ZERO, egui::pos2(1.0, 1.0)),
            Color32::WHITE,
        );
        for (i, size) in [9.0_f32, 13.0, 20.0].into_iter().enumerate() {
            p.text(
                o + vec2(140.0, 200.0 + i as f32 * 26.0),
                egui::Align2::LEFT_TOP,
                "Iskander — Kaliningrad",
                egui::FontId::proportional(size),
                Color32::WHITE,
            );
        }
    });
}

fn kittest_like(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Dark);
    ctx.all_styles_mut(|style| {
        style.visuals.text_cursor.blink = false;
        style.scroll_animation = egui::style::ScrollAnimation::none();
        style.animation_time = 0.0;
    });
}

/// Renders the gallery with egui-wgpu, or says why no wgpu adapter could be set up.
fn wgpu_render(ppp: f32) -> Result<Pixmap, String> {
    // Only the adapter setup may fail softly; a panic in the UI itself must fail the test.
    let renderer = catch_unwind(WgpuTestRenderer::new).map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "wgpu setup panicked".into())
    })?;
    let mut image = None;
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(ppp)
        .renderer(renderer)
        .build_ui(move |ui| gallery(ui, &mut image));
    harness.run();
    let rgba = harness.render().expect("wgpu render");
    let size = tiny_skia::IntSize::from_wh(rgba.width(), rgba.height()).expect("non-empty");
    // egui-wgpu's framebuffer is premultiplied, just like a Pixmap.
    Ok(Pixmap::from_vec(rgba.into_raw(), size).expect("RGBA8 buffer"))
}

fn software_render(ppp: f32) -> Pixmap {
    let size_px = [(SIZE.x * ppp).round() as u32, (SIZE.y * ppp).round() as u32];
    let mut headless = HeadlessUi::new(size_px, ppp).unwrap();
    kittest_like(headless.context());
    let mut image = None;
    headless
        .run_and_render(4, |ui| {
            ui.scope_builder(egui::UiBuilder::new(), |ui| {
                // The frame egui_kittest puts around a `build_ui` closure.
                egui::Frame::central_panel(ui.style())
                    .outer_margin(8.0)
                    .inner_margin(0.0)
                    .show(ui, |ui| gallery(ui, &mut image));
            });
        })
        .unwrap()
}

fn out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export_vs_wgpu")
}

#[test]
fn software_render_matches_wgpu() {
    for ppp in [1.0_f32, 1.5, 2.0] {
        let ours = software_render(ppp);
        let theirs = match wgpu_render(ppp) {
            Ok(image) => image,
            Err(reason) => {
                assert!(
                    std::env::var_os("BRIEFMAP_REQUIRE_GPU").is_none(),
                    "no wgpu adapter, and BRIEFMAP_REQUIRE_GPU is set: {reason}"
                );
                eprintln!("SKIPPED comparison with egui-wgpu: no usable adapter ({reason})");
                return;
            }
        };
        assert_eq!([ours.width(), ours.height()], [theirs.width(), theirs.height()]);
        let mut diff = Pixmap::new(ours.width(), ours.height()).unwrap();
        let (mut max, mut over_2, mut over_24) = (0u8, 0usize, 0usize);
        for ((a, b), d) in
            ours.data().chunks_exact(4).zip(theirs.data().chunks_exact(4)).zip(diff.data_mut().chunks_exact_mut(4))
        {
            let m = (0..4).map(|i| a[i].abs_diff(b[i])).max().unwrap_or(0);
            max = max.max(m);
            over_2 += usize::from(m > 2);
            over_24 += usize::from(m > 24);
            let v = m.saturating_mul(8);
            d.copy_from_slice(&[v, v, v, 255]);
        }
        let dir = out_dir();
        std::fs::create_dir_all(&dir).unwrap();
        for (name, image) in [("software", &ours), ("wgpu", &theirs), ("diff_x8", &diff)] {
            write_png(image, &dir.join(format!("{name}_ppp{ppp}.png"))).unwrap();
        }
        let total = (ours.width() * ours.height()) as usize;
        eprintln!(
            "ppp {ppp}: max channel diff {max}, {over_2} px > 2, {over_24} px > 24 of {total} \
             (images in {})",
            dir.display()
        );
        // Tiny differences come from float order and edge ties; anything large means a real
        // difference in coverage, blending or sampling.
        assert!(over_2 * 1000 < total, "{over_2} pixels differ by more than 2");
        assert!(over_24 * 10_000 < total, "{over_24} pixels differ by more than 24");
    }
}
