//! Two instances on one progress file: what one process saves is merged with what the
//! file holds now, so neither loses the other's work.
//!
//! A three-way merge: `base` is the state `ours` grew from (what this process last
//! knew the file to hold), `theirs` is the file as read under the lock. Pure: no I/O.
//!
//! - pages read and exercises done: the union;
//! - practice checks: per exercise, the newest result;
//! - quiz rounds: the file's, plus the ones `ours` added since `base` (so two equal
//!   rounds from two processes are both kept), oldest dropped past [`HISTORY_LIMIT`];
//! - best rounds (overall and per kind): the better one (per kind, the most recent
//!   100 kinds);
//! - review cards: per question, the card answered last wins whole (every field with it);
//! - answers per day: the file's count plus what `ours` added since `base`, never less
//!   than either;
//! - everything else (last page, theme, sidebar, the paused round...): `ours` if this
//!   process changed it since `base`, otherwise the file's.

use std::collections::{BTreeMap, BTreeSet};

use super::checks;
use super::clamp::normalised_records;
use super::review::{DAYS_KEPT, DayTally, ReviewState};
use super::{FORMAT_VERSION, HISTORY_LIMIT, PracticeRecord, Progress, QuizRecord, RoundRecord};
use crate::quiz::Memory;

/// `ours` merged into `theirs`, given the `base` that `ours` grew from.
#[must_use]
pub fn merge(base: &Progress, ours: &Progress, theirs: &Progress) -> Progress {
    let (last_page, scroll) =
        *pick(&(&base.last_page, base.scroll), &(&ours.last_page, ours.scroll), &(&theirs.last_page, theirs.scroll));
    let (silent_terminal, silent_since) = *pick(
        &(&base.silent_terminal, base.silent_since),
        &(&ours.silent_terminal, ours.silent_since),
        &(&theirs.silent_terminal, theirs.silent_since),
    );
    Progress {
        version: FORMAT_VERSION,
        welcomed: ours.welcomed || theirs.welcomed,
        last_page: last_page.clone(),
        scroll,
        pages_read: union(&ours.pages_read, &theirs.pages_read),
        quiz: merge_quiz(&base.quiz, &ours.quiz, &theirs.quiz),
        practice: PracticeRecord {
            workspace: pick(&base.practice.workspace, &ours.practice.workspace, &theirs.practice.workspace).clone(),
            done: union(&ours.practice.done, &theirs.practice.done),
            checks: checks::merge(&base.practice.checks, &ours.practice.checks, &theirs.practice.checks),
        },
        theme: pick(&base.theme, &ours.theme, &theirs.theme).clone(),
        sidebar: *pick(&base.sidebar, &ours.sidebar, &theirs.sidebar),
        silent_terminal: silent_terminal.clone(),
        silent_since,
        review: merge_review(&base.review, &ours.review, &theirs.review),
    }
}

/// A value one side may set: ours when this process changed it, else the file's.
fn pick<'a, T: PartialEq>(base: &T, ours: &'a T, theirs: &'a T) -> &'a T {
    if ours == base { theirs } else { ours }
}

fn union(ours: &BTreeSet<String>, theirs: &BTreeSet<String>) -> BTreeSet<String> {
    theirs.union(ours).cloned().collect()
}

fn merge_quiz(base: &QuizRecord, ours: &QuizRecord, theirs: &QuizRecord) -> QuizRecord {
    let mut history = theirs.history.clone();
    history.extend(added(&base.history, &ours.history));
    // RFC 3339 in UTC sorts as text; the sort is stable, so equal dates keep their order.
    history.sort_by(|a, b| a.date.cmp(&b.date));
    let excess = history.len().saturating_sub(HISTORY_LIMIT);
    history.drain(..excess);
    QuizRecord { best: better_of(ours.best.as_ref(), theirs.best.as_ref()).cloned(), history }
}

/// The rounds of `ours` that `base` did not have (counting repeats), in order.
fn added<'a>(base: &'a [RoundRecord], ours: &'a [RoundRecord]) -> impl Iterator<Item = RoundRecord> + 'a {
    let mut known: Vec<&RoundRecord> = base.iter().collect();
    ours.iter()
        .filter(move |round| match known.iter().position(|k| k == round) {
            Some(at) => {
                known.swap_remove(at);
                false
            }
            None => true,
        })
        .cloned()
}

