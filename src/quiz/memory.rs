//! Spaced review: a memory state per question, scheduled with FSRS (the `rs-fsrs` crate).
//!
//! Pure: the time comes in as seconds since the Unix epoch. The state is plain numbers so
//! the progress file stays readable; it is turned into an FSRS card only to schedule.
//!
//! Like a flashcard tool: FSRS's short-term steps are used. A wrong answer puts the card
//! in (re)learning, due again in minutes; a right answer there graduates it, due again
//! by the next day at the latest (a card missed today comes back tomorrow, whatever
//! happens later today). A right answer to a card already answered today is a step too:
//! it does not push the card days out, and its stability grows by FSRS-5's short-term
//! rule. A new card answered right goes straight to days.

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

/// Stability (days) from which a question counts as learned: FSRS expects it still
/// remembered after three weeks (a "mature" card in Anki's words).
pub const LEARNED_STABILITY: f64 = 21.0;

/// Where a card is in its schedule. A file written before the short-term steps has
/// only cards in review (the default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Missed the first time it was asked: back in minutes.
    Learning,
    /// Scheduled in days.
    #[default]
    Review,
    /// Missed after being in review: back in minutes.
    Relearning,
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
    /// Learning, review or relearning.
    pub step: Step,
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
            step: Step::Review,
        }
    }
}

/// The scheduler: FSRS with its default weights, no fuzz (so a test can predict the
/// interval); `short_term` for the learning steps (minutes), else whole days.
fn scheduler(short_term: bool) -> FSRS {
    FSRS::new(Parameters { enable_short_term: short_term, enable_fuzz: false, ..Parameters::default() })
}

/// FSRS-5's stability after a review the same day (short-term memory):
/// `S' = S * exp(w17 * (G - 3 + w18))`, with the default weights the scheduler uses
/// (rs-fsrs's own formula, so the two cannot disagree). Never more than the longest
/// interval, so a run of same-day answers cannot grow it without bound.
fn same_day_stability(stability: f64, grade: Grade) -> f64 {
    const MAX_STABILITY: f64 = 36_500.0;
    Parameters::default().short_term_stability(stability, grade.rating()).min(MAX_STABILITY)
}

/// The UTC day number of a Unix time.
pub(super) fn day(seconds: i64) -> i64 {
    seconds.div_euclid(DAY)
}

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

impl Memory {
    /// The FSRS card for this state; a state that is not usable (never answered, or
    /// numbers that are not finite) is a new card.
    fn card(&self) -> Card {
        if !self.usable() {
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
            state: match self.step {
                Step::Learning => State::Learning,
                Step::Review => State::Review,
                Step::Relearning => State::Relearning,
            },
            last_review: time(self.last_review),
        }
    }

    /// Whether FSRS can use these numbers (answered before, finite, positive).
    fn usable(&self) -> bool {
        self.reps > 0 && self.stability.is_finite() && self.difficulty.is_finite() && self.stability > 0.0
    }

    /// The state after answering at `now` with `grade` (`None` before: a new question).
    #[must_use]
    pub fn after(previous: Option<&Memory>, grade: Grade, now: i64) -> Memory {
        let previous = previous.filter(|m| m.usable());
        let right = grade != Grade::Again;
        match previous {
            // Right again the same day, already in days: FSRS-5's short-term update, not a
            // new review. Stability grows a little, the due date stays (so a card missed
            // today is still back tomorrow); the answer time moves on, which a merge of
            // saves goes by.
            Some(memory) if right && memory.step == Step::Review && day(memory.last_review) == day(now) => Memory {
                stability: same_day_stability(memory.stability, grade),
                difficulty: Parameters::default().next_difficulty(memory.difficulty, grade.rating()),
                reps: memory.reps.saturating_add(1),
                last_right: true,
                last_review: now,
                ..memory.clone()
            },
            Some(memory) => {
                let mut next = Self::scheduled(memory.card(), grade, now, true);
                if memory.step != Step::Review && next.step == Step::Review {
                    // Graduating from a step after a miss: back by tomorrow.
                    next.due = next.due.min(now + DAY);
                    next.scheduled_days = next.scheduled_days.min(1);
                }
                next
            }
            // New and right: straight to days; new and wrong: the learning steps.
            None => {
                let card = Card { due: time(now), last_review: time(now), ..Card::default() };
                Self::scheduled(card, grade, now, !right)
            }
        }
    }

