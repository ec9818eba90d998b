//! The quiz inside the app: turns key actions into quiz events for the pure state
//! machine in `crate::quiz`, and records finished rounds in the learner's progress.
use crate::content::Course;
use crate::keys::{Action, Context, key_for};
use crate::progress::Progress;
use crate::progress::review;
use crate::quiz::{self, Direction, Draft, Phase, QuizEvent, Rejected, RoundKind, Session};
pub use crate::quiz_bank::{QuizOptions, quiz_bank as bank};

/// A smaller round the intro offers besides the full one: the questions of the page the
/// learner was reading, or of its whole section after its last page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// "this page" or "the section Client errors".
    pub label: String,
    /// What the round covers: one page or a whole section.
    pub scope: OfferScope,
    /// Bank positions of its questions.
    pub pool: Vec<usize>,
}

/// What an offered round covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfferScope {
    /// The page with this id.
    Page(String),
    /// The section at this position (0-based).
    Section(usize),
}

impl OfferScope {
    /// The topic key the round is recorded under: the page id, or `section-<n>` (1-based).
    pub fn topic(&self) -> String {
        match self {
            OfferScope::Page(id) => id.clone(),
            OfferScope::Section(index) => format!("section-{}", index + 1),
        }
    }
}

/// A quiz in progress, kept while the learner reads a page it pointed to.
pub struct QuizView {
    pub session: Session,
    /// The page and scroll the learner came from: leaving the quiz goes back there.
    pub origin: Option<(usize, usize)>,
    /// The smaller round the intro offers (`t`), if any.
    pub offer: Option<Offer>,
    /// How many of the round's answers went into the spaced-review state already.
    noted: Vec<bool>,
    /// "Leave this round?" is on screen.
    pub confirm_leave: bool,
    /// A paused round shown before it is resumed: Enter resumes, `d` discards it.
    pub resuming: bool,
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
    /// Open this page (by index) at this line of its text, if known; the quiz waits.
    Read(usize, Option<String>),
    /// Put the round aside and go back to the lessons.
    Pause,
    /// The action was refused: say why.
    Refused(String),
    /// Throw the paused round away and offer a new one.
    Discard,
}

impl QuizView {
    pub fn new(course: &Course, options: QuizOptions) -> QuizView {
        Self::with_session(Session::new(bank(course), options.count, options.seed), options)
    }

    /// A view of `session` (a topic, review or resumed round).
    pub fn with_session(session: Session, options: QuizOptions) -> QuizView {
        QuizView {
            session,
            origin: None,
            offer: None,
            noted: Vec::new(),
            confirm_leave: false,
            resuming: false,
            scroll: 0,
            next_seed: options.seed.wrapping_add(1),
            recorded: false,
        }
    }

    pub fn context(&self) -> Context {
        match self.session.phase() {
            _ if self.confirm_leave => Context::Confirm,
            _ if self.resuming => Context::QuizResume,
            Phase::Intro => Context::QuizIntro,
            Phase::Asking { input: Draft::TypeCode { .. }, .. } => Context::QuizTyping,
            Phase::Feedback { .. } => Context::QuizFeedback,
            Phase::Results => Context::Results,
            Phase::Review { .. } => Context::Review,
            _ => Context::Quiz,
        }
    }

    /// Whether leaving now would abandon a round in progress.
    pub(super) fn mid_round(&self) -> bool {
        matches!(self.session.phase(), Phase::Asking { .. } | Phase::Feedback { .. })
    }

