//! The practice state machine: the exercise list, the current exercise, its runs and
//! results, hints, the solution, done marks. Pure: no I/O and no clock. Events come in,
//! [`Effect`]s come out for the caller to carry out (start or cancel a run, record a
//! check), so a test can drive it with any sequence of saves and results.
use super::report::Report;
use super::runner::{RunError, RunId, RunResult};
use crate::content::Exercise;
use crate::keys::{Action, Context, key_for};
use std::collections::BTreeSet;

/// Failed runs after which the solution is shown without asking first.
pub const FAILS_BEFORE_SOLUTION: u32 = 3;

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Make exercise `n` (an index into the list) the current one.
    Select(usize),
    Next,
    Prev,
    /// Go to the next exercise not done yet (after a pass: `n` or Enter), as rustlings does.
    NextUndone,
    /// Run the current exercise's checks (the `r` key, or an editor closed without a watcher).
    Run,
    /// Exercise `n`'s file changed on disk: it becomes current and its checks run.
    Saved(usize),
    /// A run finished.
    Checked(RunId, RunResult),
    /// Show the next hint of the current exercise.
    Hint,
    /// Show (or hide) the reference solution; asks first until it is earned.
    Solution,
    Confirm,
    Decline,
}

/// What the caller must do after an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Start checking exercise `exercise`; its result comes back as `Checked(run, ..)`.
    Start {
        run: RunId,
        exercise: usize,
    },
    Cancel(RunId),
    /// A check of exercise `exercise` finished with a verdict on the learner's code
    /// (passed or not; not when it could not run): remember it, and a pass as done.
    Record {
        exercise: usize,
        passed: bool,
    },
    /// A one-line message for the learner.
    Say(String),
}

/// The state of an exercise's checks.
#[derive(Debug, Clone, PartialEq)]
pub enum RunState {
    /// Not run since the screen opened.
    Idle,
    Running(RunId),
    Passed,
    Failed,
    /// The view did not answer in time.
    Timeout,
    /// No report: the checker could not run (no Python, no Django, a checker failure).
    Error(RunError),
}

/// A question waiting for yes or no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Solution,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub checks: usize,
    pub hints: usize,
    pub done: bool,
    pub state: RunState,
    /// The last report, kept on screen while the next run is going.
    pub report: Option<Report>,
    pub failed_runs: u32,
    pub hints_shown: usize,
    pub solution_shown: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeSession {
    pub items: Vec<Item>,
    pub current: usize,
    pub confirm: Option<Confirm>,
    /// The run going now and its exercise: at most one at a time.
    in_flight: Option<(RunId, usize)>,
    next_run: u64,
}

/// Whether a report says every one of `checks` checks passed.
pub fn all_passed(report: &Report, checks: usize) -> bool {
    report.load_error.is_none() && report.checks.len() == checks && report.checks.iter().all(|c| c.passed)
}

impl PracticeSession {
    /// The exercises in order, those in `done` marked; the first one not done is current.
    pub fn new(exercises: &[Exercise], done: &BTreeSet<String>) -> PracticeSession {
        let items: Vec<Item> = exercises
            .iter()
            .map(|e| Item {
                id: e.id.clone(),
                checks: e.verdicts(),
                hints: e.hints.len(),
                done: done.contains(&e.id),
                state: RunState::Idle,
                report: None,
                failed_runs: 0,
                hints_shown: 0,
                solution_shown: false,
            })
            .collect();
        let current = items.iter().position(|i| !i.done).unwrap_or(0);
        PracticeSession { items, current, confirm: None, in_flight: None, next_run: 1 }
    }

    pub fn current(&self) -> Option<&Item> {
        self.items.get(self.current)
    }

    pub fn done_count(&self) -> usize {
        self.items.iter().filter(|i| i.done).count()
    }

    /// The next exercise after the current one (wrapping round) that is not done yet.
    pub fn next_undone(&self) -> Option<usize> {
        let count = self.items.len();
        (1..count).map(|step| (self.current + step) % count).find(|&n| !self.items[n].done)
    }

