//! The briefing's geometry in Web Mercator world coordinates (0..1, y down), prepared once at
//! load so that drawing a frame is a scale and offset: place points with an R-tree for culling
//! and picking, and regions as triangles (concave shapes need them) plus outlines.

use geo::{Area, InteriorPoint, MapCoords, MultiPolygon, TriangulateEarcut};
use rstar::RTree;
use rstar::primitives::GeomWithData;

use crate::briefing::Briefing;
use crate::mercator::to_world;

/// A point in world coordinates.
pub type World = [f64; 2];

/// An area ready to draw: triangles for the fill, closed rings for the outline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AreaMesh {
    /// Vertices of the triangles.
    pub vertices: Vec<World>,
    /// Triangle corner indices into `vertices`, three per triangle.
    pub triangles: Vec<u32>,
    /// Exterior and hole boundaries, each closed (first point repeated last).
    pub outlines: Vec<Vec<World>>,
    /// Where a label for the area goes (inside its largest polygon).
    pub label_at: Option<World>,
    /// Bounding box: min and max corners.
    pub bounds: Option<[World; 2]>,
}

impl AreaMesh {
    /// Triangulates a lon/lat multipolygon in world coordinates.
    pub fn from_lon_lat(shape: &MultiPolygon<f64>) -> Self {
        let mut mesh = Self::default();
        let world = shape.map_coords(|c| {
            let (x, y) = to_world(c.x, c.y);
            geo::coord! { x: x, y: y }
        });
        for polygon in &world.0 {
            let raw = polygon.earcut_triangles_raw();
            let base = mesh.vertices.len() as u32;
            mesh.vertices.extend(raw.vertices.iter().copied());
            mesh.triangles.extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                mesh.outlines.push(ring.coords().map(|c| [c.x, c.y]).collect());
            }
        }
        let largest = world.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
        mesh.label_at = largest.and_then(|p| p.interior_point()).map(|p| [p.x(), p.y()]);
        mesh.bounds = mesh.outlines.iter().flatten().fold(None, |acc: Option<[World; 2]>, &[x, y]| {
            Some(match acc {
                None => [[x, y], [x, y]],
                Some([[x0, y0], [x1, y1]]) => [[x0.min(x), y0.min(y)], [x1.max(x), y1.max(y)]],
            })
        });
        mesh
    }
}

/// Places and regions in world coordinates, with an R-tree over the places.
#[derive(Debug, Default)]
pub struct MapGeometry {
    /// Per place.
    pub places: Vec<World>,
    /// Per region.
    pub regions: Vec<AreaMesh>,
    /// Per region: the key of the shape its mesh was made from ([`Briefing::shape_key`]).
    region_keys: Vec<u64>,
    index: RTree<GeomWithData<World, u32>>,
}

impl MapGeometry {
    /// Prepares a briefing's geometry.
    pub fn new(b: &Briefing) -> Self {
        Self::keeping(b, &Self::default())
    }

    /// Prepares a briefing's geometry again, keeping the meshes of `previous` whose region's
    /// shape did not change (triangulating the boundaries is most of the work).
    pub fn keeping(b: &Briefing, previous: &MapGeometry) -> Self {
        let kept: std::collections::HashMap<u64, &AreaMesh> =
            previous.region_keys.iter().copied().zip(&previous.regions).collect();
        let region_keys: Vec<u64> = (0..b.regions().len()).map(|i| b.shape_key(i)).collect();
        let regions = region_keys
            .iter()
            .enumerate()
            .map(|(i, key)| kept.get(key).map_or_else(|| AreaMesh::from_lon_lat(b.shape(i)), |&m| m.clone()))
            .collect();
        let points = b.places().iter().map(|p| (p.lon, p.lat));
        Self { region_keys, ..Self::from_parts(points, regions) }
    }

