//! CPU copies of egui's textures, kept in step with `TexturesDelta`, and sampling from them
//! with the same filtering and wrapping rules as egui-wgpu.

use std::collections::HashMap;

use egui::epaint::textures::{TextureFilter, TextureWrapMode};
use egui::{Color32, ImageData, TextureId, TextureOptions, TexturesDelta};

/// Why a texture update from egui could not be applied.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TextureError {
    /// A partial update named a texture that was never allocated with a full update.
    #[error("partial update of texture {0:?}, which was never allocated")]
    UnknownTexture(TextureId),
    /// A partial update does not fit inside the texture it updates.
    #[error("patch of {patch_size:?} at {pos:?} does not fit texture {id:?} of size {texture_size:?}")]
    PatchOutOfBounds {
        /// The texture being updated.
        id: TextureId,
        /// Where the patch starts, in texels.
        pos: [usize; 2],
        /// The patch's width and height.
        patch_size: [usize; 2],
        /// The texture's width and height.
        texture_size: [usize; 2],
    },
    /// An image's pixel buffer does not match its stated size.
    #[error("texture {id:?}: image of size {size:?} has {len} pixels")]
    PixelCountMismatch {
        /// The texture being set.
        id: TextureId,
        /// The stated width and height.
        size: [usize; 2],
        /// The number of pixels actually present.
        len: usize,
    },
}

/// One texture: premultiplied sRGBA texels, as egui uploads them, plus its sampler options.
#[derive(Clone, Debug)]
pub struct Texture {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
    options: TextureOptions,
}

impl Texture {
    /// Width and height in texels.
    pub fn size(&self) -> [usize; 2] {
        [self.width, self.height]
    }

    /// The filtering and wrapping options egui gave with the last update.
    pub fn options(&self) -> TextureOptions {
        self.options
    }

    /// The texel at (x, y); coordinates must be in range.
    pub fn texel(&self, x: usize, y: usize) -> Color32 {
        self.pixels[y * self.width + x]
    }

    /// Samples at normalised `uv` with the given filter, returning premultiplied RGBA in 0..=255.
    ///
    /// Follows egui-wgpu's "predictable texture filtering" shader path, which is what the
    /// hardware sampler does too: nearest picks the texel under `uv * size`; linear blends the
    /// four texels around `uv * size - 0.5`; out-of-range texels are wrapped per the wrap mode.
    #[inline]
    pub fn sample(&self, u: f32, v: f32, filter: TextureFilter) -> [f32; 4] {
        let wrap = self.options.wrap_mode;
        let (w, h) = (self.width as i64, self.height as i64);
        let (tx, ty) = (u * self.width as f32, v * self.height as f32);
        match filter {
            TextureFilter::Nearest => {
                let x = wrap_coord(tx.floor() as i64, w, wrap);
                let y = wrap_coord(ty.floor() as i64, h, wrap);
                to_f32(self.pixels[y * self.width + x])
            }
            TextureFilter::Linear => {
                let (px, py) = (tx - 0.5, ty - 0.5);
                let (fx, fy) = (px.floor(), py.floor());
                let (ax, ay) = (px - fx, py - fy);
                let (x0, y0) = (fx as i64, fy as i64);
                let x0w = wrap_coord(x0, w, wrap);
                let x1w = wrap_coord(x0 + 1, w, wrap);
                let y0w = wrap_coord(y0, h, wrap) * self.width;
                let y1w = wrap_coord(y0 + 1, h, wrap) * self.width;
                let tl = to_f32(self.pixels[y0w + x0w]);
                let tr = to_f32(self.pixels[y0w + x1w]);
                let bl = to_f32(self.pixels[y1w + x0w]);
                let br = to_f32(self.pixels[y1w + x1w]);
                let mut out = [0.0; 4];
                for i in 0..4 {
                    let top = tl[i] + (tr[i] - tl[i]) * ax;
                    let bottom = bl[i] + (br[i] - bl[i]) * ax;
                    out[i] = top + (bottom - top) * ay;
                }
                out
            }
        }
    }
}