    /// Whether a run is going (the caller animates a spinner only then).
    pub fn running(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Applies one event and returns what the caller must do. An event that makes no
    /// sense now (a stale result, a hint past the last one) changes nothing.
    pub fn apply(&mut self, event: Event) -> Vec<Effect> {
        if let Some(confirm) = self.confirm.take() {
            return match (confirm, event) {
                (Confirm::Solution, Event::Confirm) => {
                    self.set_solution(true);
                    Vec::new()
                }
                // Anything else answers no; the key itself is not acted on.
                _ => Vec::new(),
            };
        }
        let count = self.items.len();
        let last = count.saturating_sub(1);
        match event {
            Event::Select(n) if n < count => self.current = n,
            Event::Next => self.current = (self.current + 1).min(last),
            Event::Prev => self.current = self.current.saturating_sub(1),
            Event::NextUndone => match self.next_undone() {
                Some(n) => self.current = n,
                None => return vec![Effect::Say("Every exercise is done".to_string())],
            },
            Event::Run if !self.items.is_empty() => return self.start(self.current),
            Event::Saved(n) if n < count => {
                self.current = n;
                return self.start(n);
            }
            Event::Checked(run, result) => return self.finish(run, result),
            Event::Hint => return self.hint(),
            Event::Solution => return self.solution(),
            _ => {}
        }
        Vec::new()
    }

    fn start(&mut self, exercise: usize) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some((old, old_exercise)) = self.in_flight.take() {
            effects.push(Effect::Cancel(old));
            if let Some(item) = self.items.get_mut(old_exercise) {
                item.state = RunState::Idle;
            }
        }
        let run = RunId(self.next_run);
        self.next_run += 1;
        self.in_flight = Some((run, exercise));
        if let Some(item) = self.items.get_mut(exercise) {
            item.state = RunState::Running(run);
        }
        effects.push(Effect::Start { run, exercise });
        effects
    }

    fn finish(&mut self, run: RunId, result: RunResult) -> Vec<Effect> {
        let Some((expected, exercise)) = self.in_flight else { return Vec::new() };
        // An older run finishing after a newer save: its results no longer describe the file.
        if run != expected {
            return Vec::new();
        }
        self.in_flight = None;
        let Some(item) = self.items.get_mut(exercise) else { return Vec::new() };
        let mut effects = Vec::new();
        match result {
            Ok(report) => {
                let passed = all_passed(&report, item.checks);
                effects.push(Effect::Record { exercise, passed });
                if passed {
                    item.state = RunState::Passed;
                    item.done = true;
                } else {
                    item.state = RunState::Failed;
                    item.failed_runs += 1;
                    if item.failed_runs == FAILS_BEFORE_SOLUTION && !item.solution_shown {
                        let solution = key_for(Context::Practice, Action::ShowSolution);
                        effects.push(Effect::Say(format!("Stuck? {solution} shows the reference solution")));
                    }
                }
                item.report = Some(report);
            }
            Err(RunError::Timeout) => {
                effects.push(Effect::Record { exercise, passed: false });
                item.state = RunState::Timeout;
                item.failed_runs += 1;
                item.report = None;
            }
            Err(RunError::Cancelled) => item.state = RunState::Idle,
            // The learner's code ended the process: a failed attempt, like a timeout.
            Err(error @ RunError::LearnerExit(_)) => {
                effects.push(Effect::Record { exercise, passed: false });
                item.state = RunState::Error(error);
                item.failed_runs += 1;
                item.report = None;
            }
            Err(error) => {
                item.state = RunState::Error(error);
                item.report = None;
            }
        }
        effects
    }

    fn hint(&mut self) -> Vec<Effect> {
        let Some(item) = self.items.get_mut(self.current) else { return Vec::new() };
        if item.hints_shown < item.hints {
            item.hints_shown += 1;
            Vec::new()
        } else if item.hints == 0 {
            vec![Effect::Say("This exercise has no hints".to_string())]
        } else {
            let solution = key_for(Context::Practice, Action::ShowSolution);
            vec![Effect::Say(format!("That was the last hint: {solution} shows the solution"))]
        }
    }

    fn solution(&mut self) -> Vec<Effect> {
        let Some(item) = self.items.get(self.current) else { return Vec::new() };
        if item.solution_shown {
            self.set_solution(false);
        } else if item.done || item.failed_runs >= FAILS_BEFORE_SOLUTION {
            self.set_solution(true);
        } else {
            self.confirm = Some(Confirm::Solution);
        }
        Vec::new()
    }

    fn set_solution(&mut self, shown: bool) {
        if let Some(item) = self.items.get_mut(self.current) {
            item.solution_shown = shown;
        }
    }
}
