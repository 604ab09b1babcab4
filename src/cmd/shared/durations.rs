//! Duration statistics over a set of timings: the minimum, mean, percentiles and maximum that
//! `logs stats` prints, `validate` judges and `monitor` watches.

use serde::Serialize;

/// A set of durations summed up, in the unit they were given (milliseconds everywhere).
#[derive(Debug, Serialize, PartialEq)]
pub struct Durations {
    pub min: f64,
    pub mean: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

/// Exact percentiles by nearest rank on the sorted durations: p is the smallest value with at
/// least p% of the values at or below it.
pub fn durations(values: &mut [f64]) -> Option<Durations> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let rank = |p: f64| values[((p / 100.0 * n as f64).ceil() as usize).clamp(1, n) - 1];
    Some(Durations {
        min: values[0],
        mean: values.iter().sum::<f64>() / n as f64,
        p50: rank(50.0),
        p95: rank(95.0),
        p99: rank(99.0),
        max: values[n - 1],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let mut v: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let d = durations(&mut v).unwrap();
        assert_eq!(
            (d.min, d.p50, d.p95, d.p99, d.max),
            (1.0, 50.0, 95.0, 99.0, 100.0)
        );
        assert_eq!(d.mean, 50.5);
        let d = durations(&mut [7.0]).unwrap();
        assert_eq!((d.p50, d.p99), (7.0, 7.0));
        assert!(durations(&mut []).is_none());
    }
}
