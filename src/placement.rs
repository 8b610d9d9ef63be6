//! Label placement in screen space: a greedy collision filter shared by every label on the
//! map (the briefing's names and the basemap's).
//!
//! Labels are offered in priority order, each as the boxes it would cover (its text, a dot);
//! one is kept unless a box overlaps, or comes within the gap of, a box kept before it or
//! space reserved for something else (markers, the scale bar, panels). Plain geometry: the
//! caller measures text and draws what was kept.

/// An axis-aligned screen rectangle (points): min x, min y, max x, max y.
pub type ScreenBox = [f32; 4];

/// Greedy collision filter: keeps boxes that do not clash with any earlier kept or reserved box.
///
/// Two boxes clash when they overlap or come within `gap` of each other; boxes that just touch
/// clash too.
#[derive(Debug, Default)]
pub struct Placer {
    placed: Vec<ScreenBox>,
    reserved: Vec<ScreenBox>,
    gap: f32,
    /// Which boxes lie in each grid cell, so a label is checked against its neighbours only (a
    /// draft's hundreds of markers made checking every box for every label most of a frame).
    grid: std::collections::HashMap<(i32, i32), Vec<Kept>>,
    /// Boxes too big for the grid (past [`MAX_CELLS`] cells), checked against every label.
    oversized: Vec<Kept>,
}

/// A box kept: placed (index into `placed`) or reserved (into `reserved`).
#[derive(Clone, Copy, Debug)]
enum Kept {
    Placed(u32),
    Reserved(u32),
}

/// The grid's cell, in points: about a short label's width.
const CELL: f32 = 64.0;
/// Most cells one box is filed under; a bigger one (a panel) goes in `oversized`.
const MAX_CELLS: i64 = 1024;

/// The cells `b` covers, grown by `grow` on every side (inclusive ranges), if not too many.
fn cells(b: &ScreenBox, grow: f32) -> Option<(std::ops::RangeInclusive<i32>, std::ops::RangeInclusive<i32>)> {
    let cell = |v: f32| (v / CELL).floor() as i32;
    let (x0, y0, x1, y1) = (cell(b[0] - grow), cell(b[1] - grow), cell(b[2] + grow), cell(b[3] + grow));
    let count = (i64::from(x1) - i64::from(x0) + 1) * (i64::from(y1) - i64::from(y0) + 1);
    (x1 >= x0 && y1 >= y0 && count <= MAX_CELLS).then_some((x0..=x1, y0..=y1))
}

impl Placer {
    /// A placer that keeps `gap` points of clear space between labels.
    pub fn new(gap: f32) -> Placer {
        Placer { placed: Vec::with_capacity(256), gap, ..Placer::default() }
    }

    /// Place the label occupying `boxes` (text and its dot) if none clashes with a placed or
    /// reserved box.
    pub fn try_place(&mut self, boxes: &[ScreenBox]) -> bool {
        self.try_place_beside(boxes, None)
    }

    /// Like [`Self::try_place`] for the label of a marker at `anchor`: reserved boxes that
    /// contain the anchor (the marker's own) do not block it. With `None` every box counts.
    pub fn try_place_beside(&mut self, boxes: &[ScreenBox], anchor: Option<[f32; 2]>) -> bool {
        let g = self.gap;
        let clashes = |p: &ScreenBox| {
            boxes.iter().any(|b| b[0] - g <= p[2] && p[0] <= b[2] + g && b[1] - g <= p[3] && p[1] <= b[3] + g)
        };
        let own = |p: &ScreenBox| anchor.is_some_and(|[x, y]| p[0] <= x && x <= p[2] && p[1] <= y && y <= p[3]);
        let blocks = |k: &Kept| match *k {
            Kept::Placed(i) => clashes(&self.placed[i as usize]),
            Kept::Reserved(i) => {
                let p = &self.reserved[i as usize];
                clashes(p) && !own(p)
            }
        };
        let near = |b: &ScreenBox| match cells(b, g) {
            Some((xs, ys)) => xs
                .flat_map(|x| ys.clone().map(move |y| (x, y)))
                .any(|c| self.grid.get(&c).is_some_and(|kept| kept.iter().any(blocks))),
            // A label too big for the grid: every box counts.
            None => self.placed.iter().any(clashes) || self.reserved.iter().any(|p| clashes(p) && !own(p)),
        };
        let clash = self.oversized.iter().any(blocks) || boxes.iter().any(near);
        if !clash {
            for b in boxes {
                self.placed.push(*b);
                self.file(Kept::Placed(self.placed.len() as u32 - 1), b);
            }
        }
        !clash
    }

    /// Keep `b` clear of labels, whatever it overlaps: space that is taken already (the
    /// briefing's markers and their labels touch each other, yet both must stay clear).
    pub fn reserve(&mut self, b: ScreenBox) {
        self.reserved.push(b);
        self.file(Kept::Reserved(self.reserved.len() as u32 - 1), &b);
    }

