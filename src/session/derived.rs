//! What is derived from a briefing for showing it: the time index, the map geometry, the
//! filter index and the span of time the slider covers. Rebuilt when the records change, or
//! patched when one record was replaced by another keeping its id.

use jiff::civil::{Date, date};

use crate::briefing::{Briefing, Replaced};
use crate::geometry::MapGeometry;
use crate::timeline::Timeline;
use crate::visibility::VisibilityIndex;

/// The span of days the time slider covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeRange {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

/// The slider's span for a briefing with no dates at all.
const NO_DATES: TimeRange = TimeRange { start: date(2010, 1, 1), end: date(2016, 12, 31) };

/// How many years a briefing whose only date is its publication looks back.
const YEARS_BEFORE_PUBLICATION: i16 = 5;

impl TimeRange {
    /// The whole calendar years from the earliest to the latest day the briefing's claims
    /// cover (a margin so that ticks do not sit on the ends); with no dated claim, the years
    /// before its sources' publication.
    ///
    /// ```
    /// # use briefmap::session::TimeRange;
    /// # use briefmap::briefing::Span;
    /// use jiff::civil::date;
    /// let spans = [Some(Span::new(date(2013, 3, 1), date(2015, 6, 30))), None];
    /// let range = TimeRange::of_spans(spans, None);
    /// assert_eq!((range.start, range.end), (date(2013, 1, 1), date(2015, 12, 31)));
    /// ```
    pub fn of_spans(spans: impl IntoIterator<Item = Option<crate::briefing::Span>>, published: Option<Date>) -> Self {
        let days = spans.into_iter().flatten().flat_map(|s| [s.start, s.end]).flatten();
        let (min, max) = days.fold((None::<Date>, None::<Date>), |(lo, hi), d| {
            (Some(lo.map_or(d, |l| l.min(d))), Some(hi.map_or(d, |h| h.max(d))))
        });
        match (min, max, published) {
            (Some(lo), Some(hi), _) => Self { start: date(lo.year(), 1, 1), end: date(hi.year(), 12, 31) },
            (_, _, Some(p)) => Self {
                start: date(p.year().saturating_sub(YEARS_BEFORE_PUBLICATION), 1, 1),
                end: date(p.year(), 12, 31),
            },
            _ => NO_DATES,
        }
    }

    /// `d` brought into the range.
    pub fn clamp(&self, d: Date) -> Date {
        d.clamp(self.start, self.end)
    }
}

impl Default for TimeRange {
    fn default() -> Self {
        NO_DATES
    }
}

/// Everything the views derive from a briefing.
#[derive(Debug, Default)]
pub struct Derived {
    /// Its claims in time order.
    pub timeline: Timeline,
    /// Its geometry in world coordinates.
    pub geometry: MapGeometry,
    /// Its compact form for filtering.
    pub visibility: VisibilityIndex,
    /// The span the time slider covers.
    pub time_range: TimeRange,
}

impl Derived {
    /// Derives the indexes of a briefing.
    pub fn new(b: &Briefing) -> Self {
        Self::keeping(b, &MapGeometry::default())
    }

    /// Derives them again after an edit, keeping the region meshes of `previous` that still
    /// stand for the same shapes.
    pub fn keeping(b: &Briefing, previous: &MapGeometry) -> Self {
        let spans = (0..b.claims().len()).map(|i| b.span(i));
        Self {
            timeline: Timeline::new(spans),
            geometry: MapGeometry::keeping(b, previous),
            visibility: VisibilityIndex::new(b),
            time_range: time_range(b),
        }
    }

    /// Patches them after the record `was` stands for was replaced by the one `b` now holds,
    /// with the same id (and, for a claim, the same places and regions): only what that record
    /// feeds changes. `b`'s lookups are patched already ([`Briefing::patch`]).
    pub fn replaced(&mut self, b: &Briefing, was: &Replaced) {
        match was {
            Replaced::Place(i, old) => {
                if let Some(p) = b.places().get(*i)
                    && (p.lon, p.lat) != (old.lon, old.lat)
                {
                    self.geometry.move_place(*i, p.lon, p.lat);
                }
                self.visibility.replace_place(b, *i);
            }
            Replaced::Region(i, _) => {
                self.geometry.reshape_region(b, *i);
                self.visibility.replace_region(b, *i);
            }
            Replaced::Claim(i, old) => {
                if b.claims().get(*i).is_some_and(|c| c.when != old.when) {
                    self.timeline.respan(*i, b.span(*i));
                    self.time_range = time_range(b);
                }
                self.visibility.replace_claim(b, *i);
            }
            // Nothing shown derives from the dates found in the texts.
            Replaced::Date(..) => {}
        }
    }
}

/// The slider's span for `b`: its claims' days, else the years before its sources' publication.
fn time_range(b: &Briefing) -> TimeRange {
    let published = b.sources().iter().filter_map(|s| s.published.as_ref()?.span().ok()?.anchor()).max();
    TimeRange::of_spans((0..b.claims().len()).map(|i| b.span(i)), published)
}
