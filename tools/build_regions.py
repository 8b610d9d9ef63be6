#!/usr/bin/env python3
"""Build geodata/regions-raw.geojson: countries and selected admin-1 regions, unsimplified.

Countries come from Natural Earth 10m admin-0 in the German point of view (Crimea drawn in
Ukraine). Admin-1 polygons come from QGIS's world_map.gpkg (low detail, Crimea attributed to
Russia); each is clipped to its Natural Earth 10m country so outer borders and coasts are 10m, and
the slivers that the coarse provinces leave inside a country are given to the neighbour that
touches them most. ISO 3166-2 codes and English names come from tools/admin1_codes.tsv and are
checked against pycountry. The result is simplified with mapshaper (topology-aware, so shared
borders stay shared), repaired where simplification made a ring touch itself, rounded to 4
decimals and checked for the regions the first briefing needs.

Usage: build_regions.py NE_ADMIN0_SHP_BASE QGIS_WORLD_MAP_GPKG ADMIN1_CODES_TSV MAPSHAPER OUT_GEOJSON
"""

import json
import os
import subprocess
import tempfile
import sqlite3
import sys

import pycountry
import shapefile
import shapely
from shapely.geometry import box, mapping, shape

# Countries whose polygon touches the map extent (lon -12..45, lat 34..66): Europe, the Caucasus,
# Turkey, the Maghreb and the Levant.
COUNTRY_BOX = box(-12.0, 34.0, 45.0, 66.0)
# Countries whose admin-1 regions are clipped and sliver-filled (all their provinces are needed
# to assign slivers, even when only some are written out).
ADMIN1_COUNTRIES = {"BLR": "BY", "UKR": "UA", "RUS": "RU"}
# Outside this box (the map extent plus a margin) outlines are pre-simplified to about 2 km, so
# Russia's Arctic and Pacific coasts and Norway's northern fjords do not dominate the file size.
DETAIL_BOX = box(-16.0, 30.0, 56.0, 68.0)
COARSE_TOLERANCE_DEG = 0.02
# mapshaper simplification interval: ~1.5 px at zoom 8, keeps the file near 1.5 MB.
SIMPLIFY_INTERVAL_M = 500
# Regions the first briefing names; the build fails if one is missing.
REQUIRED = (
    "BY UA RU PL LT LV EE GE MD RO TR ES DE RU-SMO RU-VOR RU-ROS RU-BRY RU-PSK RU-KGD "
    "UA-43 UA-40 UA-14 UA-09 BY-BR BY-HO BY-HR BY-MA BY-MI BY-VI BY-HM"
).split()


def fail(msg):
    sys.exit(f"build_regions.py: {msg}")


def load_countries(shp_base):
    """ISO alpha-2 -> (English name, shapely geometry) for countries in COUNTRY_BOX."""
    reader = shapefile.Reader(shp_base)
    out = {}
    for sr in reader.iterShapeRecords(fields=["ISO_A2_EH", "NAME_EN", "TYPE"]):
        code = sr.record["ISO_A2_EH"]
        if code == "-99" or sr.record["TYPE"] in ("Dependency", "Lease", "Indeterminate"):
            continue
        geom = shapely.make_valid(shape(sr.shape.__geo_interface__))
        if not geom.intersects(COUNTRY_BOX):
            continue
        if code in out:
            fail(f"{shp_base}: two countries with ISO_A2_EH {code}")
        out[code] = (sr.record["NAME_EN"], geom)
    return out


def gpkg_geometry(blob):
    """Decode a GeoPackage geometry blob (header + WKB) into shapely."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope_len = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    return shapely.from_wkb(bytes(blob[8 + envelope_len :]))


def load_admin1(gpkg):
    """(adm0_a3, name) -> geometry for every province of ADMIN1_COUNTRIES."""
    con = sqlite3.connect(gpkg)
    rows = con.execute(
        "select fid, adm0_a3, name, geom from states_provinces where adm0_a3 in (?, ?, ?)",
        tuple(ADMIN1_COUNTRIES),
    )
    out = {}
    for fid, adm0, name, blob in rows:
        key = (adm0, name if name else f"#fid{fid}")
        geom = shapely.make_valid(gpkg_geometry(blob))
        out[key] = out[key].union(geom) if key in out else geom
    return out


def load_codes(path):
    """(adm0_a3, source name) -> (iso code, English name, country alpha-2), validated."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 5:
                fail(f"{path}:{lineno}: expected 5 tab-separated columns, got {len(cols)}")
            adm0, src, code, name, country = cols
            if pycountry.subdivisions.get(code=code) is None:
                fail(f"{path}:{lineno}: {code} is not an ISO 3166-2 code")
            if not code.startswith(country + "-"):
                fail(f"{path}:{lineno}: {code} does not belong to {country}")
            out[(adm0, src)] = (code, name, country)
    return out


