//! Practice runs in the app: session events and the effects they ask for (start, cancel,
//! record a verdict), and what the loop reports back (a save, a finished run, a spinner
//! tick, a watcher that failed). The screen itself is in `practice`.
use super::{App, Screen, Update};
use crate::keys::{Action, Context, key_for};
use crate::practice::runner::{RunError, RunId, RunResult};
use crate::practice::service;
use crate::practice::session::{Effect, Event, RunState};
use crate::sanitize::printable;
use std::path::Path;

impl App {
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
            Effect::Record { exercise, passed } => self.record_check(exercise, passed),
            Effect::Say(text) => self.message = Some(text),
        }
    }

    /// Remembers a finished check in progress, with the hash of the file it checked.
    fn record_check(&mut self, exercise: usize, passed: bool) {
        let (Some(view), Some(ex)) = (self.practice.as_ref(), self.course.exercises.get(exercise)) else { return };
        let now = u64::try_from(self.clock.unix()).unwrap_or(0);
        let record = service::check_record(&view.file_of(exercise, ex), passed, now);
        let id = ex.id.clone();
        service::record_check(&mut self.progress.edit().practice, &id, record);
    }

    fn start_run(&mut self, run: RunId, exercise: usize) {
        let Some(view) = self.practice.as_ref() else { return };
        let Some(ex) = self.course.exercises.get(exercise) else { return };
        let job = service::job_for(&view.workspace, &view.python, exercise, ex);
        match self.runner.as_mut() {
            Some(runner) => runner.start(run, job),
            None => {
                let missing = RunError::Checker("no runner".to_string());
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

    /// A file in the watched folder changed: its exercise becomes current and runs. A file
    /// of no exercise changes nothing.
    pub fn file_saved(&mut self, path: &Path) -> Update {
        let Some(view) = self.practice.as_ref() else { return Update::NotChanged };
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
        Update::from(found.is_some())
    }

    /// A run finished (stale results are dropped by the session): the results, or at
    /// least the spinner's end, are news.
    pub fn run_finished(&mut self, run: RunId, result: RunResult) -> Update {
        self.practice_event(Event::Checked(run, result));
        Update::Changed
    }

    /// The watcher could not start: say so, and fall back to `r`.
    pub fn watch_failed(&mut self, why: &str) {
        if let Some(view) = self.practice.as_mut() {
            let run = key_for(Context::Practice, Action::RunChecks);
            view.watch_note = Some(format!("watching failed ({}): press {run} after saving", printable(why)));
        }
    }

    /// Whether a run is going (the loop animates the spinner only then).
    pub fn practice_running(&self) -> bool {
        self.practice.as_ref().is_some_and(|v| v.session.running())
    }

    /// One spinner step: a change only while the practice screen shows the spinner.
    pub fn tick(&mut self) -> Update {
        match self.practice.as_mut() {
            Some(view) if view.session.running() => {
                view.spinner = view.spinner.wrapping_add(1);
                Update::from(self.screen == Screen::Practice)
            }
            _ => Update::NotChanged,
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
            matches!(i.state, RunState::Error(RunError::DjangoMissing(_)))
                || matches!(i.state, RunState::Error(RunError::NoPython(_)))
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
