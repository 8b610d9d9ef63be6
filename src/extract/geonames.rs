//! The GeoNames part of the gazetteer: `geodata/gazetteer.bin`, read in place.
//!
//! Written by `tools/build_gazetteer.py`; little-endian:
//! - header: `BMGAZ001`, then ten u32: rows, keys, blocks, fold entries, and the byte offsets of
//!   the rows, the block table, the key stream, the fold table, the string pool, and the total
//!   length;
//! - rows (24 bytes each, sorted by GeoNames id): lat and lon in 1e-5 degrees (i32), population
//!   (u32), GeoNames id (u32), name (u32 offset into the pool), flags (u8: 1 = capital, 2 = part
//!   of a bigger place close by, such as a city district), a spare
//!   byte, ISO country code (2 bytes);
//! - keys: sorted, in blocks of 16, each `shared prefix length (u8), suffix length (u8), suffix,
//!   posting count (u8), postings (u32 each: row index in the low 24 bits, 1 << 24 = the place's
//!   GeoNames name rather than an alternate one, 1 << 25 = an ordinary English word)`; the first
//!   key of a block shares nothing, so a block can be decoded alone;
//! - fold table (8 bytes each, sorted by code point): a character, and the pool offset of what it
//!   folds to (`u32::MAX`: a separator between words);
//! - pool: strings, each a length byte and UTF-8.
//!
//! Everything is checked once on load, so lookups never index out of bounds.

use std::borrow::Cow;
use std::collections::HashMap;

/// The file built into the binary.
pub const BUNDLED_NAME: &str = "geodata/gazetteer.bin";
const MAGIC: &[u8; 8] = b"BMGAZ001";
const HEADER_LEN: usize = 48;
const ROW_LEN: usize = 24;
const BLOCK: usize = 16;
const ROW_MASK: u32 = 0x00FF_FFFF;
const POSTING_PRIMARY: u32 = 1 << 24;
const POSTING_ORDINARY: u32 = 1 << 25;
const FLAG_CAPITAL: u8 = 1;
const FLAG_SECTION: u8 = 2;

/// One GeoNames place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row<'a> {
    /// GeoNames id.
    pub id: u32,
    /// GeoNames name.
    pub name: &'a str,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Population as GeoNames gives it.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code.
    pub country: &'a str,
    /// A national capital.
    pub capital: bool,
    /// Part of a bigger place close by (a city district GeoNames lists on its own).
    pub section: bool,
}

/// A name's pointer at a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    /// Row index.
    pub row: u32,
    /// The row's own GeoNames name, not an alternate one.
    pub primary: bool,
    /// The name is an ordinary English word ("nice", "reading").
    pub ordinary: bool,
}

/// What a character folds to in keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Ends a word.
    Separator,
    /// Part of a word: these characters (empty for marks and apostrophes).
    To(String),
}

