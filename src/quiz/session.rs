//! The quiz session: a state machine driven by [`QuizEvent`]s.

use super::draft::Draft;
use super::draw::{RoundQuestion, draw_from};
use super::event::{QuizEvent, Rejected};
use super::grade::{Answer, Record, Verdict, grade};
use super::pause::RoundKind;
use super::question::Question;
use super::score::Score;

/// Where a session is. Every round starts at `Intro`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Before the round: how many questions, how to answer.
    Intro,
    /// Question `index` of the round is asked; `input` is the answer being composed.
    Asking {
        /// Position in [`Session::round`].
        index: usize,
        /// The answer so far.
        input: Draft,
    },
    /// Question `index` was answered (or skipped); its verdict is shown.
    Feedback {
        /// Position in [`Session::round`].
        index: usize,
        /// The verdict on the answer (also in [`Session::record`]).
        verdict: Verdict,
    },
    /// The round is over (finished or quit); the score is shown.
    Results,
    /// Going through the round's questions with the answers given.
    Review {
        /// Position in [`Session::round`].
        index: usize,
    },
}

/// A quiz session: the bank, the current round, the answers, the phase and the times.
///
/// Pure: no I/O, no clock, no global randomness. Time comes with each event and the
/// shuffle seed with each new round, so any session can be replayed exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    bank: Vec<Question>,
    count: Option<usize>,
    seed: u64,
    kind: RoundKind,
    /// The bank positions a new round of the same kind draws from.
    pool: Vec<usize>,
    round: Vec<RoundQuestion>,
    pub(super) records: Vec<Option<Record>>,
    pub(super) phase: Phase,
    pub(super) started_ms: Option<u64>,
    ended_ms: Option<u64>,
    pub(super) last_ms: Option<u64>,
    /// When the current question was shown.
    pub(super) asked_ms: Option<u64>,
}

impl Session {
    /// A session at the intro of a round of `count` questions (`None` = the whole bank)
    /// drawn from `bank` with `seed`. `count` also sizes later rounds from `Restart`.
    #[must_use]
    pub fn new(bank: Vec<Question>, count: Option<usize>, seed: u64) -> Self {
        let all: Vec<usize> = (0..bank.len()).collect();
        Self::drawn_from(bank, all, RoundKind::Full, count, seed)
    }

    /// A session at the intro of a round of `count` questions drawn fairly from the bank
    /// positions in `pool`; `Restart` draws again from the same pool, as the same kind.
    #[must_use]
    pub fn drawn_from(bank: Vec<Question>, pool: Vec<usize>, kind: RoundKind, count: Option<usize>, seed: u64) -> Self {
        let round = draw_from(&bank, &pool, count, seed);
        Self::with_round(bank, round, kind, pool, count, seed)
    }

    /// A session at the intro of the given `round` (a review round comes in its order).
    /// `pool` and `count` are for the rounds that `Restart` draws afterwards.
    #[must_use]
    pub fn with_round(
        bank: Vec<Question>,
        round: Vec<RoundQuestion>,
        kind: RoundKind,
        pool: Vec<usize>,
        count: Option<usize>,
        seed: u64,
    ) -> Self {
        Self {
            records: vec![None; round.len()],
            round,
            bank,
            count,
            seed,
            kind,
            pool,
            phase: Phase::Intro,
            started_ms: None,
            ended_ms: None,
            last_ms: None,
            asked_ms: None,
        }
    }

    /// Applies `event` at time `now_ms` (milliseconds since any fixed epoch).
    ///
    /// # Errors
    /// [`Rejected`] when the event makes no sense in the current phase or for the
    /// current question; the session is then left exactly as it was.
    pub fn apply(&mut self, event: QuizEvent, now_ms: u64) -> Result<(), Rejected> {
        match (&self.phase, event) {
            (Phase::Intro, QuizEvent::Start) => self.start(now_ms)?,
            (
                Phase::Asking { index, input },
                QuizEvent::Choose(_)
                | QuizEvent::MoveCursor(_)
                | QuizEvent::Toggle(_)
                | QuizEvent::TypeDigit(_)
                | QuizEvent::Backspace
                | QuizEvent::SetBool(_),
            ) => {
                let index = *index;
                let choices = self.round.get(index).map_or(0, |rq| rq.question.choices().len());
                let input = input.edited(event, choices)?;
                self.phase = Phase::Asking { index, input };
            }
            (Phase::Asking { index, input }, QuizEvent::Submit) => {
                if let Draft::TypeCode { digits } = input {
                    check_code(digits)?;
                }
                let answer = input.answer().ok_or(Rejected::NoAnswer)?;
                self.answer(*index, answer, now_ms)?;
            }
            (Phase::Asking { index, .. }, QuizEvent::Skip) => self.answer(*index, Answer::Skipped, now_ms)?,
            (Phase::Asking { .. } | Phase::Feedback { .. }, QuizEvent::Quit) => {
                self.end(now_ms);
            }
            (Phase::Feedback { index, .. }, QuizEvent::Next) => {
                let next = index + 1;
                match self.round.get(next) {
                    Some(rq) => {
                        self.phase = Phase::Asking { index: next, input: Draft::blank(&rq.question) };
                        self.asked_ms = Some(now_ms);
                    }
                    None => self.end(now_ms),
                }
            }
            (Phase::Results, QuizEvent::OpenReview) => {
                if self.round.is_empty() {
                    return Err(Rejected::EmptyRound);
                }
                self.phase = Phase::Review { index: 0 };
            }
            (Phase::Review { index }, QuizEvent::ReviewNext) => {
                let next = index + 1;
                if next >= self.round.len() {
                    return Err(Rejected::AtEnd);
                }
                self.phase = Phase::Review { index: next };
            }
            (Phase::Review { index }, QuizEvent::ReviewPrev) => {
                let previous = index.checked_sub(1).ok_or(Rejected::AtEnd)?;
                self.phase = Phase::Review { index: previous };
            }
            (Phase::Review { .. }, QuizEvent::BackToResults) => self.phase = Phase::Results,
            (Phase::Results | Phase::Review { .. }, QuizEvent::Restart(seed)) => {
                // A new round of the same kind; after a retry or a review, a full round.
                let (pool, kind) = match &self.kind {
                    RoundKind::Topic(_) => (self.pool.clone(), self.kind.clone()),
                    _ => ((0..self.bank.len()).collect(), RoundKind::Full),
                };
                self.new_round(&pool, self.count, seed, kind);
            }
            (Phase::Results | Phase::Review { .. }, QuizEvent::RetryMissed(seed)) => {
                let missed: Vec<usize> = self
                    .round
                    .iter()
                    .zip(&self.records)
                    .filter(|(_, record)| !record.as_ref().is_some_and(|r| r.verdict.is_correct()))
                    .map(|(rq, _)| rq.bank_index)
                    .collect();
                if missed.is_empty() {
                    return Err(Rejected::NothingMissed);
                }
                self.new_round(&missed, None, seed, RoundKind::Retry);
            }
            _ => return Err(Rejected::WrongPhase),
        }
        self.last_ms = Some(now_ms);
        Ok(())
    }

