//! Scale bar arithmetic: a round ground distance (1, 2 or 5 × 10ⁿ m) that fits a length.

/// The longest round distance whose bar fits in `max_points`, and that bar's length in points.
pub fn nice_scale(metres_per_point: f64, max_points: f64) -> (f64, f64) {
    let max_m = metres_per_point * max_points;
    if !(max_m.is_finite() && max_m > 0.0) {
        return (0.0, 0.0);
    }
    let magnitude = 10f64.powf(max_m.log10().floor());
    let step = [5.0, 2.0, 1.0].into_iter().map(|m| m * magnitude).find(|&d| d <= max_m).unwrap_or(magnitude);
    (step, step / metres_per_point)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_largest_round_distance_that_fits() {
        // 1 km per point, 120 points available: 100 km fits, 200 km does not.
        assert_eq!(nice_scale(1000.0, 120.0), (100_000.0, 100.0));
        // 2.5 km per point: 300 km available, 200 km is the round one.
        assert_eq!(nice_scale(2500.0, 120.0), (200_000.0, 80.0));
        // 45 m per point: 5400 m available, 5 km chosen.
        let (m, len) = nice_scale(45.0, 120.0);
        assert_eq!(m, 5000.0);
        assert!((len - 5000.0 / 45.0).abs() < 1e-9);
        assert_eq!(nice_scale(0.0, 120.0), (0.0, 0.0));
    }
}
