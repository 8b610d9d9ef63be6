//! The slippy-map tile grid over Web Mercator world coordinates (see [`crate::mercator`], the
//! space the basemap data is stored in). A tile at zoom `z` covers `1 / 2^z` of the world per
//! axis.

use crate::mercator::{from_world, to_world};

/// A slippy-map tile: zoom level and column/row at that zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileCoord {
    /// Zoom level (0 = one tile for the world).
    pub zoom: u8,
    /// Column, 0 at 180°W.
    pub x: u32,
    /// Row, 0 at the northern edge.
    pub y: u32,
}

/// An axis-aligned box in world coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldRect {
    /// Western edge.
    pub min_x: f64,
    /// Northern edge (smaller y is further north).
    pub min_y: f64,
    /// Eastern edge.
    pub max_x: f64,
    /// Southern edge.
    pub max_y: f64,
}

impl WorldRect {
    /// Whether the two boxes overlap (touching edges count).
    pub fn intersects(&self, other: &WorldRect) -> bool {
        self.min_x <= other.max_x && other.min_x <= self.max_x && self.min_y <= other.max_y && other.min_y <= self.max_y
    }

    /// Whether `other` lies entirely inside this box.
    pub fn contains(&self, other: &WorldRect) -> bool {
        self.min_x <= other.min_x && other.max_x <= self.max_x && self.min_y <= other.min_y && other.max_y <= self.max_y
    }
}

/// Number of tiles per axis at `zoom`.
pub fn tiles_per_axis(zoom: u8) -> u32 {
    1u32 << zoom.min(31)
}

impl TileCoord {
    /// The tile at `zoom` containing the given lon/lat (clamped to the world's edge tiles).
    pub fn containing(lon: f64, lat: f64, zoom: u8) -> TileCoord {
        let (x, y) = to_world(lon, lat);
        let n = tiles_per_axis(zoom);
        let col = ((x * f64::from(n)).floor() as i64).clamp(0, i64::from(n) - 1) as u32;
        let row = ((y * f64::from(n)).floor() as i64).clamp(0, i64::from(n) - 1) as u32;
        TileCoord { zoom, x: col, y: row }
    }

    /// Whether x and y are inside the grid of this zoom level.
    pub fn is_valid(&self) -> bool {
        self.zoom <= 31 && self.x < tiles_per_axis(self.zoom) && self.y < tiles_per_axis(self.zoom)
    }

    /// The area the tile covers, in world coordinates.
    pub fn world_rect(&self) -> WorldRect {
        let size = 1.0 / f64::from(tiles_per_axis(self.zoom));
        WorldRect {
            min_x: f64::from(self.x) * size,
            min_y: f64::from(self.y) * size,
            max_x: f64::from(self.x + 1) * size,
            max_y: f64::from(self.y + 1) * size,
        }
    }

    /// The tile's edges in degrees: (west, south, east, north).
    pub fn lonlat_bounds(&self) -> (f64, f64, f64, f64) {
        let r = self.world_rect();
        let (west, north) = from_world(r.min_x, r.min_y);
        let (east, south) = from_world(r.max_x, r.max_y);
        (west, south, east, north)
    }

    /// The tile `levels` zoom levels up that contains this one, with the part of it this tile
    /// covers as (u0, v0, size) in 0..1 of the parent.
    pub fn ancestor(&self, levels: u8) -> (TileCoord, (f32, f32, f32)) {
        let levels = levels.min(self.zoom);
        let parent = TileCoord { zoom: self.zoom - levels, x: self.x >> levels, y: self.y >> levels };
        let span = 1u32 << levels;
        let size = 1.0 / span as f32;
        let u = (self.x - (parent.x << levels)) as f32 * size;
        let v = (self.y - (parent.y << levels)) as f32 * size;
        (parent, (u, v, size))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mercator::MAX_LAT;

    const MINSK: (f64, f64) = (27.5667, 53.9);

    #[test]
    fn minsk_is_in_the_known_osm_tiles() {
        // Values from the OSM slippy-map formula (wiki.openstreetmap.org/wiki/Slippy_map_tilenames).
        assert_eq!(TileCoord::containing(MINSK.0, MINSK.1, 5), TileCoord { zoom: 5, x: 18, y: 10 });
        assert_eq!(TileCoord::containing(MINSK.0, MINSK.1, 9), TileCoord { zoom: 9, x: 295, y: 164 });
        assert_eq!(TileCoord::containing(MINSK.0, MINSK.1, 0), TileCoord { zoom: 0, x: 0, y: 0 });
    }

    #[test]
    fn tile_bounds_contain_the_point_and_tile_edges() {
        let tile = TileCoord::containing(MINSK.0, MINSK.1, 9);
        let (w, s, e, n) = tile.lonlat_bounds();
        assert!(w <= MINSK.0 && MINSK.0 < e && s < MINSK.1 && MINSK.1 <= n);
        // A zoom-9 tile is 360/512 degrees wide.
        assert!(((e - w) - 360.0 / 512.0).abs() < 1e-9);
        // Neighbours share edges exactly.
        let east = TileCoord { x: tile.x + 1, ..tile };
        assert_eq!(east.lonlat_bounds().0, e);
        assert!((TileCoord { zoom: 0, x: 0, y: 0 }.lonlat_bounds().1 + MAX_LAT).abs() < 1e-9);
    }

    #[test]
    fn out_of_range_tiles_are_invalid_and_points_clamp_to_edge_tiles() {
        assert!(!TileCoord { zoom: 2, x: 4, y: 0 }.is_valid());
        assert!(TileCoord { zoom: 2, x: 3, y: 3 }.is_valid());
        assert_eq!(TileCoord::containing(180.0, -90.0, 2), TileCoord { zoom: 2, x: 3, y: 3 });
    }

    #[test]
    fn ancestor_reports_the_covered_quarter() {
        let tile = TileCoord { zoom: 9, x: 295, y: 164 };
        let (parent, (u, v, size)) = tile.ancestor(1);
        assert_eq!(parent, TileCoord { zoom: 8, x: 147, y: 82 });
        assert_eq!((u, v, size), (0.5, 0.0, 0.5));
        let (root, (_, _, size)) = tile.ancestor(20);
        assert_eq!(root, TileCoord { zoom: 0, x: 0, y: 0 });
        assert_eq!(size, 1.0 / 512.0);
    }
}
