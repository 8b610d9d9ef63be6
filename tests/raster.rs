//! The software rasteriser on hand-built meshes: coverage rules, blending, clipping, textures.

use briefmap::ui::render::raster::{PaintStats, paint};
use briefmap::ui::render::texture::TextureStore;
use egui::epaint::{ClippedPrimitive, Mesh, Primitive, Vertex};
use egui::{Color32, Pos2, Rect, TextureId, TextureOptions, pos2};
use tiny_skia::Pixmap;

const WHITE_TEX: TextureId = TextureId::Managed(0);
const IMAGE_TEX: TextureId = TextureId::Managed(1);
const EVERYWHERE: Rect = Rect::EVERYTHING;

/// A store holding a 1x1 white texture (egui's "no texture" texel) and a 2x1 red|blue image.
fn textures(image_options: TextureOptions) -> TextureStore {
    let mut store = TextureStore::new();
    store.set(WHITE_TEX, [1, 1], &[Color32::WHITE], TextureOptions::LINEAR, None).unwrap();
    store.set(IMAGE_TEX, [2, 1], &[Color32::RED, Color32::BLUE], image_options, None).unwrap();
    store
}

fn vertex(x: f32, y: f32, color: Color32) -> Vertex {
    Vertex { pos: pos2(x, y), uv: Pos2::ZERO, color }
}

/// A quad from (x0, y0) to (x1, y1) as two triangles sharing a diagonal.
fn quad(x0: f32, y0: f32, x1: f32, y1: f32, color: Color32, clip: Rect) -> ClippedPrimitive {
    let mut mesh = Mesh::with_texture(WHITE_TEX);
    for (x, y) in [(x0, y0), (x1, y0), (x1, y1), (x0, y1)] {
        mesh.vertices.push(vertex(x, y, color));
    }
    mesh.indices = vec![0, 1, 2, 0, 2, 3];
    ClippedPrimitive { clip_rect: clip, primitive: Primitive::Mesh(mesh) }
}

fn pixel(p: &Pixmap, x: u32, y: u32) -> [u8; 4] {
    let c = p.pixel(x, y).unwrap();
    [c.red(), c.green(), c.blue(), c.alpha()]
}

fn covered(p: &Pixmap) -> usize {
    p.pixels().iter().filter(|c| c.alpha() > 0).count()
}

#[test]
fn pixel_aligned_quad_covers_exactly_its_pixels() {
    let mut target = Pixmap::new(10, 10).unwrap();
    let prims = [quad(2.0, 3.0, 6.0, 5.0, Color32::RED, EVERYWHERE)];
    paint(&mut target, &prims, &textures(TextureOptions::LINEAR), 1.0);
    assert_eq!(covered(&target), 4 * 2);
    assert_eq!(pixel(&target, 2, 3), [255, 0, 0, 255]);
    assert_eq!(pixel(&target, 5, 4), [255, 0, 0, 255]);
    assert_eq!(pixel(&target, 6, 4), [0, 0, 0, 0]);
}

#[test]
fn translucent_quad_has_no_seam_on_its_shared_diagonal() {
    // Edges through pixel centres (x.5) make exact ties; the top-left rule must give each
    // tied pixel to exactly one triangle, or the diagonal would be blended twice.
    let mut target = Pixmap::new(16, 16).unwrap();
    let half_red = Color32::from_rgba_premultiplied(128, 0, 0, 128);
    let prims = [quad(0.5, 0.5, 12.5, 12.5, half_red, EVERYWHERE)];
    paint(&mut target, &prims, &textures(TextureOptions::LINEAR), 1.0);
    // Centres on the quad's left/top edges (0.5) are in, on its right/bottom (12.5) out.
    let mut seen = std::collections::BTreeSet::new();
    for c in target.pixels().iter().filter(|c| c.alpha() > 0) {
        seen.insert((c.red(), c.alpha()));
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec![(128, 128)]);
    assert_eq!(covered(&target), 12 * 12);
}

#[test]
fn blending_is_premultiplied_over_in_gamma_space() {
    let mut target = Pixmap::new(4, 4).unwrap();
    let half_black = Color32::from_rgba_premultiplied(0, 0, 0, 128);
    let prims =
        [quad(0.0, 0.0, 4.0, 4.0, Color32::WHITE, EVERYWHERE), quad(0.0, 0.0, 4.0, 4.0, half_black, EVERYWHERE)];
    paint(&mut target, &prims, &textures(TextureOptions::LINEAR), 1.0);
    // 255 · (1 − 128/255) = 127 in gamma space (a linear-light blend would give ~186).
    assert_eq!(pixel(&target, 1, 1), [127, 127, 127, 255]);
}

