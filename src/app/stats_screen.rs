//! The progress screen from the app's side: opening it (`%`, `P`), its keys (scroll, a
//! topic quiz by number, review), and going back to the screen it was opened from.
use super::{App, Focus, Screen, Update};
use crate::keys::{Action, Context, key_for};
use crate::lines::progress_screen;
use crate::practice::service;
use crate::progress::review;
use crate::quiz::{RoundKind, Session};

/// The progress screen while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsView {
    /// Lines scrolled off the top.
    pub scroll: usize,
    /// Where `q` goes back to.
    pub from: Screen,
}

impl App {
    /// The numbers the progress screen shows, now (computed only while it is open).
    pub fn stats(&self) -> crate::stats::Stats {
        crate::stats::compute(&self.course, &self.progress, self.clock.unix(), Some(&self.stats_files))
    }

    /// `%` or `P`: the progress screen, from wherever the learner is. The exercise files
    /// are read now, to tell "passing now" from "changed since the last check".
    pub fn open_stats(&mut self) {
        if self.screen != Screen::Progress {
            let remembered = self.progress.practice.workspace.as_deref();
            let workspace = service::workspace_for(self.practice_options.workspace.as_deref(), remembered);
            self.stats_files = service::file_hashes(&workspace, &self.course.exercises);
            self.stats_view = Some(StatsView { scroll: 0, from: self.screen });
            self.screen = Screen::Progress;
            self.focus = Focus::Page;
        }
    }

    /// Scrolls (no change at either end), starts a round, or goes back.
    pub(super) fn update_stats(&mut self, action: Action) -> Update {
        let Some(mut view) = self.stats_view else {
            self.close_stats();
            return Update::Changed;
        };
        let page = usize::from(self.size.height.saturating_sub(3)).max(1);
        let scroll = match action {
            Action::Up => view.scroll.saturating_sub(1),
            Action::Down => view.scroll + 1,
            Action::PageUp => view.scroll.saturating_sub(page),
            Action::PageDown => view.scroll + page,
            Action::HalfPageUp => view.scroll.saturating_sub(page.div_ceil(2)),
            Action::HalfPageDown => view.scroll + page.div_ceil(2),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::Help => {
                self.open_help();
                return Update::Changed;
            }
            Action::Digit(n) => {
                self.topic_round(usize::from(n));
                return Update::Changed;
            }
            Action::StartReview => {
                self.close_stats();
                self.start_review();
                return Update::Changed;
            }
            Action::Quit | Action::Close => {
                self.close_stats();
                return Update::Changed;
            }
            _ => return Update::NotChanged,
        };
        let max = progress_screen::max_scroll(&self.theme, &self.stats(), self.size);
        let before = std::mem::replace(&mut view.scroll, scroll.min(max));
        self.stats_view = Some(view);
        Update::from(view.scroll != before)
    }

    /// Back to the screen the progress screen was opened from.
    fn close_stats(&mut self) {
        let from = self.stats_view.take().map_or(Screen::Reader, |view| view.from);
        match from {
            Screen::Quiz if self.quiz.is_some() => self.screen = Screen::Quiz,
            Screen::Practice if self.practice.is_some() => self.screen = Screen::Practice,
            Screen::Welcome => self.screen = Screen::Welcome,
            _ => {
                let (page, scroll) = (self.page, self.scroll);
                self.open_page(page, scroll);
            }
        }
    }

    /// A digit on the progress screen: a round on the topic listed under that number.
    fn topic_round(&mut self, number: usize) {
        let Some(topic) = number.checked_sub(1).and_then(|at| self.stats().weak_topics.get(at).cloned()) else {
            return;
        };
        if self.quiz.as_ref().is_some_and(super::QuizView::mid_round) || self.progress.review.paused.is_some() {
            self.message = Some(format!(
                "A round is waiting: {} goes back to it first",
                key_for(Context::Reader, Action::StartQuiz)
            ));
            return;
        }
        let bank = crate::app::quiz_bank(&self.course);
        let Ok(pool) = review::topic_pool(&bank, std::slice::from_ref(&topic.topic)) else { return };
        let seed = self.quiz_options.seed.wrapping_add(number as u64);
        let kind = RoundKind::Topic(vec![topic.topic]);
        let session = Session::drawn_from(bank, pool, kind, self.quiz_options.count, seed);
        self.stats_view = None;
        self.start_session(session);
    }
}
