//! Running the checker off the UI thread, with a timeout and cancellation (a newer save
//! replaces a run still going). A run goes to the warm server (warm.rs) when it can, else
//! to a fresh `<python> -m status_tutor_checker` (a cold run, [`run_checker`]). Either way
//! the checker runs in a session of its own and its process group dies with the run
//! (process.rs), and its files are checked against the shipped ones first.
use super::checker_files::{CHECKER_FILES, CHECKER_VERSION};
use super::process::{self, Group, RunFiles};
use super::report::Report;
use super::warm::WarmPool;
use super::workspace::Workspace;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A view gets this long to answer every check before the run is stopped.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often a waiting run looks at its process and its cancel flag.
pub(super) const POLL: Duration = Duration::from_millis(2);

/// The line the checker writes to its log when the learner's code ends the process.
const LEARNER_EXIT: &str = "learner-exit:";

/// Names one run, so a result that arrives after a newer run started is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RunId(pub u64);

/// Why a run has no report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// The view did not answer in time (the run was stopped).
    Timeout,
    /// Stopped because a newer run replaced it.
    Cancelled,
    /// The interpreter has no Django: the message the checker gave.
    DjangoMissing(String),
    /// The interpreter could not be started.
    NoPython(String),
    /// The learner's code ended the checker's process (`os._exit`, a signal): what happened.
    LearnerExit(String),
    /// The checker itself failed (a crash, or output that is not a report).
    Checker(String),
}

pub type RunResult = Result<Report, RunError>;

/// One run's input: which interpreter, in which workspace, with which job JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub python: PathBuf,
    pub workspace: PathBuf,
    pub json: String,
}

/// Starts runs and delivers their results later. Behind a trait so the practice state
/// machine can be tested with a fake that answers at once.
pub trait Runner {
    /// Starts a run; the result arrives through the channel the runner was made with,
    /// tagged `run`.
    fn start(&mut self, run: RunId, job: Job);
    /// Stops `run` if it is still going; its result then is `Cancelled` (and stale anyway).
    fn cancel(&mut self, run: RunId);
    /// Gets ready for runs with this interpreter and workspace (`job.json` is unused), so
    /// the first one is as quick as the next. Optional.
    fn prepare(&mut self, _job: Job) {}
}

/// Where results go: the app's event channel, wrapped by the caller.
pub type Deliver = Arc<dyn Fn(RunId, RunResult) + Send + Sync>;

/// The real runner: one thread per run, the warm server when it can.
pub struct ProcessRunner {
    pub timeout: Duration,
    deliver: Deliver,
    /// The cancel flag of each run still going (a run's thread holds the only strong
    /// reference) and its thread, joined on drop so no checker outlives the tutorial.
    runs: HashMap<RunId, (Weak<AtomicBool>, JoinHandle<()>)>,
    /// None: every run is cold (`ProcessRunner::cold`).
    warm: Option<Arc<WarmPool>>,
    /// The thread starting the warm server ahead of the first run.
    warming: Option<JoinHandle<()>>,
}

impl ProcessRunner {
    /// Runs go to a warm server, started on the first run (and again whenever the
    /// interpreter or the checker's files change).
    pub fn new(deliver: Deliver) -> ProcessRunner {
        let warm = Some(Arc::new(WarmPool::default()));
        ProcessRunner { timeout: TIMEOUT, deliver, runs: HashMap::new(), warm, warming: None }
    }

    /// Every run starts its own Python (no server).
    pub fn cold(deliver: Deliver) -> ProcessRunner {
        ProcessRunner { timeout: TIMEOUT, deliver, runs: HashMap::new(), warm: None, warming: None }
    }
}

impl Runner for ProcessRunner {
    fn start(&mut self, run: RunId, job: Job) {
        self.runs.retain(|_, (flag, _)| flag.strong_count() > 0); // forget runs that ended
        let cancelled = Arc::new(AtomicBool::new(false));
        let flag = Arc::downgrade(&cancelled);
        let timeout = self.timeout;
        let deliver = Arc::clone(&self.deliver);
        let warm = self.warm.clone();
        let spawned = std::thread::Builder::new().name(format!("practice run {}", run.0)).spawn(move || {
            let warm_result = warm.and_then(|pool| pool.run(&job, timeout, &cancelled));
            let result = warm_result.unwrap_or_else(|| run_checker(&job, timeout, &cancelled));
            drop(cancelled);
            deliver(run, result);
        });
        match spawned {
            Ok(thread) => {
                self.runs.insert(run, (flag, thread));
            }
            Err(e) => (self.deliver)(run, Err(RunError::Checker(format!("could not start a thread: {e}")))),
        }
    }

    fn cancel(&mut self, run: RunId) {
        if let Some(flag) = self.runs.get(&run).and_then(|(f, _)| f.upgrade()) {
            flag.store(true, Ordering::Relaxed);
        }
    }

