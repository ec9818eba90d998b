//! Rounds of different kinds, and a round put aside to resume later (paused with `p`,
//! or the program ended mid-round).

use serde::{Deserialize, Serialize};

use super::draft::Draft;
use super::draw::RoundQuestion;
use super::grade::Record;
use super::question::{Question, QuestionKind};
use super::session::{Phase, Session};

/// What a round is: each kind keeps its own record, and only full rounds count for the
/// best score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    /// Drawn from the whole bank.
    Full,
    /// The questions missed in the previous round.
    Retry,
    /// The questions of some topics (tags) or pages, by name.
    Topic(Vec<String>),
    /// Spaced review: the questions due, then new ones.
    Review,
}

impl RoundKind {
    /// What a question of this round is called, on screen and in plain mode: a review
    /// round says "Review 2 of 12", every other round "Question 2 of 12".
    #[must_use]
    pub fn question_label(&self) -> &'static str {
        if *self == RoundKind::Review { "Review" } else { "Question" }
    }

    /// A short key for the records kept per kind: `full`, `retry`, `review`,
    /// `topic:csrf+decorators`.
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Self::Full => "full".to_owned(),
            Self::Retry => "retry".to_owned(),
            Self::Review => "review".to_owned(),
            Self::Topic(topics) => topic_key(topics),
        }
    }
}

/// Longest topic list kept whole in a record's key; a longer one is cut and a hash of
/// the whole list keeps it apart.
const MAX_TOPIC_KEY_CHARS: usize = 200;

/// The key of a round on `topics`: the same set of topics, in any order or repeated,
/// gives the same key (`topic:csrf+drf`), and the key stays short.
#[must_use]
pub fn topic_key(topics: &[String]) -> String {
    let set: std::collections::BTreeSet<&str> = topics.iter().map(String::as_str).collect();
    let joined = set.into_iter().collect::<Vec<_>>().join("+");
    if joined.chars().count() <= MAX_TOPIC_KEY_CHARS {
        return format!("topic:{joined}");
    }
    // FNV-1a: stable across Rust versions, unlike `DefaultHasher`.
    let hash = joined.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    let cut: String = joined.chars().take(MAX_TOPIC_KEY_CHARS).collect();
    format!("topic:{cut}~{hash:08x}")
}

/// A round put aside (paused, or the program ended mid-round), to resume later.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PausedRound {
    /// The kind of round, as a [`RoundKind`].
    pub kind: Option<RoundKind>,
    /// The seed it was drawn with.
    pub seed: u64,
    /// Its questions in the order asked, with the answers given so far.
    pub questions: Vec<PausedQuestion>,
    /// Milliseconds spent in it so far.
    pub elapsed_ms: u64,
}

/// One question of a [`PausedRound`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PausedQuestion {
    /// The question's id.
    pub id: String,
    /// The order its choices were shown in (bank positions).
    pub choice_order: Vec<usize>,
    /// The answer given, if it was reached.
    pub record: Option<Record>,
}

impl PausedRound {
    /// How many of its questions were answered.
    #[must_use]
    pub fn answered(&self) -> usize {
        self.questions.iter().filter(|q| q.record.is_some()).count()
    }
}

impl Session {
    /// The round in progress as it can be put aside; `None` unless a question is being
    /// asked or its feedback shown.
    #[must_use]
    pub fn paused(&self) -> Option<PausedRound> {
        if !matches!(self.phase, Phase::Asking { .. } | Phase::Feedback { .. }) {
            return None;
        }
        let elapsed_ms = self.score().elapsed_ms;
        Some(PausedRound {
            kind: Some(self.kind().clone()),
            seed: self.seed(),
            questions: self
                .round()
                .iter()
                .zip(&self.records)
                .map(|(rq, record)| PausedQuestion {
                    id: rq.question.id.clone(),
                    choice_order: rq.choice_order.clone(),
                    record: record.clone(),
                })
                .collect(),
            elapsed_ms,
        })
    }

    /// Takes up a round put aside, at its first unanswered question, at time `now_ms`.
    /// Questions no longer in the bank are dropped, and so is a choice order that no
    /// longer fits its question. `None` when nothing is left to answer.
    #[must_use]
    pub fn resume(bank: Vec<Question>, paused: &PausedRound, count: Option<usize>, now_ms: u64) -> Option<Self> {
        let mut round = Vec::new();
        let mut records = Vec::new();
        for saved in &paused.questions {
            let Some(bank_index) = bank.iter().position(|q| q.id == saved.id) else { continue };
            let Some(rq) = RoundQuestion::with_order(bank_index, &bank[bank_index], &saved.choice_order) else {
                continue;
            };
            round.push(rq);
            records.push(saved.record.clone());
        }
        let index = records.iter().position(Option::is_none)?;
        let kind = paused.kind.clone().unwrap_or(RoundKind::Full);
        let pool = (0..bank.len()).collect();
        let input = Draft::blank(&round.get(index)?.question);
        let mut session = Self::with_round(bank, round, kind, pool, count, paused.seed);
        session.records = records;
        session.phase = Phase::Asking { index, input };
        session.started_ms = Some(now_ms.saturating_sub(paused.elapsed_ms));
        session.last_ms = Some(now_ms);
        session.asked_ms = Some(now_ms);
        Some(session)
    }
}

/// Whether `question` has choices that a saved choice order must match.
fn has_choices(question: &Question) -> bool {
    matches!(question.kind, QuestionKind::Single { .. } | QuestionKind::Multiple { .. })
}

impl RoundQuestion {
    /// The bank question at `bank_index` with its choices in `order` (bank positions);
    /// `None` when the order does not fit the question (the course changed).
    #[must_use]
    pub fn with_order(bank_index: usize, question: &Question, order: &[usize]) -> Option<Self> {
        let mut question = question.clone();
        if !has_choices(&question) {
            return order.is_empty().then_some(Self { bank_index, question, choice_order: Vec::new() });
        }
        let choices = question.choices().to_vec();
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        if sorted != (0..choices.len()).collect::<Vec<_>>() {
            return None;
        }
        let shown: Vec<_> = order.iter().filter_map(|&at| choices.get(at).cloned()).collect();
        if let QuestionKind::Single { choices } | QuestionKind::Multiple { choices } = &mut question.kind {
            *choices = shown;
        }
        Some(Self { bank_index, question, choice_order: order.to_vec() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_set_of_topics_is_one_key_however_typed() {
        let key = |topics: &[&str]| RoundKind::Topic(topics.iter().map(|t| (*t).to_owned()).collect()).key();
        assert_eq!(key(&["csrf", "csrf"]), "topic:csrf");
        assert_eq!(key(&["drf", "csrf"]), key(&["csrf", "drf", "csrf"]));
        let long: Vec<String> = (0..500).map(|n| format!("topic-{n}")).collect();
        let refs: Vec<&str> = long.iter().map(String::as_str).collect();
        let cut = key(&refs);
        assert!(cut.chars().count() < 250, "{cut}");
        assert_ne!(cut, key(&refs[..499]), "a cut key still tells lists apart");
    }
}
