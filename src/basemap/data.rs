//! Basemap data in memory: vector layers with a spatial index, and the label table.

use std::path::Path;
use std::sync::Arc;

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::error::DataError;
use super::format::{self, Geometry, LayerKind};
use super::labels::LabelSet;
use super::tile_math::WorldRect;
use crate::mercator::to_world;

/// Name under which the embedded vector file reports errors.
pub const BUNDLED_VECTORS: &str = "geodata/basemap.bin (bundled)";
/// Name under which the embedded label table reports errors.
pub const BUNDLED_LABELS: &str = "geodata/labels.tsv (bundled)";
/// Zoom levels at or below this draw the coarse world-wide layers.
pub const COARSE_MAX_ZOOM: u8 = 5;
// Long lines are cut into runs of at most this many points so a tile only touches what is under
// it; neighbouring runs share their end point, and round caps hide the joint.
const MAX_RUN: usize = 64;

/// One drawable feature: a polygon (rings) or a run of a line.
#[derive(Debug)]
pub struct Feature {
    /// First zoom level at which it is drawn.
    pub min_zoom: u8,
    /// Rings or one line, in world coordinates (0..1).
    pub parts: Vec<Vec<[f32; 2]>>,
}

/// A layer of one kind and level of detail, indexed by bounding box.
pub struct Layer {
    /// What it depicts.
    pub kind: LayerKind,
    /// 0 coarse world-wide, 1 detailed inside the extent.
    pub lod: u8,
    /// Rings or lines.
    pub geometry: Geometry,
    features: Vec<Feature>,
    index: RTree<GeomWithData<Rectangle<[f32; 2]>, u32>>,
}

impl Layer {
    fn new(raw: format::RawLayer) -> Layer {
        let mut features = Vec::new();
        for f in raw.features {
            if raw.geometry == Geometry::Line {
                for line in f.parts {
                    let mut start = 0;
                    while start + 1 < line.len() {
                        let end = (start + MAX_RUN).min(line.len());
                        features.push(Feature { min_zoom: f.min_zoom, parts: vec![line[start..end].to_vec()] });
                        start = end - 1;
                    }
                }
            } else if !f.parts.is_empty() {
                features.push(f.into_feature());
            }
        }
        let boxes = features.iter().enumerate().map(|(i, f)| GeomWithData::new(bbox(&f.parts), i as u32)).collect();
        Layer { kind: raw.kind, lod: raw.lod, geometry: raw.geometry, features, index: RTree::bulk_load(boxes) }
    }

    /// Features whose bounding box meets `rect` and that are drawn at `zoom`.
    pub fn features_in(&self, rect: &WorldRect, zoom: u8) -> impl Iterator<Item = &Feature> {
        let envelope =
            AABB::from_corners([rect.min_x as f32, rect.min_y as f32], [rect.max_x as f32, rect.max_y as f32]);
        self.index
            .locate_in_envelope_intersecting(&envelope)
            .map(|hit| &self.features[hit.data as usize])
            .filter(move |f| f.min_zoom <= zoom)
    }

    /// Number of features (after splitting long lines).
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// Whether the layer has no features.
    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    fn heap_bytes(&self) -> usize {
        let points: usize =
            self.features.iter().map(|f| f.parts.iter().map(|p| p.capacity() * 8 + 24).sum::<usize>() + 56).sum();
        // An R-tree leaf holds a box and an index; inner nodes add roughly a third again.
        points + self.index.size() * (20 * 4 / 3)
    }
}

impl format::RawFeature {
    fn into_feature(self) -> Feature {
        Feature { min_zoom: self.min_zoom, parts: self.parts }
    }
}

fn bbox(parts: &[Vec<[f32; 2]>]) -> Rectangle<[f32; 2]> {
    let mut min = [f32::MAX; 2];
    let mut max = [f32::MIN; 2];
    for p in parts.iter().flatten() {
        min = [min[0].min(p[0]), min[1].min(p[1])];
        max = [max[0].max(p[0]), max[1].max(p[1])];
    }
    Rectangle::from_corners(min, max)
}

/// The vector layers of the basemap.
pub struct VectorData {
    layers: Vec<Layer>,
    detail: WorldRect,
}

impl VectorData {
    /// Decode and index a basemap vector file; `name` is used in error messages.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<VectorData, DataError> {
        let raw = format::decode(name, bytes)?;
        let [west, south, east, north] = raw.detail_extent.map(f64::from);
        let (min_x, min_y) = to_world(west, north);
        let (max_x, max_y) = to_world(east, south);
        let layers: Vec<Layer> = raw.layers.into_iter().map(Layer::new).collect();
        if !layers.iter().any(|l| l.kind == LayerKind::Land && !l.is_empty()) {
            return Err(DataError::Corrupt {
                file: name.to_string(),
                offset: bytes.len(),
                what: "no land layer: nothing to draw".into(),
            });
        }
        Ok(VectorData { layers, detail: WorldRect { min_x, min_y, max_x, max_y } })
    }

    /// Which level of detail draws a tile at `zoom` covering `rect`: detailed where the tile lies
    /// inside the detailed extent and the zoom is past the coarse range, else coarse.
    pub fn lod_for(&self, rect: &WorldRect, zoom: u8) -> u8 {
        u8::from(zoom > COARSE_MAX_ZOOM && self.detail.contains(rect))
    }

    /// The layer of `kind` at level of detail `lod`, if the file has one.
    pub fn layer(&self, kind: LayerKind, lod: u8) -> Option<&Layer> {
        self.layers.iter().find(|l| l.kind == kind && l.lod == lod)
    }

    /// All layers, in file order.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Approximate heap memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.layers.iter().map(Layer::heap_bytes).sum()
    }
}

