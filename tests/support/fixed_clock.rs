//! A clock that stands still, for the tests that drive the app without a terminal.
use status_tutor::app::Clock;

/// Always 1 s after start, on 2026-11-25 at 10:00 UTC.
pub struct FixedClock;

impl Clock for FixedClock {
    fn now_ms(&self) -> u64 {
        1_000
    }
    fn date(&self) -> String {
        "2026-11-25T10:00:00Z".to_string()
    }
}
