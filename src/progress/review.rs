//! Spaced review as the learner's progress keeps it: a memory state per question,
//! answers per day, a round put aside, and the records of rounds other than full ones.
//!
//! Kept in the progress file under `[review]`; every field defaults, so a progress file
//! from before has simply not seen any question yet. The scheduling itself is FSRS in
//! [`crate::quiz::Memory`]; this module is plain data and pure functions of it (the time
//! is passed in as Unix seconds).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Progress, RoundRecord, rfc3339_from_unix};
use crate::quiz::{
    DAY, Grade, Memory, PausedRound, Question, Record, RoundKind, RoundQuestion, Score, draw_from, draw_ordered,
    due_ids, is_class_tag,
};

/// How many days of answers are kept (the chart shows the last 30).
pub const DAYS_KEPT: usize = 90;

/// Days shown in the history chart.
pub const CHART_DAYS: usize = 30;

/// Everything spaced review remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewState {
    /// Memory state per question id; a question not here was never answered.
    pub cards: BTreeMap<String, Memory>,
    /// Answers per day (`YYYY-MM-DD`, UTC), the last [`DAYS_KEPT`] days with answers.
    pub days: BTreeMap<String, DayTally>,
    /// A round put aside (`p`, or the program ended mid-round), resumed on `t`.
    pub paused: Option<PausedRound>,
    /// The best round of each kind other than full rounds (`retry`, `review`,
    /// `topic:csrf`...), which do not count for the best score.
    pub records: BTreeMap<String, RoundRecord>,
}

/// Answers given on one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DayTally {
    /// Questions answered or skipped.
    pub answered: u32,
    /// Questions answered right.
    pub right: u32,
}

/// How a group of questions (a class or a topic) stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// The tag: `1xx`..`5xx` or a topic.
    pub tag: String,
    /// Answered right last time and not due yet.
    pub learned: usize,
    /// Answered, but wrong last time or due again.
    pub shaky: usize,
    /// Never answered.
    pub unseen: usize,
    /// Due by the end of tomorrow (UTC).
    pub due_tomorrow: usize,
}

impl ReviewState {
    /// Notes one answer to question `id` at `now` (Unix seconds): its memory state moves
    /// on and the day's tally counts it.
    pub fn note_answer(&mut self, id: &str, record: &Record, now: i64) {
        let next = Memory::after(self.cards.get(id), Grade::of(record), now);
        self.cards.insert(id.to_owned(), next);
        let tally = self.days.entry(day_of(now)).or_default();
        tally.answered = tally.answered.saturating_add(1);
        if record.verdict.is_correct() {
            tally.right = tally.right.saturating_add(1);
        }
        let excess = self.days.len().saturating_sub(DAYS_KEPT);
        let old: Vec<String> = self.days.keys().take(excess).cloned().collect();
        for day in old {
            self.days.remove(&day);
        }
    }

    /// The questions of `bank` due at `now`, most overdue first (bank positions).
    #[must_use]
    pub fn due(&self, bank: &[Question], now: i64) -> Vec<usize> {
        due_ids(&self.cards, now).into_iter().filter_map(|id| bank.iter().position(|q| q.id == id)).collect()
    }

    /// When the next question of `bank` is due (Unix seconds), if any was answered.
    #[must_use]
    pub fn next_due(&self, bank: &[Question]) -> Option<i64> {
        bank.iter().filter_map(|q| self.cards.get(&q.id)).map(|m| m.due).min()
    }

    /// The answers per day for the [`CHART_DAYS`] days up to `now`, oldest first.
    #[must_use]
    pub fn last_days(&self, now: i64) -> Vec<(String, DayTally)> {
        (0..CHART_DAYS as i64)
            .rev()
            .map(|back| {
                let day = day_of(now - back * DAY);
                let tally = self.days.get(&day).copied().unwrap_or_default();
                (day, tally)
            })
            .collect()
    }

    /// Per class, then per topic (alphabetically): learned, shaky, unseen, due tomorrow.
    #[must_use]
    pub fn standings(&self, bank: &[Question], now: i64) -> Vec<Standing> {
        let tomorrow_ends = (now.div_euclid(DAY) + 2) * DAY;
        let mut by_tag: BTreeMap<(bool, &str), Standing> = BTreeMap::new();
        for question in bank {
            let tags: BTreeSet<&str> = question.tags.iter().map(String::as_str).collect();
            for tag in tags {
                let entry = by_tag
                    .entry((!is_class_tag(tag), tag))
                    .or_insert_with(|| Standing { tag: tag.to_owned(), ..Standing::default() });
                match self.cards.get(&question.id) {
                    None => entry.unseen += 1,
                    Some(memory) => {
                        if memory.is_learned(now) {
                            entry.learned += 1;
                        } else {
                            entry.shaky += 1;
                        }
                        if memory.due < tomorrow_ends {
                            entry.due_tomorrow += 1;
                        }
                    }
                }
            }
        }
        by_tag.into_values().collect()
    }
}