#[test]
fn additive_colour_with_zero_alpha_adds() {
    let mut target = Pixmap::new(4, 4).unwrap();
    let prims = [
        quad(0.0, 0.0, 4.0, 4.0, Color32::from_gray(100), EVERYWHERE),
        quad(0.0, 0.0, 4.0, 4.0, Color32::from_rgba_premultiplied(50, 0, 0, 0), EVERYWHERE),
    ];
    paint(&mut target, &prims, &textures(TextureOptions::LINEAR), 1.0);
    assert_eq!(pixel(&target, 2, 2), [150, 100, 100, 255]);
}

#[test]
fn clip_rect_limits_painting_and_is_scaled_by_pixels_per_point() {
    let mut target = Pixmap::new(20, 20).unwrap();
    // In points: the quad covers 0..10, the clip 2..5; at 2 px/pt that is pixels 4..10.
    let clip = Rect::from_min_max(pos2(2.0, 2.0), pos2(5.0, 5.0));
    let prims = [quad(0.0, 0.0, 10.0, 10.0, Color32::GREEN, clip)];
    paint(&mut target, &prims, &textures(TextureOptions::LINEAR), 2.0);
    assert_eq!(covered(&target), 6 * 6);
    assert_eq!(pixel(&target, 4, 4)[3], 255);
    assert_eq!(pixel(&target, 9, 9)[3], 255);
    assert_eq!(pixel(&target, 3, 4)[3], 0);
    assert_eq!(pixel(&target, 10, 9)[3], 0);
}

#[test]
fn gigantic_triangles_are_clipped_not_dropped() {
    // A map polygon zoomed far in: vertices tens of millions of pixels away.
    let mut target = Pixmap::new(8, 8).unwrap();
    let prims = [quad(-4e7, -4e7, 4e7, 4e7, Color32::BLUE, EVERYWHERE)];
    paint(&mut target, &prims, &textures(TextureOptions::LINEAR), 1.0);
    assert_eq!(covered(&target), 64);
    assert_eq!(pixel(&target, 7, 7), [0, 0, 255, 255]);
}

fn image_quad(width_px: f32, options: TextureOptions) -> Pixmap {
    let mut target = Pixmap::new(width_px as u32, 1).unwrap();
    let mut mesh = Mesh::with_texture(IMAGE_TEX);
    mesh.add_rect_with_uv(
        Rect::from_min_max(pos2(0.0, 0.0), pos2(width_px, 1.0)),
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    let prims = [ClippedPrimitive { clip_rect: EVERYWHERE, primitive: Primitive::Mesh(mesh) }];
    paint(&mut target, &prims, &textures(options), 1.0);
    target
}

#[test]
fn magnified_textures_follow_their_filter() {
    // A 2-texel red|blue image stretched over 8 pixels.
    let nearest = image_quad(8.0, TextureOptions::NEAREST);
    let row: Vec<_> = (0..8).map(|x| pixel(&nearest, x, 0)).collect();
    assert_eq!(row[..4], [[255, 0, 0, 255]; 4]);
    assert_eq!(row[4..], [[0, 0, 255, 255]; 4]);

    let linear = image_quad(8.0, TextureOptions::LINEAR);
    let reds: Vec<u8> = (0..8).map(|x| pixel(&linear, x, 0)[0]).collect();
    // Clamped ends, a linear ramp between the texel centres at pixels 2 and 6.
    assert_eq!(reds, vec![255, 255, 223, 159, 96, 32, 0, 0]);
}

#[test]
fn missing_textures_and_bad_indices_are_skipped_and_counted() {
    let mut target = Pixmap::new(4, 4).unwrap();
    let mut bad_index = quad(0.0, 0.0, 4.0, 4.0, Color32::RED, EVERYWHERE);
    if let Primitive::Mesh(mesh) = &mut bad_index.primitive {
        mesh.indices.extend([0, 1, 99]);
    }
    let mut unknown_texture = quad(0.0, 0.0, 4.0, 4.0, Color32::BLUE, EVERYWHERE);
    if let Primitive::Mesh(mesh) = &mut unknown_texture.primitive {
        mesh.texture_id = TextureId::User(5);
    }
    let stats = paint(&mut target, &[bad_index, unknown_texture], &textures(TextureOptions::LINEAR), 1.0);
    assert_eq!(stats, PaintStats { triangles: 5, skipped_callbacks: 0, missing_textures: 1, bad_indices: 1 });
    assert_eq!(pixel(&target, 1, 1), [255, 0, 0, 255]);
}
