//! Plain mode: a session over plain text streams, for screen readers, dumb terminals
//! and scripts. Numbered choices, typed answers, no escape sequences at all.

mod format;
mod parse;

use std::io::{self, BufRead, Write};

use super::{Phase, QuizEvent, Score, Session};

pub use format::{
    correct_answer, format_elapsed, plain_text, sanitize, write_feedback, write_intro, write_prompt, write_question,
    write_results,
};
pub use parse::{Reply, expected, parse_reply};

/// Runs the session's round (see [`run_round`]), then prints the results.
///
/// # Errors
/// Any error reading `input` or writing `output`.
pub fn run(
    session: &mut Session,
    input: impl BufRead,
    mut output: impl Write,
    clock: impl FnMut() -> u64,
) -> io::Result<Score> {
    let score = run_round(session, input, &mut output, clock)?;
    write_results(&mut output, &score, session)?;
    output.flush()?;
    Ok(score)
}

/// Runs the session from its current phase until the results, without printing them.
///
/// Starts the round if it is at the intro, asks each question, prints the feedback and
/// goes on. `s` skips a question and `q` ends the round; the end of `input` ends the
/// round too, with the results so far. `clock` gives the time in milliseconds for each
/// event. Returns the score.
///
/// # Errors
/// Any error reading `input` or writing `output`.
pub fn run_round(
    session: &mut Session,
    input: impl BufRead,
    output: impl Write,
    clock: impl FnMut() -> u64,
) -> io::Result<Score> {
    run_round_with(session, input, output, clock, |_| {})
}

/// Like [`run_round`], calling `answered` after each question is answered or skipped
/// (with the session in its feedback), so the caller can save as the round goes: an
/// interrupted round keeps the answers given.
///
/// # Errors
/// Any error reading `input` or writing `output`.
pub fn run_round_with(
    session: &mut Session,
    mut input: impl BufRead,
    mut output: impl Write,
    mut clock: impl FnMut() -> u64,
    mut answered: impl FnMut(&Session),
) -> io::Result<Score> {
    loop {
        match session.phase().clone() {
            Phase::Intro => {
                write_intro(&mut output, session)?;
                if session.apply(QuizEvent::Start, clock()).is_err() {
                    writeln!(output, "There are no questions to ask.")?;
                    break;
                }
            }
            Phase::Asking { index, .. } => {
                let Some(rq) = session.round().get(index).cloned() else {
                    break;
                };
                let label = session.kind().question_label();
                write_question(&mut output, label, index, session.round().len(), &rq)?;
                ask(session, &rq, &mut input, &mut output, &mut clock)?;
            }
            Phase::Feedback { index, verdict } => {
                answered(session);
                if let Some(rq) = session.round().get(index) {
                    write_feedback(&mut output, rq, verdict)?;
                }
                if session.apply(QuizEvent::Next, clock()).is_err() {
                    break;
                }
            }
            Phase::Results | Phase::Review { .. } => break,
        }
    }
    output.flush()?;
    Ok(session.score())
}

/// Reads lines until one answers, skips or quits the question being asked.
fn ask(
    session: &mut Session,
    rq: &super::RoundQuestion,
    input: &mut impl BufRead,
    output: &mut impl Write,
    clock: &mut impl FnMut() -> u64,
) -> io::Result<()> {
    let mut buffer = Vec::new();
    loop {
        write_prompt(output, rq)?;
        let line = read_answer(input, &mut buffer)?;
        // End the prompt's line: on a terminal the learner's Enter already did, and the
        // blank line separates the reply; in a transcript it keeps lines apart.
        writeln!(output)?;
        match line {
            Line::Read => {}
            Line::End => {
                writeln!(output, "End of input: the round ends here.")?;
                return finish(session, QuizEvent::Quit, clock());
            }
            Line::TooLong => {
                writeln!(output, "That answer is too long (more than {MAX_ANSWER_BYTES} bytes).")?;
                continue;
            }
            Line::Flood => {
                writeln!(output, "The input is not answers (megabytes without a line break): the round ends here.")?;
                return finish(session, QuizEvent::Quit, clock());
            }
        }
        let line = String::from_utf8_lossy(&buffer);
        let events = match parse_reply(&line, rq) {
            Reply::Skip => return finish(session, QuizEvent::Skip, clock()),
            Reply::Quit => return finish(session, QuizEvent::Quit, clock()),
            Reply::Invalid(message) => {
                writeln!(output, "{message}")?;
                continue;
            }
            Reply::Answer(events) => events,
        };
        // Compose on a copy so a refused event leaves the session as it was.
        let now = clock();
        let mut trial = session.clone();
        let accepted = events.into_iter().chain([QuizEvent::Submit]).try_for_each(|event| trial.apply(event, now));
        match accepted {
            Ok(()) => {
                *session = trial;
                return Ok(());
            }
            Err(why) => writeln!(output, "Not accepted: {why}. Please type {}.", expected(rq))?,
        }
    }
}

/// The longest answer line read; a longer one is "too long" and skipped.
pub const MAX_ANSWER_BYTES: usize = 4096;
/// How much of one overlong line is skipped before the input counts as not answers at all
/// (`< /dev/zero` would otherwise be read forever).
const MAX_SKIPPED_BYTES: usize = 1024 * 1024;

/// One answer line, read with bounded memory.
enum Line {
    Read,
    End,
    TooLong,
    Flood,
}

/// Reads one line into `buffer` (cleared first), never holding more than
/// [`MAX_ANSWER_BYTES`] of it.
fn read_answer(input: &mut impl BufRead, buffer: &mut Vec<u8>) -> io::Result<Line> {
    buffer.clear();
    let mut seen = 0usize;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match seen {
                0 => Line::End,
                _ if seen > MAX_ANSWER_BYTES => Line::TooLong,
                _ => Line::Read,
            });
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..=at], true),
            None => (available, false),
        };
        let taken = chunk.len();
        if seen + taken <= MAX_ANSWER_BYTES + 1 {
            buffer.extend_from_slice(chunk);
        }
        seen += taken;
        input.consume(taken);
        if done {
            return Ok(if seen > MAX_ANSWER_BYTES + 1 { Line::TooLong } else { Line::Read });
        }
        if seen > MAX_SKIPPED_BYTES {
            return Ok(Line::Flood);
        }
    }
}

/// Applies an event that ends the question; a refusal would loop forever, so it is an error.
fn finish(session: &mut Session, event: QuizEvent, now: u64) -> io::Result<()> {
    session.apply(event, now).map_err(|why| io::Error::other(format!("quiz refused {event:?}: {why}")))
}
