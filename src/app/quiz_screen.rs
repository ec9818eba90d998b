//! The quiz screen from the app's side: starting a round, its laid-out view, and its keys.
use super::*;

impl App {
    /// The quiz in progress, as its screens are laid out (for the view, scroll limits and clicks).
    pub fn quiz_lines(&self) -> Option<QuizParts<'_>> {
        let quiz = self.quiz.as_ref()?;
        Some(QuizParts {
            theme: &self.theme,
            course: &self.course,
            progress: &self.progress,
            session: &quiz.session,
            scroll: quiz.scroll,
            offer: quiz.offer.as_ref().map(|o| (o.label.as_str(), o.pool.len())),
            now: self.clock.unix(),
            resuming: quiz.resuming,
        })
    }

    /// Opens the quiz: the round in progress if there is one, else a paused round, else
    /// a new round's intro (which offers the page's or section's questions too).
    pub fn start_quiz(&mut self) {
        if self.quiz.is_none() {
            self.quiz = Some(self.new_quiz_view());
        }
        self.focus = Focus::Page;
        self.screen = Screen::Quiz;
    }

    pub(super) fn update_quiz(&mut self, action: Action) {
        if action == Action::Help {
            self.open_help();
            return;
        }
        if action == Action::Progress {
            self.open_stats();
            return;
        }
        self.before_quiz_action(action);
        // Screen-sized scrolling on every quiz screen that scrolls (not while asking).
        let page = usize::from(self.size.height.saturating_sub(3)).max(1);
        if let Some(quiz) =
            self.quiz.as_mut().filter(|q| !matches!(q.session.phase(), crate::quiz::Phase::Asking { .. }))
        {
            match action {
                Action::PageUp => quiz.scroll = quiz.scroll.saturating_sub(page),
                Action::PageDown => quiz.scroll = quiz.scroll.saturating_add(page),
                Action::HalfPageUp => quiz.scroll = quiz.scroll.saturating_sub(page.div_ceil(2)),
                Action::HalfPageDown => quiz.scroll = quiz.scroll.saturating_add(page.div_ceil(2)),
                Action::Top => quiz.scroll = 0,
                Action::Bottom => quiz.scroll = usize::MAX,
                _ => {}
            }
        }
        let now = self.clock.now_ms();
        let Some(quiz) = self.quiz.as_mut() else { return };
        let was_asking = matches!(quiz.session.phase(), crate::quiz::Phase::Asking { .. });
        let outcome = quiz.update(action, &self.course, now);
        // A new verdict starts where it can be seen, below a long question.
        if was_asking && let Some(view) = self.quiz_lines() {
            let scroll = crate::lines::quiz::feedback_scroll(&view, self.size);
            if let Some(quiz) = self.quiz.as_mut() {
                quiz.scroll = scroll;
            }
        }
        match outcome {
            quiz::Outcome::Stay => {}
            quiz::Outcome::Leave => self.leave_quiz(),
            quiz::Outcome::Pause => {
                self.pause_quiz();
                self.leave_quiz();
                self.message = Some("Round paused: t resumes it, also after you quit".to_string());
            }
            quiz::Outcome::Read(page, passage) => {
                self.jump(page, 0);
                self.scroll_to_text(passage.as_deref());
                self.message = Some("Reading for the quiz: press t to go back to it".to_string());
            }
            quiz::Outcome::Refused(why) => self.message = Some(why),
            quiz::Outcome::Discard => self.discard_paused(),
        }
        let max = self.quiz_lines().map_or(0, |view| crate::lines::quiz::max_scroll(&view, self.size));
        if let Some(quiz) = self.quiz.as_mut() {
            quiz.scroll = quiz.scroll.min(max);
        }
        if let Some(quiz) = self.quiz.as_mut() {
            quiz.record_results(self.progress.edit(), self.clock.date(), self.clock.unix());
        }
    }
}
