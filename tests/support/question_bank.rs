//! A small question bank shared by the quiz tests (by `#[path]`).
#![allow(dead_code)] // each test crate uses a different part of this module

use status_tutor::quiz::{Choice, Question, QuestionKind};

/// A question with the given id, tags and kind.
pub fn question(id: &str, tags: &[&str], kind: QuestionKind) -> Question {
    Question {
        id: id.to_owned(),
        prompt: format!("Prompt of {id}?"),
        explanation: format!("Why {id} is so."),
        page: format!("page-{id}"),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        kind,
    }
}

/// Choices from `(text, correct)` pairs.
pub fn choices(items: &[(&str, bool)]) -> Vec<Choice> {
    items.iter().map(|(text, correct)| Choice { text: (*text).to_owned(), correct: *correct }).collect()
}

/// Single choice, four choices, the second correct.
pub fn single(id: &str, tags: &[&str]) -> Question {
    question(
        id,
        tags,
        QuestionKind::Single {
            choices: choices(&[
                ("200 OK", false),
                ("201 Created", true),
                ("204 No Content", false),
                ("302 Found", false),
            ]),
        },
    )
}

/// Multiple select, four choices, the first two correct.
pub fn multiple(id: &str, tags: &[&str]) -> Question {
    question(
        id,
        tags,
        QuestionKind::Multiple { choices: choices(&[("404", true), ("429", true), ("502", false), ("304", false)]) },
    )
}

/// True/false with the given answer.
pub fn true_false(id: &str, tags: &[&str], answer: bool) -> Question {
    question(id, tags, QuestionKind::TrueFalse { answer })
}

/// Type the code, answer 404.
pub fn type_code(id: &str, tags: &[&str]) -> Question {
    question(id, tags, QuestionKind::TypeCode { answer: 404 })
}

/// Twelve questions over the five classes, every kind, and some topic tags.
pub fn bank() -> Vec<Question> {
    vec![
        true_false("informational-final", &["1xx"], false),
        single("continue-meaning", &["1xx"]),
        single("status-after-create", &["2xx", "rest"]),
        type_code("no-content-code", &["2xx", "rest"]),
        single("redirect-after-post", &["3xx", "shortcuts"]),
        true_false("not-modified-body", &["3xx", "caching"], false),
        multiple("pick-client-errors", &["4xx", "classes"]),
        true_false("login-required-401", &["4xx", "decorators", "gotchas"], false),
        type_code("get-object-or-404-missing", &["4xx", "shortcuts"]),
        single("permission-denied", &["4xx", "exceptions"]),
        multiple("pick-server-errors", &["5xx", "classes"]),
        type_code("unhandled-exception", &["5xx", "gotchas"]),
    ]
}
