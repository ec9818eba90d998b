//! Spaced review: a memory state per question, scheduled with FSRS (the `rs-fsrs` crate).
//!
//! Pure: the time comes in as seconds since the Unix epoch. The state is plain numbers so
//! the progress file stays readable; it is turned into an FSRS card only to schedule.
//! The long-term scheduler is used: intervals are whole days, so a question answered
//! wrongly is due the next day and one answered right a few days later.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

use super::grade::{Record, Verdict};

/// A right answer given within this time counts as "Easy" (seen again later).
pub const EASY_WITHIN_MS: u64 = 6_000;

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// How well a question was recalled: the three ratings the quiz gives FSRS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    /// Wrong or skipped.
    Again,
    /// Right.
    Good,
    /// Right, and fast.
    Easy,
}

impl Grade {
    /// The grade of an answered question: wrong or skipped is `Again`, right within
    /// [`EASY_WITHIN_MS`] is `Easy`, right otherwise `Good`.
    #[must_use]
    pub fn of(record: &Record) -> Self {
        match record.verdict {
            Verdict::Wrong | Verdict::Skipped => Self::Again,
            Verdict::Correct if record.spent_ms > 0 && record.spent_ms <= EASY_WITHIN_MS => Self::Easy,
            Verdict::Correct => Self::Good,
        }
    }

    fn rating(self) -> Rating {
        match self {
            Self::Again => Rating::Again,
            Self::Good => Rating::Good,
            Self::Easy => Rating::Easy,
        }
    }
}

/// What the learner remembers of one question, as FSRS models it. Times are Unix seconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Memory {
    /// When the question is due again.
    pub due: i64,
    /// FSRS stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1 to 10.
    pub difficulty: f64,
    /// Days between the last two reviews.
    pub elapsed_days: i64,
    /// Days from the last review to `due`.
    pub scheduled_days: i64,
    /// Times answered.
    pub reps: i32,
    /// Times a right answer was followed by a wrong one.
    pub lapses: i32,
    /// When it was last answered.
    pub last_review: i64,
    /// Whether the last answer was right.
    pub last_right: bool,
}

// The floats come from FSRS and are checked finite on use (see `card`); a NaN from a
// hand-edited file would only make that card compare unequal to itself.
impl Eq for Memory {}

impl Default for Memory {
    fn default() -> Self {
        Self {
            due: 0,
            stability: 0.0,
            difficulty: 0.0,
            elapsed_days: 0,
            scheduled_days: 0,
            reps: 0,
            lapses: 0,
            last_review: 0,
            last_right: false,
        }
    }
}

/// The scheduler: FSRS with its default weights, long-term mode (whole days), no fuzz
/// (so a test can predict the interval).
fn scheduler() -> FSRS {
    FSRS::new(Parameters { enable_short_term: false, enable_fuzz: false, ..Parameters::default() })
}

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

impl Memory {
    /// The FSRS card for this state; a state that is not usable (never answered, or
    /// numbers that are not finite) is a new card.
    fn card(&self) -> Card {
        let usable = self.reps > 0 && self.stability.is_finite() && self.difficulty.is_finite() && self.stability > 0.0;
        if !usable {
            return Card { due: time(self.due), last_review: time(self.last_review), ..Card::default() };
        }
        Card {
            due: time(self.due),
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: State::Review,
            last_review: time(self.last_review),
        }
    }

    /// The state after answering at `now` with `grade` (`None` before: a new question).
    #[must_use]
    pub fn after(previous: Option<&Memory>, grade: Grade, now: i64) -> Memory {
        let card =
            previous.map_or_else(|| Card { due: time(now), last_review: time(now), ..Card::default() }, Memory::card);
        let next = scheduler().next(card, time(now), grade.rating()).card;
        Memory {
            due: next.due.timestamp(),
            stability: next.stability,
            difficulty: next.difficulty,
            elapsed_days: next.elapsed_days,
            scheduled_days: next.scheduled_days,
            reps: next.reps,
            lapses: next.lapses,
            last_review: now,
            last_right: grade != Grade::Again,
        }
    }

    /// Whether the question is due at `now`.
    #[must_use]
    pub fn is_due(&self, now: i64) -> bool {
        self.due <= now
    }

    /// Learned: the last answer was right and it is not due yet. Otherwise shaky.
    #[must_use]
    pub fn is_learned(&self, now: i64) -> bool {
        self.last_right && !self.is_due(now)
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

    const NOW: i64 = 1_764_000_000;

    #[test]
    fn a_wrong_answer_is_due_sooner_than_a_right_one() {
        let wrong = Memory::after(None, Grade::Again, NOW);
        let right = Memory::after(None, Grade::Good, NOW);
        let easy = Memory::after(None, Grade::Easy, NOW);
        assert!(wrong.due < right.due && right.due < easy.due, "{wrong:?} {right:?} {easy:?}");
        assert_eq!(wrong.due, NOW + DAY, "wrong: back the next day");
        assert!(right.due >= NOW + 2 * DAY);
        assert!(!wrong.last_right && right.last_right);
    }

    #[test]
    fn grades_follow_the_verdict_and_the_time_taken() {
        use crate::quiz::Answer;
        let record = |verdict, spent_ms| Record { answer: Answer::TrueFalse(true), verdict, spent_ms };
        assert_eq!(Grade::of(&record(Verdict::Correct, 2_000)), Grade::Easy);
        assert_eq!(Grade::of(&record(Verdict::Correct, EASY_WITHIN_MS)), Grade::Easy);
        assert_eq!(Grade::of(&record(Verdict::Correct, EASY_WITHIN_MS + 1)), Grade::Good);
        assert_eq!(Grade::of(&record(Verdict::Correct, 0)), Grade::Good, "unknown time is not fast");
        assert_eq!(Grade::of(&record(Verdict::Wrong, 1_000)), Grade::Again);
        assert_eq!(Grade::of(&record(Verdict::Skipped, 1_000)), Grade::Again);
    }

    #[test]
    fn a_lapse_after_right_answers_comes_back_sooner() {
        let good = Memory::after(None, Grade::Good, NOW);
        let again = Memory::after(Some(&good), Grade::Good, good.due);
        assert!(again.due - again.last_review > good.due - good.last_review, "intervals grow");
        let lapse = Memory::after(Some(&again), Grade::Again, again.due);
        assert_eq!(lapse.lapses, 1);
        assert!(lapse.due - lapse.last_review < again.due - again.last_review);
    }

    #[test]
    fn unusable_numbers_start_over() {
        let broken = Memory { reps: 3, stability: f64::NAN, ..Memory::default() };
        let next = Memory::after(Some(&broken), Grade::Good, NOW);
        assert!(next.stability.is_finite());
        assert_eq!(next.due, Memory::after(None, Grade::Good, NOW).due);
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