/// The round with the higher share right; on a tie the later one (as a new best wins a
/// tie when it is recorded), whichever side it comes from.
#[must_use]
pub fn better_of<'a>(a: Option<&'a RoundRecord>, b: Option<&'a RoundRecord>) -> Option<&'a RoundRecord> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a_share, b_share) = (share(a), share(b));
            // A tie goes to the later round, then to a fixed order, so either side of a
            // merge picks the same one.
            let a_wins = a_share.0 * b_share.1 > b_share.0 * a_share.1
                || (a_share.0 * b_share.1 == b_share.0 * a_share.1
                    && (&a.date, a.total, &a.missed) >= (&b.date, b.total, &b.missed));
            Some(if a_wins { a } else { b })
        }
        (one, None) | (None, one) => one,
    }
}

/// `(correct, total)` widened for cross-multiplication; `(0, 1)` for an empty round.
fn share(round: &RoundRecord) -> (u64, u64) {
    if round.total == 0 { (0, 1) } else { (u64::from(round.correct.min(round.total)), u64::from(round.total)) }
}

fn merge_review(base: &ReviewState, ours: &ReviewState, theirs: &ReviewState) -> ReviewState {
    let mut records = theirs.records.clone();
    for (kind, record) in &ours.records {
        let kept = better_of(Some(record), records.get(kind)).cloned();
        if let Some(kept) = kept {
            records.insert(kind.clone(), kept);
        }
    }
    ReviewState {
        cards: merge_cards(&base.cards, &ours.cards, &theirs.cards),
        days: merge_days(&base.days, &ours.days, &theirs.days),
        paused: pick(&base.paused, &ours.paused, &theirs.paused).clone(),
        records: normalised_records(records),
    }
}

/// Per question, the card answered last, taken whole (so a field added to [`Memory`]
/// later is merged with it). On the same answer time, ours if this process changed it.
fn merge_cards(
    base: &BTreeMap<String, Memory>,
    ours: &BTreeMap<String, Memory>,
    theirs: &BTreeMap<String, Memory>,
) -> BTreeMap<String, Memory> {
    let mut cards = theirs.clone();
    for (id, card) in ours {
        let take_ours = match theirs.get(id) {
            None => true,
            Some(other) if card.last_review != other.last_review => card.last_review > other.last_review,
            Some(other) => base.get(id) != Some(card) && card != other,
        };
        if take_ours {
            cards.insert(id.clone(), card.clone());
        }
    }
    cards
}

