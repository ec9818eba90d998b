//! Practice mode in the app: opening the screen (the session, the workspace, the
//! interpreter), its keys, and the requests the loop carries out for it (open the editor,
//! watch the folder, run setup). Runs and what the loop reports of them: `practice_runs`.
use super::{App, Screen, Update};
use crate::keys::{Action, Context, key_for};
use crate::lines::practice as lines;
use crate::practice::service;
use crate::practice::session::{Event, PracticeSession};
use crate::practice::workspace::Workspace;
use std::path::PathBuf;

/// How practice was asked for on the command line.
#[derive(Debug, Clone, Default)]
pub struct PracticeOptions {
    /// `--workspace`: wins over the one remembered in progress.
    pub workspace: Option<PathBuf>,
    /// `--python` / `STATUS_TUTOR_PYTHON`.
    pub python: Option<PathBuf>,
    /// `--manual-run`: no watching; `r` runs the checks.
    pub manual_run: bool,
}

/// Work the app asks the loop to do, because it needs the terminal or a thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoopRequest {
    /// Suspend the interface and open this file in `$VISUAL` / `$EDITOR`.
    Edit(PathBuf),
    /// Watch this folder and report saves.
    Watch(PathBuf),
    /// Suspend the interface and run `practice setup` in the terminal.
    Setup,
}

/// The practice screen's state besides the session.
pub struct PracticeView {
    pub session: PracticeSession,
    pub workspace: Workspace,
    pub python: PathBuf,
    /// First line shown of the details pane.
    pub scroll: usize,
    /// The spinner's frame while a run is going.
    pub spinner: usize,
    /// Why watching is off (manual run, or the watcher failed), shown on screen.
    pub watch_note: Option<String>,
    /// The learner's file as it was when the solution was revealed (shown beside it).
    pub learner_code: Option<String>,
    /// Creating the workspace failed: the screen says so and nothing runs.
    pub workspace_error: Option<String>,
}

impl PracticeView {
    /// The learner's file of exercise `index` (0-based).
    pub fn file_of(&self, index: usize, exercise: &crate::content::Exercise) -> PathBuf {
        service::learner_file(&self.workspace, index, exercise)
    }
}

