//! The jump list: where the learner was before each jump (a code typed, a search, a
//! link from the quiz or the contents), like a browser's back button or vim's Ctrl-O.
//! Pure data; the app records and follows it. (No forward list: `Ctrl-I` is `Tab` in a
//! terminal, and no other key would be guessed.)

/// A position in the course: a page (index) and its first visible line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub page: usize,
    pub scroll: usize,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Place>,
}

impl History {
    /// Places kept: enough for any reading session, bounded so it never grows without end.
    const LIMIT: usize = 100;

    /// A jump is about to leave `from`: remember it.
    pub fn record(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        let excess = self.back.len().saturating_sub(Self::LIMIT);
        self.back.drain(..excess);
    }

    /// The place before the last jump, if any.
    pub fn back(&mut self) -> Option<Place> {
        self.back.pop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(page: usize) -> Place {
        Place { page, scroll: page * 10 }
    }

    #[test]
    fn back_goes_through_the_jumps_newest_first() {
        let mut h = History::default();
        assert_eq!(h.back(), None);
        h.record(at(1));
        h.record(at(2));
        assert_eq!(h.back(), Some(at(2)));
        assert_eq!(h.back(), Some(at(1)));
        assert_eq!(h.back(), None);
    }

    #[test]
    fn bounded_and_without_repeats() {
        let mut h = History::default();
        for i in 0..500 {
            h.record(at(i % 300));
            h.record(at(i % 300));
        }
        let mut n = 0;
        while h.back().is_some() {
            n += 1;
        }
        assert_eq!(n, History::LIMIT);
    }
}
