//! The basemap's data and look: bundled Natural Earth vectors, the label table, the tile
//! grid, the tile renderer (tiny-skia) and the colours. Plain Rust with no UI: the walkers
//! tiles, the online source and what is drawn over the map live in `ui::basemap`.
//!
//! ```
//! # use briefmap::basemap::*;
//! # use briefmap::mercator::TILE_PX;
//! let data = BasemapData::bundled().expect("the bundled basemap");
//! let minsk = TileCoord::containing(27.56, 53.9, 6);
//! let pixmap = render_tile(Some(data.vectors.as_ref()), minsk, 1, &TileStyle::default());
//! assert_eq!(pixmap.width(), TILE_PX);
//! ```

mod data;
mod error;
mod format;
mod labels;
mod legend;
mod render;
mod scale_bar;
mod style;
mod tile_math;

pub use data::{BUNDLED_LABELS, BUNDLED_VECTORS, BasemapData, COARSE_MAX_ZOOM, Feature, Layer, VectorData};
pub use error::DataError;
pub use format::{Geometry, LayerKind};
pub use labels::{Label, LabelKind, LabelSet};
pub use legend::{LegendItem, Swatch, legend_items};
pub use render::{render_tile, render_tile_padded};
pub use scale_bar::nice_scale;
pub use style::{LabelStyle, Rgba, TileStyle, Width};
pub use tile_math::{TileCoord, WorldRect};
