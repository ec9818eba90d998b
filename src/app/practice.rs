//! Practice mode in the app: the session, the workspace and the runner, and the
//! requests the loop carries out for it (open the editor, watch the folder, run setup).
use super::{App, Screen};
use crate::keys::Action;
use crate::lines::practice as lines;
use crate::practice::runner::{RunId, RunResult};
use crate::practice::service;
use crate::practice::session::{Effect, Event, PracticeSession, RunState};
use crate::practice::workspace::Workspace;
use crate::sanitize::printable;
use std::path::{Path, PathBuf};

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
            Some("watching is off (--manual-run): press r after saving".to_string())
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

    pub(super) fn update_practice(&mut self, action: Action) {
        let Some(view) = self.practice.as_mut() else { return };
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
                    self.message = Some("The lesson for this exercise: x goes back to practice".to_string());
                }
                None
            }
            Action::Help => return self.open_help(),
            Action::Progress => return self.open_stats(),
            Action::Quit => {
                let (page, scroll) = (self.page, self.scroll);
                self.open_page(page, scroll);
                None
            }
            _ => None,
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
    }

    /// Scrolls the details pane; never answers a question shown in it.
    fn practice_scroll(&mut self, delta: isize) {
        let max = self.practice_lines().map_or(0, |view| lines::max_scroll(&view, self.size));
        if let Some(view) = self.practice.as_mut() {
            view.scroll = view.scroll.saturating_add_signed(delta).min(max);
        }
    }

    /// A click on an exercise in the list selects it; the wheel scrolls the details.
    pub(super) fn practice_mouse(&mut self, event: crossterm::event::MouseEvent) -> bool {
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
                        before != Some(n)
                    }
                    None => false,
                }
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let before = self.practice.as_ref().map(|v| v.scroll);
                self.practice_scroll(if event.kind == MouseEventKind::ScrollDown { 3 } else { -3 });
                before != self.practice.as_ref().map(|v| v.scroll)
            }
            _ => false,
        }
    }

    /// Applies a session event and carries out what it asks for.
    pub fn practice_event(&mut self, event: Event) {
        let Some(view) = self.practice.as_mut() else { return };
        let effects = view.session.apply(event);
        for effect in effects {
            self.carry_out(effect);
        }
        // Revealing the solution shows the learner's code beside it: read it once, now.
        if let Some(view) = self.practice.as_mut() {
            let shown = view.session.current().is_some_and(|i| i.solution_shown);
            if shown && view.learner_code.is_none() {
                let current = view.session.current;
                let file = self.course.exercises.get(current).map(|e| view.file_of(current, e));
                view.learner_code = Some(match file.map(|f| read_start(&f)) {
                    Some(Ok(text)) => text,
                    Some(Err(e)) => format!("(your file could not be read: {e})"),
                    None => String::new(),
                });
            } else if !shown {
                view.learner_code = None;
            }
        }
    }

    fn carry_out(&mut self, effect: Effect) {
        match effect {
            Effect::Start { run, exercise } => self.start_run(run, exercise),
            Effect::Cancel(run) => {
                if let Some(runner) = self.runner.as_mut() {
                    runner.cancel(run);
                }
            }
            Effect::MarkDone(id) => {
                self.progress.edit().practice.done.insert(id);
            }
            Effect::Say(text) => self.message = Some(text),
        }
    }

    fn start_run(&mut self, run: RunId, exercise: usize) {
        let Some(view) = self.practice.as_ref() else { return };
        let Some(ex) = self.course.exercises.get(exercise) else { return };
        let job = service::job_for(&view.workspace, &view.python, exercise, ex);
        match self.runner.as_mut() {
            Some(runner) => runner.start(run, job),
            None => {
                let missing = crate::practice::runner::RunError::Checker("no runner".to_string());
                self.practice_event(Event::Checked(run, Err(missing)));
            }
        }
    }

    /// Lets the runner get ready for this workspace and interpreter (the warm server starts
    /// while the learner reads the task). Called when practice opens and when the runner
    /// arrives, whichever is later.
    pub fn warm_practice(&mut self) {
        let (Some(view), Some(runner)) = (self.practice.as_ref(), self.runner.as_mut()) else { return };
        if view.workspace_error.is_none() {
            runner.prepare(service::warm_job(&view.workspace, &view.python));
        }
    }

    /// A file in the watched folder changed: its exercise becomes current and runs.
    pub fn file_saved(&mut self, path: &Path) {
        let Some(view) = self.practice.as_ref() else { return };
        let name = path.file_name();
        let found =
            (0..self.course.exercises.len()).find(|&i| view.file_of(i, &self.course.exercises[i]).file_name() == name);
        if let Some(index) = found {
            if view.session.current != index
                && let Some(view) = self.practice.as_mut()
            {
                view.scroll = 0;
                view.learner_code = None;
            }
            self.practice_event(Event::Saved(index));
        }
    }

    /// A run finished (stale results are dropped by the session).
    pub fn run_finished(&mut self, run: RunId, result: RunResult) {
        self.practice_event(Event::Checked(run, result));
    }

    /// The watcher could not start: say so, and fall back to `r`.
    pub fn watch_failed(&mut self, why: &str) {
        if let Some(view) = self.practice.as_mut() {
            view.watch_note = Some(format!("watching failed ({}): press r after saving", printable(why)));
        }
    }

    /// Whether a run is going (the loop animates the spinner only then).
    pub fn practice_running(&self) -> bool {
        self.practice.as_ref().is_some_and(|v| v.session.running())
    }

    /// One spinner step; returns whether a redraw is needed.
    pub fn tick(&mut self) -> bool {
        match self.practice.as_mut() {
            Some(view) if view.session.running() => {
                view.spinner = view.spinner.wrapping_add(1);
                self.screen == Screen::Practice
            }
            _ => false,
        }
    }

    /// The interpreter may have changed (after setup): look again.
    pub fn refind_python(&mut self) {
        let explicit = self.practice_options.python.clone();
        if let Some(view) = self.practice.as_mut() {
            view.python = service::python_for(explicit.as_deref(), &view.workspace);
        }
    }

    /// The Django-missing state of the current exercise, for the setup hint.
    pub fn practice_needs_setup(&self) -> bool {
        self.practice.as_ref().and_then(|v| v.session.current()).is_some_and(|i| {
            matches!(i.state, RunState::Error(crate::practice::runner::RunError::DjangoMissing(_)))
                || matches!(i.state, RunState::Error(crate::practice::runner::RunError::NoPython(_)))
        })
    }
}

/// The first 64 KB of a learner's file, as text: enough to show beside the solution, and
/// a huge file cannot stall the interface.
fn read_start(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(64 << 10).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
