//! `quiz` and `review`: the round their flags ask for, and plain-mode rounds that save
//! each answer as it is given, so an interrupted round keeps them.
use super::console::{self, say};
use super::course_source::{course, progress_key};
use crate::cli::{Cli, QuizArgs};
use crate::clock::{Clock, SystemClock};
use crate::progress::review;
use crate::progress::{Progress, Store};
use crate::quiz::{RoundKind, Score, Session, plain};
use crate::quiz_bank::{NoRound, QuizOptions, RoundRequest, session};
use crate::sanitize::printable;
use std::io::{self, Write};
use std::process::ExitCode;

/// Runs `session` in plain mode: stdin and stdout (with `json`, the transcript on
/// stderr and the results as JSON on stdout). Each answer moves its question's memory
/// and is saved at once; the finished round is recorded by its kind.
///
/// # Errors
/// Reading or writing the streams.
pub fn run_plain(
    session: &mut Session,
    store: &mut Store,
    progress: &mut Progress,
    json: bool,
    clock: &dyn Clock,
) -> io::Result<Score> {
    let input = io::stdin().lock();
    // The tutorial's paused round, if any: this round stands in for it while it runs
    // (so a kill leaves it resumable) and gives it back when it ends.
    let paused_before = progress.review.paused.clone();
    let mut save_answer = |session: &Session| {
        let Some((index, rq)) = session.current() else { return };
        let Some(record) = session.record(index) else { return };
        progress.review.note_answer(&rq.question.id, record, clock.unix());
        progress.review.paused = session.paused();
        // Merged with the file: another instance's answers meanwhile are kept.
        if let Some(warning) = store.sync(progress) {
            console::warn(&warning);
        }
    };
    let now = || clock.now_ms();
    let score = if json {
        let score = plain::run_round_with(session, input, io::stderr().lock(), now, &mut save_answer)?;
        let text = serde_json::to_string_pretty(&score).map_err(io::Error::other)?;
        writeln!(io::stdout(), "{text}")?;
        score
    } else {
        let mut out = io::stdout().lock();
        let score = plain::run_round_with(session, input, &mut out, now, &mut save_answer)?;
        plain::write_results(&mut out, &score, session)?;
        out.flush()?;
        score
    };
    progress.review.paused = paused_before;
    review::record_round(progress, session.kind(), &score, clock.date());
    if let Some(warning) = store.sync(progress) {
        console::warn(&warning);
    }
    Ok(score)
}

/// How a round is drawn, from the flags: a seed from the clock unless one was given;
/// without `quiz` flags (`review`, the tutorial), 12 questions.
#[must_use]
pub fn options(args: Option<&QuizArgs>) -> QuizOptions {
    let seed = args.and_then(|a| a.seed).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
    });
    let count = match args {
        Some(args) if args.all => None,
        Some(args) => Some(usize::from(args.questions)),
        None => Some(12),
    };
    QuizOptions { count, seed }
}

/// `quiz --plain` and `review --plain`: the same state machine over stdin/stdout, no
/// escape sequences. With `--json` the transcript goes to stderr and the results to
/// stdout as JSON. Each answer is saved as it is given.
pub fn plain(cli: &Cli, (request, options): &(RoundRequest, QuizOptions), json: bool) -> Result<ExitCode, String> {
    let course = course(cli.content.as_deref())?;
    let key = progress_key(cli.content.as_deref(), &course.id);
    let (mut store, mut progress, warnings) = Store::open(cli.data_dir.as_deref(), &key);
    warnings.iter().for_each(|warning| console::warn(warning));
    let clock = SystemClock::default();
    let mut session = match session(&course, &progress, request, options.count, options.seed, clock.unix()) {
        Ok(session) => session,
        Err(refusal) => return Ok(refused(&refusal)),
    };
    let score = match run_plain(&mut session, &mut store, &mut progress, json, &clock) {
        Ok(score) => score,
        // The reader went away (`| head`): nothing left to say to anyone.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.to_string()),
    };
    let full = *session.kind() == RoundKind::Full;
    if let Some(line) = missed_how(&score.missed, &progress, full, clock.unix()) {
        say(&line);
    }
    if let Some(best) = &progress.quiz.best {
        let percent = crate::quiz::percent(best.correct as usize, best.total as usize);
        say(&format!("Best full round so far: {}/{} ({percent}%)", best.correct, best.total));
    }
    Ok(ExitCode::SUCCESS)
}

/// After a round with misses, as the results screen says it: how to go over them again
/// now (`--retry-missed` takes the last full round's), and when spaced review brings
/// them back.
fn missed_how(missed: &[String], progress: &Progress, full: bool, now: i64) -> Option<String> {
    let due = missed.iter().filter_map(|id| progress.review.cards.get(id)).map(|m| m.due).min()?;
    let retry = if full { "`status-tutor quiz --plain --retry-missed` retries them now; " } else { "" };
    Some(format!(
        "Missed ones: {retry}spaced review (`status-tutor review`) brings them back {}, then again tomorrow.",
        crate::quiz::when(due, now)
    ))
}

/// Says why no round was drawn: an unknown topic is a usage error (2), nothing due is
/// not an error (0).
#[must_use]
pub fn refused(refusal: &NoRound) -> ExitCode {
    match refusal {
        NoRound::UnknownTopic(message) => {
            console::error(message);
            ExitCode::from(2)
        }
        NoRound::NothingDue(message) => {
            let _ = writeln!(io::stdout(), "{}", printable(message)); // a closed stdout is no error
            ExitCode::SUCCESS
        }
    }
}
