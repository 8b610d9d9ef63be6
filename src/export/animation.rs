//! Animated GIFs from a sequence of rendered frames (the time-slider playback).
//!
//! Frames are streamed: each is quantised and encoded as it arrives, so a long animation
//! never holds all its full-size frames in memory; the encoded GIF is written to its file
//! whole, atomically, once complete.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use gif::{DisposalMethod, Encoder, Frame, Repeat};
use tiny_skia::Pixmap;

/// Why an animation could not be written.
#[derive(Debug, thiserror::Error)]
pub enum AnimationError {
    /// GIF sides are 16-bit.
    #[error("{0}x{1} px is too large for a GIF (at most 65535 per side)")]
    TooLarge(u32, u32),
    /// A frame's size differs from the animation's.
    #[error("frame {index} is {got:?} px but the animation is {expected:?} px")]
    FrameSize {
        /// The frame's number, counting from 1.
        index: usize,
        /// Its width and height.
        got: [u32; 2],
        /// The animation's width and height.
        expected: [u32; 2],
    },
    /// The quantisation speed is outside 1..=30.
    #[error("GIF quantisation speed must be 1..=30, not {0}")]
    InvalidSpeed(i32),
    /// Creating the file failed.
    #[error("cannot create {path}: {source}")]
    Create {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The encoder or the underlying writer failed.
    #[error("cannot write GIF: {0}")]
    Encode(#[from] gif::EncodingError),
}

/// How the GIF is timed and quantised.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GifOptions {
    /// How long each frame shows. GIF counts in 1/100 s; below 20 ms browsers slow it
    /// to 100 ms, so shorter delays are raised to 20 ms.
    pub frame_delay: Duration,
    /// NeuQuant speed, 1 (best palette, slowest) to 30 (fastest); 10 is a good compromise.
    pub speed: i32,
    /// Loop forever (true) or play once.
    pub loop_forever: bool,
}

impl Default for GifOptions {
    fn default() -> Self {
        Self { frame_delay: Duration::from_millis(100), speed: 10, loop_forever: true }
    }
}

/// Writes frames one at a time into an animated GIF.
pub struct GifWriter<W: Write> {
    encoder: Encoder<W>,
    size: [u32; 2],
    delay_cs: u16,
    speed: i32,
    frames: usize,
    /// Reused across frames to avoid a full-frame allocation each time.
    rgba: Vec<u8>,
}

impl<W: Write> GifWriter<W> {
    /// Starts a GIF of `size` px on `writer`.
    pub fn new(writer: W, size: [u32; 2], options: GifOptions) -> Result<Self, AnimationError> {
        let [w, h] = size;
        let (Ok(w16), Ok(h16)) = (u16::try_from(w), u16::try_from(h)) else {
            return Err(AnimationError::TooLarge(w, h));
        };
        if !(1..=30).contains(&options.speed) {
            return Err(AnimationError::InvalidSpeed(options.speed));
        }
        let mut encoder = Encoder::new(writer, w16, h16, &[])?;
        if options.loop_forever {
            encoder.set_repeat(Repeat::Infinite)?;
        }
        let centis = (options.frame_delay.as_millis() / 10).clamp(2, u16::MAX as u128);
        Ok(Self { encoder, size, delay_cs: centis as u16, speed: options.speed, frames: 0, rgba: Vec::new() })
    }

    /// Quantises one frame to a 256-colour palette and appends it.
    pub fn add_frame(&mut self, image: &Pixmap) -> Result<(), AnimationError> {
        let got = [image.width(), image.height()];
        if got != self.size {
            return Err(AnimationError::FrameSize { index: self.frames + 1, got, expected: self.size });
        }
        // GIF has straight (not premultiplied) colour and 1-bit transparency.
        self.rgba.clear();
        self.rgba.extend(image.pixels().iter().flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        }));
        // Sizes were checked to fit u16 in `new`.
        let mut frame = Frame::from_rgba_speed(got[0] as u16, got[1] as u16, &mut self.rgba, self.speed);
        frame.delay = self.delay_cs;
        // Clear each frame's area after showing it, so transparent pixels of the next frame
        // do not reveal stale content.
        frame.dispose = DisposalMethod::Background;
        self.encoder.write_frame(&frame)?;
        self.frames += 1;
        Ok(())
    }

    /// How many frames have been written.
    pub fn frames(&self) -> usize {
        self.frames
    }

    /// Finishes the file (writes the trailer) and returns the writer.
    pub fn finish(self) -> Result<W, AnimationError> {
        Ok(self.encoder.into_inner()?)
    }
}

/// Writes `frames` as an animated GIF at `path`; the first frame sets the size.
pub fn write_gif<'a>(
    path: &Path,
    frames: impl IntoIterator<Item = &'a Pixmap>,
    options: GifOptions,
) -> Result<(), AnimationError> {
    let mut frames = frames.into_iter().peekable();
    let size = frames.peek().map_or([1, 1], |first| [first.width(), first.height()]);
    // Encoded in memory and written whole, so a failed export never leaves half a GIF in
    // place of an earlier one.
    let mut writer = GifWriter::new(Vec::new(), size, options)?;
    for frame in frames {
        writer.add_frame(frame)?;
    }
    let bytes = writer.finish()?;
    crate::atomic::write_atomic(path, &bytes).map_err(|source| AnimationError::Create { path: path.to_owned(), source })
}
