//! Decoder for `geodata/basemap.bin`, written by `tools/build_basemap.py`.
//!
//! Layout (little-endian):
//! ```text
//! "BMAP"  u16 version (=1)  u32 world units per axis (=2^26)  u16 layer count
//! f32 x4  detail extent: west, south, east, north (degrees)
//! per layer:  u8 kind  u8 lod  u8 geometry (1 polygon, 2 line)  varint feature count
//!   per feature:  u8 min zoom  varint part count
//!     per part (ring or line):  varint point count, then per point zigzag-varint dx, dy
//!     (Web Mercator integer units, delta from the previous point of the same feature)
//! ```
//! Kinds: 1 land, 2 lake, 3 occupied territory, 4 coastline, 5 national border,
//! 6 admin-1 border, 7 river. LOD 0 is world-wide and coarse, LOD 1 detailed inside the extent.

use super::error::DataError;

/// What a decoded layer depicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayerKind {
    /// Land areas (everything not sea).
    Land,
    /// Lakes and reservoirs.
    Lake,
    /// Territory under occupation (Crimea), drawn hatched.
    Occupied,
    /// Sea coast.
    Coast,
    /// International land border.
    Border,
    /// First-level administrative border (oblast, voblast, voivodeship...).
    Admin1,
    /// River centre line.
    River,
}

/// Whether a layer holds rings (filled) or lines (stroked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Geometry {
    /// Closed rings, filled even-odd per feature.
    Polygon,
    /// Open polylines.
    Line,
}

/// A layer as it comes out of the file, before indexing.
#[derive(Debug)]
pub struct RawLayer {
    /// What it depicts.
    pub kind: LayerKind,
    /// Level of detail: 0 coarse world-wide, 1 detailed.
    pub lod: u8,
    /// Rings or lines.
    pub geometry: Geometry,
    /// Each feature: its minimum zoom and its parts, as world coordinates (0..1).
    pub features: Vec<RawFeature>,
}

/// One feature of a [`RawLayer`].
#[derive(Debug)]
pub struct RawFeature {
    /// First zoom level at which it is drawn.
    pub min_zoom: u8,
    /// Rings or lines, each a list of world-coordinate points.
    pub parts: Vec<Vec<[f32; 2]>>,
}

/// The decoded file.
#[derive(Debug)]
pub struct RawBasemap {
    /// Detailed-data extent in degrees: west, south, east, north.
    pub detail_extent: [f32; 4],
    /// All layers in file order.
    pub layers: Vec<RawLayer>,
}

const MAGIC: &[u8; 4] = b"BMAP";
const VERSION: u16 = 1;
// A sanity bound so a corrupt count cannot make us allocate gigabytes.
const MAX_COUNT: u64 = 50_000_000;

struct Reader<'a> {
    file: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn corrupt(&self, what: impl Into<String>) -> DataError {
        DataError::Corrupt { file: self.file.to_string(), offset: self.pos, what: what.into() }
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], DataError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let s = &self.bytes[self.pos..end];
                self.pos = end;
                Ok(s)
            }
            None => Err(self.corrupt(format!("file ends in the middle of {what}"))),
        }
    }

    fn u8(&mut self, what: &str) -> Result<u8, DataError> {
        Ok(self.take(1, what)?[0])
    }

    fn u16(&mut self, what: &str) -> Result<u16, DataError> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self, what: &str) -> Result<u32, DataError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self, what: &str) -> Result<f32, DataError> {
        Ok(f32::from_bits(self.u32(what)?))
    }

    fn varint(&mut self, what: &str) -> Result<u64, DataError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8(what)?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.corrupt(format!("{what}: variable-length integer longer than 64 bits")))
    }

    fn count(&mut self, what: &str) -> Result<usize, DataError> {
        let n = self.varint(what)?;
        if n > MAX_COUNT {
            return Err(self.corrupt(format!("{what} is {n}, implausibly large")));
        }
        Ok(n as usize)
    }

    fn zigzag(&mut self, what: &str) -> Result<i64, DataError> {
        let v = self.varint(what)?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }
}

