//! The course's questions as the quiz engine takes them, and the rounds drawn from them
//! (a full round, topics, the missed ones, spaced review): shared by the full-screen quiz
//! and plain mode, so neither reaches into the other.
use crate::content::Course;
use crate::progress::Progress;
use crate::progress::review::{self, review_round, topic_pool, topics};
use crate::quiz::{Question, RoundKind, Session, plain};

/// Every question of `course`, each with its page's id.
pub fn quiz_bank(course: &Course) -> Vec<Question> {
    course
        .questions
        .iter()
        .map(|q| Question {
            id: q.id.clone(),
            prompt: q.prompt.clone(),
            explanation: q.explanation.clone(),
            page: course.pages.get(q.page).map(|p| p.id.clone()).unwrap_or_default(),
            tags: q.tags.clone(),
            kind: q.kind.clone(),
        })
        .collect()
}

/// How rounds are drawn: `count` questions (None = all), shuffled from `seed`.
#[derive(Debug, Clone, Copy)]
pub struct QuizOptions {
    pub count: Option<usize>,
    pub seed: u64,
}

/// The round asked for (by a command, or a key in the full screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundRequest {
    /// A round from the whole bank.
    Full,
    /// A round of the questions on these tags or pages.
    Topics(Vec<String>),
    /// Spaced review: what is due, then new questions from pages read.
    Review,
    /// The questions missed in the last full round (`quiz --retry-missed`).
    RetryMissed,
}

impl RoundRequest {
    /// The round `quiz` asks for: the last round's missed questions, some topics, or a
    /// full round.
    #[must_use]
    pub fn of(retry_missed: bool, topics: &[String]) -> RoundRequest {
        match () {
            _ if retry_missed => RoundRequest::RetryMissed,
            _ if topics.is_empty() => RoundRequest::Full,
            _ => RoundRequest::Topics(topics.to_vec()),
        }
    }
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
    request: &RoundRequest,
    count: Option<usize>,
    seed: u64,
    now: i64,
) -> Result<Session, NoRound> {
    let bank = quiz_bank(course);
    match request {
        RoundRequest::Full => Ok(Session::new(bank, count, seed)),
        RoundRequest::Topics(wanted) => match topic_pool(&bank, wanted) {
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
        RoundRequest::RetryMissed => {
            let missed = progress.quiz.history.last().map(|round| round.missed.clone()).unwrap_or_default();
            let pool: Vec<usize> = (0..bank.len()).filter(|&at| missed.contains(&bank[at].id)).collect();
            if pool.is_empty() {
                return Err(NoRound::NothingDue("Nothing to retry: the last full round missed no question".to_owned()));
            }
            Ok(Session::drawn_from(bank, pool, RoundKind::Retry, None, seed))
        }
        RoundRequest::Review => {
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
