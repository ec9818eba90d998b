//! What review has coming: how many questions are due now, later, per day ahead, and
//! the share of right answers per week. Pure functions of the review state and a time.

use super::review::ReviewState;
use crate::keys::{Action, Context, key_for};
use crate::quiz::{DAY, Memory, when};

/// Days of the review forecast (the progress screen's bar chart).
pub const FORECAST_DAYS: usize = 14;

/// How review stands for a set of questions at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outlook {
    /// Due now.
    pub now: usize,
    /// Due later today (UTC date), after now.
    pub later_today: usize,
    /// Due tomorrow (UTC date).
    pub tomorrow: usize,
    /// When the next question is due once nothing is due now, and how many are due that
    /// same day from then on.
    pub next: Option<(i64, usize)>,
}

impl Outlook {
    /// The line the welcome screen and the results say, or `None` before any answer:
    /// "3 due now · 2 tomorrow — R reviews them", "next review: tomorrow, 3 questions".
    #[must_use]
    pub fn line(&self, now: i64) -> Option<String> {
        if self.now > 0 {
            let mut parts = vec![format!("{} due now", self.now)];
            if self.later_today > 0 {
                parts.push(format!("{} later today", self.later_today));
            }
            parts.push(format!("{} tomorrow", self.tomorrow));
            let review = key_for(Context::Welcome, Action::StartReview);
            return Some(format!("{} — {review} reviews them", parts.join(" · ")));
        }
        let (due, count) = self.next?;
        let noun = if count == 1 { "question" } else { "questions" };
        Some(format!("next review: {}, {count} {noun}", when(due, now)))
    }
}

fn cards<'a>(state: &'a ReviewState, ids: &'a [&'a str]) -> impl Iterator<Item = &'a Memory> + 'a {
    ids.iter().filter_map(|id| state.cards.get(*id))
}

/// The outlook of the questions `ids` at `now`.
#[must_use]
pub fn outlook(state: &ReviewState, ids: &[&str], now: i64) -> Outlook {
    let today = now.div_euclid(DAY);
    let mut outlook = Outlook::default();
    for memory in cards(state, ids) {
        match memory.due.div_euclid(DAY) - today {
            _ if memory.is_due(now) => outlook.now += 1,
            0 => outlook.later_today += 1,
            1 => outlook.tomorrow += 1,
            _ => {}
        }
    }
    if outlook.now == 0
        && let Some(first) = cards(state, ids).map(|m| m.due).min()
    {
        let that_day = first.div_euclid(DAY);
        let count = cards(state, ids).filter(|m| m.due.div_euclid(DAY) == that_day).count();
        outlook.next = Some((first, count));
    }
    outlook
}

/// Questions due on each of the next [`FORECAST_DAYS`] days (UTC dates), today first;
/// today counts the overdue ones too.
#[must_use]
pub fn forecast(state: &ReviewState, ids: &[&str], now: i64) -> Vec<usize> {
    let today = now.div_euclid(DAY);
    let mut days = vec![0; FORECAST_DAYS];
    for memory in cards(state, ids) {
        let ahead = (memory.due.div_euclid(DAY) - today).max(0);
        if let Some(slot) = usize::try_from(ahead).ok().and_then(|at| days.get_mut(at)) {
            *slot += 1;
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Answer, Record, Verdict};

    const NOW: i64 = 1_764_000_000; // 2025-11-24T16:00:00Z

    fn answered(state: &mut ReviewState, id: &str, right: bool, at: i64) {
        let verdict = if right { Verdict::Correct } else { Verdict::Wrong };
        state.note_answer(id, &Record { answer: Answer::Skipped, verdict, spent_ms: 20_000 }, at);
    }

    #[test]
    fn the_outlook_counts_now_later_and_tomorrow_and_says_it() {
        let mut state = ReviewState::default();
        let ids = ["a", "b", "c"];
        answered(&mut state, "a", false, NOW);
        answered(&mut state, "b", false, NOW);
        answered(&mut state, "b", true, NOW + 60);
        answered(&mut state, "c", true, NOW);
        let at = outlook(&state, &ids, NOW + 120);
        assert_eq!((at.now, at.later_today, at.tomorrow), (1, 0, 1), "{at:?}");
        assert_eq!(at.line(NOW + 120).as_deref(), Some("1 due now · 1 tomorrow — R reviews them"));
        answered(&mut state, "a", true, NOW + 180);
        let later = outlook(&state, &ids, NOW + 200);
        assert_eq!(later.now, 0);
        assert_eq!(later.line(NOW + 200).as_deref(), Some("next review: tomorrow, 2 questions"));
        assert_eq!(outlook(&ReviewState::default(), &ids, NOW).line(NOW), None);
    }

    #[test]
    fn the_forecast_puts_each_question_on_its_day() {
        let mut state = ReviewState::default();
        answered(&mut state, "a", false, NOW - 3 * DAY); // overdue: today
        answered(&mut state, "b", true, NOW);
        let days = forecast(&state, &["a", "b", "unknown"], NOW);
        assert_eq!(days.len(), FORECAST_DAYS);
        assert_eq!(days.iter().sum::<usize>(), 2);
        assert_eq!(days[0], 1);
        let b = usize::try_from(state.cards["b"].due.div_euclid(DAY) - NOW.div_euclid(DAY)).unwrap_or(0);
        assert_eq!(days[b], 1);
    }
}