#[inline]
fn to_f32(c: Color32) -> [f32; 4] {
    let [r, g, b, a] = c.to_array();
    [r as f32, g as f32, b as f32, a as f32]
}

/// Maps a texel coordinate into `0..size` the way the GPU sampler's address mode does.
#[inline]
fn wrap_coord(c: i64, size: i64, mode: TextureWrapMode) -> usize {
    let wrapped = match mode {
        TextureWrapMode::ClampToEdge => c.clamp(0, size - 1),
        TextureWrapMode::Repeat => c.rem_euclid(size),
        TextureWrapMode::MirroredRepeat => {
            let phase = c.rem_euclid(2 * size);
            phase.min(2 * size - 1 - phase)
        }
    };
    wrapped as usize
}

/// All live textures, updated from each frame's `TexturesDelta`.
///
/// egui sends the whole font atlas once, then patches (new glyphs) at an offset; images
/// loaded by the UI (map tiles) arrive the same way and are freed when dropped.
#[derive(Clone, Debug, Default)]
pub struct TextureStore {
    textures: HashMap<TextureId, Texture>,
}

impl TextureStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies and drains the `set` half of a delta. Call before painting the frame it came
    /// with.
    ///
    /// Deltas for one texture are applied in order. A bad update is skipped and the others
    /// still applied; the first error is returned. Draining matters: egui asserts (in debug
    /// builds) that no delta is dropped unapplied.
    pub fn apply_set(&mut self, delta: &mut TexturesDelta) -> Result<(), TextureError> {
        let mut result = Ok(());
        // Each texture's updates are independent of other textures', so HashMap order is fine.
        for (id, updates) in delta.set.drain() {
            for update in updates {
                let ImageData::Color(image) = &update.image;
                let applied = self.set(id, image.size, &image.pixels, update.options, update.pos);
                if result.is_ok() {
                    result = applied;
                }
            }
        }
        result
    }

    /// Applies and drains the `free` half of a delta. Call after painting the frame it came
    /// with.
    pub fn apply_free(&mut self, delta: &mut TexturesDelta) {
        for id in delta.free.drain() {
            self.free(id);
        }
    }

    /// Drops one texture; unknown ids are ignored, as egui-wgpu does.
    pub fn free(&mut self, id: TextureId) {
        self.textures.remove(&id);
    }

    /// Sets a whole texture (`pos == None`) or a patch of an existing one at `pos`.
    pub fn set(
        &mut self,
        id: TextureId,
        size: [usize; 2],
        pixels: &[Color32],
        options: TextureOptions,
        pos: Option<[usize; 2]>,
    ) -> Result<(), TextureError> {
        let [w, h] = size;
        if w.checked_mul(h) != Some(pixels.len()) {
            return Err(TextureError::PixelCountMismatch { id, size, len: pixels.len() });
        }
        let Some(pos) = pos else {
            // An empty texture cannot be sampled; egui never sends one, but a bad caller might.
            if w == 0 || h == 0 {
                self.textures.remove(&id);
                return Ok(());
            }
            self.textures.insert(id, Texture { width: w, height: h, pixels: pixels.to_vec(), options });
            return Ok(());
        };
        let texture = self.textures.get_mut(&id).ok_or(TextureError::UnknownTexture(id))?;
        let fits = pos[0].checked_add(w).is_some_and(|x| x <= texture.width)
            && pos[1].checked_add(h).is_some_and(|y| y <= texture.height);
        if !fits {
            return Err(TextureError::PatchOutOfBounds { id, pos, patch_size: size, texture_size: texture.size() });
        }
        // egui-wgpu also takes the patch's options as the texture's new sampler options.
        texture.options = options;
        if w == 0 {
            return Ok(());
        }
        for (row, src) in pixels.chunks_exact(w).enumerate() {
            let start = (pos[1] + row) * texture.width + pos[0];
            texture.pixels[start..start + w].copy_from_slice(src);
        }
        Ok(())
    }

    /// The texture with this id, if allocated.
    pub fn get(&self, id: TextureId) -> Option<&Texture> {
        self.textures.get(&id)
    }

    /// How many textures are allocated.
    pub fn len(&self) -> usize {
        self.textures.len()
    }

    /// True if no texture is allocated.
    pub fn is_empty(&self) -> bool {
        self.textures.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Color32 = Color32::from_rgb(200, 10, 10);
    const B: Color32 = Color32::from_rgb(10, 200, 10);

    fn store_with_2x2(options: TextureOptions) -> TextureStore {
        let mut store = TextureStore::new();
        store.set(TextureId::Managed(1), [2, 2], &[A, B, B, A], options, None).unwrap();
        store
    }

    #[test]
    fn partial_update_writes_only_the_patch() {
        let mut store = TextureStore::new();
        let id = TextureId::Managed(7);
        store.set(id, [3, 2], &[A; 6], TextureOptions::NEAREST, None).unwrap();
        store.set(id, [2, 1], &[B, B], TextureOptions::NEAREST, Some([1, 1])).unwrap();
        let t = store.get(id).unwrap();
        let got: Vec<_> = (0..2).flat_map(|y| (0..3).map(move |x| (x, y))).map(|(x, y)| t.texel(x, y)).collect();
        assert_eq!(got, vec![A, A, A, A, B, B]);
    }

    #[test]
    fn bad_updates_are_errors_not_panics() {
        let mut store = store_with_2x2(TextureOptions::NEAREST);
        let id = TextureId::Managed(1);
        let out = store.set(id, [2, 2], &[A; 4], TextureOptions::NEAREST, Some([1, 0]));
        assert!(matches!(out, Err(TextureError::PatchOutOfBounds { .. })));
        let unknown = TextureId::Managed(99);
        let out = store.set(unknown, [1, 1], &[A], TextureOptions::NEAREST, Some([0, 0]));
        assert_eq!(out, Err(TextureError::UnknownTexture(unknown)));
        let out = store.set(id, [2, 2], &[A; 3], TextureOptions::NEAREST, None);
        assert!(matches!(out, Err(TextureError::PixelCountMismatch { .. })));
    }

    #[test]
    fn free_removes_texture() {
        let mut store = store_with_2x2(TextureOptions::NEAREST);
        let mut delta = TexturesDelta::default();
        delta.free.insert(TextureId::Managed(1));
        store.apply_free(&mut delta);
        assert!(store.is_empty());
    }

    #[test]
    fn nearest_and_linear_sampling() {
        let store = store_with_2x2(TextureOptions::LINEAR);
        let t = store.get(TextureId::Managed(1)).unwrap();
        // Texel centres reproduce texels exactly under both filters.
        assert_eq!(t.sample(0.25, 0.25, TextureFilter::Linear), to_f32(A));
        assert_eq!(t.sample(0.75, 0.25, TextureFilter::Nearest), to_f32(B));
        // The middle of a 2x2 checker is the average of all four.
        assert_eq!(t.sample(0.5, 0.5, TextureFilter::Linear), [105.0, 105.0, 10.0, 255.0]);
        // Clamp to edge: far outside the texture repeats the corner texel.
        assert_eq!(t.sample(-3.0, -3.0, TextureFilter::Linear), to_f32(A));
    }

    #[test]
    fn wrap_modes() {
        use TextureWrapMode::*;
        assert_eq!(wrap_coord(-1, 4, ClampToEdge), 0);
        assert_eq!(wrap_coord(5, 4, ClampToEdge), 3);
        assert_eq!(wrap_coord(-1, 4, Repeat), 3);
        assert_eq!(wrap_coord(5, 4, Repeat), 1);
        assert_eq!(wrap_coord(4, 4, MirroredRepeat), 3);
        assert_eq!(wrap_coord(-1, 4, MirroredRepeat), 0);
    }
}
