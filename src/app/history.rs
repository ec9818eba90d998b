//! The jump list: where the learner was before each jump (a code typed, a search, a
//! link from the quiz or the contents), like a browser's back button or vim's Ctrl-O.
//! Pure data; the app records and follows it.

/// A position in the course: a page (index) and its first visible line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub page: usize,
    pub scroll: usize,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// Places kept: enough for any reading session, bounded so it never grows without end.
    const LIMIT: usize = 100;

    /// A jump is about to leave `from`: remember it, and forget the forward list.
    pub fn record(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        let excess = self.back.len().saturating_sub(Self::LIMIT);
        self.back.drain(..excess);
        self.forward.clear();
    }

    /// The place before the last jump, if any; `current` becomes the way forward again.
    pub fn back(&mut self, current: Place) -> Option<Place> {
        let place = self.back.pop()?;
        self.forward.push(current);
        Some(place)
    }

    /// Undoes a `back`.
    pub fn forward(&mut self, current: Place) -> Option<Place> {
        let place = self.forward.pop()?;
        self.back.push(current);
        Some(place)
    }

    pub fn is_empty(&self) -> bool {
        self.back.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(page: usize) -> Place {
        Place { page, scroll: page * 10 }
    }

    #[test]
    fn back_and_forward_like_a_browser() {
        let mut h = History::default();
        assert_eq!(h.back(at(0)), None);
        h.record(at(1));
        h.record(at(2));
        assert_eq!(h.back(at(3)), Some(at(2)));
        assert_eq!(h.back(at(2)), Some(at(1)));
        assert_eq!(h.back(at(1)), None);
        assert_eq!(h.forward(at(1)), Some(at(2)));
        h.record(at(2));
        assert_eq!(h.forward(at(5)), None, "a new jump forgets the way forward");
    }

    #[test]
    fn bounded_and_without_repeats() {
        let mut h = History::default();
        for i in 0..500 {
            h.record(at(i % 300));
            h.record(at(i % 300));
        }
        let mut n = 0;
        while h.back(at(0)).is_some() {
            n += 1;
        }
        assert_eq!(n, History::LIMIT);
    }
}
