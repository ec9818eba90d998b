//! Review state from a hand-edited or damaged file brought within what this build
//! writes: card values FSRS can schedule (no 1e308 stability, no wrapping counters, no
//! answer in the future), no NaN or infinity ever written back, and round records keyed
//! by their normalised kind, a bounded number of them. Pure: the time is passed in.

use std::collections::BTreeMap;

use super::RoundRecord;
use super::merge::better_of;
use super::review::ReviewState;
use crate::quiz::{DAY, Memory, topic_key};

/// The longest interval FSRS schedules (its default maximum), in days.
pub const MAX_DAYS: i64 = 36_500;
/// A counter above this is not a count a learner reached; it would overflow on `+ 1`.
const MAX_COUNT: i32 = 1_000_000;
/// Most records of non-full rounds kept (one per kind: retry, review, each topic list).
pub const MAX_RECORDS: usize = 100;

/// Every card and record of `review` brought within bounds at `now` (Unix seconds).
pub fn review(review: &mut ReviewState, now: i64) {
    for card in review.cards.values_mut() {
        clamp_card(card, now);
    }
    review.records = normalised_records(std::mem::take(&mut review.records));
}

/// The cards of `review` with nothing a reader would refuse or FSRS could not use: a
/// NaN or an infinity (from a hand-edited file or a scheduling slip) makes a fresh card.
/// Done before every write, so the file never holds `nan` or `inf`.
pub fn finite(review: &mut ReviewState) {
    for card in review.cards.values_mut() {
        if !card.stability.is_finite() || !card.difficulty.is_finite() {
            card.stability = 0.0;
            card.difficulty = 0.0;
            card.reps = 0;
        }
    }
}

/// One card: finite numbers in FSRS's ranges, counters that can grow, no date past `now`
/// for the last answer and none past the longest interval for the next.
pub fn clamp_card(card: &mut Memory, now: i64) {
    if !card.stability.is_finite() || !card.difficulty.is_finite() || card.stability < 0.0 {
        // Nothing sensible to keep: the card schedules as a question seen fresh.
        card.stability = 0.0;
        card.difficulty = 0.0;
        card.reps = 0;
    }
    card.stability = card.stability.min(MAX_DAYS as f64);
    if card.difficulty != 0.0 {
        card.difficulty = card.difficulty.clamp(1.0, 10.0);
    }
    card.reps = card.reps.clamp(0, MAX_COUNT);
    card.lapses = card.lapses.clamp(0, MAX_COUNT);
    card.elapsed_days = card.elapsed_days.clamp(0, MAX_DAYS);
    card.scheduled_days = card.scheduled_days.clamp(0, MAX_DAYS);
    card.last_review = card.last_review.clamp(0, now.max(0));
    card.due = card.due.clamp(0, card.last_review.max(now).saturating_add(MAX_DAYS * DAY));
}

/// Records re-keyed by their normalised kind (`topic:drf+csrf` and `topic:csrf+drf+csrf`
/// are one), the better record kept where two meet, at most [`MAX_RECORDS`] (the most
/// recent, by date).
pub(super) fn normalised_records(records: BTreeMap<String, RoundRecord>) -> BTreeMap<String, RoundRecord> {
    let mut kept: BTreeMap<String, RoundRecord> = BTreeMap::new();
    for (key, record) in records {
        let key = match key.strip_prefix("topic:") {
            Some(list) => topic_key(&list.split('+').map(str::to_owned).collect::<Vec<_>>()),
            None => key,
        };
        let better = better_of(Some(&record), kept.get(&key)).cloned().unwrap_or(record);
        kept.insert(key, better);
    }
    if kept.len() > MAX_RECORDS {
        let mut by_date: Vec<(String, String)> = kept.iter().map(|(k, r)| (r.date.clone(), k.clone())).collect();
        by_date.sort();
        for (_, key) in by_date.into_iter().take(kept.len() - MAX_RECORDS) {
            kept.remove(&key);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_000_000;

    #[test]
    fn hand_edited_card_values_are_brought_within_bounds() {
        let mut card = Memory {
            due: i64::MAX,
            stability: 1e308,
            difficulty: 99.0,
            elapsed_days: -5,
            scheduled_days: i64::MAX,
            reps: i32::MAX,
            lapses: -3,
            last_review: 253_402_300_799, // 9999-12-31
            last_right: true,
        };
        clamp_card(&mut card, NOW);
        assert_eq!(card.stability, MAX_DAYS as f64);
        assert_eq!(card.difficulty, 10.0);
        assert_eq!((card.reps, card.lapses), (MAX_COUNT, 0));
        assert_eq!((card.elapsed_days, card.scheduled_days), (0, MAX_DAYS));
        assert_eq!(card.last_review, NOW);
        assert_eq!(card.due, NOW + MAX_DAYS * DAY);
        // The clamped card schedules to finite numbers and a due date that can be written.
        let next = Memory::after(Some(&card), crate::quiz::Grade::Again, NOW);
        assert!(next.stability.is_finite() && next.difficulty.is_finite(), "{next:?}");
        assert!(next.due >= NOW && next.due <= NOW + (MAX_DAYS + 1) * DAY, "{next:?}");
    }

    #[test]
    fn not_a_number_makes_a_fresh_card() {
        for (stability, difficulty) in [(f64::NAN, 5.0), (1.0, f64::INFINITY), (-1.0, 5.0)] {
            let mut card = Memory { stability, difficulty, reps: 4, last_review: NOW, ..Memory::default() };
            clamp_card(&mut card, NOW);
            assert_eq!((card.stability, card.difficulty, card.reps), (0.0, 0.0, 0), "{stability} {difficulty}");
        }
    }

    #[test]
    fn topic_records_are_one_per_set_of_topics_and_capped() {
        let record = |date: &str, correct| RoundRecord { date: date.into(), correct, total: 4, missed: vec![] };
        let mut state = ReviewState::default();
        state.records.insert("topic:csrf+csrf".into(), record("2026-01-01", 1));
        state.records.insert("topic:csrf".into(), record("2026-01-02", 3));
        state.records.insert("topic:drf+csrf".into(), record("2026-01-03", 2));
        state.records.insert("retry".into(), record("2026-01-04", 2));
        for n in 0..150 {
            state.records.insert(format!("topic:t{n:03}"), record(&format!("2025-01-01T{n:03}"), 1));
        }
        review(&mut state, NOW);
        assert_eq!(state.records.len(), MAX_RECORDS);
        assert_eq!(state.records.get("topic:csrf").map(|r| r.correct), Some(3));
        assert!(state.records.contains_key("topic:csrf+drf"));
        assert!(state.records.contains_key("retry"));
        assert!(!state.records.contains_key("topic:t000"), "the oldest go first");
    }
}
