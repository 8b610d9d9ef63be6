//! A window showing only the basemap, for looking at it.
//!
//! `cargo run --release --example basemap_preview -- [--online] [--lon L] [--lat L] [--zoom Z]
//! [--legend] [--ui-scale S] [--geodata DIR]` (defaults: offline, centred on Minsk at zoom 5).

use std::sync::Arc;

use briefmap::basemap::{BasemapData, LabelSet, LabelStyle, TileStyle, legend_items};
use briefmap::ui::basemap::{BasemapMode, BasemapOverlay, BasemapTiles, OfflineTiles, OnlineConfig, paint_swatch};
use clap::Parser;
use walkers::{Map, MapMemory, lon_lat};

#[derive(Parser)]
struct Args {
    /// Use OpenStreetMap tiles (falls back to offline without network).
    #[arg(long)]
    online: bool,
    /// Longitude of the centre.
    #[arg(long, default_value_t = 27.56)]
    lon: f64,
    /// Latitude of the centre.
    #[arg(long, default_value_t = 53.9)]
    lat: f64,
    /// Zoom level.
    #[arg(long, default_value_t = 5.0)]
    zoom: f64,
    /// Show the legend box.
    #[arg(long)]
    legend: bool,
    /// UI scale (2 simulates a HiDPI screen: tiles are then rendered at 512 px).
    #[arg(long, default_value_t = 1.0)]
    ui_scale: f32,
    /// Load basemap.bin and labels.tsv from this directory instead of the bundled copy.
    #[arg(long)]
    geodata: Option<std::path::PathBuf>,
}

struct Preview {
    tiles: BasemapTiles,
    labels: Option<Arc<LabelSet>>,
    memory: MapMemory,
    centre: walkers::Position,
    message: Option<String>,
    legend: bool,
    label_style: LabelStyle,
}

impl eframe::App for Preview {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(m) = self.tiles.take_message() {
            self.message = Some(m);
        }
        let overlay = BasemapOverlay {
            labels: self.labels.as_deref(),
            attribution: self.tiles.attribution_lines(),
            style: &self.label_style,
        };
        let map = Map::new(Some(&mut self.tiles), &mut self.memory, self.centre).with_plugin(overlay);
        let rect = ui.add(map).rect;
        if let Some(m) = &self.message {
            let painter = ui.painter();
            let galley = painter.layout_no_wrap(
                m.clone(),
                egui::FontId::proportional(13.0),
                egui::Color32::from_rgb(120, 30, 20),
            );
            let at = rect.left_top() + egui::vec2(12.0, 12.0);
            painter.rect_filled(
                egui::Rect::from_min_size(at, galley.size()).expand(6.0),
                4.0,
                egui::Color32::from_white_alpha(230),
            );
            painter.galley(at, galley, egui::Color32::BLACK);
        }
        if self.legend {
            draw_legend(ui, rect);
        }
    }
}

fn draw_legend(ui: &egui::Ui, map: egui::Rect) {
    let style = TileStyle::default();
    let items = legend_items(&style);
    let painter = ui.painter();
    let top_right = map.right_top() + egui::vec2(-12.0, 12.0);
    let box_rect = egui::Rect::from_min_max(
        top_right - egui::vec2(340.0, 0.0),
        top_right + egui::vec2(0.0, 12.0 + 22.0 * items.len() as f32),
    );
    painter.rect_filled(box_rect, 4.0, egui::Color32::from_white_alpha(225));
    for (i, item) in items.iter().enumerate() {
        let y = box_rect.min.y + 8.0 + 22.0 * i as f32;
        let swatch = egui::Rect::from_min_size(egui::pos2(box_rect.min.x + 10.0, y), egui::vec2(26.0, 14.0));
        paint_swatch(painter, swatch, &item.swatch, style.land);
        painter.text(
            egui::pos2(swatch.max.x + 8.0, swatch.center().y),
            egui::Align2::LEFT_CENTER,
            item.label,
            egui::FontId::proportional(12.0),
            egui::Color32::from_rgb(40, 40, 44),
        );
    }
}

fn main() -> eframe::Result {
    let args = Args::parse();
    let loaded = match &args.geodata {
        Some(dir) => BasemapData::from_dir(dir),
        None => BasemapData::bundled(),
    };
    let (vectors, labels, message) = match loaded {
        Ok(d) => (Some(d.vectors), Some(d.labels), None),
        Err(e) => (None, None, Some(e.to_string())),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1600.0, 900.0])
            .with_title("briefmap basemap preview"),
        ..Default::default()
    };
    eframe::run_native(
        "briefmap basemap preview",
        options,
        Box::new(move |cc| {
            let ctx = cc.egui_ctx.clone();
            ctx.set_zoom_factor(args.ui_scale);
            let mut tiles = BasemapTiles::offline(OfflineTiles::new(vectors, ctx.clone()));
            if args.online {
                tiles.set_mode(BasemapMode::Online, OnlineConfig::openstreetmap(), &ctx);
            }
            let mut memory = MapMemory::default();
            if let Err(e) = memory.set_zoom(args.zoom) {
                eprintln!("zoom {}: {e:?}", args.zoom);
            }
            Ok(Box::new(Preview {
                tiles,
                labels,
                memory,
                centre: lon_lat(args.lon, args.lat),
                message,
                legend: args.legend,
                label_style: LabelStyle::default(),
            }))
        }),
    )
}