/// Everything the offline basemap draws: vector layers (for the tile renderer) and labels (for
/// the overlay), shared so both can hold them.
#[derive(Clone)]
pub struct BasemapData {
    /// Land, water, borders, rivers.
    pub vectors: Arc<VectorData>,
    /// Country, sea and city labels in priority order.
    pub labels: Arc<LabelSet>,
}

impl BasemapData {
    /// The basemap compiled into the binary (geodata/basemap.bin and geodata/labels.tsv).
    pub fn bundled() -> Result<BasemapData, DataError> {
        Self::from_bytes(
            BUNDLED_VECTORS,
            include_bytes!("../../geodata/basemap.bin"),
            BUNDLED_LABELS,
            include_str!("../../geodata/labels.tsv"),
        )
    }

    /// Build from in-memory file contents; the names appear in error messages.
    pub fn from_bytes(
        vectors_name: &str,
        vectors: &[u8],
        labels_name: &str,
        labels: &str,
    ) -> Result<BasemapData, DataError> {
        Ok(BasemapData {
            vectors: Arc::new(VectorData::from_bytes(vectors_name, vectors)?),
            labels: Arc::new(LabelSet::from_tsv(labels_name, labels)?),
        })
    }

    /// Load `basemap.bin` and `labels.tsv` from a directory (e.g. a newer geodata/).
    pub fn from_dir(dir: &Path) -> Result<BasemapData, DataError> {
        let read = |file: &str| {
            let path = dir.join(file);
            std::fs::read(&path).map_err(|source| DataError::Io { path, source })
        };
        let vectors = read("basemap.bin")?;
        let labels = read("labels.tsv")?;
        let labels_path = dir.join("labels.tsv");
        let labels = String::from_utf8(labels).map_err(|e| DataError::BadLabel {
            file: labels_path.display().to_string(),
            line: 0,
            what: format!("not UTF-8 text: {e}"),
        })?;
        Self::from_bytes(
            &dir.join("basemap.bin").display().to_string(),
            &vectors,
            &labels_path.display().to_string(),
            &labels,
        )
    }

    /// Approximate heap memory held by the data, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.vectors.heap_bytes() + self.labels.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::tile_math::TileCoord;

    #[test]
    fn bundled_data_loads_with_every_layer_at_both_levels_of_detail() {
        let data = BasemapData::bundled().unwrap();
        for kind in [
            LayerKind::Land,
            LayerKind::Lake,
            LayerKind::Occupied,
            LayerKind::Coast,
            LayerKind::Border,
            LayerKind::Admin1,
            LayerKind::River,
        ] {
            for lod in [0, 1] {
                let layer = data.vectors.layer(kind, lod);
                assert!(layer.is_some_and(|l| !l.is_empty()), "{kind:?} lod {lod} missing");
            }
        }
        assert!(data.labels.len() > 1000);
    }

    #[test]
    fn a_tile_over_minsk_finds_land_and_borders_and_uses_the_detailed_layers() {
        let data = BasemapData::bundled().unwrap();
        let tile = TileCoord::containing(27.56, 53.9, 8);
        let rect = tile.world_rect();
        assert_eq!(data.vectors.lod_for(&rect, 8), 1);
        assert_eq!(data.vectors.lod_for(&rect, 5), 0);
        let land = data.vectors.layer(LayerKind::Land, 1).unwrap();
        assert!(land.features_in(&rect, 8).count() > 0);
        // Far outside the detailed extent (New York) the coarse layers are used.
        let ny = TileCoord::containing(-74.0, 40.7, 8).world_rect();
        assert_eq!(data.vectors.lod_for(&ny, 8), 0);
    }

    #[test]
    fn missing_directory_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = BasemapData::from_dir(dir.path()).err().unwrap().to_string();
        assert!(err.contains("basemap.bin") && err.contains("cannot read"), "{err}");
    }

    #[test]
    fn corrupt_file_on_disk_names_the_file_and_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let full = include_bytes!("../../geodata/basemap.bin");
        std::fs::write(dir.path().join("basemap.bin"), &full[..full.len() / 2]).unwrap();
        std::fs::write(dir.path().join("labels.tsv"), "").unwrap();
        let err = BasemapData::from_dir(dir.path()).err().unwrap().to_string();
        assert!(err.contains(&dir.path().join("basemap.bin").display().to_string()), "{err}");
        assert!(err.contains("file ends in the middle of"), "{err}");
    }

    #[test]
    fn a_file_without_land_is_rejected() {
        let mut bytes = b"BMAP".to_vec();
        bytes.extend_from_slice(&1u16.to_le_bytes());
        bytes.extend_from_slice(&(1u32 << 26).to_le_bytes());
        bytes.extend_from_slice(&0u16.to_le_bytes());
        bytes.extend_from_slice(&[0u8; 16]);
        let err = VectorData::from_bytes("empty.bin", &bytes).err().unwrap().to_string();
        assert!(err.contains("empty.bin") && err.contains("no land layer"), "{err}");
    }
}
