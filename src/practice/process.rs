//! The checker's processes: what this program promises about them (docs/practice.md, "The
//! checker's processes").
//!
//! - Each checker runs in a session of its own: no controlling terminal (the learner's
//!   code cannot write to the tutorial's screen or read its keys), stdin from /dev/null,
//!   stdout and stderr into a log file, and its own process group. (The checker calls
//!   setsid itself, first thing: this crate has no unsafe code for a `pre_exec`.)
//! - A run ends when the checker exits (not when its output closes: a learner's child
//!   process may hold that open), and then its whole process group is killed, while the
//!   checker's pid is still reserved (it is reaped after), so no other process is hit.
//! - Every live group is listed here, so a signal that ends status-tutor stops them all.
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The most of a report that is read (it is a few KB: the checker caps the learner's
/// output and each body itself), and how much of the log's end is kept.
pub const REPORT_CAP: u64 = 1 << 20;
const LOG_TAIL: u64 = 16 << 10;

/// What a registered process is, for stopping it on the way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run's process group: killed outright.
    Group,
    /// A warm server: SIGTERM, on which it kills its running child's group, then exits.
    Server,
}

static LIVE: Mutex<Vec<(i32, Kind)>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<(i32, Kind)>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A run's process group (led by `pid`), listed while this lives; dropping it kills the
/// group. Create it only while the leader's pid is still reserved (alive or not reaped).
pub struct Group(i32);

impl Group {
    pub fn new(pid: u32) -> Group {
        let pid = pid as i32;
        live().push((pid, Kind::Group));
        Group(pid)
    }

    /// Kills the group now, and the leader itself (a forked child may not have made its
    /// group yet); it stays listed until dropped.
    pub fn kill_now(&self) {
        sys::kill_group(self.0);
        sys::kill(self.0);
    }

    /// Unlists the group without killing it: someone else (the warm server) already did,
    /// and its leader's pid may be free again.
    pub fn release(self) {
        unlist(self.0);
        std::mem::forget(self);
    }
}

fn unlist(pid: i32) {
    live().retain(|&(p, kind)| (p, kind) != (pid, Kind::Group));
}

impl Drop for Group {
    fn drop(&mut self) {
        sys::kill_group(self.0);
        sys::kill(self.0); // a leader that had no group of its own yet
        unlist(self.0);
    }
}

/// Lists a warm server for [`stop_all`]; the server itself stops on its own drop.
pub(super) fn register_server(pid: u32) {
    live().push((pid as i32, Kind::Server));
}

pub(super) fn unregister_server(pid: u32) {
    live().retain(|&entry| entry != (pid as i32, Kind::Server));
}

/// Stops every run and warm server still going. For the ways out that skip destructors:
/// a signal, a panic. Safe to call from any thread, any number of times.
pub fn stop_all() {
    let entries: Vec<(i32, Kind)> = match LIVE.try_lock() {
        Ok(guard) => guard.clone(),
        // A panic while the list was held: it is still readable.
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().clone(),
        // Held by a thread now (briefly): wait for it.
        Err(std::sync::TryLockError::WouldBlock) => live().clone(),
    };
    for (pid, kind) in entries {
        match kind {
            Kind::Group => sys::kill_group(pid),
            Kind::Server => sys::terminate(pid),
        }
    }
}

/// For `practice check`: SIGTERM, SIGHUP and SIGINT (Ctrl-C no longer reaches a checker
/// in its own session) stop the runs, then exit with 128 + the signal.
pub fn stop_runs_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else { return };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop_all();
            std::process::exit(128 + signal);
        }
    });
}

/// Whether the child `pid` has exited, without reaping it (its pid stays reserved).
pub fn has_exited(pid: u32) -> bool {
    sys::has_exited(pid as i32)
}

/// A run's files in a fresh temporary folder: the job, the report, the log. Removed on drop.
pub struct RunFiles {
    dir: tempfile::TempDir,
}

impl RunFiles {
    pub fn new(job_json: &str) -> std::io::Result<RunFiles> {
        let dir = tempfile::Builder::new().prefix("status-tutor-run").tempdir()?;
        std::fs::write(dir.path().join("job.json"), job_json)?;
        Ok(RunFiles { dir })
    }

    pub fn job(&self) -> PathBuf {
        self.dir.path().join("job.json")
    }

    pub fn report(&self) -> PathBuf {
        self.dir.path().join("report.json")
    }

    pub fn log(&self) -> PathBuf {
        self.dir.path().join("log")
    }

    /// The report, if the checker wrote one: `Err` when it is larger than [`REPORT_CAP`].
    pub fn read_report(&self) -> Option<Result<String, ()>> {
        let file = File::open(self.report()).ok()?;
        let mut text = String::new();
        let read = file.take(REPORT_CAP + 1).read_to_string(&mut text);
        match read {
            Ok(n) if n as u64 > REPORT_CAP => Some(Err(())),
            Ok(_) => Some(Ok(text)),
            Err(_) => Some(Ok(String::from_utf8_lossy(&std::fs::read(self.report()).unwrap_or_default()).into())),
        }
    }

    /// The end of the log (the checker's stderr and stdout), as text.
    pub fn log_tail(&self) -> String {
        tail(&self.log()).unwrap_or_default()
    }
}

fn tail(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(LOG_TAIL)))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(unix)]
mod sys {
    use rustix::process::{Pid, Signal, WaitId, WaitIdOptions, kill_process, kill_process_group, waitid};

    // Errors (ESRCH: already gone) are ignored: the aim is that the process is gone.
    pub fn kill_group(pid: i32) {
        if let Some(pid) = Pid::from_raw(pid) {
            let _ = kill_process_group(pid, Signal::KILL);
        }
    }

    pub fn kill(pid: i32) {
        if let Some(pid) = Pid::from_raw(pid) {
            let _ = kill_process(pid, Signal::KILL);
        }
    }

    pub fn terminate(pid: i32) {
        if let Some(pid) = Pid::from_raw(pid) {
            let _ = kill_process(pid, Signal::TERM);
        }
    }

    pub fn has_exited(pid: i32) -> bool {
        let Some(pid) = Pid::from_raw(pid) else { return true };
        // WNOWAIT leaves the child waitable (a zombie, its pid reserved) for `Child::wait`.
        let options = WaitIdOptions::EXITED | WaitIdOptions::NOHANG | WaitIdOptions::NOWAIT;
        // An error (ECHILD: not our child any more) counts as exited.
        !matches!(waitid(WaitId::Pid(pid), options), Ok(None))
    }
}

#[cfg(not(unix))]
mod sys {
    pub fn kill_group(_: i32) {}
    pub fn kill(_: i32) {}
    pub fn terminate(_: i32) {}
    pub fn has_exited(_: i32) -> bool {
        true
    }
}
