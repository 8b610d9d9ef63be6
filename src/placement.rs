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
}

impl Placer {
    /// A placer that keeps `gap` points of clear space between labels.
    pub fn new(gap: f32) -> Placer {
        Placer { placed: Vec::with_capacity(256), reserved: Vec::new(), gap }
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
        let clash = self.placed.iter().any(clashes) || self.reserved.iter().any(|p| clashes(p) && !own(p));
        if !clash {
            self.placed.extend_from_slice(boxes);
        }
        !clash
    }

    /// Keep `b` clear of labels, whatever it overlaps: space that is taken already (the
    /// briefing's markers and their labels touch each other, yet both must stay clear).
    pub fn reserve(&mut self, b: ScreenBox) {
        self.reserved.push(b);
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
    fn touching_boxes_clash() {
        let mut placer = Placer::new(0.0);
        assert!(placer.try_place(&[[0.0, 0.0, 10.0, 10.0]]));
        assert!(!placer.try_place(&[[10.0, 0.0, 20.0, 10.0]]));
        assert!(placer.try_place(&[[10.5, 0.0, 20.0, 10.0]]));
    }
}
