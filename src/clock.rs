//! Time for the quiz and review, passed in so the app and plain mode stay testable.
use crate::progress::review;

/// Milliseconds on a monotonic clock, and today's date for the history of rounds.
pub trait Clock {
    fn now_ms(&self) -> u64;
    fn date(&self) -> String;
    /// Seconds since the Unix epoch, for spaced review: by default read from `date`.
    fn unix(&self) -> i64 {
        review::unix_from_rfc3339(&self.date()).unwrap_or(0)
    }
}

/// The real clock.
pub struct SystemClock {
    start: std::time::Instant,
}

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock { start: std::time::Instant::now() }
    }
}

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn date(&self) -> String {
        crate::progress::now_rfc3339()
    }
}
