//! Grading: what the learner answered and whether it was right.

use serde::{Deserialize, Serialize};

use super::question::{Question, QuestionKind};

/// What the learner submitted for one question (choice numbers are display positions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The chosen position of a single choice question.
    Single(usize),
    /// The selected positions of a multiple select question, ascending.
    Multiple(Vec<usize>),
    /// The value chosen for a true/false question.
    TrueFalse(bool),
    /// The typed code.
    TypeCode(u16),
    /// The learner skipped the question.
    Skipped,
}

/// The judgement on one question. Skipped counts as wrong in the score.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The answer was right.
    Correct,
    /// The answer was wrong.
    Wrong,
    /// The learner skipped the question (scored as wrong).
    Skipped,
}

impl Verdict {
    /// Whether this verdict earns a point.
    #[must_use]
    pub fn is_correct(self) -> bool {
        self == Self::Correct
    }
}

/// One asked question's outcome: the answer given, its verdict and the time it took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// What the learner answered.
    pub answer: Answer,
    /// Whether it was right.
    pub verdict: Verdict,
    /// Milliseconds from the question being shown to the answer (0 when unknown).
    #[serde(default)]
    pub spent_ms: u64,
}

/// Judges `answer` against `question` (whose choices are in the same display order).
///
/// Multiple select earns credit only for exactly the set of correct choices. An answer
/// of the wrong shape for the question is wrong.
pub fn grade(question: &Question, answer: &Answer) -> Verdict {
    let right = match (&question.kind, answer) {
        (_, Answer::Skipped) => return Verdict::Skipped,
        (QuestionKind::Single { choices }, Answer::Single(at)) => choices.get(*at).is_some_and(|choice| choice.correct),
        (QuestionKind::Multiple { choices }, Answer::Multiple(chosen)) => {
            chosen.iter().all(|at| *at < choices.len())
                && choices.iter().enumerate().all(|(at, choice)| choice.correct == chosen.contains(&at))
        }
        (QuestionKind::TrueFalse { answer }, Answer::TrueFalse(given)) => answer == given,
        (QuestionKind::TypeCode { answer }, Answer::TypeCode(given)) => answer == given,
        _ => false,
    };
    if right { Verdict::Correct } else { Verdict::Wrong }
}
