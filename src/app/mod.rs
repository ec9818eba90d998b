//! The application model and `update`: the one place that changes what the learner sees.
mod find;
mod help;
mod history;
mod lazy;
mod mouse;
mod navigate;
mod page;
mod practice;
mod practice_folder;
mod practice_runs;
mod quiz;
mod quiz_screen;
mod reader;
mod rounds;
mod stats_screen;
mod update;

pub use crate::clock::{Clock, SystemClock};
use crate::content::Course;
use crate::keys::{Action, Context};
use crate::layout::{self, Areas, SidebarMode};
use crate::lines::document::Document;
use crate::lines::quiz::QuizParts;
use crate::lines::verified;
use crate::progress::Tracked;
pub use crate::quiz_bank::{QuizOptions, quiz_bank};
use crate::search::{Hit, SearchIndex};
use crate::theme::Theme;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
pub use history::{History, Place};
pub use practice::{LoopRequest, PracticeOptions, PracticeView};
pub use practice_folder::WorkspaceQuestion;
pub use quiz::{Offer, OfferScope, QuizView};
use ratatui::layout::{Position, Rect};
pub use update::Update;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Reader,
    Quiz,
    Practice,
    /// Progress as a whole (`%`).
    Progress,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Search(SearchState),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Page,
}

/// A line of the contents sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Section(usize),
    Page(usize),
    Quiz,
    Practice,
}

pub struct App {
    pub course: Course,
    pub theme: Theme,
    pub screen: Screen,
    pub overlay: Overlay,
    pub focus: Focus,
    /// The open page (index into `course.pages`) and its first visible line.
    pub page: usize,
    pub scroll: usize,
    /// The contents, as drawn: section headings, pages, the quiz.
    pub entries: Vec<Entry>,
    /// Index into `entries` of the highlighted line.
    pub cursor: usize,
    /// `Some` once the learner toggled the sidebar; otherwise it follows the width.
    pub sidebar_choice: Option<bool>,
    pub size: Rect,
    /// The open page laid out for the current width.
    pub document: Document,
    document_key: (usize, u16),
    /// The verified requests under the code samples: every detail, or one line each.
    pub verified_expanded: bool,
    document_expanded: bool,
    /// Digits typed so far towards a status code (4 0 4).
    pub digits: String,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The text a search jumped to, marked on the page until the next key.
    pub found: Option<String>,
    /// Read freely; changed only through `progress.edit()`, which the saver notices.
    pub progress: Tracked,
    /// The sidebar width that shows every entry whole (it grows to it on wide terminals).
    pub sidebar_natural: u16,
    /// The quiz, once started; kept while the learner reads a page it pointed to.
    pub quiz: Option<QuizView>,
    pub quiz_options: QuizOptions,
    pub clock: Box<dyn Clock>,
    /// Practice mode, once opened; kept while the learner reads a lesson.
    pub practice: Option<PracticeView>,
    pub practice_options: PracticeOptions,
    /// The first `x` with no workspace chosen: asks before creating it (y/n).
    pub workspace_question: Option<WorkspaceQuestion>,
    /// Runs the checks (the real one spawns Python; tests pass a fake).
    pub runner: Option<Box<dyn crate::practice::runner::Runner>>,
    /// Work for the loop: the editor, the watcher, setup.
    pub requests: Vec<LoopRequest>,
    search_index: Option<SearchIndex>,
    /// Where the learner was before each jump (Backspace / Ctrl-O go back).
    pub history: History,
    /// The text of the last search, for `n` / `N`, and the line of the match shown.
    pub last_search: Option<String>,
    match_at: Option<(usize, usize)>,
    /// The progress screen, while open: its scroll and the screen it came from.
    pub stats_view: Option<stats_screen::StatsView>,
    /// The exercise files' hashes, read when the progress screen opens (not per frame).
    stats_files: std::collections::BTreeMap<String, String>,
    /// A course read without its pages' blocks: they are read as pages are opened.
    lazy: Option<lazy::LazyPages>,
    quit: bool,
}

