//! A prompt that says the answer: a question whose answer is one status code, and whose
//! prompt's words contain that code's reason phrase ("...was **created**" for 201,
//! "...is **gone**" for 410), is answered by matching words, not by knowing. Code in the
//! prompt (inline `code`, indented or fenced lines) does not count: a traced view may
//! well say `HTTPStatus.CONFLICT` on one of its branches. A warning, like the other
//! shapes that let a learner guess.
use super::super::Checker;
use crate::content::model::{Question, QuestionKind, StatusCode};
use crate::content::problem::SourceFile;
use crate::content::raw;

/// The status a question asks for, when it asks for exactly one: a typed code, or a
/// single choice whose right answer starts with one ("**409 Conflict**: ...").
fn answer(question: &Question) -> Option<u16> {
    match &question.kind {
        QuestionKind::TypeCode { answer } => Some(*answer),
        QuestionKind::Single { choices } => {
            let right = choices.iter().find(|c| c.correct)?;
            let text = right.text.trim_start_matches(['*', '`']);
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            let after = text[digits.len()..].chars().next();
            (digits.len() == 3 && !after.is_some_and(char::is_alphanumeric)).then(|| digits.parse().ok()).flatten()
        }
        QuestionKind::Multiple { .. } | QuestionKind::TrueFalse { .. } => None,
    }
}

/// The prompt's words without its code: fenced and indented lines, and `inline` spans.
fn words(prompt: &str) -> String {
    let mut kept = String::new();
    let mut fenced = false;
    for line in prompt.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced || line.starts_with([' ', '\t']) {
            continue;
        }
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                kept.push_str(part);
                kept.push(' ');
            }
        }
        kept.push('\n');
    }
    kept.replace('*', "")
}

/// `phrase` in `text` at the start of a word, in any case ("Created" in "was created",
/// not "Found" in "unfounded").
fn says(text: &str, phrase: &str) -> bool {
    let (text, phrase) = (text.to_lowercase(), phrase.to_lowercase());
    text.match_indices(&phrase).any(|(at, _)| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Why the prompt gives its answer away, if it does.
#[must_use]
pub fn cued(question: &Question, codes: &[StatusCode]) -> Option<String> {
    let code = answer(question)?;
    let reason = &codes.iter().find(|c| c.code == code)?.reason;
    says(&words(&question.prompt), reason).then(|| {
        format!(
            "the prompt says \"{reason}\", the reason phrase of its answer {code}: a learner matches the words \
             instead of knowing; describe the situation without them"
        )
    })
}

impl Checker<'_> {
    /// Warns at the prompt when it names its own answer's reason phrase.
    pub(in super::super) fn cued(
        &mut self,
        source: &SourceFile<'_>,
        entry: &raw::QuestionEntry,
        question: &Question,
        codes: &[StatusCode],
    ) {
        if let Some(why) = cued(question, codes) {
            self.problems.push(source.warning(entry.prompt.span(), format!("question `{}`: {why}", question.id)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{answer, says, words};
    use crate::content::model::{Choice, Question, QuestionKind};

    fn single(right: &str) -> Question {
        let choice = |text: &str, correct| Choice { text: text.into(), correct };
        Question {
            id: "q".into(),
            kind: QuestionKind::Single { choices: vec![choice(right, true), choice("404", false)] },
            prompt: String::new(),
            explanation: String::new(),
            page: 0,
            tags: vec![],
            anchor: None,
            level: None,
        }
    }

    #[test]
    fn a_single_choice_asks_for_the_code_its_right_choice_starts_with() {
        assert_eq!(answer(&single("**409 Conflict**: the title changed")), Some(409));
        assert_eq!(answer(&single("`410`")), Some(410));
        assert_eq!(answer(&single("4095 requests")), None);
        assert_eq!(answer(&single("A Location header")), None);
    }

    #[test]
    fn code_in_the_prompt_is_not_its_words() {
        let prompt = "Which status?\n```python\nreturn HttpResponse(status=HTTPStatus.CONFLICT)\n```\n    \
                      raise Conflict\nThe view returns `HTTPStatus.GONE` for a **retired** page.";
        let kept = words(prompt);
        assert!(!says(&kept, "Conflict") && !says(&kept, "Gone"), "{kept}");
        assert!(says(&kept, "retired"));
    }

    #[test]
    fn a_phrase_counts_at_the_start_of_a_word_in_any_case() {
        assert!(says("The row was created.", "Created"));
        assert!(says("It is NOT FOUND here", "Not Found"));
        assert!(!says("an unfounded claim", "Found"));
        assert!(!says("it creates a row", "Created"));
    }
}
