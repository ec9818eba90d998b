//! The question types a course declares its quiz in; the program's quiz (src/quiz) plays them.
pub mod question;

pub use question::{Choice, Question, QuestionKind, is_class_tag};
