//! The quiz screen from the app's side: starting a round, its laid-out view, and its keys.
use super::*;
use crate::keys::{Context, key_for};

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

    /// The quiz's keys. Only a scroll of a screen that is not asking can be no change
    /// (at the top or the end); everything else may change the round, so it answers changed.
    pub(super) fn update_quiz(&mut self, action: Action) -> Update {
        if action == Action::Help {
            self.open_help();
            return Update::Changed;
        }
        if action == Action::Progress {
            self.open_stats();
            return Update::Changed;
        }
        let scroll_before = self.quiz.as_ref().map(|q| q.scroll).filter(|_| self.quiz_scroll_only(action));
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
        let Some(quiz) = self.quiz.as_mut() else { return Update::Changed };
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
                let resume = key_for(Context::Reader, Action::StartQuiz);
                self.message = Some(format!("Round paused: {resume} resumes it, also after you quit"));
            }
            quiz::Outcome::Read(page, passage) => {
                self.jump(page, 0);
                self.scroll_to_text(passage.as_deref());
                let back = key_for(Context::Reader, Action::StartQuiz);
                self.message = Some(format!("Reading for the quiz: press {back} to go back to it"));
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
        match scroll_before {
            Some(before) => Update::from(self.quiz.as_ref().map(|q| q.scroll) != Some(before)),
            None => Update::Changed,
        }
    }

    /// Whether `action` only scrolls the quiz's screen: one that is not asking a question,
    /// with no question of its own ("leave this round?", "resume?") on top.
    fn quiz_scroll_only(&self, action: Action) -> bool {
        let scroll = matches!(
            action,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::HalfPageUp
                | Action::HalfPageDown
                | Action::Top
                | Action::Bottom
        );
        let asking = |q: &QuizView| matches!(q.session.phase(), crate::quiz::Phase::Asking { .. });
        scroll && self.quiz.as_ref().is_some_and(|q| !q.confirm_leave && !q.resuming && !asking(q))
    }
}