def fill_slivers(country, pieces):
    """Clip pieces to the country, make them disjoint and hand leftover slivers to neighbours."""
    shapely.prepare(country)
    clipped = {}
    taken = None
    for key, geom in pieces.items():
        part = geom.intersection(country)
        if taken is not None:
            part = part.difference(taken)
        clipped[key] = part
        taken = part if taken is None else taken.union(part)
    rest = country.difference(taken)
    keys = list(clipped)
    tree = shapely.STRtree([clipped[k] for k in keys])
    extra = {k: [] for k in keys}
    for sliver in getattr(rest, "geoms", [rest]):
        if sliver.is_empty or sliver.area <= 0:
            continue
        halo = sliver.buffer(0.02)
        near = tree.query(halo, predicate="intersects")
        if len(near):
            best = keys[max(near, key=lambda i: halo.intersection(clipped[keys[i]]).area)]
        else:
            best = keys[tree.nearest(sliver)]
        extra[best].append(sliver)
    for k, slivers in extra.items():
        if slivers:
            clipped[k] = shapely.union_all([clipped[k], *slivers])
    return clipped


def polygonal(geom):
    """Keep only the polygon parts of a geometry (intersections can leave lines or points)."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def coarsen_outside_detail(geom):
    """Keep full detail inside DETAIL_BOX; simplify what lies outside it."""
    if DETAIL_BOX.contains(geom):
        return geom
    inner = geom.intersection(DETAIL_BOX)
    outer = geom.difference(DETAIL_BOX).simplify(COARSE_TOLERANCE_DEG, preserve_topology=True)
    return polygonal(shapely.make_valid(shapely.union_all([inner, outer])))


def main():
    if len(sys.argv) != 6:
        fail(__doc__.strip().splitlines()[-1])
    shp_base, gpkg, codes_tsv, mapshaper, out_path = sys.argv[1:]
    countries = load_countries(shp_base)
    admin1 = load_admin1(gpkg)
    codes = load_codes(codes_tsv)
    missing = [k for k in codes if k not in admin1]
    if missing:
        fail(f"{gpkg}: provinces named in {codes_tsv} not found: {missing}")

    features = []
    for code in sorted(countries):
        name, geom = countries[code]
        features.append((code, name, geom))

    for adm0, a2 in ADMIN1_COUNTRIES.items():
        # A province belongs to the country its code says (Crimea: UA), not to the source's adm0.
        mine = {
            k: g
            for k, g in admin1.items()
            if (codes[k][2] if k in codes else ADMIN1_COUNTRIES[k[0]]) == a2
        }
        clipped = fill_slivers(countries[a2][1], mine)
        for key, geom in clipped.items():
            if key in codes:
                code, name, _ = codes[key]
                features.append((code, name, polygonal(geom)))

    raw = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": c, "name": n},
                "geometry": mapping(coarsen_outside_detail(g)),
            }
            for c, n, g in features
        ],
    }
    with tempfile.TemporaryDirectory() as tmp:
        raw_path = os.path.join(tmp, "raw.geojson")
        simple_path = os.path.join(tmp, "simple.geojson")
        with open(raw_path, "w", encoding="utf-8") as f:
            json.dump(raw, f)
        subprocess.run(
            [mapshaper, raw_path, "-simplify", f"interval={SIMPLIFY_INTERVAL_M}", "keep-shapes",
             "-filter-islands", "min-area=30km2",
             "-o", simple_path, "precision=0.0001", "format=geojson"],
            check=True,
        )
        with open(simple_path, encoding="utf-8") as f:
            simple = json.load(f)
    out = finalize(simple)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"build_regions.py: {len(out['features'])} features -> {out_path}")


def finalize(fc):
    """Repair rings that simplification made touch, snap to 4 decimals, check required codes."""
    seen = set()
    for feat in fc["features"]:
        geom = shapely.set_precision(polygonal(shapely.make_valid(shape(feat["geometry"]))), 1e-4)
        geom = polygonal(geom)
        if geom.is_empty or not geom.is_valid:
            fail(f"region {feat['properties']['code']}: geometry empty or invalid after repair")
        feat["geometry"] = json.loads(json.dumps(mapping(geom)), parse_float=lambda x: round(float(x), 4))
        seen.add(feat["properties"]["code"])
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        fail(f"required regions missing from the output: {missing}")
    return fc


if __name__ == "__main__":
    main()
