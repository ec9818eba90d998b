//! What can happen to a quiz session, and why an event can be refused.

use std::fmt;

/// An event the learner (through the TUI or plain mode) sends to a [`Session`].
///
/// Choice numbers are zero-based display positions; mapping keys `1`-`9`, `a`-`d` or a
/// mouse click to them is the caller's job.
///
/// [`Session`]: super::Session
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizEvent {
    /// Intro -> first question: starts the clock.
    Start,
    /// Single choice: select choice `n`. True/false: `0` is True, `1` is False.
    Choose(usize),
    /// Single choice and true/false: move the selection; multiple: move the cursor.
    /// Both wrap around.
    MoveCursor(Direction),
    /// Multiple select: select or unselect choice `n`.
    Toggle(usize),
    /// Type the code: append a digit (anything but `0`-`9` is refused; at most 3).
    TypeDigit(char),
    /// Type the code: remove the last digit.
    Backspace,
    /// True/false: choose an answer.
    SetBool(bool),
    /// Grade the current answer (refused while nothing is answered).
    Submit,
    /// Feedback -> next question, or the results after the last one.
    Next,
    /// Give up on the current question: it counts as wrong.
    Skip,
    /// End the round now (during a question or its feedback): go to the results so far.
    Quit,
    /// Results or review -> the intro of a new round drawn from the whole bank.
    Restart(u64),
    /// Results or review -> the intro of a round of the questions not answered correctly.
    RetryMissed(u64),
    /// Results -> review of the first question.
    OpenReview,
    /// Review: the next question.
    ReviewNext,
    /// Review: the previous question.
    ReviewPrev,
    /// Review -> results.
    BackToResults,
}

/// A direction for [`QuizEvent::MoveCursor`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the first choice.
    Up,
    /// Towards the last choice.
    Down,
}

/// Why an event was refused. A refused event changed nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejected {
    /// The event makes no sense in the current phase (e.g. `Submit` on the results).
    WrongPhase,
    /// The event does not fit the current question's kind (e.g. `Toggle` on true/false).
    WrongKind,
    /// The choice number is past the last choice.
    NoSuchChoice,
    /// `TypeDigit` with something other than `0`-`9`.
    NotADigit,
    /// `TypeDigit` when three digits are already typed.
    InputFull,
    /// `Backspace` with nothing typed.
    InputEmpty,
    /// `Submit` before an answer is complete (nothing chosen).
    NoAnswer,
    /// `Submit` of a status code with fewer than three digits (how many were typed).
    ShortCode(usize),
    /// `Submit` of three digits that are no status code (outside 100-599).
    NotAStatusCode(u16),
    /// `Start` on a round without questions.
    EmptyRound,
    /// `RetryMissed` when every question was answered correctly.
    NothingMissed,
    /// `ReviewNext` on the last question or `ReviewPrev` on the first.
    AtEnd,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Self::WrongPhase => "that does not apply right now",
            Self::WrongKind => "that does not apply to this kind of question",
            Self::NoSuchChoice => "there is no such choice",
            Self::NotADigit => "only digits can be typed",
            Self::InputFull => "a status code has three digits",
            Self::InputEmpty => "nothing to erase",
            Self::NoAnswer => "answer first, or skip",
            Self::ShortCode(0) => "type the three digits of a status code first",
            Self::ShortCode(n) => {
                return write!(f, "a status code has three digits; {n} typed so far");
            }
            Self::NotAStatusCode(code) => {
                return write!(f, "{code:03} is not a status code (they run from 100 to 599)");
            }
            Self::EmptyRound => "this round has no questions",
            Self::NothingMissed => "no question was missed",
            Self::AtEnd => "there is no question that way",
        };
        f.write_str(text)
    }
}

impl std::error::Error for Rejected {}
