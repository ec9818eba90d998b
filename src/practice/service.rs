//! What the command line (`practice check|list|reset|setup`) and the practice screen
//! share, so they cannot drift: which workspace, preparing it, remembering it, the job
//! for a run, what a finished check records, and how a run error reads.
use super::checker_files::{CHECKER_FILES, CHECKER_VERSION};
use super::runner::{Job, RunError};
use super::workspace::{self, Workspace};
use super::{job, python};
use crate::content::Exercise;
use crate::keys::{Action, Context, key_for};
use crate::progress::checks::file_hash;
use crate::progress::{CheckRecord, PracticeRecord, rfc3339_from_unix};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `--workspace`, else the one remembered in progress, else `./status-tutor-practice`.
pub fn workspace_for(chosen: Option<&Path>, remembered: Option<&str>) -> Workspace {
    let remembered = remembered.map(Path::new);
    Workspace::new(chosen.or(remembered).unwrap_or(Path::new(workspace::DEFAULT_DIR)))
}

/// Whether practice would fall back to `./status-tutor-practice`, nobody having chosen
/// a folder: the full screen asks before creating it there.
pub fn is_default(chosen: Option<&Path>, remembered: Option<&str>) -> bool {
    chosen.is_none() && remembered.is_none()
}

/// Creates the workspace's missing files and the checker. Never overwrites an exercise
/// file; safe while another process prepares the same workspace.
pub fn prepare(workspace: &Workspace, exercises: &[Exercise]) -> Result<(), String> {
    workspace
        .create(exercises)
        .and_then(|_| workspace.install_checker(CHECKER_FILES, CHECKER_VERSION))
        .map(|_| ())
        .map_err(|e| format!("cannot prepare the workspace {}: {e}", workspace.root().display()))
}

/// The path to remember for `workspace`, when it differs from the one `remembered`
/// (the next command, and the full screen, then find it).
pub fn to_remember(workspace: &Workspace, remembered: Option<&str>) -> Option<String> {
    workspace.root().to_str().filter(|path| remembered != Some(*path)).map(str::to_string)
}

/// The interpreter for the checks: `--python`, else the workspace's `.venv`, else python3.
pub fn python_for(explicit: Option<&Path>, workspace: &Workspace) -> PathBuf {
    python::find(explicit, workspace)
}

/// The learner's file of exercise `index` (0-based, lesson order).
pub fn learner_file(workspace: &Workspace, index: usize, exercise: &Exercise) -> PathBuf {
    workspace.file_for(index + 1, &exercise.id)
}

/// The run of exercise `index`'s checks on the learner's file.
pub fn job_for(workspace: &Workspace, python: &Path, index: usize, exercise: &Exercise) -> Job {
    let file = learner_file(workspace, index, exercise);
    Job {
        python: python.to_path_buf(),
        workspace: workspace.root().to_path_buf(),
        json: job::job_json(exercise, &file),
    }
}

/// What a check of `file` that `passed` (or not) at `now` (Unix seconds) leaves in
/// progress: the result, the time, and the file's hash (empty if it cannot be read).
pub fn check_record(file: &Path, passed: bool, now: u64) -> CheckRecord {
    let file = std::fs::read(file).map(|bytes| file_hash(&bytes)).unwrap_or_default();
    CheckRecord { passed, at: rfc3339_from_unix(now), file }
}

/// Remembers exercise `id`'s last check; a pass also marks it done (for good: done
/// means it passed once, the check says whether it passes now).
pub fn record_check(practice: &mut PracticeRecord, id: &str, record: CheckRecord) {
    if record.passed {
        practice.done.insert(id.to_owned());
    }
    practice.checks.insert(id.to_owned(), record);
}

/// The hash of each exercise's file in `workspace` now, by exercise id (a file that
/// cannot be read is left out): with [`crate::progress::checks::standing`], whether a
/// result still describes the file.
pub fn file_hashes(workspace: &Workspace, exercises: &[Exercise]) -> BTreeMap<String, String> {
    exercises
        .iter()
        .enumerate()
        .filter_map(|(index, exercise)| {
            let bytes = std::fs::read(learner_file(workspace, index, exercise)).ok()?;
            Some((exercise.id.clone(), file_hash(&bytes)))
        })
        .collect()
}

/// A job with no exercise: lets the runner start its warm checker for this workspace.
pub fn warm_job(workspace: &Workspace, python: &Path) -> Job {
    Job { python: python.to_path_buf(), workspace: workspace.root().to_path_buf(), json: String::new() }
}

/// How the learner sets Django up from where the error is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// The command line: run `status-tutor practice setup`.
    Command,
    /// The practice screen: press S.
    Key,
}

/// A run error as one sentence for the learner; a timeout names the runner's `timeout`.
pub fn run_error_text(
    error: &RunError,
    python: &Path,
    workspace: &Workspace,
    timeout: Duration,
    remedy: Remedy,
) -> String {
    match error {
        RunError::Timeout => {
            format!("Your view did not answer in {}: an infinite loop? The run was stopped.", seconds(timeout))
        }
        RunError::Cancelled => "Stopped.".to_string(),
        RunError::DjangoMissing(detail) => match remedy {
            Remedy::Command => format!(
                "Django {} is missing for {} ({detail}); run `status-tutor practice setup`.",
                python::pinned_django(),
                python.display()
            ),
            Remedy::Key => format!(
                "Django is missing: {detail}. Press {} to set it up now (a virtualenv in {}).",
                key_for(Context::Practice, Action::Setup),
                workspace.venv_dir().display()
            ),
        },
        RunError::NoPython(detail) => match remedy {
            Remedy::Command => format!("Python could not start ({detail}); install Python 3.10+ or pass --python."),
            Remedy::Key => {
                let setup = key_for(Context::Practice, Action::Setup);
                format!(
                    "Python could not start ({detail}). Install Python 3.10+, or press {setup} to set up a virtualenv."
                )
            }
        },
        RunError::LearnerExit(detail) => format!("Your code ended the run before it answered: {detail}."),
        RunError::Checker(detail) => format!("The checker failed: {detail}"),
    }
}

/// `10 s`, `1.5 s`, `250 ms`.
fn seconds(duration: Duration) -> String {
    match duration.as_millis() {
        ms if ms < 1000 => format!("{ms} ms"),
        ms if ms % 1000 == 0 => format!("{} s", ms / 1000),
        ms => format!("{:.1} s", ms as f64 / 1000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_names_the_runners_limit() {
        let ws = Workspace::new(Path::new("/ws"));
        let text = |t| run_error_text(&RunError::Timeout, Path::new("python3"), &ws, t, Remedy::Command);
        assert!(text(Duration::from_secs(10)).contains("did not answer in 10 s"));
        assert!(text(Duration::from_millis(1500)).contains("did not answer in 1.5 s"));
        assert!(text(Duration::from_millis(250)).contains("did not answer in 250 ms"));
    }

    #[test]
    fn a_workspace_is_remembered_only_when_it_changed() {
        let ws = workspace_for(Some(Path::new("/tmp/ws")), Some("/old"));
        assert_eq!(ws.root(), Path::new("/tmp/ws"));
        assert_eq!(to_remember(&ws, Some("/old")).as_deref(), Some("/tmp/ws"));
        assert_eq!(to_remember(&ws, Some("/tmp/ws")), None);
        assert_eq!(workspace_for(None, Some("/old")).root(), Path::new("/old"));
        assert!(is_default(None, None) && !is_default(None, Some("/old")));
    }
}