    fn prepare(&mut self, job: Job) {
        let Some(pool) = self.warm.clone() else { return };
        if self.warming.as_ref().is_some_and(|t| !t.is_finished()) {
            return;
        }
        self.warming =
            std::thread::Builder::new().name("practice warm-up".into()).spawn(move || pool.warm_up(&job)).ok();
    }
}

impl Drop for ProcessRunner {
    /// Quitting stops the runs still going (an endless view would otherwise keep its
    /// Python busy after the tutorial is gone), then the warm server (its own drop).
    fn drop(&mut self) {
        if let Some(pool) = &self.warm {
            pool.close();
        }
        for (flag, _) in self.runs.values() {
            if let Some(flag) = flag.upgrade() {
                flag.store(true, Ordering::Relaxed);
            }
        }
        for (_, (_, thread)) in self.runs.drain() {
            let _ = thread.join();
        }
        if let Some(thread) = self.warming.take() {
            let _ = thread.join();
        }
    }
}

/// Puts back any checker file that is missing or not the shipped one (learner code can
/// write there), before every run: a tampering never outlives one run. Returns whether
/// files were written.
pub fn verify_checker(job: &Job) -> Result<bool, RunError> {
    Workspace::new(&job.workspace)
        .install_checker(CHECKER_FILES, CHECKER_VERSION)
        .map_err(|e| RunError::Checker(format!("cannot install the checker in {}: {e}", job.workspace.display())))
}

/// The environment every checker process gets (cold or the warm server).
pub(super) fn checker_command(job: &Job) -> Command {
    let mut command = Command::new(&job.python);
    command
        .args(["-m", "status_tutor_checker"])
        .current_dir(&job.workspace)
        .env("PYTHONPATH", job.workspace.join(".status-tutor").join("checker"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null());
    command
}

/// Runs the checker once in a fresh Python and waits for it to exit, the timeout or the
/// cancel flag, whichever comes first. Blocking: call it on a thread of its own (or from
/// the CLI).
pub fn run_checker(job: &Job, timeout: Duration, cancel: &AtomicBool) -> RunResult {
    verify_checker(job)?;
    let files = RunFiles::new(&job.json).map_err(|e| RunError::Checker(format!("cannot write the job: {e}")))?;
    let log = std::fs::File::create(files.log()).map_err(|e| RunError::Checker(format!("cannot make a log: {e}")))?;
    let log_too = log.try_clone().map_err(|e| RunError::Checker(e.to_string()))?;
    let mut command = checker_command(job);
    command.arg("--job").arg(files.job()).arg("--report").arg(files.report()).stdout(log).stderr(log_too);
    let mut child = command.spawn().map_err(|e| RunError::NoPython(format!("{}: {e}", job.python.display())))?;
    let group = Group::new(child.id());
    let deadline = Instant::now() + timeout;
    let stopped = loop {
        if process::has_exited(child.id()) {
            break None;
        }
        if cancel.load(Ordering::Relaxed) {
            break Some(RunError::Cancelled);
        }
        if Instant::now() >= deadline {
            break Some(RunError::Timeout);
        }
        std::thread::sleep(POLL);
    };
    drop(group); // the whole group dies while the checker's pid is still reserved
    let status = child.wait().map_err(|e| RunError::Checker(e.to_string()))?;
    if let Some(error) = stopped {
        return Err(error);
    }
    interpret(exit_code(status), &files)
}

/// The exit code, or minus the signal that ended the process.
fn exit_code(status: std::process::ExitStatus) -> i32 {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return -signal;
    }
    status.code().unwrap_or(-1)
}

/// A finished checker's result from its exit `code` (negative: a signal) and its files.
pub(super) fn interpret(code: i32, files: &RunFiles) -> RunResult {
    let log = files.log_tail();
    if let Some(rest) = log.lines().find_map(|l| l.strip_prefix("django-missing:")) {
        return Err(RunError::DjangoMissing(rest.trim().to_string()));
    }
    let report = files.read_report();
    if code == 0
        && let Some(Ok(text)) = &report
    {
        return Report::parse(text).map_err(|e| RunError::Checker(e.to_string()));
    }
    // Before "no report": `os._exit(0)` in the learner's code ends the run with status 0.
    if let Some(rest) = log.lines().rev().find_map(|l| l.strip_prefix(LEARNER_EXIT)) {
        return Err(RunError::LearnerExit(rest.trim().to_string()));
    }
    if code == 0 {
        return Err(RunError::Checker(match report {
            Some(_) => format!("the checker's report is larger than {} KB", process::REPORT_CAP >> 10),
            None => format!("the checker wrote no report: {}", last_line(&log)),
        }));
    }
    if code < 0 {
        return Err(RunError::LearnerExit(format!(
            "the run was ended by signal {} (your code's os.kill, or a crash in C code it called)",
            -code
        )));
    }
    Err(RunError::Checker(format!("the checker failed (exit status {code}): {}", last_line(&log))))
}

/// The log's last line (a traceback's says what went wrong), at most 300 characters.
fn last_line(log: &str) -> String {
    let line = log.lines().rev().map(str::trim).find(|l| !l.is_empty()).unwrap_or("no message");
    line.chars().take(300).collect()
}