impl App {
    pub fn new(course: Course, theme: Theme, progress: impl Into<Tracked>, size: Rect) -> App {
        let progress: Tracked = progress.into();
        let mut entries = Vec::new();
        for (s, section) in course.sections.iter().enumerate() {
            entries.push(Entry::Section(s));
            entries.extend(section.pages.iter().map(|&p| Entry::Page(p)));
        }
        entries.push(Entry::Quiz);
        if !course.exercises.is_empty() {
            entries.push(Entry::Practice);
        }
        // A saved page that no longer exists (the course changed) starts at the beginning.
        let (page, scroll) = progress
            .last_page
            .as_deref()
            .and_then(|id| course.page_index(id))
            .map_or((0, 0), |page| (page, usize::from(progress.scroll)));
        let mut app = App {
            course,
            theme,
            screen: Screen::Welcome,
            overlay: Overlay::None,
            focus: Focus::Page,
            page,
            scroll,
            entries,
            cursor: 0,
            sidebar_choice: progress.sidebar,
            size,
            document: Document::default(),
            document_key: (usize::MAX, 0),
            verified_expanded: false,
            document_expanded: false,
            digits: String::new(),
            message: None,
            found: None,
            progress,
            sidebar_natural: 0,
            quiz: None,
            quiz_options: QuizOptions { count: Some(12), seed: 0 },
            clock: Box::new(SystemClock::default()),
            practice: None,
            practice_options: PracticeOptions::default(),
            workspace_question: None,
            runner: None,
            requests: Vec::new(),
            search_index: None,
            history: History::default(),
            last_search: None,
            match_at: None,
            stats_view: None,
            stats_files: std::collections::BTreeMap::new(),
            lazy: None,
            quit: false,
        };
        app.cursor = app.entry_of_page(page);
        app.sidebar_natural = crate::lines::contents::natural_width(&app.course);
        app.relayout();
        app
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        if layout::too_small(self.size) {
            return Context::TooSmall;
        }
        if self.workspace_question.is_some() {
            return Context::Confirm;
        }
        match (&self.overlay, self.screen) {
            (Overlay::Help { .. }, _) => Context::Help,
            (Overlay::Search(_), _) => Context::Search,
            (Overlay::None, Screen::Welcome) => Context::Welcome,
            (Overlay::None, Screen::Reader) if self.focus == Focus::Sidebar => Context::Contents,
            (Overlay::None, Screen::Reader) => Context::Reader,
            (Overlay::None, Screen::Quiz) => self.quiz.as_ref().map_or(Context::Reader, QuizView::context),
            (Overlay::None, Screen::Progress) => Context::Progress,
            (Overlay::None, Screen::Practice) => match &self.practice {
                Some(view) if view.session.confirm.is_some() => Context::Confirm,
                _ => Context::Practice,
            },
        }
    }

    /// Docked when chosen or wide enough; floating over the page while browsing it otherwise.
    pub fn sidebar_mode(&self) -> SidebarMode {
        let wanted = self.sidebar_choice.unwrap_or(self.size.width >= layout::SIDEBAR_AUTO_WIDTH);
        // Docked in a narrow terminal would leave the page too narrow to read.
        match (wanted && self.size.width >= layout::MIN_DOCKED_WIDTH, self.focus) {
            (true, _) => SidebarMode::Docked,
            (false, Focus::Sidebar) => SidebarMode::Floating,
            (false, Focus::Page) => SidebarMode::Hidden,
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas_for(self.size, self.sidebar_mode(), self.sidebar_natural)
    }

    /// Applies one action and says whether the view may have changed (the loop redraws then).
    pub fn update(&mut self, action: Action) -> Update {
        let had_message = self.message.take().is_some() | self.found.take().is_some();
        // Something Esc can cancel: a message, the search marks, a code being typed. Each
        // is on screen, and this key takes it away.
        let pending = had_message || !self.digits.is_empty();
        if !matches!(action, Action::Digit(_)) {
            self.digits.clear();
        }
        let handled = match self.context() {
            Context::TooSmall => {
                self.quit |= action == Action::Quit;
                Update::NotChanged
            }
            Context::Help => self.update_help(action),
            Context::Search => self.update_search(action),
            Context::Welcome => self.update_welcome(action),
            Context::Reader | Context::Contents => self.update_reader(action, pending),
            Context::Progress => self.update_stats(action),
            Context::Confirm if self.workspace_question.is_some() => self.answer_workspace_question(action),
            Context::Practice => self.update_practice(action),
            // The one question shown decides who hears the answer.
            Context::Confirm if self.screen == Screen::Practice => self.update_practice(action),
            Context::Confirm
            | Context::QuizIntro
            | Context::QuizResume
            | Context::Quiz
            | Context::QuizTyping
            | Context::QuizFeedback
            | Context::Results
            | Context::Review => self.update_quiz(action),
            // Global keys are read before the screen's; no screen is "global".
            Context::Global => Update::NotChanged,
        };
        if action == Action::ForceQuit {
            self.quit = true;
        }
        handled | Update::from(pending || self.quit)
    }

    /// Three digits make a status code: jump to the page that teaches it.
    fn type_digit(&mut self, digit: u8) {
        self.digits.push(char::from(b'0' + digit));
        if self.digits.len() < 3 {
            return;
        }
        let code: u16 = self.digits.parse().unwrap_or(0);
        self.digits.clear();
        match self.course.page_for_code(code) {
            Some(page) => {
                self.focus = Focus::Page;
                self.jump(page, 0);
            }
            None => self.message = Some(format!("{code} is not taught in this course")),
        }
    }
}
