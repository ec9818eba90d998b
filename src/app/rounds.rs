//! Starting, pausing and leaving quiz rounds from the app: the page or section offer,
//! spaced review, a paused round resumed, and going back to where the learner was.
use super::quiz::{Offer, OfferScope, QuizView, bank};
use crate::keys::{Action, Context, key_for};
use crate::quiz::{RoundKind, Session};
use crate::quiz_bank::{self, NoRound, RoundRequest};

/// Starting, pausing and leaving rounds: the parts of the app that concern the quiz.
impl super::App {
    /// A quiz for `t`: the paused round if there is one (and anything is left of it),
    /// otherwise a new round whose intro also offers the page's (or section's) questions.
    pub(super) fn new_quiz_view(&mut self) -> QuizView {
        let origin = (self.screen == super::Screen::Reader).then_some((self.page, self.scroll));
        if let Some(paused) = self.progress.review.paused.clone() {
            let now_ms = self.clock.now_ms();
            if let Some(session) = Session::resume(bank(&self.course), &paused, self.quiz_options.count, now_ms) {
                let mut view = QuizView::with_session(session, self.quiz_options);
                view.mark_noted();
                view.origin = origin;
                // Shown first: Enter resumes it, d throws it away.
                view.resuming = true;
                return view;
            }
            // Nothing left of it (the course changed): forget it.
            self.progress.edit().review.paused = None;
        }
        let mut view = QuizView::new(&self.course, self.quiz_options);
        view.origin = origin;
        view.offer = origin.and_then(|(page, _)| self.offer_for(page));
        view
    }

    /// The smaller round to offer from `page`: after the last page of a section, the
    /// section's questions; otherwise the page's own. `None` when it has none.
    pub fn offer_for(&self, page: usize) -> Option<Offer> {
        let section_index = self.course.pages.get(page)?.section;
        let section = self.course.sections.get(section_index)?;
        let (label, scope, pages) = if section.pages.last() == Some(&page) && section.pages.len() > 1 {
            (format!("the section {}", section.title), OfferScope::Section(section_index), section.pages.clone())
        } else {
            ("this page".to_owned(), OfferScope::Page(self.course.pages.get(page)?.id.clone()), vec![page])
        };
        let pool: Vec<usize> = self
            .course
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| pages.contains(&q.page))
            .map(|(at, _)| at)
            .collect();
        (!pool.is_empty()).then_some(Offer { label, scope, pool })
    }

    /// Once the last page of a section is read: say that `t` quizzes the section.
    pub(super) fn offer_section_round(&mut self) {
        let Some(offer) = self.offer_for(self.page) else { return };
        if matches!(offer.scope, OfferScope::Section(_)) {
            let n = offer.pool.len();
            let quiz = key_for(Context::Reader, Action::StartQuiz);
            self.message = Some(format!("You finished {}: press {quiz} to quiz its {n} question(s)", offer.label));
        }
    }

    /// `R`: a round of the questions due, then new ones from the pages read; when there
    /// is nothing to ask, a message that says when the next one is due.
    pub fn start_review(&mut self) {
        if self.quiz.as_ref().is_some_and(QuizView::mid_round) {
            let (back, pause) = (key_for(Context::Reader, Action::StartQuiz), key_for(Context::Quiz, Action::Pause));
            self.message = Some(format!("A round is in progress: {back} goes back to it ({pause} there pauses it)"));
            return;
        }
        if self.quiz.is_none()
            && self.progress.review.paused.as_ref().is_some_and(|p| p.kind == Some(RoundKind::Review))
        {
            // A paused review: R resumes it.
            return self.start_quiz();
        }
        if self.quiz.is_none() && self.progress.review.paused.is_some() {
            // One paused round is kept: a review would replace it at its first answer.
            // Short enough for an 80-column status bar.
            let show = key_for(Context::Reader, Action::StartQuiz);
            self.message = Some(format!("A paused round is waiting: {show} to resume or discard it first"));
            return;
        }
        let (count, seed, now) = (self.quiz_options.count, self.quiz_options.seed, self.clock.unix());
        // The same round `status-tutor review` draws.
        let session = match quiz_bank::session(&self.course, &self.progress, &RoundRequest::Review, count, seed, now) {
            Ok(session) => session,
            Err(NoRound::NothingDue(message) | NoRound::UnknownTopic(message)) => {
                self.message = Some(message);
                return;
            }
        };
        let origin = (self.screen == super::Screen::Reader).then_some((self.page, self.scroll));
        let mut view = QuizView::with_session(session, self.quiz_options);
        view.origin = origin;
        self.quiz = Some(view);
        self.focus = super::Focus::Page;
        self.screen = super::Screen::Quiz;
    }

    /// Opens the quiz on `session` (a topic or review round from the command line).
    pub fn start_session(&mut self, session: Session) {
        self.quiz = Some(QuizView::with_session(session, self.quiz_options));
        self.focus = super::Focus::Page;
        self.screen = super::Screen::Quiz;
    }

    /// Whether the learner is reading a page for the quiz (`r` from an answer): the
    /// answer waits, and `t` or `q` goes back to it.
    pub fn quiz_waiting(&self) -> bool {
        self.screen == super::Screen::Reader
            && self.quiz.as_ref().is_some_and(|quiz| {
                matches!(quiz.session.phase(), crate::quiz::Phase::Feedback { .. } | crate::quiz::Phase::Review { .. })
            })
    }

    /// How many questions are due for review now.
    pub fn due_count(&self) -> usize {
        let now = self.clock.unix();
        self.course
            .questions
            .iter()
            .filter(|q| self.progress.review.cards.get(&q.id).is_some_and(|m| m.is_due(now)))
            .count()
    }

    /// How review stands now for the course's questions (due now, later, next).
    pub fn outlook(&self) -> crate::progress::forecast::Outlook {
        let ids: Vec<&str> = self.course.questions.iter().map(|q| q.id.as_str()).collect();
        crate::progress::forecast::outlook(&self.progress.review, &ids, self.clock.unix())
    }

    /// `d` before resuming a paused round: it is thrown away (its answers stay counted
    /// for review) and a new round's intro takes its place.
    pub(super) fn discard_paused(&mut self) {
        let origin = self.quiz.take().and_then(|quiz| quiz.origin);
        self.progress.edit().review.paused = None;
        let mut view = QuizView::new(&self.course, self.quiz_options);
        view.origin = origin;
        view.offer = origin.and_then(|(page, _)| self.offer_for(page));
        self.quiz = Some(view);
        self.message = Some("Paused round discarded; its answers still count for review".to_string());
    }

    /// Keeps the round in progress as the paused round (`p`).
    pub(super) fn pause_quiz(&mut self) {
        if let Some(paused) = self.quiz.as_ref().and_then(|quiz| quiz.session.paused()) {
            self.progress.edit().review.paused = Some(paused);
        }
    }

    /// Ends the quiz and goes back to the page the learner came from.
    pub(super) fn leave_quiz(&mut self) {
        let origin = self.quiz.take().and_then(|quiz| quiz.origin);
        let (page, scroll) = origin.unwrap_or((self.page, self.scroll));
        self.open_page(page, scroll);
    }

    /// Scrolls the open page so that the first line containing `text` is near the top,
    /// and marks it until the next key.
    pub(super) fn scroll_to_text(&mut self, text: Option<&str>) {
        let Some(text) = text else { return };
        if let Some(line) = self.document.find(text, 0) {
            let _ = self.scroll_by(line.saturating_sub(2) as isize); // the mark is the change
            self.found = Some(text.to_owned());
        }
    }
}
