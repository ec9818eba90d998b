//! The text plain mode prints: questions, feedback and results. No escape sequences.

use std::io::{self, Write};

use crate::quiz::{QuestionKind, RoundKind, RoundQuestion, Score, Session, Verdict};

/// Shows control and bidi characters escaped (the one sanitiser), so no text can drive a terminal.
#[must_use]
pub fn sanitize(text: &str) -> String {
    crate::sanitize::printable(text).into_owned()
}

/// Course text for plain mode: sanitized, and without the `**` of bold (a screen reader
/// would read the stars out). Backticks stay: they mark code, as in a README.
#[must_use]
pub fn plain_text(text: &str) -> String {
    sanitize(text).replace("**", "")
}

/// A duration as `42s`, `3m 05s` or `1h 02m 03s` (whole seconds, rounded down).
#[must_use]
pub fn format_elapsed(ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}h {m:02}m {s:02}s")
    } else if m > 0 {
        format!("{m}m {s:02}s")
    } else {
        format!("{s}s")
    }
}

/// The correct answer in words, as course markup: the text of the correct choices (not
/// their numbers, which the feedback no longer shows), `True`/`False`, or the code.
#[must_use]
pub fn correct_answer(rq: &RoundQuestion) -> String {
    match &rq.question.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => choices
            .iter()
            .filter(|choice| choice.correct)
            .map(|choice| choice.text.clone())
            .collect::<Vec<_>>()
            .join("; "),
        QuestionKind::TrueFalse { answer } => bool_word(*answer).to_owned(),
        QuestionKind::TypeCode { answer } => answer.to_string(),
    }
}

fn bool_word(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

/// How the round starts: its size and how to answer.
pub fn write_intro(out: &mut impl Write, session: &Session) -> io::Result<()> {
    let n = session.round().len();
    let noun = if n == 1 { "question" } else { "questions" };
    match session.kind() {
        RoundKind::Retry => writeln!(out, "Retry: {n} missed {noun}.")?,
        RoundKind::Review => writeln!(out, "Review: {n} {noun}, the ones due first.")?,
        RoundKind::Topic(topics) => writeln!(out, "Quiz on {}: {n} {noun}.", sanitize(&topics.join(", ")))?,
        RoundKind::Full => writeln!(out, "Quiz: {n} {noun}.")?,
    }
    writeln!(
        out,
        "Answer with the number of a choice. Where several are right, type every number, \
         separated by spaces or commas. For true or false, type t or f. To name a status \
         code, type its three digits."
    )?;
    writeln!(out, "Type s to skip a question (it counts as wrong), q to end the round.")
}

/// Question `index` with its numbered choices, headed by `label` ("Question", "Review").
pub fn write_question(
    out: &mut impl Write,
    label: &str,
    index: usize,
    total: usize,
    rq: &RoundQuestion,
) -> io::Result<()> {
    let q = &rq.question;
    writeln!(out)?;
    // No tags here: a class or "gotchas" would hint at the answer. The feedback shows them.
    writeln!(out, "{label} {} of {total}", index + 1)?;
    writeln!(out, "{}", plain_text(&q.prompt))?;
    match &q.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
            for (at, choice) in choices.iter().enumerate() {
                writeln!(out, "  {}) {}", at + 1, plain_text(&choice.text))?;
            }
        }
        QuestionKind::TrueFalse { .. } => {
            writeln!(out, "  1) True")?;
            writeln!(out, "  2) False")?;
        }
        QuestionKind::TypeCode { .. } => {}
    }
    Ok(())
}

/// The prompt before the learner types, without a line break.
pub fn write_prompt(out: &mut impl Write, rq: &RoundQuestion) -> io::Result<()> {
    let text = match &rq.question.kind {
        QuestionKind::Single { choices } => format!("Your answer (1-{}): ", choices.len()),
        QuestionKind::Multiple { choices } => {
            format!("Every right answer (numbers 1-{}): ", choices.len())
        }
        QuestionKind::TrueFalse { .. } => "True or false (t/f): ".to_owned(),
        QuestionKind::TypeCode { .. } => "Status code: ".to_owned(),
    };
    write!(out, "{text}")?;
    out.flush()
}

/// Right or wrong, the correct answer, the explanation and the page to read.
pub fn write_feedback(out: &mut impl Write, rq: &RoundQuestion, verdict: Verdict) -> io::Result<()> {
    let heading = match verdict {
        Verdict::Correct => "Right.",
        Verdict::Wrong => "Wrong.",
        Verdict::Skipped => "Skipped.",
    };
    writeln!(out, "{heading} The answer: {}", plain_text(&correct_answer(rq)))?;
    writeln!(out, "{}", plain_text(&rq.question.explanation))?;
    if !rq.question.tags.is_empty() {
        writeln!(out, "Tags: {}", sanitize(&rq.question.tags.join(", ")))?;
    }
    writeln!(out, "Read more: {}", sanitize(&rq.question.page))
}

/// The results: score, time, per-tag breakdown, missed and unreached questions.
pub fn write_results(out: &mut impl Write, score: &Score, session: &Session) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "Results")?;
    if score.complete {
        writeln!(out, "Score: {} of {} correct ({}%)", score.correct, score.total, score.percent)?;
    } else if score.answered == 0 {
        writeln!(out, "No question answered: the round ended before the first.")?;
    } else {
        writeln!(out, "Score: {} of {} answered correct ({}%)", score.correct, score.answered, score.percent)?;
        let reached = score.total - score.answered;
        writeln!(
            out,
            "The round ended early: {reached} of {} questions not reached (not counted as wrong).",
            score.total
        )?;
    }
    writeln!(out, "Time: {}", format_elapsed(score.elapsed_ms))?;
    if !score.tags.is_empty() {
        writeln!(out, "By tag:")?;
        let width = score.tags.iter().map(|t| t.tag.chars().count()).max().unwrap_or(0);
        for tag in &score.tags {
            let name = sanitize(&tag.tag);
            writeln!(out, "  {name:<width$}  {}/{}", tag.correct, tag.total)?;
        }
    }
    write_id_list(out, "Missed:", &score.missed, session)?;
    write_id_list(out, "Not reached:", &score.unanswered, session)
}

/// A heading and one `id: prompt` line per question id (nothing when `ids` is empty).
fn write_id_list(out: &mut impl Write, heading: &str, ids: &[String], session: &Session) -> io::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    writeln!(out, "{heading}")?;
    for id in ids {
        let prompt = session
            .round()
            .iter()
            .find(|rq| &rq.question.id == id)
            .map(|rq| plain_text(&rq.question.prompt))
            .unwrap_or_default();
        writeln!(out, "  {}: {prompt}", sanitize(id))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{format_elapsed, sanitize};

    #[test]
    fn elapsed_reads_naturally() {
        assert_eq!(format_elapsed(0), "0s");
        assert_eq!(format_elapsed(42_999), "42s");
        assert_eq!(format_elapsed(185_000), "3m 05s");
        assert_eq!(format_elapsed(3_723_000), "1h 02m 03s");
    }

    #[test]
    fn plain_text_has_no_bold_stars_but_keeps_code_marks() {
        assert_eq!(
            super::plain_text("Returning **400** for `bad` input\u{1b}"),
            "Returning 400 for `bad` input\\u{1b}"
        );
    }

    #[test]
    fn sanitize_shows_escape_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mb\u{7}\tc\nd\u{9b}"), "a\\u{1b}[31mb\\u{7}   c\nd\\u{9b}");
    }
}