    /// FSRS's next state of `card` for `grade` at `now`, as a memory.
    fn scheduled(card: Card, grade: Grade, now: i64, short_term: bool) -> Memory {
        let next = scheduler(short_term).next(card, time(now), grade.rating()).card;
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
            step: match next.state {
                State::Learning | State::New => Step::Learning,
                State::Review => Step::Review,
                State::Relearning => Step::Relearning,
            },
        }
    }

    /// Whether the question is due at `now`.
    #[must_use]
    pub fn is_due(&self, now: i64) -> bool {
        self.due <= now
    }

    /// Learned as FSRS sees it: in review, right last time, not due, and a stability of
    /// at least [`LEARNED_STABILITY`] days. Otherwise still being learned.
    #[must_use]
    pub fn is_learned(&self, now: i64) -> bool {
        self.step == Step::Review && self.last_right && !self.is_due(now) && self.stability >= LEARNED_STABILITY
    }

    /// Whether it is in the learning steps (missed, back in minutes).
    #[must_use]
    pub fn in_steps(&self) -> bool {
        self.step != Step::Review
    }
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
        assert!(wrong.due - NOW <= 10 * 60, "wrong: back in minutes, {wrong:?}");
        assert_eq!(wrong.step, Step::Learning);
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
    fn missed_then_retried_right_within_minutes_is_due_by_the_next_day() {
        let missed = Memory::after(None, Grade::Again, NOW);
        let retried = Memory::after(Some(&missed), Grade::Good, NOW + 80);
        assert_eq!(retried.step, Step::Review);
        assert!(retried.due > NOW + 80 && retried.due <= NOW + 80 + DAY, "{retried:?}");
        // Fast (Easy) makes no difference the same day: still tomorrow at the latest.
        let fast = Memory::after(Some(&missed), Grade::Easy, NOW + 80);
        assert!(fast.due <= NOW + 80 + DAY, "{fast:?}");
        // A card known for weeks, missed today and retried: also back tomorrow.
        let mut known = Memory::after(None, Grade::Easy, NOW - 60 * DAY);
        for _ in 0..3 {
            known = Memory::after(Some(&known), Grade::Good, known.due);
        }
        assert!(known.due - known.last_review > 10 * DAY, "{known:?}");
        let lapse = Memory::after(Some(&known), Grade::Again, NOW);
        assert_eq!((lapse.step, lapse.lapses), (Step::Relearning, 1));
        assert!(lapse.due - NOW <= 10 * 60, "{lapse:?}");
        let relearned = Memory::after(Some(&lapse), Grade::Good, NOW + 120);
        assert!(relearned.due <= NOW + 120 + DAY, "{relearned:?}");
    }

    #[test]
    fn right_again_the_same_day_does_not_push_the_card_out() {
        let missed_then_right = Memory::after(Some(&Memory::after(None, Grade::Again, NOW)), Grade::Good, NOW + 60);
        let later = Memory::after(Some(&missed_then_right), Grade::Good, NOW + 3 * 3600);
        assert_eq!(later.due, missed_then_right.due, "still due tomorrow");
        assert!(later.stability > missed_then_right.stability, "{later:?}");
    }

    #[test]
    fn right_twice_the_same_day_grows_stability_slightly_and_keeps_the_due_date() {
        let first = Memory::after(None, Grade::Good, NOW);
        let again = Memory::after(Some(&first), Grade::Good, NOW + 600);
        assert_eq!((again.due, again.scheduled_days), (first.due, first.scheduled_days), "not pushed out");
        // FSRS-5 default weights: w17 = 0.5034, w18 = 0.6567; Good is G = 3.
        let expected = first.stability * (0.5034_f64 * 0.6567).exp();
        assert!((again.stability - expected).abs() < 1e-9, "{again:?} vs {expected}");
        assert!(again.stability > first.stability && again.stability < first.stability * 1.5, "slightly");
        assert_eq!((again.reps, again.last_review), (first.reps + 1, NOW + 600));
        // Easy grows it more than Good, still without moving the due date.
        let fast = Memory::after(Some(&first), Grade::Easy, NOW + 600);
        assert!(fast.stability > again.stability && fast.due == first.due, "{fast:?}");
    }

    #[test]
    fn missed_today_stays_due_by_tomorrow_after_more_right_answers_today() {
        let noon = NOW - NOW.rem_euclid(DAY) + 12 * 3600;
        let mut card = Memory::after(None, Grade::Good, noon - 5 * DAY);
        card = Memory::after(Some(&card), Grade::Good, card.due);
        let missed = Memory::after(Some(&card), Grade::Again, noon);
        let mut now = noon + 120;
        let mut later = Memory::after(Some(&missed), Grade::Good, now);
        for grade in [Grade::Easy, Grade::Good, Grade::Easy] {
            now += 1800;
            later = Memory::after(Some(&later), grade, now);
        }
        assert!(later.due <= noon + 120 + DAY, "due by tomorrow: {later:?}");
        assert!(later.is_due(noon + 120 + DAY));
    }

    #[test]
    fn right_on_two_days_the_interval_grows() {
        let first = Memory::after(None, Grade::Good, NOW);
        let second = Memory::after(Some(&first), Grade::Good, first.due);
        let third = Memory::after(Some(&second), Grade::Good, second.due);
        let gap = |m: &Memory| m.due - m.last_review;
        assert!(gap(&first) >= DAY && gap(&second) > gap(&first) && gap(&third) > gap(&second));
        assert!(!first.is_learned(NOW + 1) && third.stability > first.stability);
    }

    #[test]
    fn a_file_from_before_the_steps_loads_in_review() {
        let old: Result<Memory, _> =
            toml::from_str("due = 5\nstability = 3.0\ndifficulty = 5.0\nreps = 1\nlast_right = true\n");
        assert_eq!(old.map(|m| m.step), Ok(Step::Review));
    }

    #[test]
    fn unusable_numbers_start_over() {
        let broken = Memory { reps: 3, stability: f64::NAN, ..Memory::default() };
        let next = Memory::after(Some(&broken), Grade::Good, NOW);
        assert!(next.stability.is_finite());
        assert_eq!(next.due, Memory::after(None, Grade::Good, NOW).due);
    }
}
