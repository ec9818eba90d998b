//! The quiz inside the app: turns key actions into quiz events for the pure state
//! machine in `crate::quiz`, and records finished rounds in the learner's progress.
use crate::content::Course;
use crate::keys::{Action, Context};
use crate::progress::{Progress, RoundRecord};
use crate::quiz::{self, Direction, Input, Phase, QuizEvent, Rejected, Score, Session};

/// Time for the quiz, passed in so the app stays testable: milliseconds on a monotonic
/// clock, and today's date for the history of rounds.
pub trait Clock {
    fn now_ms(&self) -> u64;
    fn date(&self) -> String;
}

/// The real clock.
pub struct SystemClock {
    start: std::time::Instant,
}

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock { start: std::time::Instant::now() }
    }
}

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn date(&self) -> String {
        crate::progress::now_rfc3339()
    }
}

/// How rounds are drawn: `count` questions (None = all), shuffled from `seed`.
#[derive(Debug, Clone, Copy)]
pub struct QuizOptions {
    pub count: Option<usize>,
    pub seed: u64,
}

/// A quiz in progress, kept while the learner reads a page it pointed to.
pub struct QuizView {
    pub session: Session,
    /// "Leave this round?" is on screen.
    pub confirm_leave: bool,
    /// Lines scrolled off the top of the feedback, results or review screen.
    pub scroll: usize,
    /// The seed for the next round (each new round gets a fresh one).
    next_seed: u64,
    /// The current round's result went into the progress already.
    recorded: bool,
}

/// What the app must do after the quiz handled an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Back to the lessons; the quiz is over.
    Leave,
    /// Open this page (by index); the quiz waits at the same point.
    Read(usize),
    /// The action was refused: say why.
    Refused(String),
}

/// The course's questions as the quiz engine takes them.
pub fn bank(course: &Course) -> Vec<quiz::Question> {
    course
        .questions
        .iter()
        .map(|q| quiz::Question {
            id: q.id.clone(),
            prompt: q.prompt.clone(),
            explanation: q.explanation.clone(),
            page: course.pages.get(q.page).map(|p| p.id.clone()).unwrap_or_default(),
            tags: q.tags.clone(),
            kind: q.kind.clone(),
        })
        .collect()
}

impl QuizView {
    pub fn new(course: &Course, options: QuizOptions) -> QuizView {
        QuizView {
            session: Session::new(bank(course), options.count, options.seed),
            confirm_leave: false,
            scroll: 0,
            next_seed: options.seed.wrapping_add(1),
            recorded: false,
        }
    }

    pub fn context(&self) -> Context {
        match self.session.phase() {
            _ if self.confirm_leave => Context::Confirm,
            Phase::Intro => Context::QuizIntro,
            Phase::Asking { input: Input::TypeCode { .. }, .. } => Context::QuizTyping,
            Phase::Feedback { .. } => Context::QuizFeedback,
            Phase::Results => Context::Results,
            Phase::Review { .. } => Context::Review,
            _ => Context::Quiz,
        }
    }

    /// Whether leaving now would abandon a round in progress.
    fn mid_round(&self) -> bool {
        matches!(self.session.phase(), Phase::Asking { .. } | Phase::Feedback { .. })
    }

    /// The page that teaches the question on screen (feedback or review), by index.
    fn teaching_page(&self, course: &Course) -> Option<usize> {
        let index = match self.session.phase() {
            Phase::Feedback { index, .. } | Phase::Review { index } => *index,
            _ => return None,
        };
        let id = &self.session.round().get(index)?.question.page;
        course.page_index(id)
    }

