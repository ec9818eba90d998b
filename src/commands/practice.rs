//! `status-tutor practice list|check|reset|setup`: practice without the full-screen
//! interface (scripts, CI, screen readers). The listing and the check write to any `Write`.
use super::console::{self, confirm, quietly};
use super::course_source::{course, progress_key};
use super::paint::Paint;
use crate::cli::{Cli, PracticeArgs, PracticeCommand};
use crate::content::Course;
use crate::practice::describe::{chosen_text, verdict_text};
use crate::practice::report::PyError;
use crate::practice::runner::{self, RunError};
use crate::practice::service::{self, Remedy};
use crate::practice::session::all_passed;
use crate::practice::workspace::Workspace;
use crate::progress::checks::standing;
use crate::progress::{CheckRecord, Progress, Standing, Store};
use crate::sanitize::printable;
use serde_json::json;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

/// Runs `practice list|check|reset|setup`. The workspace used is remembered, so the
/// next command (and the full screen) finds it.
pub fn run(cli: &Cli, args: &PracticeArgs) -> Result<ExitCode, String> {
    let course = course(cli.content.as_deref())?;
    let key = progress_key(cli.content.as_deref(), &course.id);
    let (mut store, mut progress, warnings) = Store::open(cli.data_dir.as_deref(), &key);
    warnings.iter().for_each(|warning| console::warn(warning));
    let workspace = workspace_for(args.workspace.as_deref(), &progress);
    let mut out = io::stdout().lock();
    let mut remember = |progress: &mut Progress, checked: Option<(&str, CheckRecord)>| {
        remember(&workspace, progress, &mut store, checked)
    };
    match args.action.as_ref() {
        Some(PracticeCommand::List) | None => {
            quietly(list(&course, &progress, &workspace, Paint::for_stdout(), &mut out))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(PracticeCommand::Check { id, json }) => {
            // Exit 0 all pass, 1 checks fail, 2 usage (unknown id) or environment.
            let prepared = find(&course, id.as_deref(), &progress)
                .and_then(|index| service::prepare(&workspace, &course.exercises).map(|()| index));
            let index = match prepared {
                Ok(index) => index,
                Err(message) => {
                    console::error(&message);
                    return Ok(ExitCode::from(2));
                }
            };
            let python = service::python_for(args.python.as_deref(), &workspace);
            let verdict = check(&course, index, &workspace, &python, *json, &mut out)?;
            // Environment errors say nothing about the learner's code: nothing to record.
            let checked = (verdict != Verdict::Environment).then(|| {
                let file = service::learner_file(&workspace, index, &course.exercises[index]);
                let now = crate::progress::unix_seconds();
                (course.exercises[index].id.as_str(), service::check_record(&file, verdict == Verdict::Pass, now))
            });
            remember(&mut progress, checked);
            Ok(ExitCode::from(verdict.exit_code()))
        }
        Some(PracticeCommand::Reset { id, yes }) => {
            let index = find(&course, Some(id), &progress)?;
            let exercise = &course.exercises[index];
            let file = service::learner_file(&workspace, index, exercise);
            let question = format!("Put the starter code back in {}? Your changes to it are lost.", file.display());
            if file.exists() && !yes && !confirm(&printable(&question), "practice reset")? {
                return Ok(ExitCode::SUCCESS);
            }
            let path =
                workspace.reset(index + 1, exercise).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            writeln!(out, "Starter code restored in {}", printable(&path.display().to_string()))
                .map_err(|e| e.to_string())?;
            remember(&mut progress, None);
            Ok(ExitCode::SUCCESS)
        }
        Some(PracticeCommand::Setup) => {
            let base = args.python.clone().unwrap_or_else(|| "python3".into());
            let python = crate::practice::python::setup(&base, &workspace, &mut out)?;
            service::prepare(&workspace, &course.exercises)?;
            remember(&mut progress, None);
            writeln!(out, "Practice with: status-tutor practice  (checks run with {})", python.display())
                .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Remembers the workspace used and an exercise's check, and saves when either changed.
fn remember(workspace: &Workspace, progress: &mut Progress, store: &mut Store, checked: Option<(&str, CheckRecord)>) {
    let moved = service::to_remember(workspace, progress.practice.workspace.as_deref());
    let changed = moved.is_some();
    if let Some(path) = moved {
        progress.practice.workspace = Some(path);
    }
    let recorded = checked.is_some();
    if let Some((id, record)) = checked {
        service::record_check(&mut progress.practice, id, record);
    }
    if (changed || recorded)
        && let Some(warning) = store.sync(progress)
    {
        console::warn(&warning);
    }
}

/// `--workspace`, else the one remembered in progress, else `./status-tutor-practice`.
pub fn workspace_for(chosen: Option<&Path>, progress: &Progress) -> Workspace {
    service::workspace_for(chosen, progress.practice.workspace.as_deref())
}

/// The exercise named by `id` (its id, or its number in the list), or the first not done.
pub fn find(course: &Course, id: Option<&str>, progress: &Progress) -> Result<usize, String> {
    let Some(id) = id else {
        return Ok(course.exercises.iter().position(|e| !progress.practice.done.contains(&e.id)).unwrap_or(0));
    };
    let by_number = id.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).filter(|&n| n < course.exercises.len());
    by_number
        .or_else(|| course.exercises.iter().position(|e| e.id == id))
        .ok_or_else(|| format!("no exercise `{}`; `status-tutor practice list` shows them", printable(id)))
}

/// `practice list`: every exercise, done or not, with its file.
pub fn list(
    course: &Course,
    progress: &Progress,
    workspace: &Workspace,
    paint: Paint,
    out: &mut impl Write,
) -> io::Result<()> {
    let done = course.exercises.iter().filter(|e| progress.practice.done.contains(&e.id)).count();
    writeln!(out, "{}", paint.bold(&format!("Practice: {done}/{} done", course.exercises.len())))?;
    writeln!(out, "{}", paint.dim(&format!("workspace: {}", printable(&workspace.root().display().to_string()))))?;
    let files = service::file_hashes(workspace, &course.exercises);
    for (n, exercise) in course.exercises.iter().enumerate() {
        let state = if progress.practice.done.contains(&exercise.id) { "done" } else { "todo" };
        let last = progress.practice.checks.get(&exercise.id);
        let now = match standing(last, files.get(&exercise.id).map(String::as_str), true) {
            Standing::Unchecked => String::new(),
            other => format!("  [{}]", other.word()),
        };
        let (level, title, id) = (exercise.difficulty.label(), printable(&exercise.title), printable(&exercise.id));
        writeln!(out, "  {:>2}. {state}  {level:<7}  {title}{now}  {}", n + 1, paint.dim(&format!("({id})")))?;
    }
    Ok(())
}

/// What `practice check` found, and its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Every check passes: exit 0.
    Pass,
    /// Checks fail (a load error, a timeout, the learner's code ending the run included): exit 1.
    Fail,
    /// The checks could not run (no Python, no Django, the checker broken): exit 2.
    Environment,
}

impl Verdict {
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Pass => 0,
            Verdict::Fail => 1,
            Verdict::Environment => 2,
        }
    }
}

