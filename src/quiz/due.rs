//! The review queue: which of the learner's cards are due, when the next one comes, and
//! how to say "when" to the learner. Pure like the scheduling it reads (times are Unix
//! seconds); the scheduling of one card is in `memory`.

use std::collections::BTreeMap;

use super::memory::{Memory, day};

/// When a question comes back, said for the learner: "now", "in 5 min", "in 3 h",
/// "tomorrow", "in 4 days" (days counted by the UTC date).
#[must_use]
pub fn when(due: i64, now: i64) -> String {
    let wait = due - now;
    match day(due) - day(now) {
        _ if wait <= 0 => "now".to_owned(),
        _ if wait < 3600 => format!("in {} min", (wait + 59) / 60),
        ..=0 => format!("in {} h", (wait + 1800) / 3600),
        1 => "tomorrow".to_owned(),
        days => format!("in {days} days"),
    }
}

/// The ids of the questions due at `now`, most overdue first (ties by id, so the order
/// is stable).
#[must_use]
pub fn due_ids(cards: &BTreeMap<String, Memory>, now: i64) -> Vec<&str> {
    let mut due: Vec<(&str, i64)> =
        cards.iter().filter(|(_, m)| m.is_due(now)).map(|(id, m)| (id.as_str(), m.due)).collect();
    due.sort_by_key(|(id, at)| (*at, *id));
    due.into_iter().map(|(id, _)| id).collect()
}

/// When the next question is due after `now`, if any question is scheduled at all.
#[must_use]
pub fn next_due(cards: &BTreeMap<String, Memory>) -> Option<i64> {
    cards.values().map(|m| m.due).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::DAY;

    const NOW: i64 = 1_764_000_000;

    #[test]
    fn when_says_minutes_hours_and_days() {
        let noon = NOW - NOW.rem_euclid(DAY) + 12 * 3600;
        assert_eq!(when(noon - 1, noon), "now");
        assert_eq!(when(noon + 300, noon), "in 5 min");
        assert_eq!(when(noon + 3 * 3600, noon), "in 3 h");
        assert_eq!(when(noon + DAY, noon), "tomorrow");
        assert_eq!(when(noon + 4 * DAY, noon), "in 4 days");
    }

    #[test]
    fn due_ids_are_most_overdue_first() {
        let mut cards = BTreeMap::new();
        cards.insert("later".to_owned(), Memory { due: NOW + 10, ..Memory::default() });
        cards.insert("b".to_owned(), Memory { due: NOW - 5, ..Memory::default() });
        cards.insert("a".to_owned(), Memory { due: NOW - 100, ..Memory::default() });
        cards.insert("c".to_owned(), Memory { due: NOW - 5, ..Memory::default() });
        assert_eq!(due_ids(&cards, NOW), ["a", "b", "c"]);
        assert_eq!(next_due(&cards), Some(NOW - 100));
    }
}
