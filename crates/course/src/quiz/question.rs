//! The quiz's own question types.
//!
//! They are deliberately plain: the app converts the content model's questions into
//! these, so the quiz never depends on how questions are stored on disk.

use serde::{Deserialize, Serialize};

/// One question of the bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id (`get-object-or-404-missing`), used for missed-question lists.
    pub id: String,
    /// The question as shown to the learner.
    pub prompt: String,
    /// Why the right answer is right, shown after answering.
    pub explanation: String,
    /// Id of the lesson page that teaches the answer.
    pub page: String,
    /// A class tag such as `4xx` and topic tags such as `decorators`.
    pub tags: Vec<String>,
    /// What kind of answer is expected, with the correct answer.
    pub kind: QuestionKind,
}

/// What kind of answer a question expects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Pick exactly one choice; exactly one should be marked correct.
    Single {
        /// The choices, in the bank's order (a round shuffles them).
        choices: Vec<Choice>,
    },
    /// Select every correct choice; credit only for the exact set.
    Multiple {
        /// The choices, in the bank's order (a round shuffles them).
        choices: Vec<Choice>,
    },
    /// A statement that is true or false. Shown as `True`, `False` in that order.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// Type a three-digit status code.
    TypeCode {
        /// The expected code, such as 404.
        answer: u16,
    },
}

/// One choice of a single or multiple choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The text shown for this choice.
    pub text: String,
    /// Whether this choice belongs to the correct answer.
    pub correct: bool,
}

impl Question {
    /// The choices of a single or multiple choice question; empty for other kinds.
    #[must_use]
    pub fn choices(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => choices,
            QuestionKind::TrueFalse { .. } | QuestionKind::TypeCode { .. } => &[],
        }
    }

    /// The class tag (`1xx` to `5xx`) of this question, if it has one.
    #[must_use]
    pub fn class_tag(&self) -> Option<&str> {
        self.tags.iter().map(String::as_str).find(|tag| is_class_tag(tag))
    }
}

/// Whether `tag` names a status class: a digit from 1 to 5 followed by `xx`.
#[must_use]
pub fn is_class_tag(tag: &str) -> bool {
    matches!(tag.as_bytes(), [b'1'..=b'5', b'x', b'x'])
}

#[cfg(test)]
mod tests {
    use super::is_class_tag;

    #[test]
    fn class_tags_are_recognised() {
        for tag in ["1xx", "2xx", "3xx", "4xx", "5xx"] {
            assert!(is_class_tag(tag), "{tag}");
        }
        for tag in ["6xx", "0xx", "4XX", "4xxx", "xx", "", "decorators"] {
            assert!(!is_class_tag(tag), "{tag}");
        }
    }
}
