//! `status-tutor practice list|check|reset`: practice without the full-screen interface
//! (scripts, CI, screen readers). Writes to any `Write`.
use super::paint::Paint;
use crate::content::Course;
use crate::practice::checker_files::{CHECKER_FILES, CHECKER_VERSION};
use crate::practice::describe::verdict_text;
use crate::practice::report::PyError;
use crate::practice::runner::{self, Job, RunError};
use crate::practice::session::all_passed;
use crate::practice::workspace::{self, Workspace};
use crate::practice::{job, python};
use crate::progress::Progress;
use crate::sanitize::printable;
use serde_json::json;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// `--workspace`, else the one remembered in progress, else `./status-tutor-practice`.
pub fn workspace_for(chosen: Option<&Path>, progress: &Progress) -> Workspace {
    let remembered = progress.practice.workspace.as_deref().map(Path::new);
    Workspace::new(chosen.or(remembered).unwrap_or(Path::new(workspace::DEFAULT_DIR)))
}

/// Creates the workspace's missing files and the checker. Never overwrites an exercise file.
pub fn prepare(workspace: &Workspace, course: &Course) -> Result<(), String> {
    workspace
        .create(&course.exercises)
        .and_then(|_| workspace.install_checker(CHECKER_FILES, CHECKER_VERSION))
        .map(|_| ())
        .map_err(|e| format!("cannot prepare the workspace {}: {e}", workspace.root().display()))
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
    for (n, exercise) in course.exercises.iter().enumerate() {
        let state = if progress.practice.done.contains(&exercise.id) { "done" } else { "todo" };
        writeln!(out, "  {:>2}. {state}  {}  {}", n + 1, exercise.title, paint.dim(&format!("({})", exercise.id)))?;
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
    let file = workspace.file_for(index + 1, &exercise.id);
    let job = Job {
        python: python.to_path_buf(),
        workspace: workspace.root().to_path_buf(),
        json: job::job_json(exercise, &file),
    };
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
                    })).collect::<Vec<_>>(),
                    "output": report.output,
                }),
                Err(error) => json!({"exercise": exercise.id, "file": file, "passed": false,
                    "error": error_text(error, python), "checks": []}),
            };
            return writeln!(out, "{value}");
        }
        writeln!(out, "{}. {}  ({})", index + 1, exercise.title, printable(&file.display().to_string()))?;
        let report = match &result {
            Ok(report) => report,
            Err(error) => return writeln!(out, "ERROR {}", printable(&error_text(error, python))),
        };
        if let Some(failure) = &report.load_error {
            // The reason alone: no check ran, so listing them would only bury it.
            write_error(out, "ERROR your file does not load:", "      ", failure)?;
            return writeln!(out, "None of the {} checks ran.", exercise.verdicts());
        }
        for i in 0..exercise.verdicts() {
            let result = report.checks.iter().find(|c| c.index == i);
            let text = verdict_text(exercise, i, result);
            match result {
                Some(r) if r.passed => writeln!(out, "PASS {text}")?,
                Some(r) => {
                    writeln!(out, "FAIL {text}")?;
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

/// A run error as one line for the learner.
/// A Python error: `label` then its kind and message, and its frames under `indent`.
fn write_error(out: &mut dyn Write, label: &str, indent: &str, failure: &PyError) -> io::Result<()> {
    writeln!(out, "{label} {}", printable(&format!("{}: {}", failure.kind, failure.message)))?;
    for frame in &failure.frames {
        let line = format!("line {} in {}: {}", frame.line, frame.function, frame.text.trim());
        writeln!(out, "{indent}{}", printable(&line))?;
    }
    Ok(())
}

pub fn error_text(error: &RunError, python: &Path) -> String {
    match error {
        RunError::Timeout => "your view did not answer in 10 s: infinite loop? (the run was stopped)".to_string(),
        RunError::Cancelled => "the run was cancelled".to_string(),
        RunError::DjangoMissing(detail) => format!(
            "Django {} is missing for {} ({detail}); run `status-tutor practice setup`",
            python::pinned_django(),
            python.display()
        ),
        RunError::NoPython(detail) => {
            format!("Python could not start ({detail}); install Python 3.10+ or pass --python")
        }
        RunError::LearnerExit(detail) => format!("your code ended the run before it answered: {detail}"),
        RunError::Checker(detail) => format!("the checker failed: {detail}"),
    }
}
