//! How many new subdomain certificates may be ordered: at most so many in any hour, so a burst
//! of tunnels cannot spend the CA's weekly allowance for the domain.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct PerHour {
    most: usize,
    recent: Mutex<VecDeque<Instant>>,
}

const HOUR: Duration = Duration::from_secs(3600);

impl PerHour {
    pub fn new(most: usize) -> PerHour {
        PerHour {
            most,
            recent: Mutex::default(),
        }
    }

    /// Takes one of the hour's allowance at `now`, or says there is none left.
    pub fn take(&self, now: Instant) -> bool {
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        while recent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= HOUR)
        {
            recent.pop_front();
        }
        if recent.len() >= self.most {
            return false;
        }
        recent.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allowance_is_spent_within_an_hour_and_comes_back_after_it() {
        let limit = PerHour::new(2);
        let t0 = Instant::now();
        assert!(limit.take(t0));
        assert!(limit.take(t0 + Duration::from_secs(60)));
        assert!(!limit.take(t0 + Duration::from_secs(120)));
        assert!(!limit.take(t0 + HOUR - Duration::from_secs(1)));
        assert!(limit.take(t0 + HOUR));
        assert!(!limit.take(t0 + HOUR + Duration::from_secs(1)));
    }
}