    /// Prepares geometry from lon/lat points and ready region meshes (e.g. synthetic data).
    pub fn from_parts(points: impl IntoIterator<Item = (f64, f64)>, regions: Vec<AreaMesh>) -> Self {
        let places: Vec<World> = points.into_iter().map(|(lon, lat)| to_world(lon, lat).into()).collect();
        let index = RTree::bulk_load(places.iter().enumerate().map(|(i, &p)| GeomWithData::new(p, i as u32)).collect());
        Self { places, regions, region_keys: Vec::new(), index }
    }

    /// Place `i` is now at `lon`, `lat`: its point and its entry in the R-tree change, not
    /// the whole tree (bulk-loading 100k points is most of an edit's time).
    pub fn move_place(&mut self, i: usize, lon: f64, lat: f64) {
        let Some(point) = self.places.get_mut(i) else { return };
        let now: World = to_world(lon, lat).into();
        let was = std::mem::replace(point, now);
        if was == now {
            return;
        }
        if self.index.remove(&GeomWithData::new(was, i as u32)).is_some() {
            self.index.insert(GeomWithData::new(now, i as u32));
        } else {
            // Not found (a point equal to nothing: NaN): the tree is made again.
            let points = self.places.iter().enumerate().map(|(i, &p)| GeomWithData::new(p, i as u32)).collect();
            self.index = RTree::bulk_load(points);
        }
    }

    /// Region `i`'s mesh made again if its shape in `b` changed.
    pub fn reshape_region(&mut self, b: &Briefing, i: usize) {
        let key = b.shape_key(i);
        if let (Some(mesh), Some(kept)) = (self.regions.get_mut(i), self.region_keys.get_mut(i))
            && *kept != key
        {
            *mesh = AreaMesh::from_lon_lat(b.shape(i));
            *kept = key;
        }
    }

    /// Whether `other` holds the same points, meshes and R-tree entries (a patched geometry
    /// against one made again; the trees' shapes may differ).
    #[cfg(test)]
    pub(crate) fn same_as(&self, other: &MapGeometry) -> bool {
        let entries = |g: &MapGeometry| {
            let mut e: Vec<(u32, [u64; 2])> = g.index.iter().map(|p| (p.data, p.geom().map(f64::to_bits))).collect();
            e.sort_unstable();
            e
        };
        (&self.places, &self.regions, &self.region_keys) == (&other.places, &other.regions, &other.region_keys)
            && entries(self) == entries(other)
    }

    /// Places inside the world-coordinate box `min`..`max`.
    pub fn places_in(&self, min: World, max: World) -> impl Iterator<Item = usize> + '_ {
        self.index.locate_in_envelope(&rstar::AABB::from_corners(min, max)).map(|p| p.data as usize)
    }

    /// The place nearest to `at` within `radius` (world units), if any.
    pub fn nearest_place(&self, at: World, radius: f64) -> Option<usize> {
        self.index
            .nearest_neighbor(&at)
            .filter(|p| {
                let [x, y] = *p.geom();
                (x - at[0]).hypot(y - at[1]) <= radius
            })
            .map(|p| p.data as usize)
    }
}

/// Many points summarised on a grid: one cluster per occupied cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cluster {
    /// Mean position of the points in the cell.
    pub at: World,
    /// How many points.
    pub count: u32,
    /// One of them (the point itself when the cluster holds only one).
    pub first: u32,
    /// The group every point in the cell belongs to, or `None` when they are mixed.
    pub group: Option<u32>,
}

