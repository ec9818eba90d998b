//! Running the checker: `<python> -m status_tutor_checker` in the workspace, the job on
//! stdin, the report on stdout. Off the UI thread, with a timeout, a cap on what is read,
//! and cancellation (a newer save replaces a run still going).
use super::report::Report;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A view gets this long to answer every check before the run is stopped.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The most of the checker's stdout that is read (its report is a few KB: it caps the
/// learner's output and each body itself); stderr keeps less.
const STDOUT_CAP: usize = 1 << 20;
const STDERR_CAP: usize = 16 << 10;

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
}

/// Where results go: the app's event channel, wrapped by the caller.
pub type Deliver = Arc<dyn Fn(RunId, RunResult) + Send + Sync>;

/// The real runner: one thread and one Python process per run.
pub struct ProcessRunner {
    pub timeout: Duration,
    deliver: Deliver,
    /// The cancel flag of each run still going (a run's thread holds the only strong
    /// reference) and its thread, joined on drop so no checker outlives the tutorial.
    runs: HashMap<RunId, (Weak<AtomicBool>, JoinHandle<()>)>,
}

impl ProcessRunner {
    pub fn new(deliver: Deliver) -> ProcessRunner {
        ProcessRunner { timeout: TIMEOUT, deliver, runs: HashMap::new() }
    }
}

impl Runner for ProcessRunner {
    fn start(&mut self, run: RunId, job: Job) {
        self.runs.retain(|_, (flag, _)| flag.strong_count() > 0); // forget runs that ended
        let cancelled = Arc::new(AtomicBool::new(false));
        let flag = Arc::downgrade(&cancelled);
        let timeout = self.timeout;
        let deliver = Arc::clone(&self.deliver);
        let spawned = std::thread::Builder::new().name(format!("practice run {}", run.0)).spawn(move || {
            let result = run_checker(&job, timeout, &cancelled);
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
}

impl Drop for ProcessRunner {
    /// Quitting stops the runs still going (an endless view would otherwise keep its
    /// Python busy after the tutorial is gone); each stops within one check interval.
    fn drop(&mut self) {
        for (flag, _) in self.runs.values() {
            if let Some(flag) = flag.upgrade() {
                flag.store(true, Ordering::Relaxed);
            }
        }
        for (_, (_, thread)) in self.runs.drain() {
            let _ = thread.join();
        }
    }
}

enum Piece {
    Stdout(Vec<u8>, bool),
    Stderr(Vec<u8>),
}

/// Runs the checker once and waits for its report, the timeout or the cancel flag,
/// whichever comes first. Blocking: call it on a thread of its own (or from the CLI).
pub fn run_checker(job: &Job, timeout: Duration, cancel: &AtomicBool) -> RunResult {
    let (python, workspace) = (&job.python, &job.workspace);
    let mut child = Command::new(python)
        .args(["-m", "status_tutor_checker"])
        .current_dir(workspace)
        .env("PYTHONPATH", workspace.join(".status-tutor").join("checker"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| RunError::NoPython(format!("{}: {e}", python.display())))?;
    let deadline = Instant::now() + timeout;
    let (tx, rx) = mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let (bytes, whole) = read_capped(stdout, STDOUT_CAP);
            let _ = tx.send(Piece::Stdout(bytes, whole));
        });
    }
    if let Some(stderr) = child.stderr.take() {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(Piece::Stderr(read_capped(stderr, STDERR_CAP).0));
        });
    }
    drop(tx);
    if let Some(mut stdin) = child.stdin.take() {
        // A checker that exits before reading its job is reported from its exit status.
        let _ = stdin.write_all(job.json.as_bytes());
    }
    let (mut stdout, mut stderr, mut whole) = (None, None, true);
    while stdout.is_none() || stderr.is_none() {
        let left = deadline.saturating_duration_since(Instant::now());
        if cancel.load(Ordering::Relaxed) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(RunError::Cancelled);
        }
        // Wake up now and then to look at the cancel flag; results come at once.
        match rx.recv_timeout(left.min(Duration::from_millis(50))) {
            Ok(Piece::Stdout(bytes, all)) => {
                stdout = Some(bytes);
                whole = all;
            }
            Ok(Piece::Stderr(bytes)) => stderr = Some(bytes),
            Err(RecvTimeoutError::Timeout) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Timeout);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait().map_err(|e| RunError::Checker(e.to_string()))?;
    let stdout = stdout.unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr.unwrap_or_default()).trim().to_string();
    if let Some(rest) = stderr.lines().find_map(|l| l.strip_prefix("django-missing:")) {
        return Err(RunError::DjangoMissing(rest.trim().to_string()));
    }
    if !status.success() {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
        return Err(RunError::Checker(format!("the checker failed ({status}): {last}")));
    }
    if !whole {
        return Err(RunError::Checker(format!("the checker's report is larger than {} KB", STDOUT_CAP >> 10)));
    }
    Report::parse(&String::from_utf8_lossy(&stdout)).map_err(|e| RunError::Checker(e.to_string()))
}

/// Reads up to `cap` bytes, then keeps draining (so the writer never blocks on a full
/// pipe) and returns whether everything fit.
fn read_capped(mut source: impl Read, cap: usize) -> (Vec<u8>, bool) {
    let mut kept = Vec::new();
    let _ = source.by_ref().take(cap as u64).read_to_end(&mut kept);
    let extra = std::io::copy(&mut source, &mut std::io::sink()).unwrap_or(0);
    (kept, extra == 0)
}
