//! Warnings about question shapes that let a learner guess without knowing: the right
//! choice is by far the longest one, or a multiple select where all but one choice (or
//! every choice) is right; and, across the bank, multiple selects that all leave the same
//! number of choices unticked, or true/false items that are mostly one answer. Warnings,
//! not errors: a course still loads. Whether a wrong choice is absurd on its face is for a
//! human reviewer, not a check.
use super::super::Checker;
use crate::content::model::{Question, QuestionKind};
use crate::content::problem::SourceFile;
use crate::content::raw;
use unicode_width::UnicodeWidthStr;

/// The right choice is "by far the longest" when it is at least this many times as long
/// as the longest wrong choice...
const LONGEST_RATIO: f64 = 1.6;
/// ...and longer by at least this many columns (short choices vary a lot in length).
const LONGEST_MARGIN: usize = 20;

/// The shown width of a choice: markup characters do not count.
fn shown_width(text: &str) -> usize {
    let clean: String = text.chars().filter(|c| !matches!(c, '`' | '*')).collect();
    clean.width()
}

/// Why a question's shape gives its answer away, if it does.
#[must_use]
pub fn guessable(question: &Question) -> Option<String> {
    match &question.kind {
        QuestionKind::Single { choices } => {
            let right = choices.iter().find(|c| c.correct)?;
            let longest_wrong = choices.iter().filter(|c| !c.correct).map(|c| shown_width(&c.text)).max()?;
            let width = shown_width(&right.text);
            let by_far =
                width as f64 >= longest_wrong as f64 * LONGEST_RATIO && width >= longest_wrong + LONGEST_MARGIN;
            by_far.then(|| {
                format!(
                    "the right choice is by far the longest ({width} columns, the longest wrong one {longest_wrong}): \
                     a learner can guess it; shorten it or lengthen the others"
                )
            })
        }
        QuestionKind::Multiple { choices } => {
            let right = choices.iter().filter(|c| c.correct).count();
            let total = choices.len();
            if total >= 3 && right == total {
                Some(format!("every one of the {total} choices is right: \"select all\" needs no knowledge"))
            } else if total >= 3 && right + 1 == total {
                Some(format!(
                    "{right} of the {total} choices are right: spotting the odd one out answers it; \
                     make it closer to half"
                ))
            } else {
                None
            }
        }
        QuestionKind::TrueFalse { .. } | QuestionKind::TypeCode { .. } => None,
    }
}

/// A bank with fewer items of a shape than this is too small to judge its balance.
const BALANCE_MIN_ITEMS: usize = 6;
/// The share of those items one pattern may take before a learner can play the pattern:
/// the same number of wrong choices in a multiple select, or the same true/false answer.
const BALANCE_MAX_SHARE: f64 = 0.6;

/// Patterns across the bank that answer questions without knowledge: the index of the
/// last question that follows the pattern (the place to warn) and why.
#[must_use]
pub fn unbalanced(questions: &[Question]) -> Vec<(usize, String)> {
    let wrong_counts: Vec<(usize, usize)> = questions
        .iter()
        .enumerate()
        .filter_map(|(at, q)| match &q.kind {
            QuestionKind::Multiple { choices } => Some((at, choices.iter().filter(|c| !c.correct).count())),
            _ => None,
        })
        .collect();
    let answers: Vec<(usize, usize)> = questions
        .iter()
        .enumerate()
        .filter_map(|(at, q)| match q.kind {
            QuestionKind::TrueFalse { answer } => Some((at, usize::from(answer))),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    if let Some((at, wrong, count)) = most_common(&wrong_counts) {
        found.push((
            at,
            format!(
                "{count} of the {} multiple selects have exactly {wrong} wrong choice(s): a learner who \
                 leaves {wrong} unticked scores without knowing; vary the number of right choices",
                wrong_counts.len()
            ),
        ));
    }
    if let Some((at, answer, count)) = most_common(&answers) {
        let word = if answer == 1 { "true" } else { "false" };
        found.push((
            at,
            format!(
                "{count} of the {} true/false items are {word}: answering {word} every time scores well; \
                 balance them",
                answers.len()
            ),
        ));
    }
    found
}

/// The value most items share, when there are enough items and it takes more than
/// `BALANCE_MAX_SHARE` of them: the index of its last item, the value and its count.
fn most_common(items: &[(usize, usize)]) -> Option<(usize, usize, usize)> {
    if items.len() < BALANCE_MIN_ITEMS {
        return None;
    }
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for (_, value) in items {
        *counts.entry(*value).or_default() += 1;
    }
    let (value, count) = counts.into_iter().max_by_key(|(_, count)| *count)?;
    let last = items.iter().rev().find(|(_, v)| *v == value)?.0;
    (count as f64 > items.len() as f64 * BALANCE_MAX_SHARE).then_some((last, value, count))
}

impl Checker<'_> {
    /// Warns at the question's choices when its shape gives the answer away.
    pub(super) fn guessable(&mut self, source: &SourceFile<'_>, entry: &raw::QuestionEntry, question: &Question) {
        if let Some(why) = guessable(question) {
            let span = entry.choices.as_ref().map_or_else(|| entry.id.span(), |c| c.span());
            self.problems.push(source.warning(span, format!("question `{}`: {why}", question.id)));
        }
    }
}
