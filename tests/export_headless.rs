//! Headless rendering of real egui UIs to images, PNG and GIF files.

use briefmap::export::animation::{GifOptions, write_gif};
use briefmap::export::png::write_png;
use briefmap::ui::render::headless::{HeadlessUi, RenderError, render_ui};
use egui::{Color32, ColorImage, Rect, TextureOptions, pos2, vec2};
use tiny_skia::Pixmap;

const ORANGE: Color32 = Color32::from_rgb(230, 120, 20);

fn pixel(p: &Pixmap, x: u32, y: u32) -> [u8; 4] {
    let c = p.pixel(x, y).unwrap();
    [c.red(), c.green(), c.blue(), c.alpha()]
}

/// A panel with an orange rect at (20, 20)–(120, 80) points and a label below it; returns the
/// label's rect in points through `label_rect`.
fn rect_and_label(ui: &mut egui::Ui, label_rect: &mut Rect) {
    egui::CentralPanel::default().show(ui, |ui| {
        let rect = Rect::from_min_max(pos2(20.0, 20.0), pos2(120.0, 80.0));
        ui.painter().rect_filled(rect, 0.0, ORANGE);
        ui.add_space(90.0);
        *label_rect = ui.label("Iskander missiles in Kaliningrad").rect;
    });
}

/// Pixels inside `rect` (points) whose colour differs from the panel background.
fn ink_pixels(image: &Pixmap, rect: Rect, ppp: f32, background: [u8; 4]) -> usize {
    let r = rect.expand(1.0);
    let (x0, y0) = ((r.min.x * ppp) as u32, (r.min.y * ppp) as u32);
    let (x1, y1) = ((r.max.x * ppp) as u32, (r.max.y * ppp) as u32);
    (y0..y1).flat_map(|y| (x0..x1).map(move |x| (x, y))).filter(|&(x, y)| pixel(image, x, y) != background).count()
}

#[test]
fn filled_rect_has_its_colour_and_label_has_ink() {
    for ppp in [1.0_f32, 2.0] {
        let mut label = Rect::NOTHING;
        let size = [(320.0 * ppp) as u32, (200.0 * ppp) as u32];
        let image = render_ui(size, ppp, 3, |ui| rect_and_label(ui, &mut label)).unwrap();
        assert_eq!([image.width(), image.height()], size);
        let at = |x: f32, y: f32| pixel(&image, (x * ppp) as u32, (y * ppp) as u32);
        let [r, g, b, a] = ORANGE.to_array();
        for (x, y) in [(21.0, 21.0), (70.0, 50.0), (119.5, 79.5)] {
            assert_eq!(at(x, y), [r, g, b, a], "inside the rect at ppp {ppp}");
        }
        let background = at(200.0, 30.0);
        assert_ne!(background, [r, g, b, a]);
        assert_eq!(background[3], 255, "the panel fills the frame");
        assert_eq!(at(121.0, 50.0), background, "right of the rect at ppp {ppp}");
        // 31 glyphs leave hundreds of non-background pixels; a blank label leaves none.
        let ink = ink_pixels(&image, label, ppp, background);
        assert!(ink > 300 * (ppp * ppp) as usize, "only {ink} ink pixels at ppp {ppp}");
    }
}

#[test]
fn glyphs_added_later_by_partial_atlas_updates_render_the_same() {
    let label = |text: &'static str| {
        move |ui: &mut egui::Ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label(text);
            });
        }
    };
    let fresh = render_ui([300, 60], 1.0, 3, label("Minsk, 2016: Lavrov")).unwrap();
    // Other glyphs first: the second text's glyphs then reach the font texture as patches.
    let mut headless = HeadlessUi::new([300, 60], 1.0).unwrap();
    headless.run_and_render(3, label("Vilnius Warsaw Bucharest")).unwrap();
    let patched = headless.run_and_render(3, label("Minsk, 2016: Lavrov")).unwrap();
    let differing = fresh.pixels().iter().zip(patched.pixels()).filter(|(a, b)| a != b).count();
    assert_eq!(differing, 0);
}

#[test]
fn user_images_are_drawn_with_their_texture() {
    let mut headless = HeadlessUi::new([200, 100], 1.0).unwrap();
    let tile = headless.context().load_texture(
        "tile",
        ColorImage::filled([8, 8], Color32::from_rgb(10, 200, 90)),
        TextureOptions::NEAREST,
    );
    let image = headless
        .run_and_render(2, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.add(egui::Image::new(&tile).fit_to_exact_size(vec2(64.0, 64.0)));
            });
        })
        .unwrap();
    let rect = Rect::from_min_size(pos2(8.0, 8.0), vec2(64.0, 64.0));
    let centre = rect.center();
    assert_eq!(pixel(&image, centre.x as u32, centre.y as u32), [10, 200, 90, 255]);
}

#[test]
fn bad_sizes_and_scales_are_errors() {
    let ui = |_: &mut egui::Ui| {};
    assert!(matches!(render_ui([0, 10], 1.0, 1, ui), Err(RenderError::InvalidSize(0, 10))));
    assert!(matches!(render_ui([10, 100_000], 1.0, 1, ui), Err(RenderError::InvalidSize(..))));
    assert!(matches!(render_ui([10, 10], f32::NAN, 1, ui), Err(RenderError::InvalidScale(_))));
}

#[test]
fn png_file_has_requested_size_and_content() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("view.png");
    let mut label = Rect::NOTHING;
    let image = render_ui([640, 360], 1.0, 3, |ui| rect_and_label(ui, &mut label)).unwrap();
    write_png(&image, &path).unwrap();
    let decoded = Pixmap::load_png(&path).unwrap();
    assert_eq!([decoded.width(), decoded.height()], [640, 360]);
    assert_eq!(pixel(&decoded, 50, 50), ORANGE.to_array());
    let distinct: std::collections::HashSet<u32> =
        decoded.data().chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    assert!(distinct.len() > 10, "image looks blank: {} colours", distinct.len());
}

#[test]
fn gif_has_one_frame_per_image_and_loops() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("playback.gif");
    let mut headless = HeadlessUi::new([160, 90], 1.0).unwrap();
    let frames: Vec<Pixmap> = (0..4)
        .map(|i| {
            headless
                .run_and_render(1, |ui| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        ui.label(format!("{}", 2013 + i));
                    });
                })
                .unwrap()
        })
        .collect();
    let options = GifOptions { frame_delay: std::time::Duration::from_millis(250), ..GifOptions::default() };
    write_gif(&path, &frames, options).unwrap();

    let mut decoder = gif::DecodeOptions::new().read_info(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!((decoder.width(), decoder.height()), (160, 90));
    assert_eq!(decoder.repeat(), gif::Repeat::Infinite);
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        delays.push(frame.delay);
    }
    assert_eq!(delays, vec![25; 4]);
}

#[test]
fn gif_rejects_frames_of_another_size() {
    let tmp = tempfile::tempdir().unwrap();
    let frames = [Pixmap::new(4, 4).unwrap(), Pixmap::new(5, 4).unwrap()];
    let err = write_gif(&tmp.path().join("x.gif"), &frames, GifOptions::default()).unwrap_err();
    assert!(err.to_string().contains("frame 2"), "{err}");
}
