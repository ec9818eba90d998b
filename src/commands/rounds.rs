//! Which round a command asks for (`quiz`, `quiz --topic`, `review`), and plain-mode
//! rounds that save each answer as it is given, so an interrupted round keeps them.
use std::io::{self, Write};

use crate::app::{Clock, quiz_bank};
use crate::content::Course;
use crate::progress::review::{self, review_round, topic_pool, topics};
use crate::progress::{Progress, Store};
use crate::quiz::{RoundKind, Score, Session, plain};

/// The round asked for on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A round from the whole bank.
    Full,
    /// A round of the questions on these tags or pages.
    Topics(Vec<String>),
    /// Spaced review: what is due, then new questions from pages read.
    Review,
}

/// Why no round could be drawn: a usage error (unknown topic) or nothing to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoRound {
    /// The message lists the valid topics; exit code 2.
    UnknownTopic(String),
    /// Nothing is due (the message says when); not an error.
    NothingDue(String),
}

/// The session for `request`, `count` questions (all when `None`) drawn with `seed`;
/// `now` in Unix seconds for the review.
pub fn session(
    course: &Course,
    progress: &Progress,
    request: &Request,
    count: Option<usize>,
    seed: u64,
    now: i64,
) -> Result<Session, NoRound> {
    let bank = quiz_bank(course);
    match request {
        Request::Full => Ok(Session::new(bank, count, seed)),
        Request::Topics(wanted) => match topic_pool(&bank, wanted) {
            Ok(pool) => {
                // Each topic once, in the order typed (the record's key sorts them).
                let mut topics: Vec<String> = Vec::new();
                for topic in wanted {
                    if !topics.contains(topic) {
                        topics.push(topic.clone());
                    }
                }
                Ok(Session::drawn_from(bank, pool, RoundKind::Topic(topics), count, seed))
            }
            Err(unknown) => Err(NoRound::UnknownTopic(unknown_topics(&bank, &unknown))),
        },
        Request::Review => {
            let size = count.unwrap_or(bank.len());
            let round = review_round(&bank, &progress.review, &progress.pages_read, now, size, seed);
            if round.is_empty() {
                return Err(NoRound::NothingDue(review::nothing_due(&progress.review, &bank, now)));
            }
            let pool = (0..bank.len()).collect();
            Ok(Session::with_round(bank, round, RoundKind::Review, pool, count, seed))
        }
    }
}

/// "unknown topic `x`" and the valid ones: the tags, then the page ids.
fn unknown_topics(bank: &[crate::quiz::Question], unknown: &[String]) -> String {
    let (tags, pages) = topics(bank);
    let named: Vec<String> = unknown.iter().map(|t| format!("`{}`", plain::sanitize(t))).collect();
    format!("unknown topic {}.\nTopics (tags): {}\nPages: {}", named.join(", "), tags.join(", "), pages.join(", "))
}

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
            // Not eprintln!, which panics on a closed stderr; the text may quote a path.
            let _ = writeln!(io::stderr(), "status-tutor: warning: {}", crate::sanitize::printable(&warning));
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
        let _ = writeln!(io::stderr(), "status-tutor: warning: {}", crate::sanitize::printable(&warning));
    }
    Ok(score)
}