/// `practice check`: runs one exercise's checks and prints one line per check (or JSON).
pub fn check(
    course: &Course,
    index: usize,
    workspace: &Workspace,
    python: &Path,
    as_json: bool,
    out: &mut impl Write,
) -> Result<Verdict, String> {
    let exercise = course.exercises.get(index).ok_or("this course has no exercises")?;
    let file = service::learner_file(workspace, index, exercise);
    let job = service::job_for(workspace, python, index, exercise);
    // The checker is in a session of its own: a signal to this process (Ctrl-C included)
    // must stop it here.
    crate::practice::process::stop_runs_on_signals();
    let result = runner::run_checker(&job, runner::TIMEOUT, &AtomicBool::new(false));
    let passed = result.as_ref().is_ok_and(|r| all_passed(r, exercise.verdicts()));
    let verdict = match &result {
        _ if passed => Verdict::Pass,
        Ok(_) | Err(RunError::Timeout | RunError::LearnerExit(_) | RunError::Cancelled) => Verdict::Fail,
        Err(RunError::DjangoMissing(_) | RunError::NoPython(_) | RunError::Checker(_)) => Verdict::Environment,
    };
    let write = |out: &mut dyn Write| -> io::Result<()> {
        if as_json {
            let value = match &result {
                Ok(report) => json!({
                    "exercise": exercise.id, "file": file, "passed": passed, "error": null,
                    "load_error": report.load_error.as_ref().map(|f| format!("{}: {}", f.kind, f.message)),
                    "checks": report.checks.iter().map(|c| json!({
                        "index": c.index, "request": c.request, "passed": c.passed, "status": c.status,
                        "differences": c.differences,
                        "exception": c.exception.as_ref().map(|f| format!("{}: {}", f.kind, f.message)),
                        "tests": c.tests.as_ref().map(|t| json!({"ran": t.ran, "failed": t.failed})),
                        "chosen": c.chosen.as_ref().map(|k| json!({"status": k.status, "why": k.why})),
                    })).collect::<Vec<_>>(),
                    "output": report.output,
                }),
                Err(error) => json!({"exercise": exercise.id, "file": file, "passed": false,
                    "error": error_text(error, python, workspace), "checks": []}),
            };
            return writeln!(out, "{value}");
        }
        writeln!(out, "{}. {}  ({})", index + 1, exercise.title, printable(&file.display().to_string()))?;
        let report = match &result {
            Ok(report) => report,
            Err(error) => return writeln!(out, "ERROR {}", printable(&error_text(error, python, workspace))),
        };
        if let Some(failure) = &report.load_error {
            // The reason alone: no check ran, so listing them would only bury it.
            write_error(out, "ERROR your file does not load:", "      ", failure)?;
            return writeln!(out, "None of the {} checks ran.", exercise.verdicts());
        }
        for i in 0..exercise.verdicts() {
            let result = report.checks.iter().find(|c| c.index == i);
            let text = verdict_text(exercise, i, result);
            let chosen =
                result.and_then(|r| chosen_text(exercise, r)).map(|c| format!("\n       {c}")).unwrap_or_default();
            match result {
                Some(r) if r.passed => writeln!(out, "PASS {text}{chosen}")?,
                Some(r) => {
                    writeln!(out, "FAIL {text}{chosen}")?;
                    for difference in &r.differences {
                        writeln!(out, "       - {}", printable(difference))?;
                    }
                    if let Some(failure) = &r.exception {
                        write_error(out, "       exception", "         ", failure)?;
                    }
                }
                None => writeln!(out, "SKIP {text} (not run)")?,
            }
        }
        let total = exercise.verdicts();
        let fails = total - report.checks.iter().filter(|c| c.passed).count().min(total);
        if passed {
            writeln!(out, "All {total} checks pass.")
        } else {
            writeln!(out, "{fails} of {total} checks fail.")
        }
    };
    write(out).map_err(|e| e.to_string())?;
    Ok(verdict)
}

/// A Python error: `label` then its kind and message, and its frames under `indent`.
fn write_error(out: &mut dyn Write, label: &str, indent: &str, failure: &PyError) -> io::Result<()> {
    writeln!(out, "{label} {}", printable(&format!("{}: {}", failure.kind, failure.message)))?;
    for frame in &failure.frames {
        let line = format!("line {} in {}: {}", frame.line, frame.function, frame.text.trim());
        writeln!(out, "{indent}{}", printable(&line))?;
    }
    Ok(())
}

/// A run error as one line for the learner.
pub fn error_text(error: &RunError, python: &Path, workspace: &Workspace) -> String {
    service::run_error_text(error, python, workspace, runner::TIMEOUT, Remedy::Command)
}