    /// Files a kept box under the cells it covers.
    fn file(&mut self, kept: Kept, b: &ScreenBox) {
        match cells(b, 0.0) {
            Some((xs, ys)) => {
                for x in xs {
                    for y in ys.clone() {
                        self.grid.entry((x, y)).or_default().push(kept);
                    }
                }
            }
            None => self.oversized.push(kept),
        }
    }

    /// Number of boxes placed or reserved so far.
    pub fn placed(&self) -> usize {
        self.placed.len() + self.reserved.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placer_keeps_the_first_of_two_overlapping_labels() {
        let mut placer = Placer::new(2.0);
        assert!(placer.try_place(&[[0.0, 0.0, 50.0, 12.0]]));
        // Overlaps the first: rejected.
        assert!(!placer.try_place(&[[40.0, 5.0, 90.0, 17.0]]));
        // Within the gap of the first: rejected too.
        assert!(!placer.try_place(&[[51.0, 0.0, 80.0, 12.0]]));
        // Clear of it: kept.
        assert!(placer.try_place(&[[60.0, 0.0, 90.0, 12.0]]));
        assert_eq!(placer.placed(), 2);
    }

    #[test]
    fn reserved_boxes_all_count_even_when_they_touch() {
        let mut placer = Placer::new(2.0);
        // A marker and its label, side by side: both reserved.
        placer.reserve([0.0, 0.0, 10.0, 10.0]);
        placer.reserve([10.0, 0.0, 120.0, 10.0]);
        // A town name over the marker's label is refused.
        assert!(!placer.try_place(&[[60.0, 2.0, 100.0, 12.0]]));
        assert_eq!(placer.placed(), 2);
    }

    #[test]
    fn a_marker_does_not_block_its_own_label_but_blocks_others() {
        let mut placer = Placer::new(0.0);
        let marker = [0.0, 0.0, 10.0, 10.0];
        placer.reserve(marker);
        let label = [8.0, 2.0, 60.0, 8.0];
        // Anchored inside the marker: its own label may touch it.
        assert!(placer.try_place_beside(&[label], Some([5.0, 5.0])));
        // Another label over the marker is refused, and so is one over the first label.
        assert!(!placer.try_place_beside(&[[-30.0, 2.0, 2.0, 8.0]], Some([40.0, 40.0])));
        assert!(!placer.try_place_beside(&[[50.0, 0.0, 90.0, 9.0]], Some([5.0, 5.0])));
    }

    #[test]
    fn the_grid_keeps_what_checking_every_box_keeps() {
        // The same greedy filter, checking every box: the grid must agree with it exactly.
        fn brute(placed: &[ScreenBox], reserved: &[ScreenBox], b: &ScreenBox, g: f32, at: [f32; 2]) -> bool {
            let clashes = |p: &ScreenBox| b[0] - g <= p[2] && p[0] <= b[2] + g && b[1] - g <= p[3] && p[1] <= b[3] + g;
            let own = |p: &ScreenBox| p[0] <= at[0] && at[0] <= p[2] && p[1] <= at[1] && at[1] <= p[3];
            !(placed.iter().any(clashes) || reserved.iter().any(|p| clashes(p) && !own(p)))
        }
        let mut rng = fastrand::Rng::with_seed(7);
        let mut placer = Placer::new(3.0);
        let (mut placed, mut reserved) = (Vec::new(), Vec::new());
        let any = |rng: &mut fastrand::Rng, big: f32| {
            let (x, y) = (rng.f32() * 1600.0 - 100.0, rng.f32() * 900.0 - 100.0);
            [x, y, x + rng.f32() * big + 1.0, y + rng.f32() * 20.0 + 1.0]
        };
        for i in 0..3000 {
            if i % 3 == 0 {
                let b = any(&mut rng, if i % 300 == 0 { 5000.0 } else { 12.0 });
                placer.reserve(b);
                reserved.push(b);
            } else {
                let b = any(&mut rng, 120.0);
                let at = [b[0] - 1.0, b[1] + 1.0];
                let expected = brute(&placed, &reserved, &b, 3.0, at);
                assert_eq!(placer.try_place_beside(&[b], Some(at)), expected, "box {i}: {b:?}");
                if expected {
                    placed.push(b);
                }
            }
        }
        assert!(placed.len() > 50, "some are kept: {}", placed.len());
    }

    #[test]
    fn touching_boxes_clash() {
        let mut placer = Placer::new(0.0);
        assert!(placer.try_place(&[[0.0, 0.0, 10.0, 10.0]]));
        assert!(!placer.try_place(&[[10.0, 0.0, 20.0, 10.0]]));
        assert!(placer.try_place(&[[10.5, 0.0, 20.0, 10.0]]));
    }
}
