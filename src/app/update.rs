//! What a handler answers: whether the screen may have changed. The loop draws only after
//! a change, so a handler answers `NotChanged` only when it certainly did nothing (an
//! action its screen ignores, a scroll already at its end); when unsure, `Changed`.

/// Whether an event changed what the view shows. `#[must_use]`: a handler that calls
/// another passes its answer on (`|` joins answers), or the screen would not redraw.
#[must_use = "the loop redraws only when a handler says something changed"]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    Changed,
    NotChanged,
}

impl Update {
    pub fn changed(self) -> bool {
        self == Update::Changed
    }
}

impl From<bool> for Update {
    fn from(changed: bool) -> Update {
        if changed { Update::Changed } else { Update::NotChanged }
    }
}

impl std::ops::BitOr for Update {
    type Output = Update;

    fn bitor(self, other: Update) -> Update {
        Update::from(self.changed() || other.changed())
    }
}

impl std::ops::BitOrAssign for Update {
    fn bitor_assign(&mut self, other: Update) {
        *self = *self | other;
    }
}