    /// Intro -> first question.
    fn start(&mut self, now_ms: u64) -> Result<(), Rejected> {
        let first = self.round.first().ok_or(Rejected::EmptyRound)?;
        self.phase = Phase::Asking { index: 0, input: Draft::blank(&first.question) };
        self.started_ms = Some(now_ms);
        self.asked_ms = Some(now_ms);
        self.ended_ms = None;
        Ok(())
    }

    /// Records `answer` for question `index` and shows its feedback.
    fn answer(&mut self, index: usize, answer: Answer, now_ms: u64) -> Result<(), Rejected> {
        let rq = self.round.get(index).ok_or(Rejected::WrongPhase)?;
        let slot = self.records.get_mut(index).ok_or(Rejected::WrongPhase)?;
        let verdict = grade(&rq.question, &answer);
        let spent_ms = self.asked_ms.map_or(0, |asked| now_ms.saturating_sub(asked));
        *slot = Some(Record { answer, verdict, spent_ms });
        self.phase = Phase::Feedback { index, verdict };
        Ok(())
    }

    /// Ends the round: stops the clock and shows the results.
    fn end(&mut self, now_ms: u64) {
        self.ended_ms = Some(now_ms);
        self.phase = Phase::Results;
    }

    /// Replaces the round with one drawn from `candidates` and goes to its intro.
    fn new_round(&mut self, candidates: &[usize], count: Option<usize>, seed: u64, kind: RoundKind) {
        self.round = draw_from(&self.bank, candidates, count, seed);
        self.records = vec![None; self.round.len()];
        self.seed = seed;
        self.kind = kind;
        self.phase = Phase::Intro;
        self.started_ms = None;
        self.ended_ms = None;
    }

    /// The current phase.
    #[must_use]
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The questions of the current round, in the order asked.
    #[must_use]
    pub fn round(&self) -> &[RoundQuestion] {
        &self.round
    }

    /// The question the phase is about (asked, in feedback or in review) and its position.
    #[must_use]
    pub fn current(&self) -> Option<(usize, &RoundQuestion)> {
        let index = match self.phase {
            Phase::Asking { index, .. } | Phase::Feedback { index, .. } | Phase::Review { index } => index,
            Phase::Intro | Phase::Results => return None,
        };
        self.round.get(index).map(|rq| (index, rq))
    }

    /// The answer and verdict for question `index` of the round, once it was answered.
    #[must_use]
    pub fn record(&self, index: usize) -> Option<&Record> {
        self.records.get(index).and_then(Option::as_ref)
    }

    /// The score so far (final once the phase is `Results` or `Review`).
    pub fn score(&self) -> Score {
        let end = self.ended_ms.or(self.last_ms);
        let elapsed_ms = match (self.started_ms, end) {
            (Some(start), Some(end)) => end.saturating_sub(start),
            _ => 0,
        };
        Score::compute(&self.round, &self.records, elapsed_ms, self.seed)
    }

    /// The seed the current round was drawn with.
    #[must_use]
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The requested round size (`None` = the whole bank).
    #[must_use]
    pub fn count(&self) -> Option<usize> {
        self.count
    }

    /// Whether the current round retries missed questions (from `RetryMissed`).
    #[must_use]
    pub fn is_retry(&self) -> bool {
        self.kind == RoundKind::Retry
    }

    /// What kind of round this is.
    #[must_use]
    pub fn kind(&self) -> &RoundKind {
        &self.kind
    }

    /// The whole question bank.
    #[must_use]
    pub fn bank(&self) -> &[Question] {
        &self.bank
    }
}

/// A typed code can be submitted once it has three digits and is a status code.
fn check_code(digits: &str) -> Result<(), Rejected> {
    if digits.len() < super::draft::CODE_DIGITS {
        return Err(Rejected::ShortCode(digits.len()));
    }
    match digits.parse::<u16>() {
        Ok(code) if (100..=599).contains(&code) => Ok(()),
        Ok(code) => Err(Rejected::NotAStatusCode(code)),
        Err(_) => Err(Rejected::NoAnswer),
    }
}