/// The file's count per day plus what this process added since `base`; never below
/// either side's count. The last [`DAYS_KEPT`] days are kept.
fn merge_days(
    base: &BTreeMap<String, DayTally>,
    ours: &BTreeMap<String, DayTally>,
    theirs: &BTreeMap<String, DayTally>,
) -> BTreeMap<String, DayTally> {
    let mut days = theirs.clone();
    for (day, tally) in ours {
        let before = base.get(day).copied().unwrap_or_default();
        let on_file = theirs.get(day).copied().unwrap_or_default();
        let count =
            |ours: u32, before: u32, on_file: u32| on_file.saturating_add(ours.saturating_sub(before)).max(ours);
        let answered = count(tally.answered, before.answered, on_file.answered);
        let right = count(tally.right, before.right, on_file.right).min(answered);
        days.insert(day.clone(), DayTally { answered, right });
    }
    let excess = days.len().saturating_sub(DAYS_KEPT);
    let old: Vec<String> = days.keys().take(excess).cloned().collect();
    for day in old {
        days.remove(&day);
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(date: &str, correct: u32, total: u32) -> RoundRecord {
        RoundRecord { date: date.into(), correct, total, missed: Vec::new() }
    }

    fn card(last_review: i64, reps: i32) -> Memory {
        Memory { last_review, reps, due: last_review + 86_400, stability: 1.0, difficulty: 5.0, ..Memory::default() }
    }

    #[test]
    fn sets_are_united() {
        let base = Progress::default();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.pages_read.insert("a".into());
        ours.practice.done.insert("01".into());
        theirs.pages_read.insert("b".into());
        theirs.practice.done.insert("02".into());
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.pages_read.len(), 2);
        assert_eq!(merged.practice.done.len(), 2);
    }

    #[test]
    fn equal_rounds_from_two_processes_are_both_kept_and_a_known_one_is_not_repeated() {
        let old = round("2026-01-01T00:00:00Z", 1, 2);
        let new = round("2026-01-02T00:00:00Z", 3, 4);
        let base = Progress { quiz: QuizRecord { best: None, history: vec![old.clone()] }, ..Progress::default() };
        let mut ours = base.clone();
        ours.quiz.history.push(new.clone());
        let mut theirs = base.clone();
        theirs.quiz.history.push(new.clone());
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.quiz.history, vec![old, new.clone(), new]);
    }

    #[test]
    fn history_stays_capped_and_sorted() {
        let base = Progress::default();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        for n in 0..HISTORY_LIMIT {
            ours.quiz.history.push(round(&format!("2026-01-01T00:{:02}:00Z", n), 1, 1));
            theirs.quiz.history.push(round(&format!("2026-01-01T01:{:02}:00Z", n), 1, 1));
        }
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.quiz.history.len(), HISTORY_LIMIT);
        assert!(merged.quiz.history.iter().all(|r| r.date.starts_with("2026-01-01T01")), "the newest kept");
    }

    #[test]
    fn the_better_best_round_wins() {
        let base = Progress::default();
        let ours = Progress { quiz: QuizRecord { best: Some(round("d1", 5, 10)), history: vec![] }, ..base.clone() };
        let theirs = Progress { quiz: QuizRecord { best: Some(round("d0", 9, 10)), history: vec![] }, ..base.clone() };
        assert_eq!(merge(&base, &ours, &theirs).quiz.best.map(|b| b.correct), Some(9));
        assert_eq!(merge(&base, &theirs, &ours).quiz.best.map(|b| b.correct), Some(9));
    }

    #[test]
    fn each_card_keeps_its_latest_answer() {
        let base = Progress::default();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.review.cards.insert("a".into(), card(200, 2));
        theirs.review.cards.insert("a".into(), card(100, 7));
        ours.review.cards.insert("b".into(), card(100, 1));
        theirs.review.cards.insert("b".into(), card(300, 4));
        theirs.review.cards.insert("c".into(), card(50, 1));
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.review.cards.get("a"), Some(&card(200, 2)));
        assert_eq!(merged.review.cards.get("b"), Some(&card(300, 4)));
        assert_eq!(merged.review.cards.get("c"), Some(&card(50, 1)));
    }

    #[test]
    fn day_counts_add_what_each_side_answered_and_never_go_back() {
        let day = |answered, right| DayTally { answered, right };
        let mut base = Progress::default();
        base.review.days.insert("2026-01-01".into(), day(4, 2));
        let mut ours = base.clone();
        ours.review.days.insert("2026-01-01".into(), day(7, 3));
        let mut theirs = base.clone();
        theirs.review.days.insert("2026-01-01".into(), day(10, 9));
        theirs.review.days.insert("2026-01-02".into(), day(1, 1));
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.review.days.get("2026-01-01"), Some(&day(13, 10)));
        assert_eq!(merged.review.days.get("2026-01-02"), Some(&day(1, 1)));
        // A file that went back (reset elsewhere) never takes ours below what it counted.
        let merged = merge(&base, &ours, &Progress::default());
        assert_eq!(merged.review.days.get("2026-01-01"), Some(&day(7, 3)));
    }

    #[test]
    fn a_setting_follows_the_side_that_changed_it() {
        let base = Progress { theme: Some("dark".into()), ..Progress::default() };
        let changed = Progress { theme: Some("light".into()), ..base.clone() };
        assert_eq!(merge(&base, &changed, &base).theme.as_deref(), Some("light"));
        assert_eq!(merge(&base, &base, &changed).theme.as_deref(), Some("light"));
        // A paused round cleared here stays cleared; one paused elsewhere is kept.
        let paused = Progress {
            review: ReviewState { paused: Some(crate::quiz::PausedRound::default()), ..ReviewState::default() },
            ..Progress::default()
        };
        assert_eq!(merge(&paused, &Progress::default(), &paused).review.paused, None);
        assert!(merge(&Progress::default(), &Progress::default(), &paused).review.paused.is_some());
    }

    #[test]
    fn merging_what_is_already_there_changes_nothing() {
        let mut progress = Progress { welcomed: true, ..Progress::default() };
        progress.pages_read.insert("a".into());
        progress.quiz.history.push(round("2026-01-01T00:00:00Z", 1, 2));
        progress.review.cards.insert("q".into(), card(100, 1));
        progress.review.days.insert("2026-01-01".into(), DayTally { answered: 3, right: 1 });
        assert_eq!(merge(&progress, &progress, &progress), progress);
        assert_eq!(merge(&Progress::default(), &progress, &Progress::default()), progress);
    }
}
