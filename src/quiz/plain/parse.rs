//! Reading a typed reply in plain mode.

use crate::quiz::{CODE_DIGITS, QuestionKind, QuizEvent, RoundQuestion};

/// What a line typed by the learner means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// Compose the answer with these events, then submit it.
    Answer(Vec<QuizEvent>),
    /// Skip the question (`s`, `skip`).
    Skip,
    /// End the round (`q`, `quit`).
    Quit,
    /// Not understood; the text says what is expected.
    Invalid(String),
}

/// Understands `line` as a reply to `rq`.
///
/// Single choice: one number. Multiple select: numbers separated by spaces or commas.
/// True/false: `t`, `f`, `true`, `false` (or `1`, `2` as listed). Type the code: three
/// digits. Choice numbers are 1-based here and turned into 0-based events.
#[must_use]
pub fn parse_reply(line: &str, rq: &RoundQuestion) -> Reply {
    let text = line.trim().to_lowercase();
    match text.as_str() {
        "s" | "skip" => return Reply::Skip,
        "q" | "quit" => return Reply::Quit,
        _ => {}
    }
    let parsed = match &rq.question.kind {
        QuestionKind::Single { choices } => single(&text, choices.len()),
        QuestionKind::Multiple { choices } => multiple(&text, choices.len()),
        QuestionKind::TrueFalse { .. } => true_false(&text),
        QuestionKind::TypeCode { .. } => type_code(&text),
    };
    parsed.map_or_else(Reply::Invalid, Reply::Answer)
}

/// What to type for `rq`, for prompts and error messages.
#[must_use]
pub fn expected(rq: &RoundQuestion) -> String {
    match &rq.question.kind {
        QuestionKind::Single { choices } => format!("one number from 1 to {}", choices.len()),
        QuestionKind::Multiple { choices } => {
            format!("every right number from 1 to {}, separated by spaces or commas", choices.len())
        }
        QuestionKind::TrueFalse { .. } => "t for true or f for false".to_owned(),
        QuestionKind::TypeCode { .. } => format!("the {CODE_DIGITS} digits of a status code"),
    }
}

/// A 1-based choice number within `1..=len`, as a 0-based position.
fn choice_number(token: &str, len: usize) -> Option<usize> {
    let n: usize = token.parse().ok()?;
    (1..=len).contains(&n).then(|| n - 1)
}

fn single(text: &str, len: usize) -> Result<Vec<QuizEvent>, String> {
    choice_number(text, len)
        .map(|at| vec![QuizEvent::Choose(at)])
        .ok_or_else(|| format!("Please type one number from 1 to {len}."))
}

fn multiple(text: &str, len: usize) -> Result<Vec<QuizEvent>, String> {
    let error =
        || format!("Please type the numbers of every right answer, from 1 to {len}, separated by spaces or commas.");
    let mut chosen: Vec<usize> = Vec::new();
    for token in text.split(|c: char| c == ',' || c.is_whitespace()).filter(|token| !token.is_empty()) {
        let at = choice_number(token, len).ok_or_else(error)?;
        if !chosen.contains(&at) {
            chosen.push(at);
        }
    }
    if chosen.is_empty() {
        return Err(error());
    }
    Ok(chosen.into_iter().map(QuizEvent::Toggle).collect())
}

fn true_false(text: &str) -> Result<Vec<QuizEvent>, String> {
    match text {
        "t" | "true" | "1" => Ok(vec![QuizEvent::SetBool(true)]),
        "f" | "false" | "2" => Ok(vec![QuizEvent::SetBool(false)]),
        _ => Err("Please type t for true or f for false.".to_owned()),
    }
}

fn type_code(text: &str) -> Result<Vec<QuizEvent>, String> {
    if text.len() == CODE_DIGITS && text.chars().all(|c| c.is_ascii_digit()) {
        Ok(text.chars().map(QuizEvent::TypeDigit).collect())
    } else {
        Err(format!("Please type the {CODE_DIGITS} digits of a status code, such as 404."))
    }
}

#[cfg(test)]
mod tests {
    use super::{Reply, parse_reply};
    use crate::quiz::{Choice, Question, QuestionKind, QuizEvent, RoundQuestion};

    fn rq(kind: QuestionKind) -> RoundQuestion {
        RoundQuestion {
            bank_index: 0,
            question: Question {
                id: "q".into(),
                prompt: "?".into(),
                explanation: String::new(),
                page: "p".into(),
                tags: vec![],
                kind,
            },
            choice_order: vec![],
        }
    }

    fn choices(n: usize) -> Vec<Choice> {
        (0..n).map(|i| Choice { text: i.to_string(), correct: i == 0 }).collect()
    }

    #[test]
    fn commands_work_for_every_kind() {
        let q = rq(QuestionKind::TypeCode { answer: 404 });
        assert_eq!(parse_reply(" S ", &q), Reply::Skip);
        assert_eq!(parse_reply("quit", &q), Reply::Quit);
    }

    #[test]
    fn single_takes_one_number_in_range() {
        let q = rq(QuestionKind::Single { choices: choices(4) });
        assert_eq!(parse_reply("2", &q), Reply::Answer(vec![QuizEvent::Choose(1)]));
        for bad in ["0", "5", "", "1 2", "x", "-1"] {
            assert!(matches!(parse_reply(bad, &q), Reply::Invalid(_)), "{bad:?}");
        }
    }

    #[test]
    fn multiple_takes_a_deduplicated_list() {
        let q = rq(QuestionKind::Multiple { choices: choices(4) });
        assert_eq!(
            parse_reply("1, 3 3,4", &q),
            Reply::Answer(vec![QuizEvent::Toggle(0), QuizEvent::Toggle(2), QuizEvent::Toggle(3)])
        );
        for bad in ["", ",", "1 5", "1 x"] {
            assert!(matches!(parse_reply(bad, &q), Reply::Invalid(_)), "{bad:?}");
        }
    }

    #[test]
    fn true_false_and_codes() {
        let tf = rq(QuestionKind::TrueFalse { answer: true });
        assert_eq!(parse_reply("False", &tf), Reply::Answer(vec![QuizEvent::SetBool(false)]));
        assert!(matches!(parse_reply("maybe", &tf), Reply::Invalid(_)));
        let code = rq(QuestionKind::TypeCode { answer: 404 });
        assert_eq!(
            parse_reply("404", &code),
            Reply::Answer(vec![QuizEvent::TypeDigit('4'), QuizEvent::TypeDigit('0'), QuizEvent::TypeDigit('4')])
        );
        for bad in ["40", "4040", "4o4", "٤٠٤"] {
            assert!(matches!(parse_reply(bad, &code), Reply::Invalid(_)), "{bad:?}");
        }
    }
}
