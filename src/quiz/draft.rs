//! The answer being composed while a question is asked, and how events edit it.

use super::event::{Direction, QuizEvent, Rejected};
use super::grade::Answer;
use super::question::{Question, QuestionKind};

/// Digits in a status code.
pub const CODE_DIGITS: usize = 3;

/// The learner's answer in progress, one shape per question kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Draft {
    /// Single choice: the selected display position, if any. Selection is the cursor.
    Single {
        /// The selected choice.
        selected: Option<usize>,
    },
    /// Multiple select: a cursor and a flag per shown choice.
    Multiple {
        /// The highlighted choice (what Space toggles in the TUI).
        cursor: usize,
        /// `selected[n]` is true when choice `n` is selected.
        selected: Vec<bool>,
    },
    /// True/false: the chosen value, if any.
    TrueFalse {
        /// The chosen value.
        selected: Option<bool>,
    },
    /// Type the code: the digits typed so far (at most three ASCII digits).
    TypeCode {
        /// The typed digits.
        digits: String,
    },
}

impl Draft {
    /// The empty answer for `question`.
    #[must_use]
    pub fn blank(question: &Question) -> Self {
        match &question.kind {
            // The cursor starts on the first choice, visible, so the first arrow moves it.
            QuestionKind::Single { choices } => Self::Single { selected: (!choices.is_empty()).then_some(0) },
            QuestionKind::Multiple { choices } => Self::Multiple { cursor: 0, selected: vec![false; choices.len()] },
            QuestionKind::TrueFalse { .. } => Self::TrueFalse { selected: None },
            QuestionKind::TypeCode { .. } => Self::TypeCode { digits: String::new() },
        }
    }

    /// The input after an editing event, or why the event does not apply.
    ///
    /// `choices` is the number of shown choices of a single choice question (the input
    /// of the other kinds knows its own size). `self` is never changed: the caller
    /// stores the result, so a refused event changes nothing.
    pub fn edited(&self, event: QuizEvent, choices: usize) -> Result<Self, Rejected> {
        match (self, event) {
            (Self::Single { .. }, QuizEvent::Choose(n)) => {
                if n < choices {
                    Ok(Self::Single { selected: Some(n) })
                } else {
                    Err(Rejected::NoSuchChoice)
                }
            }
            (Self::Single { selected }, QuizEvent::MoveCursor(direction)) => {
                let selected = Some(step(*selected, choices, direction)?);
                Ok(Self::Single { selected })
            }
            (Self::Multiple { selected, .. }, QuizEvent::Toggle(n)) => {
                let mut selected = selected.clone();
                let flag = selected.get_mut(n).ok_or(Rejected::NoSuchChoice)?;
                *flag = !*flag;
                Ok(Self::Multiple { cursor: n, selected })
            }
            (Self::Multiple { cursor, selected }, QuizEvent::MoveCursor(direction)) => Ok(Self::Multiple {
                cursor: step(Some(*cursor), selected.len(), direction)?,
                selected: selected.clone(),
            }),
            (Self::TrueFalse { .. }, QuizEvent::SetBool(value)) => Ok(Self::TrueFalse { selected: Some(value) }),
            (Self::TrueFalse { .. }, QuizEvent::Choose(n)) => match n {
                0 => Ok(Self::TrueFalse { selected: Some(true) }),
                1 => Ok(Self::TrueFalse { selected: Some(false) }),
                _ => Err(Rejected::NoSuchChoice),
            },
            (Self::TrueFalse { selected }, QuizEvent::MoveCursor(direction)) => {
                // True is position 0, False position 1, as shown.
                let at = selected.map(|value| usize::from(!value));
                let at = step(at, 2, direction)?;
                Ok(Self::TrueFalse { selected: Some(at == 0) })
            }
            (Self::TypeCode { digits }, QuizEvent::TypeDigit(digit)) => {
                if !digit.is_ascii_digit() {
                    Err(Rejected::NotADigit)
                } else if digits.len() >= CODE_DIGITS {
                    Err(Rejected::InputFull)
                } else {
                    let mut digits = digits.clone();
                    digits.push(digit);
                    Ok(Self::TypeCode { digits })
                }
            }
            (Self::TypeCode { digits }, QuizEvent::Backspace) => {
                let mut digits = digits.clone();
                match digits.pop() {
                    Some(_) => Ok(Self::TypeCode { digits }),
                    None => Err(Rejected::InputEmpty),
                }
            }
            _ => Err(Rejected::WrongKind),
        }
    }

    /// The complete answer, or `None` while there is nothing to submit.
    #[must_use]
    pub fn answer(&self) -> Option<Answer> {
        match self {
            Self::Single { selected } => selected.map(Answer::Single),
            Self::Multiple { selected, .. } => {
                let chosen: Vec<usize> = positions(selected);
                (!chosen.is_empty()).then_some(Answer::Multiple(chosen))
            }
            Self::TrueFalse { selected } => selected.map(Answer::TrueFalse),
            Self::TypeCode { digits } => {
                if digits.len() == CODE_DIGITS {
                    digits.parse().ok().map(Answer::TypeCode)
                } else {
                    None
                }
            }
        }
    }
}

/// Moves a wrapping cursor over `len` positions; from nothing, Down goes to the first
/// and Up to the last. Refused when there are no positions.
fn step(at: Option<usize>, len: usize, direction: Direction) -> Result<usize, Rejected> {
    let last = len.checked_sub(1).ok_or(Rejected::NoSuchChoice)?;
    Ok(match (at, direction) {
        (None, Direction::Down) => 0,
        (None, Direction::Up) => last,
        (Some(at), Direction::Down) if at >= last => 0,
        (Some(at), Direction::Down) => at + 1,
        (Some(0), Direction::Up) => last,
        (Some(at), Direction::Up) => at.min(len) - 1,
    })
}

/// Positions of the `true` flags.
fn positions(flags: &[bool]) -> Vec<usize> {
    flags.iter().enumerate().filter(|(_, on)| **on).map(|(at, _)| at).collect()
}