/// Decode a basemap file. `file` names it in error messages.
pub fn decode(file: &str, bytes: &[u8]) -> Result<RawBasemap, DataError> {
    let mut r = Reader { file, bytes, pos: 0 };
    if r.take(4, "the file header")? != MAGIC {
        r.pos = 0;
        return Err(r.corrupt("not a briefmap basemap file (no BMAP header)"));
    }
    let version = r.u16("the version")?;
    if version != VERSION {
        return Err(r.corrupt(format!("version {version}, this build reads version {VERSION}")));
    }
    let units = r.u32("the coordinate unit")?;
    if units == 0 {
        return Err(r.corrupt("coordinate unit is zero"));
    }
    let scale = 1.0 / f64::from(units);
    let layer_count = r.u16("the layer count")?;
    let mut detail_extent = [0f32; 4];
    for v in &mut detail_extent {
        *v = r.f32("the detail extent")?;
    }
    let mut layers = Vec::with_capacity(usize::from(layer_count));
    for li in 0..layer_count {
        let ctx = format!("layer {li}");
        let kind = match r.u8(&ctx)? {
            1 => LayerKind::Land,
            2 => LayerKind::Lake,
            3 => LayerKind::Occupied,
            4 => LayerKind::Coast,
            5 => LayerKind::Border,
            6 => LayerKind::Admin1,
            7 => LayerKind::River,
            other => return Err(r.corrupt(format!("{ctx}: unknown layer kind {other}"))),
        };
        let lod = r.u8(&ctx)?;
        let geometry = match r.u8(&ctx)? {
            1 => Geometry::Polygon,
            2 => Geometry::Line,
            other => return Err(r.corrupt(format!("{ctx}: unknown geometry type {other}"))),
        };
        let feature_count = r.count(&format!("{ctx} feature count"))?;
        let mut features = Vec::with_capacity(feature_count.min(1 << 16));
        for fi in 0..feature_count {
            let ctx = format!("layer {li} feature {fi}");
            let min_zoom = r.u8(&ctx)?;
            let part_count = r.count(&format!("{ctx} part count"))?;
            let mut parts = Vec::with_capacity(part_count.min(1 << 10));
            let (mut x, mut y) = (0i64, 0i64);
            for _ in 0..part_count {
                let n = r.count(&format!("{ctx} point count"))?;
                let mut points = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    // A step past i64 is as far outside the world as any.
                    let (dx, dy) = (r.zigzag(&ctx)?, r.zigzag(&ctx)?);
                    let outside = || r.corrupt(format!("{ctx}: point outside the world"));
                    x = x.checked_add(dx).ok_or_else(outside)?;
                    y = y.checked_add(dy).ok_or_else(outside)?;
                    if x < 0 || y < 0 || x > i64::from(units) || y > i64::from(units) {
                        return Err(outside());
                    }
                    points.push([(x as f64 * scale) as f32, (y as f64 * scale) as f32]);
                }
                let min_points = if geometry == Geometry::Polygon { 3 } else { 2 };
                if points.len() >= min_points {
                    parts.push(points);
                }
            }
            features.push(RawFeature { min_zoom, parts });
        }
        layers.push(RawLayer { kind, lod, geometry, features });
    }
    if r.pos != bytes.len() {
        return Err(r.corrupt(format!("{} unexpected bytes after the last layer", bytes.len() - r.pos)));
    }
    Ok(RawBasemap { detail_extent, layers })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn varint(mut n: u64, out: &mut Vec<u8>) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }

    const UNITS: u32 = 1 << 26;

    /// A one-layer file: a line from world (0.25, 0.5) to (0.5, 0.25).
    fn tiny_file() -> Vec<u8> {
        let q = i64::from(UNITS) / 4;
        line_file([q, 2 * q, q, -q])
    }

    /// A one-layer file of one two-point line, given as its delta-coded coordinates.
    fn line_file(deltas: [i64; 4]) -> Vec<u8> {
        let units = UNITS;
        let mut out = b"BMAP".to_vec();
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&units.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes());
        for v in [-16f32, 30.0, 56.0, 70.0] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&[4, 1, 2]);
        varint(1, &mut out); // features
        out.push(3); // min zoom
        varint(1, &mut out); // parts
        varint(2, &mut out); // points
        let zz = |d: i64| ((d << 1) ^ (d >> 63)) as u64;
        for d in deltas {
            varint(zz(d), &mut out);
        }
        out
    }

    #[test]
    fn decodes_a_hand_made_file() {
        let raw = decode("tiny.bin", &tiny_file()).unwrap();
        assert_eq!(raw.detail_extent, [-16.0, 30.0, 56.0, 70.0]);
        assert_eq!(raw.layers.len(), 1);
        let layer = &raw.layers[0];
        assert_eq!((layer.kind, layer.lod, layer.geometry), (LayerKind::Coast, 1, Geometry::Line));
        assert_eq!(layer.features[0].min_zoom, 3);
        assert_eq!(layer.features[0].parts, vec![vec![[0.25, 0.5], [0.5, 0.25]]]);
    }

    #[test]
    fn truncation_is_reported_with_file_and_offset() {
        let bytes = tiny_file();
        let err = decode("tiny.bin", &bytes[..bytes.len() - 3]).unwrap_err().to_string();
        assert!(err.contains("tiny.bin"), "{err}");
        assert!(err.contains("ends in the middle of layer 0 feature 0"), "{err}");
    }

    #[test]
    fn wrong_magic_version_and_kind_are_named() {
        let err = decode("x.bin", b"GIF89a...").unwrap_err().to_string();
        assert!(err.contains("not a briefmap basemap file"), "{err}");
        let mut bytes = tiny_file();
        bytes[4] = 9;
        let err = decode("x.bin", &bytes).unwrap_err().to_string();
        assert!(err.contains("version 9"), "{err}");
        let mut bytes = tiny_file();
        bytes[28] = 42; // layer kind
        let err = decode("x.bin", &bytes).unwrap_err().to_string();
        assert!(err.contains("unknown layer kind 42"), "{err}");
    }

    #[test]
    fn trailing_garbage_and_points_off_the_world_are_rejected() {
        let mut bytes = tiny_file();
        bytes.push(0);
        let err = decode("x.bin", &bytes).unwrap_err().to_string();
        assert!(err.contains("1 unexpected bytes"), "{err}");
        let mut bytes = tiny_file();
        let len = bytes.len();
        bytes[len - 4..].copy_from_slice(&[0x81, 0x80, 0x80, 0x40]); // dy = huge negative
        let err = decode("x.bin", &bytes).unwrap_err().to_string();
        assert!(err.contains("outside the world") || err.contains("ends in the middle"), "{err}");
    }

    #[test]
    fn a_step_past_the_integer_range_is_off_the_world_not_a_panic() {
        let err = decode("x.bin", &line_file([1, 1, i64::MAX, 0])).unwrap_err().to_string();
        assert!(err.contains("outside the world"), "{err}");
    }
}