/// A review round of at most `count` questions: those due at `now`, most overdue first,
/// then new questions (never answered) from the pages already read, drawn fairly.
#[must_use]
pub fn review_round(
    bank: &[Question],
    state: &ReviewState,
    pages_read: &BTreeSet<String>,
    now: i64,
    count: usize,
    seed: u64,
) -> Vec<RoundQuestion> {
    let mut due = state.due(bank, now);
    due.truncate(count);
    let mut round = draw_ordered(bank, &due, seed);
    let room = count.saturating_sub(round.len());
    if room > 0 {
        let fresh: Vec<usize> = (0..bank.len())
            .filter(|&at| !state.cards.contains_key(&bank[at].id) && pages_read.contains(&bank[at].page))
            .collect();
        round.extend(draw_from(bank, &fresh, Some(room), seed.wrapping_add(1)));
    }
    round
}

/// The bank positions of the questions on `topics`: a tag, or the id of the page that
/// teaches them. Returns the unknown topics as the error.
pub fn topic_pool(bank: &[Question], topics: &[String]) -> Result<Vec<usize>, Vec<String>> {
    let known = |topic: &String| bank.iter().any(|q| q.page == *topic || q.tags.contains(topic));
    let unknown: Vec<String> = topics.iter().filter(|t| !known(t)).cloned().collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    Ok((0..bank.len()).filter(|&at| topics.iter().any(|t| bank[at].page == *t || bank[at].tags.contains(t))).collect())
}

/// Every topic a round can be asked on: the tags, then the page ids, each sorted.
#[must_use]
pub fn topics(bank: &[Question]) -> (Vec<String>, Vec<String>) {
    let tags: BTreeSet<&String> = bank.iter().flat_map(|q| &q.tags).collect();
    let pages: BTreeSet<&String> = bank.iter().map(|q| &q.page).collect();
    (tags.into_iter().cloned().collect(), pages.into_iter().cloned().collect())
}

/// What to say when a review has nothing to ask: when the next question is due, or how
/// to get questions to review in the first place.
#[must_use]
pub fn nothing_due(state: &ReviewState, bank: &[Question], now: i64) -> String {
    match state.next_due(bank) {
        Some(due) => format!(
            "Nothing is due for review. The next question is due {} ({})",
            crate::quiz::when(due, now),
            day_of(due)
        ),
        None => "Nothing to review yet: read a page to the end, or answer a quiz round (t), first".to_owned(),
    }
}

/// Records a finished round of `kind`. Only a complete full round can become the best
/// score (and goes into the history); a full round left early goes into the history
/// only; other kinds keep their own best, per kind. Returns whether anything changed.
pub fn record_round(progress: &mut Progress, kind: &RoundKind, score: &Score, date: String) -> bool {
    if score.answered == 0 {
        return false;
    }
    let record = RoundRecord {
        date,
        correct: u32::try_from(score.correct).unwrap_or(u32::MAX),
        total: u32::try_from(score.answered).unwrap_or(u32::MAX),
        missed: score.missed.clone(),
    };
    match kind {
        RoundKind::Full if score.complete => progress.record_round(record),
        RoundKind::Full => {
            progress.quiz.history.push(record);
            let excess = progress.quiz.history.len().saturating_sub(super::HISTORY_LIMIT);
            progress.quiz.history.drain(..excess);
        }
        other => {
            let slot = progress.review.records.entry(other.key()).or_insert_with(|| record.clone());
            if u64::from(record.correct) * u64::from(slot.total.max(1))
                >= u64::from(slot.correct) * u64::from(record.total.max(1))
            {
                *slot = record;
            }
        }
    }
    true
}

/// The UTC day (`YYYY-MM-DD`) of a Unix time.
#[must_use]
pub fn day_of(seconds: i64) -> String {
    let text = rfc3339_from_unix(u64::try_from(seconds).unwrap_or(0));
    text.get(..10).unwrap_or_default().to_owned()
}

