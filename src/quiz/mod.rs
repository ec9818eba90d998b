//! The quiz: question types, round drawing, the session state machine and scoring.
//!
//! Pure library code: nothing here touches the terminal, files, the clock or global
//! randomness. Time and shuffle seeds are passed in, so a session replays exactly.
//! [`plain`] runs a session over plain text streams.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod draft;
mod draw;
mod due;
mod event;
mod grade;
mod memory;
mod pause;
pub mod plain;
// The question types belong to the course crate (the course declares questions in them).
use status_tutor_course::quiz::question;
mod rng;
mod score;
mod session;

pub use draft::{CODE_DIGITS, Draft};
pub use draw::{RoundQuestion, draw_from, draw_ordered, draw_round};
pub use due::{due_ids, next_due, when};
pub use event::{Direction, QuizEvent, Rejected};
pub use grade::{Answer, Record, Verdict, grade};
pub use memory::{DAY, EASY_WITHIN_MS, Grade, LEARNED_STABILITY, Memory, Step};
pub use pause::{PausedQuestion, PausedRound, RoundKind, topic_key};
pub use question::{Choice, Question, QuestionKind, is_class_tag};
pub use rng::SplitMix64;
pub use score::{QuestionResult, Score, TagScore, percent};
pub use session::{Phase, Session};
