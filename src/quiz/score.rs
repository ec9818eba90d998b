//! The score of a round: totals, percentage, time, per-tag breakdown, missed questions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::draw::RoundQuestion;
use super::grade::{Record, Verdict};
use super::question::is_class_tag;

/// The results of a round, finished or not. Serializes to JSON for `--json`.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// The seed the round was drawn with (replays the same round).
    pub seed: u64,
    /// Questions in the round.
    pub total: usize,
    /// Questions answered or skipped.
    pub answered: usize,
    /// Questions answered correctly.
    pub correct: usize,
    /// `correct` out of `answered`: questions never reached are not wrong. Rounded half
    /// up to a whole percent (see [`percent`], the one rule used everywhere); 0 when
    /// nothing was answered. Best scores only count complete full rounds, so leaving
    /// early cannot inflate them.
    pub percent: u8,
    /// Milliseconds from `Start` to the end of the round (or the last event so far).
    pub elapsed_ms: u64,
    /// Whether every question was answered or skipped.
    pub complete: bool,
    /// Per tag: class tags (`1xx`..`5xx`) first, then the others alphabetically.
    pub tags: Vec<TagScore>,
    /// Every question of the round in the order asked, with its verdict.
    pub questions: Vec<QuestionResult>,
    /// Ids of the questions answered wrong or skipped, in the order asked.
    pub missed: Vec<String>,
    /// Ids of the questions never reached (the round was ended early), in order.
    pub unanswered: Vec<String>,
}

/// How a tag fared in a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagScore {
    /// The tag, such as `4xx` or `decorators`.
    pub tag: String,
    /// Questions with this tag answered correctly.
    pub correct: usize,
    /// Questions with this tag answered or skipped (unreached ones are left out).
    pub total: usize,
}

/// One question of a round and its verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    /// The question's id.
    pub id: String,
    /// Its verdict; `None` when the round ended before it was reached.
    pub verdict: Option<Verdict>,
}

impl Score {
    /// Scores `round` given a record (or none yet) per question.
    pub(super) fn compute(round: &[RoundQuestion], records: &[Option<Record>], elapsed_ms: u64, seed: u64) -> Self {
        let verdicts: Vec<Option<Verdict>> =
            (0..round.len()).map(|at| records.get(at).and_then(Option::as_ref).map(|r| r.verdict)).collect();
        let total = round.len();
        let answered = verdicts.iter().flatten().count();
        let correct = verdicts.iter().flatten().filter(|v| v.is_correct()).count();
        let ids = |wanted: fn(Option<Verdict>) -> bool| -> Vec<String> {
            round
                .iter()
                .zip(&verdicts)
                .filter(|(_, verdict)| wanted(**verdict))
                .map(|(rq, _)| rq.question.id.clone())
                .collect()
        };
        Self {
            seed,
            total,
            answered,
            correct,
            percent: percent(correct, answered),
            elapsed_ms,
            complete: answered == total,
            tags: tag_scores(round, &verdicts),
            questions: round
                .iter()
                .zip(&verdicts)
                .map(|(rq, verdict)| QuestionResult { id: rq.question.id.clone(), verdict: *verdict })
                .collect(),
            missed: ids(|v| v.is_some_and(|v| !v.is_correct())),
            unanswered: ids(|v| v.is_none()),
        }
    }
}

/// `part` out of `whole` in whole percent, rounded half up; 0 when `whole` is 0.
/// The one rounding rule for every percentage the quiz shows.
#[must_use]
pub fn percent(part: usize, whole: usize) -> u8 {
    if whole == 0 {
        return 0;
    }
    let rounded = (part.min(whole) * 200 + whole) / (whole * 2);
    u8::try_from(rounded).unwrap_or(100)
}

/// The per-tag breakdown, class tags first.
fn tag_scores(round: &[RoundQuestion], verdicts: &[Option<Verdict>]) -> Vec<TagScore> {
    // Key: (not a class tag, tag) sorts the class tags first.
    let mut by_tag: BTreeMap<(bool, &str), (usize, usize)> = BTreeMap::new();
    // Questions never reached (a round left early) are not counted, as in the total.
    for (rq, verdict) in round.iter().zip(verdicts).filter(|(_, v)| v.is_some()) {
        for (at, tag) in rq.question.tags.iter().enumerate() {
            if rq.question.tags.get(..at).is_some_and(|before| before.contains(tag)) {
                continue; // a repeated tag counts once
            }
            let entry = by_tag.entry((!is_class_tag(tag), tag)).or_insert((0, 0));
            entry.1 += 1;
            if verdict.is_some_and(Verdict::is_correct) {
                entry.0 += 1;
            }
        }
    }
    by_tag.into_iter().map(|((_, tag), (correct, total))| TagScore { tag: tag.to_owned(), correct, total }).collect()
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(0, 12), 0);
        assert_eq!(percent(11, 12), 92);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(12, 12), 100);
    }
}