/// Unix seconds of an RFC 3339 time such as `2026-11-25T10:00:00Z` (what
/// [`super::now_rfc3339`] writes) or `2026-11-25T11:00:00+01:00`; fractions of a second
/// are ignored. `None` for anything else.
#[must_use]
pub fn unix_from_rfc3339(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> { text.get(range)?.parse().ok() };
    if bytes.len() < 19 || bytes.get(4) != Some(&b'-') || !matches!(bytes.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // After the seconds: an optional fraction, then Z or an offset (none: UTC).
    let rest = text.get(19..)?.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match rest.as_bytes() {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), ..] if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let minutes = rest.get(1..3)?.parse::<i64>().ok()? * 60 + rest.get(4..6)?.parse::<i64>().ok()?;
            if *sign == b'+' { minutes * 60 } else { -minutes * 60 }
        }
        _ => return None,
    };
    Some(days_from_civil(year, month, day) * DAY + hour * 3600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips() {
        for seconds in [0_i64, 951_782_400, 1_748_786_589, 4_102_444_799] {
            let text = rfc3339_from_unix(seconds as u64);
            assert_eq!(unix_from_rfc3339(&text), Some(seconds), "{text}");
        }
        assert_eq!(unix_from_rfc3339("yesterday"), None);
        assert_eq!(unix_from_rfc3339("2026-13-01T00:00:00Z"), None);
        assert_eq!(unix_from_rfc3339("2025-06-01T15:03:09+01:00"), Some(1_748_786_589));
        assert_eq!(unix_from_rfc3339("2025-06-01T14:03:09.250Z"), Some(1_748_786_589));
        assert_eq!(unix_from_rfc3339("2025-06-01T14:03:09 nonsense"), None);
        assert_eq!(day_of(1_748_786_589), "2025-06-01");
    }

    const NOW: i64 = 1_764_000_000;

    fn record(verdict: crate::quiz::Verdict, spent_ms: u64) -> Record {
        Record { answer: crate::quiz::Answer::Skipped, verdict, spent_ms }
    }

    #[test]
    fn a_skipped_question_counts_as_again() {
        use crate::quiz::Verdict;
        let mut skipped = ReviewState::default();
        skipped.note_answer("a", &record(Verdict::Skipped, 1_000), NOW);
        let mut wrong = ReviewState::default();
        wrong.note_answer("a", &record(Verdict::Wrong, 1_000), NOW);
        assert_eq!(skipped.cards["a"], wrong.cards["a"]);
        assert!(skipped.cards["a"].in_steps() && skipped.cards["a"].due - NOW <= 600);
        assert_eq!(skipped.days[&day_of(NOW)], DayTally { answered: 1, right: 0 });
    }

    #[test]
    fn missed_and_retried_today_stays_due_by_tomorrow() {
        use crate::quiz::Verdict;
        let mut state = ReviewState::default();
        state.note_answer("a", &record(Verdict::Wrong, 9_000), NOW);
        state.note_answer("a", &record(Verdict::Correct, 2_000), NOW + 80);
        state.note_answer("a", &record(Verdict::Correct, 2_000), NOW + 4 * 3600);
        let due = state.cards["a"].due;
        assert!(due > NOW + 4 * 3600 && due <= NOW + 80 + DAY, "due {}", due - NOW);
        assert_eq!(state.days[&day_of(NOW)], DayTally { answered: 3, right: 2 });
    }

    #[test]
    fn the_whole_state_survives_the_progress_file() {
        use crate::quiz::{Answer, PausedQuestion, Verdict};
        let mut progress = Progress::default();
        let right = Record { answer: Answer::Multiple(vec![0, 2]), verdict: Verdict::Correct, spent_ms: 9000 };
        let skipped = Record { answer: Answer::Skipped, verdict: Verdict::Skipped, spent_ms: 1 };
        progress.review.note_answer("a", &right, 1_764_000_000);
        progress.review.note_answer("b", &skipped, 1_764_000_100);
        progress.review.paused = Some(PausedRound {
            kind: Some(RoundKind::Topic(vec!["csrf".into()])),
            seed: 7,
            questions: vec![
                PausedQuestion { id: "a".into(), choice_order: vec![2, 0, 1], record: Some(right) },
                PausedQuestion { id: "c".into(), choice_order: vec![], record: None },
            ],
            elapsed_ms: 1234,
        });
        progress.review.records.insert("retry".into(), RoundRecord { correct: 1, total: 2, ..RoundRecord::default() });
        let text = toml::to_string(&progress).expect("serializes");
        let back: Progress = toml::from_str(&text).expect("parses");
        assert_eq!(back, progress, "{text}");
        assert_eq!(back.review.days.get("2025-11-24").map(|d| (d.answered, d.right)), Some((2, 1)));
    }
}