    pub fn update(&mut self, action: Action, course: &Course, now_ms: u64) -> Outcome {
        if self.confirm_leave {
            return match action {
                Action::Confirm => {
                    self.confirm_leave = false;
                    self.apply(&[QuizEvent::Quit], now_ms)
                }
                Action::Decline => {
                    self.confirm_leave = false;
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            };
        }
        if action == Action::Quit && self.mid_round() {
            self.confirm_leave = true;
            return Outcome::Stay;
        }
        if !matches!(self.session.phase(), Phase::Asking { .. }) {
            match action {
                Action::Up => self.scroll = self.scroll.saturating_sub(1),
                Action::Down => self.scroll += 1, // the app clamps it to the screen
                _ => {}
            }
        }
        if action == Action::ReadPage {
            return self.teaching_page(course).map_or(Outcome::Stay, Outcome::Read);
        }
        let events = self.events_for(action);
        match (events.is_empty(), action) {
            (true, Action::Quit) => Outcome::Leave,
            (true, _) => Outcome::Stay,
            (false, _) => self.apply(&events, now_ms),
        }
    }

    /// Applies events in order; stops at the first refusal (which changed nothing).
    /// A new screen starts scrolled to its top.
    fn apply(&mut self, events: &[QuizEvent], now_ms: u64) -> Outcome {
        for event in events {
            let before = std::mem::discriminant(self.session.phase());
            if let Err(refusal) = self.session.apply(*event, now_ms) {
                return Outcome::Refused(explain(refusal));
            }
            if before != std::mem::discriminant(self.session.phase())
                || matches!(event, QuizEvent::ReviewNext | QuizEvent::ReviewPrev)
            {
                self.scroll = 0;
            }
        }
        Outcome::Stay
    }

    /// The quiz events an action stands for in the current phase; empty when none.
    fn events_for(&mut self, action: Action) -> Vec<QuizEvent> {
        use QuizEvent as E;
        let seed = self.next_seed;
        let fresh_seed = |view: &mut QuizView| {
            view.next_seed = view.next_seed.wrapping_add(1);
            seed
        };
        match (self.session.phase(), action) {
            (Phase::Intro, Action::Open) => vec![E::Start],
            (Phase::Asking { input, .. }, action) => match (input, action) {
                (Input::Multiple { cursor, .. }, Action::Toggle) => vec![E::Toggle(*cursor)],
                (Input::Multiple { .. }, Action::Pick(n)) => vec![E::Toggle(usize::from(n))],
                (_, Action::Pick(n)) => vec![E::Choose(usize::from(n)), E::Submit],
                (_, Action::Up) => vec![E::MoveCursor(Direction::Up)],
                (_, Action::Down) => vec![E::MoveCursor(Direction::Down)],
                (_, Action::Digit(d)) => vec![E::TypeDigit(char::from(b'0' + d))],
                (_, Action::Backspace) => vec![E::Backspace],
                (_, Action::Open) => vec![E::Submit],
                (_, Action::Skip) => vec![E::Skip],
                _ => vec![],
            },
            (Phase::Feedback { .. }, Action::Open) => vec![E::Next],
            (Phase::Results, Action::Review) => vec![E::OpenReview],
            (Phase::Results | Phase::Review { .. }, Action::RetryMissed) => vec![E::RetryMissed(fresh_seed(self))],
            (Phase::Results | Phase::Review { .. }, Action::NewRound) => vec![E::Restart(fresh_seed(self))],
            (Phase::Review { .. }, Action::NextPage | Action::Open) => vec![E::ReviewNext],
            (Phase::Review { .. }, Action::PrevPage) => vec![E::ReviewPrev],
            (Phase::Review { .. }, Action::Quit) => vec![E::BackToResults],
            _ => vec![],
        }
    }

    /// Once per round, when its results show: the round goes into the progress.
    /// A round quit before any answer is not recorded. Returns true when recorded.
    pub fn record_results(&mut self, progress: &mut Progress, date: String) -> bool {
        match self.session.phase() {
            Phase::Intro => self.recorded = false,
            Phase::Results if !self.recorded => {
                self.recorded = true;
                if let Some(round) = round_record(&self.session.score(), date) {
                    progress.record_round(round);
                    return true;
                }
            }
            _ => {}
        }
        false
    }
}

/// A round for the learner's history; None for a round left before any answer.
pub fn round_record(score: &Score, date: String) -> Option<RoundRecord> {
    (score.answered > 0).then(|| RoundRecord {
        date,
        correct: u32::try_from(score.correct).unwrap_or(u32::MAX),
        total: u32::try_from(score.total).unwrap_or(u32::MAX),
        missed: score.missed.clone(),
    })
}

/// A refusal, said for the learner.
fn explain(refusal: Rejected) -> String {
    match refusal {
        Rejected::NoAnswer | Rejected::InputEmpty => "Choose an answer first (s skips the question)".to_string(),
        Rejected::NothingMissed => "Nothing to retry: you missed no question".to_string(),
        Rejected::NoSuchChoice => "There is no such choice".to_string(),
        other => other.to_string(),
    }
}