/// The GeoNames gazetteer, checked and ready for lookups.
#[derive(Debug)]
pub struct GeoNames {
    data: Cow<'static, [u8]>,
    rows: usize,
    keys: usize,
    blocks: usize,
    rows_off: usize,
    blocks_off: usize,
    keys_off: usize,
    fold_off: usize,
    strings_off: usize,
    fold: HashMap<char, Fold>,
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl GeoNames {
    /// Reads and checks the file's bytes; the error says what is wrong and at which byte.
    pub fn from_bytes(data: Cow<'static, [u8]>) -> Result<Self, String> {
        let d: &[u8] = &data;
        if d.len() < HEADER_LEN || &d[..8] != MAGIC {
            return Err("not a briefmap gazetteer (no BMGAZ001 header)".into());
        }
        let h: Vec<usize> = (0..10).map(|i| u32_at(d, 8 + 4 * i).unwrap_or(0) as usize).collect();
        let [rows, keys, blocks, n_fold, rows_off, blocks_off, keys_off, fold_off, strings_off, total] = h[..] else {
            return Err("header cut short".into());
        };
        let ordered = rows_off == HEADER_LEN
            && blocks_off == rows_off + rows * ROW_LEN
            && keys_off == blocks_off + blocks * 4
            && keys_off <= fold_off
            && strings_off == fold_off + n_fold * 8
            && strings_off <= total
            && total == d.len()
            && blocks == keys.div_ceil(BLOCK)
            && rows <= ROW_MASK as usize;
        if !ordered {
            return Err(format!("header at byte 8: table offsets do not fit a file of {} bytes", d.len()));
        }
        let mut g = Self {
            data: Cow::Borrowed(&[]),
            rows,
            keys,
            blocks,
            rows_off,
            blocks_off,
            keys_off,
            fold_off,
            strings_off,
            fold: HashMap::new(),
        };
        g.fold = read_fold(d, fold_off, n_fold, strings_off)?;
        g.data = data;
        g.check()?;
        Ok(g)
    }

    /// Checks every row's name and every key block, so later reads cannot fail.
    fn check(&self) -> Result<(), String> {
        for i in 0..self.rows {
            let at = self.rows_off + i * ROW_LEN;
            let name = u32_at(&self.data, at + 16).unwrap_or(u32::MAX) as usize;
            if self.string(name).is_none() {
                return Err(format!("row {i} at byte {at}: its name is outside the string pool"));
            }
            if std::str::from_utf8(&self.data[at + 22..at + 24]).is_err() {
                return Err(format!("row {i} at byte {at}: country code is not text"));
            }
        }
        let mut prev: Vec<u8> = Vec::new();
        for b in 0..self.blocks {
            let start = self.block_start(b).ok_or_else(|| format!("block {b}: offset outside the key stream"))?;
            let mut at = start;
            let mut key = Vec::new();
            for k in 0..BLOCK.min(self.keys - b * BLOCK) {
                let (next, posts) = self
                    .decode(at, &mut key, k == 0)
                    .ok_or_else(|| format!("key {} at byte {at}: cut short or malformed", b * BLOCK + k))?;
                if key <= prev && !(b == 0 && k == 0) {
                    return Err(format!("key {} at byte {at}: keys are not sorted", b * BLOCK + k));
                }

                if posts.clone().any(|p| p.row as usize >= self.rows) {
                    return Err(format!("key {} at byte {at}: points past the last row", b * BLOCK + k));
                }
                prev.clone_from(&key);
                at = next;
            }
        }
        Ok(())
    }

    fn block_start(&self, b: usize) -> Option<usize> {
        let rel = u32_at(&self.data, self.blocks_off + 4 * b)? as usize;
        let at = self.keys_off.checked_add(rel)?;
        (at < self.fold_off).then_some(at)
    }

    /// Decodes the key at `at` into `key` (which holds the previous key of the block); returns
    /// the offset after it and its postings.
    fn decode<'s>(&'s self, at: usize, key: &mut Vec<u8>, first: bool) -> Option<(usize, Postings<'s>)> {
        let d: &[u8] = &self.data;
        let end = self.fold_off;
        let (&shared, &len) = (d.get(at)?, d.get(at + 1)?);
        let (shared, len) = (shared as usize, len as usize);
        if shared > key.len() || (first && shared != 0) || at + 2 + len + 1 > end {
            return None;
        }
        key.truncate(shared);
        key.extend_from_slice(&d[at + 2..at + 2 + len]);
        let n = d[at + 2 + len] as usize;
        let posts_at = at + 3 + len;
        if posts_at + 4 * n > end {
            return None;
        }
        Some((posts_at + 4 * n, Postings { data: &d[posts_at..posts_at + 4 * n] }))
    }

    fn string(&self, off: usize) -> Option<&str> {
        let at = self.strings_off.checked_add(off)?;
        let len = *self.data.get(at)? as usize;
        std::str::from_utf8(self.data.get(at + 1..at + 1 + len)?).ok()
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Number of distinct name keys.
    pub fn key_count(&self) -> usize {
        self.keys
    }

    /// What `c` folds to, for characters that occur in some name (`None`: none does).
    pub fn fold_of(&self, c: char) -> Option<&Fold> {
        self.fold.get(&c)
    }

    /// The row at `index` (as postings give it).
    pub fn row(&self, index: u32) -> Option<Row<'_>> {
        let i = index as usize;
        if i >= self.rows {
            return None;
        }
        let at = self.rows_off + i * ROW_LEN;
        let d: &[u8] = &self.data;
        let int = |o: usize| u32_at(d, at + o).unwrap_or(0);
        Some(Row {
            lat: f64::from(int(0) as i32) / 1e5,
            lon: f64::from(int(4) as i32) / 1e5,
            population: u64::from(int(8)),
            id: int(12),
            name: self.string(int(16) as usize).unwrap_or(""),
            capital: d[at + 20] & FLAG_CAPITAL != 0,
            section: d[at + 20] & FLAG_SECTION != 0,

            country: std::str::from_utf8(&d[at + 22..at + 24]).unwrap_or("??"),
        })
    }