    /// The page that teaches the question on screen (feedback or review), by index, and
    /// the text of the passage that answers it (from the question's anchor).
    pub(super) fn teaching_page(&self, course: &Course) -> Option<(usize, Option<String>)> {
        let index = match self.session.phase() {
            Phase::Feedback { index, .. } | Phase::Review { index } => *index,
            _ => return None,
        };
        let question = &self.session.round().get(index)?.question;
        let page = course.page_index(&question.page)?;
        let anchor = course.questions.iter().find(|q| q.id == question.id).and_then(|q| q.anchor.clone());
        let needle = anchor.and_then(|anchor| crate::content::anchor_text(course, page, &anchor));
        Some((page, needle))
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
        if self.resuming {
            return match action {
                Action::Open => {
                    self.resuming = false;
                    Outcome::Stay
                }
                Action::Discard => Outcome::Discard,
                Action::Quit => Outcome::Leave,
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
            return self.teaching_page(course).map_or(Outcome::Stay, |(page, at)| Outcome::Read(page, at));
        }
        if action == Action::Pause && self.mid_round() {
            return Outcome::Pause;
        }
        if action == Action::StartQuiz
            && *self.session.phase() == Phase::Intro
            && let Some(offer) = self.offer.take()
        {
            // The smaller round the intro offered, started at once.
            let seed = self.next_seed;
            self.next_seed = self.next_seed.wrapping_add(1);
            let bank = self.session.bank().to_vec();
            let kind = RoundKind::Topic(vec![offer.scope.topic()]);
            self.session = Session::drawn_from(bank, offer.pool, kind, None, seed);
            return self.apply(&[QuizEvent::Start], now_ms);
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
                (Draft::Multiple { cursor, .. }, Action::Toggle) => vec![E::Toggle(*cursor)],
                (Draft::Multiple { .. }, Action::Pick(n)) => vec![E::Toggle(usize::from(n))],
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

    /// After every action: each new answer moves its question's memory (spaced review)
    /// and the day's tally; a round in progress is kept as the paused round, so quitting
    /// or a closed terminal can resume it; once per round, when its results show, the
    /// round goes into the progress and the paused round is cleared. Returns true when
    /// the progress changed.
    pub fn record_results(&mut self, progress: &mut Progress, date: String, now: i64) -> bool {
        let mut changed = self.note_answers(progress, now);
        match self.session.phase() {
            Phase::Intro => self.recorded = false,
            Phase::Results if !self.recorded => {
                self.recorded = true;
                changed |= progress.review.paused.take().is_some();
                changed |= review::record_round(progress, self.session.kind(), &self.session.score(), date);
            }
            Phase::Asking { .. } | Phase::Feedback { .. } => {
                // Kept once something is answered, and rewritten only when the answers
                // change (not on every key, which would write the file for a cursor move).
                let paused = self.session.paused().filter(|p| p.answered() > 0);
                let same = |a: &Option<quiz::PausedRound>, b: &Option<quiz::PausedRound>| {
                    a.as_ref().map(|p| (&p.questions, p.seed)) == b.as_ref().map(|p| (&p.questions, p.seed))
                };
                if paused.is_some() && !same(&paused, &progress.review.paused) {
                    progress.review.paused = paused;
                    changed = true;
                }
            }
            _ => {}
        }
        changed
    }

    /// Feeds the answers given since the last call to the spaced-review state.
    fn note_answers(&mut self, progress: &mut Progress, now: i64) -> bool {
        let round = self.session.round();
        if self.noted.len() != round.len() || *self.session.phase() == Phase::Intro {
            self.noted = vec![false; round.len()];
        }
        let mut changed = false;
        for (at, rq) in round.iter().enumerate() {
            let Some(record) = self.session.record(at) else { continue };
            if let Some(noted) = self.noted.get_mut(at).filter(|noted| !**noted) {
                *noted = true;
                progress.review.note_answer(&rq.question.id, record, now);
                changed = true;
            }
        }
        changed
    }

    /// Marks the answers of a resumed round as already noted (they were, before).
    pub fn mark_noted(&mut self) {
        self.noted = (0..self.session.round().len()).map(|at| self.session.record(at).is_some()).collect();
    }
}

/// A refusal, said for the learner.
fn explain(refusal: Rejected) -> String {
    match refusal {
        Rejected::NoAnswer | Rejected::InputEmpty => {
            format!("Choose an answer first ({} skips the question)", key_for(Context::Quiz, Action::Skip))
        }
        Rejected::NothingMissed => "Nothing to retry: you missed no question".to_string(),
        Rejected::NoSuchChoice => "There is no such choice".to_string(),
        Rejected::ShortCode(_) | Rejected::NotAStatusCode(_) => {
            let text = refusal.to_string();
            let mut chars = text.chars();
            chars.next().map_or(text.clone(), |first| first.to_uppercase().chain(chars).collect())
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::OfferScope;

    #[test]
    fn an_offered_round_is_recorded_under_its_page_or_its_section_from_one() {
        assert_eq!(OfferScope::Page("csrf".into()).topic(), "csrf");
        assert_eq!(OfferScope::Section(0).topic(), "section-1");
    }
}