/// Groups the points into cells `cell` world units wide; `group` gives each point's group
/// (an actor, say), or `None` for a point to leave out.
///
/// Done once per zoom level and filter change, not per frame: drawing then costs one disc
/// per occupied cell however many places there are.
pub fn cluster(places: &[World], cell: f64, group: impl Fn(usize) -> Option<u32>) -> Vec<Cluster> {
    let mut cells: std::collections::HashMap<(i64, i64), Cluster> = std::collections::HashMap::new();
    for (i, &[x, y]) in places.iter().enumerate() {
        let Some(g) = group(i) else { continue };
        let key = ((x / cell).floor() as i64, (y / cell).floor() as i64);
        // `at` holds the running sum until the mean is taken below.
        let c = cells.entry(key).or_insert(Cluster { at: [0.0, 0.0], count: 0, first: i as u32, group: Some(g) });
        c.at[0] += x;
        c.at[1] += y;
        c.count += 1;
        if c.group != Some(g) {
            c.group = None;
        }
    }
    let mut out: Vec<Cluster> = cells
        .into_values()
        .map(|c| Cluster { at: [c.at[0] / c.count as f64, c.at[1] / c.count as f64], ..c })
        .collect();
    // A stable order keeps the drawing identical frame to frame.
    out.sort_by(|a, b| a.at[1].total_cmp(&b.at[1]).then(a.at[0].total_cmp(&b.at[0])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn concave_area_triangulates_whole() {
        // An L shape: concave, so a fan from one corner would spill outside.
        let l = MultiPolygon(vec![polygon![
            (x: 0.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 1.0), (x: 1.0, y: 1.0), (x: 1.0, y: 2.0), (x: 0.0, y: 2.0)
        ]]);
        let mesh = AreaMesh::from_lon_lat(&l);
        assert_eq!(mesh.triangles.len(), 4 * 3, "six corners, four triangles");
        assert_eq!(mesh.outlines.len(), 1);
        let [min, max] = mesh.bounds.unwrap();
        assert!(min[0] < max[0] && min[1] < max[1]);
        let [lx, ly] = mesh.label_at.unwrap();
        assert!(lx > min[0] && lx < max[0] && ly > min[1] && ly < max[1]);
    }

    #[test]
    fn clusters_count_every_kept_point_once() {
        let places: Vec<World> = (0..1000).map(|i| [(i % 40) as f64 * 0.01, (i / 40) as f64 * 0.01]).collect();
        let clusters = cluster(&places, 0.1, |i| (i % 2 == 0).then_some(0));
        assert_eq!(clusters.iter().map(|c| c.count).sum::<u32>(), 500);
        assert!(clusters.len() < 50, "{} cells", clusters.len());
        assert!(clusters.iter().all(|c| c.first % 2 == 0 && c.group == Some(0)));
    }

    #[test]
    fn a_cell_keeps_its_group_only_while_every_point_shares_it() {
        // Two cells: the left one all group 7, the right one groups 1 and 2.
        let places = [[0.01, 0.01], [0.02, 0.02], [0.11, 0.01], [0.12, 0.02], [0.13, 0.03]];
        let group = |i: usize| {
            Some(if i < 2 {
                7
            } else if i == 3 {
                2
            } else {
                1
            })
        };
        let clusters = cluster(&places, 0.1, group);
        assert_eq!(clusters.len(), 2);
        let left = clusters.iter().find(|c| c.at[0] < 0.1).expect("left cell");
        let right = clusters.iter().find(|c| c.at[0] > 0.1).expect("right cell");
        assert_eq!((left.count, left.group), (2, Some(7)));
        assert_eq!((right.count, right.group), (3, None));
        assert!((left.at[0] - 0.015).abs() < 1e-12 && (right.at[1] - 0.02).abs() < 1e-12, "means: {clusters:?}");
    }

    #[test]
    fn index_finds_places_in_a_box_and_nearest() {
        let g = MapGeometry::from_parts([(27.56, 53.9), (37.62, 55.75), (-6.33, 36.62)], Vec::new());
        let (min, max) = (to_world(20.0, 60.0), to_world(40.0, 50.0));
        let mut found: Vec<usize> = g.places_in(min.into(), max.into()).collect();
        found.sort();
        assert_eq!(found, vec![0, 1]);
        let near_minsk: World = to_world(27.6, 53.9).into();
        assert_eq!(g.nearest_place(near_minsk, 0.001), Some(0));
        assert_eq!(g.nearest_place(near_minsk, 1e-6), None);
    }
}