    /// The row with this GeoNames id (rows are sorted by id).
    pub fn by_geonames_id(&self, id: u32) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.rows);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let got = u32_at(&self.data, self.rows_off + mid * ROW_LEN + 12)?;
            match got.cmp(&id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    /// The postings of `key`, and whether some longer key continues it with a space ("rostov"
    /// is continued by "rostov na donu").
    pub fn lookup(&self, key: &str) -> (Vec<Posting>, bool) {
        let key = key.as_bytes();
        // The last block whose first key is <= key holds the key, if any block does.
        let (mut lo, mut hi) = (0usize, self.blocks);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.first_key(mid).is_some_and(|k| k <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut keys = KeyIter { g: self, index: lo.saturating_sub(1) * BLOCK, at: 0, key: Vec::new() };
        while let Some(posts) = keys.advance() {
            match keys.key.as_slice().cmp(key) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => {
                    let exact: Vec<Posting> = posts.collect();
                    let longer = keys.advance().is_some() && continues(&keys.key, key);
                    return (exact, longer);
                }
                std::cmp::Ordering::Greater => return (Vec::new(), continues(&keys.key, key)),
            }
        }
        (Vec::new(), false)
    }

    /// The first key of a block, stored whole.
    fn first_key(&self, block: usize) -> Option<&[u8]> {
        let at = self.block_start(block)?;
        let len = *self.data.get(at + 1)? as usize;
        self.data.get(at + 2..at + 2 + len)
    }
}

/// Walks the keys in order from a block's start.
struct KeyIter<'g> {
    g: &'g GeoNames,
    index: usize,
    at: usize,
    key: Vec<u8>,
}

impl<'g> KeyIter<'g> {
    /// Moves to the next key (now in `self.key`) and returns its postings.
    fn advance(&mut self) -> Option<Postings<'g>> {
        if self.index >= self.g.keys {
            return None;
        }
        let first = self.index.is_multiple_of(BLOCK);

        if first {
            self.at = self.g.block_start(self.index / BLOCK)?;
        }
        let (next, posts) = self.g.decode(self.at, &mut self.key, first)?;
        self.at = next;
        self.index += 1;
        Some(posts)
    }
}

/// Whether `longer` is `key` followed by a space and more words.
fn continues(longer: &[u8], key: &[u8]) -> bool {
    longer.len() > key.len() + 1 && longer.starts_with(key) && longer[key.len()] == b' '
}

/// A key's postings, decoded as they are read.
#[derive(Clone, Debug)]
pub struct Postings<'a> {
    data: &'a [u8],
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        let (head, rest) = self.data.split_at_checked(4)?;
        self.data = rest;
        let p = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
        Some(Posting { row: p & ROW_MASK, primary: p & POSTING_PRIMARY != 0, ordinary: p & POSTING_ORDINARY != 0 })
    }
}

fn read_fold(d: &[u8], at: usize, n: usize, strings_off: usize) -> Result<HashMap<char, Fold>, String> {
    let mut fold = HashMap::with_capacity(n);
    for i in 0..n {
        let e = at + 8 * i;
        let (Some(cp), Some(off)) = (u32_at(d, e), u32_at(d, e + 4)) else {
            return Err(format!("fold entry {i} at byte {e}: cut short"));
        };
        let c = char::from_u32(cp).ok_or_else(|| format!("fold entry {i} at byte {e}: {cp:#x} is not a character"))?;
        let to = if off == u32::MAX {
            Fold::Separator
        } else {
            let s = strings_off + off as usize;
            let len = *d.get(s).ok_or_else(|| format!("fold entry {i} at byte {e}: outside the pool"))? as usize;
            let text = d
                .get(s + 1..s + 1 + len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .ok_or_else(|| format!("fold entry {i} at byte {e}: its string is not UTF-8 inside the pool"))?;
            Fold::To(text.to_owned())
        };
        fold.insert(c, to);
    }
    Ok(fold)
}
