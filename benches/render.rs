//! Software rendering of a 1920×1080 egui frame: rasterisation alone, and the whole
//! headless pipeline (UI pass + tessellation + rasterisation).

use briefmap::ui::render::headless::HeadlessUi;
use briefmap::ui::render::raster;
use briefmap::ui::render::texture::TextureStore;
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Color32, Pos2, RawInput, Rect, Shape, Stroke, Vec2, ViewportId};
use std::hint::black_box;

const SIZE: [u32; 2] = [1920, 1080];

/// An app-like screen: a side panel of claims with quotes, a long article paragraph, and a
/// "map" area with 10 overlapping translucent 200-vertex polygons with outlines and 200
/// labelled markers.
fn typical_ui(ui: &mut egui::Ui) {
    egui::Panel::left("claims").show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            for i in 0..30 {
                ui.heading(format!("Claim {i}"));
                ui.label(
                    "“The deployment of the Aegis Ashore site in Romania changes the \
                     strategic balance,” said the official, according to the article.",
                );
                ui.separator();
            }
        });
    });
    egui::Panel::bottom("time").show(ui, |ui| {
        let mut year = 2015.0;
        ui.add(egui::Slider::new(&mut year, 2013.0..=2016.0).text("year"));
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let rect = ui.max_rect();
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, Color32::from_rgb(170, 200, 230));
        for k in 0..10 {
            let c = rect.center() + Vec2::new(k as f32 * 40.0 - 200.0, (k % 3) as f32 * 60.0);
            let points: Vec<Pos2> = (0..200)
                .map(|i| {
                    let a = i as f32 / 200.0 * std::f32::consts::TAU;
                    c + Vec2::angled(a) * Vec2::new(90.0, 60.0)
                })
                .collect();
            painter.add(Shape::convex_polygon(
                points.clone(),
                Color32::from_rgba_unmultiplied(240, 220, 180, 160),
                Stroke::NONE,
            ));
            painter.add(Shape::closed_line(points, Stroke::new(1.5, Color32::DARK_GRAY)));
        }
        for i in 0..200 {
            let p = rect.min + Vec2::new((i * 97 % 1000) as f32 + 30.0, (i * 53 % 700) as f32 + 30.0);
            painter.circle(p, 5.0, Color32::RED, Stroke::new(1.0, Color32::WHITE));
            painter.text(
                p + Vec2::new(8.0, 0.0),
                egui::Align2::LEFT_CENTER,
                format!("Site {i}"),
                egui::FontId::proportional(13.0),
                Color32::BLACK,
            );
        }
    });
}

fn bench_render(c: &mut Criterion) {
    let mut group = c.benchmark_group("software_render_1920x1080");
    for ppp in [1.0_f32, 2.0] {
        // Rasterisation alone, on primitives tessellated once.
        let ctx = egui::Context::default();
        let mut textures = TextureStore::new();
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(SIZE[0] as f32, SIZE[1] as f32) / ppp)),
            max_texture_side: Some(8192),
            ..RawInput::default()
        };
        input.viewports.entry(ViewportId::ROOT).or_default().native_pixels_per_point = Some(ppp);
        let mut output = ctx.run_ui(input.clone(), typical_ui);
        for _ in 0..2 {
            textures.apply_set(&mut output.textures_delta).unwrap();
            textures.apply_free(&mut output.textures_delta);
            output = ctx.run_ui(input.clone(), typical_ui);
        }
        textures.apply_set(&mut output.textures_delta).unwrap();
        textures.apply_free(&mut output.textures_delta);
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let mut target = tiny_skia::Pixmap::new(SIZE[0], SIZE[1]).unwrap();
        group.bench_function(format!("rasterise_ppp{ppp}"), |b| {
            b.iter(|| {
                target.fill(tiny_skia::Color::TRANSPARENT);
                black_box(raster::paint(&mut target, &primitives, &textures, ppp))
            })
        });

        // The whole frame as an export sees it.
        let mut headless = HeadlessUi::new(SIZE, ppp).unwrap();
        headless.run_and_render(3, typical_ui).unwrap();
        group.bench_function(format!("run_tessellate_rasterise_ppp{ppp}"), |b| {
            b.iter(|| {
                headless.run_frame(typical_ui).unwrap();
                black_box(headless.render())
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_render
}
criterion_main!(benches);