impl App {
    /// The practice screen's parts for `lines::practice` (the view draws them, the app
    /// measures them), if practice is open.
    pub fn practice_lines(&self) -> Option<lines::PracticeParts<'_>> {
        let view = self.practice.as_ref()?;
        Some(lines::PracticeParts {
            theme: &self.theme,
            course: &self.course,
            session: &view.session,
            workspace: &view.workspace,
            python: &view.python,
            scroll: view.scroll,
            spinner: view.spinner,
            watch_note: view.watch_note.as_deref(),
            workspace_error: view.workspace_error.as_deref(),
            learner_code: view.learner_code.as_deref(),
        })
    }

    /// Exercises done and the total, from progress (practice need not be open).
    pub fn practice_done(&self) -> (usize, usize) {
        let done = self.course.exercises.iter().filter(|e| self.progress.practice.done.contains(&e.id)).count();
        (done, self.course.exercises.len())
    }

    /// Opens the practice screen (creating the workspace on first use), at exercise `at`
    /// if given.
    pub fn open_practice(&mut self, at: Option<usize>) {
        if self.course.exercises.is_empty() {
            self.message = Some("This course has no exercises".to_string());
            return;
        }
        if self.practice.is_none() && self.ask_for_workspace(at) {
            return;
        }
        if self.practice.is_none() {
            let view = self.prepare_practice();
            self.practice = Some(view);
            self.warm_practice();
        }
        if let (Some(n), Some(view)) = (at, self.practice.as_mut()) {
            view.session.apply(Event::Select(n));
            view.scroll = 0;
        }
        self.focus = super::Focus::Page;
        self.screen = Screen::Practice;
    }

    /// `x` in the reader: the open page's exercise, else back to practice (or the list).
    pub(super) fn practice_from_reader(&mut self) {
        let here = self.course.exercises.iter().position(|e| e.page == self.page);
        match (here, &self.practice) {
            (Some(n), _) => self.open_practice(Some(n)),
            // Back to practice after reading a lesson from it.
            (None, Some(_)) => self.open_practice(None),
            (None, None) => {
                self.open_practice(None);
                if self.screen == Screen::Practice {
                    self.message = Some("No exercise on that page: here is the list".to_string());
                }
            }
        }
    }

    fn prepare_practice(&mut self) -> PracticeView {
        let remembered = self.progress.practice.workspace.as_deref();
        let workspace = service::workspace_for(self.practice_options.workspace.as_deref(), remembered);
        let workspace_error = service::prepare(&workspace, &self.course.exercises).err();
        if workspace_error.is_none()
            && let Some(path) = service::to_remember(&workspace, self.progress.practice.workspace.as_deref())
        {
            self.progress.edit().practice.workspace = Some(path);
        }
        let watch_note = if self.practice_options.manual_run {
            Some(format!(
                "watching is off (--manual-run): press {} after saving",
                key_for(Context::Practice, Action::RunChecks)
            ))
        } else if workspace_error.is_none() {
            self.requests.push(LoopRequest::Watch(workspace.exercises_dir()));
            None
        } else {
            None
        };
        PracticeView {
            session: PracticeSession::new(&self.course.exercises, &self.progress.practice.done),
            python: service::python_for(self.practice_options.python.as_deref(), &workspace),
            workspace,
            scroll: 0,
            spinner: 0,
            watch_note,
            learner_code: None,
            workspace_error,
        }
    }

    /// The practice screen's keys: session events, scrolling the details (no change at
    /// either end), the editor, the lesson. Actions it ignores change nothing.
    pub(super) fn update_practice(&mut self, action: Action) -> Update {
        let Some(view) = self.practice.as_mut() else { return Update::NotChanged };
        let confirming = view.session.confirm.is_some();
        let event = match action {
            Action::Confirm if confirming => Some(Event::Confirm),
            _ if confirming => Some(Event::Decline),
            Action::Up => Some(Event::Prev),
            Action::Down => Some(Event::Next),
            Action::NextPage => Some(Event::NextUndone),
            Action::RunChecks => Some(Event::Run),
            Action::Hint => Some(Event::Hint),
            Action::ShowSolution => Some(Event::Solution),
            Action::PageUp => return self.practice_scroll(-10),
            Action::PageDown => return self.practice_scroll(10),
            Action::HalfPageUp => return self.practice_scroll(-5),
            Action::HalfPageDown => return self.practice_scroll(5),
            Action::Top => return self.practice_scroll(isize::MIN),
            Action::Bottom => return self.practice_scroll(isize::MAX),
            Action::Edit => {
                if let Some(exercise) = self.course.exercises.get(view.session.current) {
                    self.requests.push(LoopRequest::Edit(view.file_of(view.session.current, exercise)));
                }
                None
            }
            Action::Setup => {
                self.requests.push(LoopRequest::Setup);
                None
            }
            Action::OpenLesson => {
                if let Some(exercise) = self.course.exercises.get(view.session.current) {
                    let page = exercise.page;
                    self.open_page(page, 0);
                    let back = key_for(Context::Reader, Action::Practice);
                    self.message = Some(format!("The lesson for this exercise: {back} goes back to practice"));
                }
                None
            }
            Action::Help => {
                self.open_help();
                None
            }
            Action::Progress => {
                self.open_stats();
                None
            }
            Action::Quit => {
                let (page, scroll) = (self.page, self.scroll);
                self.open_page(page, scroll);
                None
            }
            _ => return Update::NotChanged,
        };
        if let Some(event) = event {
            let before = self.practice.as_ref().map(|v| v.session.current);
            self.practice_event(event);
            if let Some(view) = self.practice.as_mut()
                && Some(view.session.current) != before
            {
                view.scroll = 0;
                view.learner_code = None;
            }
        }
        Update::Changed
    }

    /// Scrolls the details pane; never answers a question shown in it. No change at the
    /// top or the end.
    fn practice_scroll(&mut self, delta: isize) -> Update {
        // Up from the top needs no layout to know it moves nothing.
        if delta < 0 && self.practice.as_ref().is_some_and(|view| view.scroll == 0) {
            return Update::NotChanged;
        }
        let max = self.practice_lines().map_or(0, |view| lines::max_scroll(&view, self.size));
        let Some(view) = self.practice.as_mut() else { return Update::NotChanged };
        let before = view.scroll;
        view.scroll = before.saturating_add_signed(delta).min(max);
        Update::from(view.scroll != before)
    }

    /// A click on an exercise in the list selects it; the wheel scrolls the details.
    pub(super) fn practice_mouse(&mut self, event: crossterm::event::MouseEvent) -> Update {
        use crossterm::event::{MouseButton, MouseEventKind};
        let at = ratatui::layout::Position::new(event.column, event.row);
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                match self.practice_lines().and_then(|v| lines::exercise_at(&v, self.size, at)) {
                    Some(n) => {
                        let before = self.practice.as_ref().map(|v| v.session.current);
                        self.practice_event(Event::Select(n));
                        if let Some(view) = self.practice.as_mut().filter(|v| Some(v.session.current) != before) {
                            view.scroll = 0;
                            view.learner_code = None;
                        }
                        Update::from(before != Some(n))
                    }
                    None => Update::NotChanged,
                }
            }
            MouseEventKind::ScrollDown => self.practice_scroll(3),
            MouseEventKind::ScrollUp => self.practice_scroll(-3),
            _ => Update::NotChanged,
        }
    }
}
