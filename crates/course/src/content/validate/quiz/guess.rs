//! Warnings about question shapes that let a learner guess without knowing: the right
//! choice is by far the longest one, or a multiple select where all but one choice (or
//! every choice) is right. Warnings, not errors: a course still loads. Whether a wrong
//! choice is absurd on its face is for a human reviewer, not a check.
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

impl Checker<'_> {
    /// Warns at the question's choices when its shape gives the answer away.
    pub(super) fn guessable(&mut self, source: &SourceFile<'_>, entry: &raw::QuestionEntry, question: &Question) {
        if let Some(why) = guessable(question) {
            let span = entry.choices.as_ref().map_or_else(|| entry.id.span(), |c| c.span());
            self.problems.push(source.warning(span, format!("question `{}`: {why}", question.id)));
        }
    }
}
