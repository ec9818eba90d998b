//! The warm server: one `python -m status_tutor_checker --serve` that imported and set up
//! Django once and forks a fresh child per run (server.py), so a run costs a fork, not a
//! Python start and a Django set-up. The child is in a session of its own like a cold
//! checker, and its process group dies with the run. The server is restarted when the
//! interpreter or the checker's files change, and a run falls back to a cold checker
//! whenever the server cannot start or stops answering.
use super::process::{self, Group, RunFiles};
use super::runner::{Job, POLL, RunError, RunResult, checker_command, interpret, verify_checker};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

/// The longest a server may take to import and set up Django before it counts as broken.
const START_LIMIT: Duration = Duration::from_secs(30);
/// The longest the server may take to fork, or to report a stopped child gone.
const ANSWER_LIMIT: Duration = Duration::from_secs(5);

/// What a server was started for: a change to any of it means a new server.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    python: PathBuf,
    /// Size and time of the interpreter (the link and what it points to): a virtualenv
    /// made again, or another Python installed under the same name.
    stamp: [Option<(u64, SystemTime)>; 2],
    workspace: PathBuf,
}

impl Key {
    fn of(job: &Job) -> Key {
        let stamp = |m: std::io::Result<std::fs::Metadata>| m.ok().and_then(|m| Some((m.len(), m.modified().ok()?)));
        Key {
            python: job.python.clone(),
            stamp: [stamp(std::fs::symlink_metadata(&job.python)), stamp(std::fs::metadata(&job.python))],
            workspace: job.workspace.clone(),
        }
    }
}

/// At most one server, shared by the runs (one at a time: a run holds it while it goes).
#[derive(Default)]
pub struct WarmPool {
    server: Mutex<Option<Server>>,
    /// A server for this key could not start: cold runs until the key changes.
    broken: Mutex<Option<Key>>,
    /// Set when the runner goes: a server still starting gives up.
    closing: AtomicBool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl WarmPool {
    /// Runs `job` in a child of the server; None when it cannot (then run it cold).
    pub fn run(&self, job: &Job, timeout: Duration, cancel: &AtomicBool) -> Option<RunResult> {
        let mut slot = match self.ready(job) {
            Ok(slot) => slot,
            Err(error) => return error.map(Err),
        };
        // A run cancelled while the server started: the server stays, for the next run.
        if cancel.load(Ordering::Relaxed) {
            return Some(Err(RunError::Cancelled));
        }
        let server = slot.as_mut()?;
        let files = RunFiles::new(&job.json).ok()?;
        match server.run(&files, timeout, cancel) {
            Ok(Ok(code)) => Some(interpret(code, &files)),
            Ok(Err(stopped)) => Some(Err(stopped)),
            Err(()) => {
                *slot = None;
                None
            }
        }
    }

    /// Starts the server for `job`'s interpreter and workspace ahead of the first run (the
    /// practice screen opened), so that run is warm too.
    pub fn warm_up(&self, job: &Job) {
        drop(self.ready(job));
    }

    /// Gives up on a server still starting (the runner is going).
    pub fn close(&self) {
        self.closing.store(true, Ordering::Relaxed);
    }

    /// The checker's files verified, and the server for them and this interpreter running
    /// (held locked); else the run's error (`None`: run it cold).
    fn ready(&self, job: &Job) -> Result<MutexGuard<'_, Option<Server>>, Option<RunError>> {
        let rewritten = verify_checker(job).map_err(Some)?;
        let key = Key::of(job);
        let mut slot = lock(&self.server);
        // A server that imported other checker files, or another Python, must go.
        if rewritten || slot.as_mut().is_some_and(|s| s.key != key || s.exited()) {
            *slot = None;
        }
        if slot.is_none() {
            if lock(&self.broken).as_ref() == Some(&key) && !rewritten {
                return Err(None);
            }
            match Server::start(key.clone(), job, &self.closing) {
                Ok(server) => *slot = Some(server),
                Err(Some(error)) => return Err(Some(error)),
                Err(None) => {
                    *lock(&self.broken) = Some(key);
                    return Err(None);
                }
            }
        }
        Ok(slot)
    }
}

struct Server {
    key: Key,
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
}

impl Server {
    /// Starts a server and waits until it is ready. `Err(None)`: it cannot be (no Python,
    /// no Django: a cold run says why); `Err(Some(Cancelled))`: the runner is closing.
    fn start(key: Key, job: &Job, closing: &AtomicBool) -> Result<Server, Option<RunError>> {
        let mut command = checker_command(job);
        command.arg("--serve").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null());
        let mut child = command.spawn().map_err(|_| None)?;
        process::register_server(child.id());
        let (stdin, stdout) = (child.stdin.take(), child.stdout.take());
        let (tx, lines) = mpsc::channel();
        if let Some(stdout) = stdout {
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        let server = Server { key, child, stdin, lines };
        let started = Instant::now();
        loop {
            match server.lines.recv_timeout(POLL * 5) {
                Ok(line) if line == "ready" => return Ok(server),
                Ok(_) | Err(RecvTimeoutError::Disconnected) => return Err(None),
                Err(RecvTimeoutError::Timeout) if closing.load(Ordering::Relaxed) => {
                    return Err(Some(RunError::Cancelled));
                }
                Err(RecvTimeoutError::Timeout) if started.elapsed() > START_LIMIT => return Err(None),
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }

    fn exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }

    /// One run: its exit code, or why it was stopped; `Err(())` when the server failed.
    fn run(&mut self, files: &RunFiles, timeout: Duration, cancel: &AtomicBool) -> Result<Result<i32, RunError>, ()> {
        let request = serde_json::json!({
            "job": files.job(), "report": files.report(), "log": files.log(),
            // The server's own limit, should status-tutor be gone: a little later than ours.
            "timeout": timeout.as_secs_f64() + 2.0,
        });
        let stdin = self.stdin.as_mut().ok_or(())?;
        stdin.write_all(format!("{request}\n").as_bytes()).and_then(|()| stdin.flush()).map_err(|_| ())?;
        let pid = match self.lines.recv_timeout(ANSWER_LIMIT) {
            Ok(line) => line.strip_prefix("started ").and_then(|p| p.parse::<u32>().ok()).ok_or(())?,
            Err(_) => return Err(()),
        };
        let group = Group::new(pid);
        let exited = format!("exited {pid} ");
        let deadline = Instant::now() + timeout;
        let mut stopped: Option<(RunError, Instant)> = None;
        let code = loop {
            match self.lines.recv_timeout(POLL * 2) {
                Ok(line) => {
                    if let Some(code) = line.strip_prefix(&exited) {
                        break code.trim().parse::<i32>().unwrap_or(-1);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return Err(()),
                Err(RecvTimeoutError::Timeout) => match &stopped {
                    Some((_, when)) if when.elapsed() > ANSWER_LIMIT => return Err(()),
                    Some(_) => {}
                    None => {
                        let why = if cancel.load(Ordering::Relaxed) {
                            Some(RunError::Cancelled)
                        } else if Instant::now() >= deadline {
                            Some(RunError::Timeout)
                        } else {
                            None
                        };
                        if let Some(why) = why {
                            group.kill_now();
                            stopped = Some((why, Instant::now()));
                        }
                    }
                },
            }
        };
        // The server killed the group before it reaped the child: nothing to do here.
        group.release();
        Ok(match stopped {
            Some((why, _)) => Err(why),
            None => Ok(code),
        })
    }
}

impl Drop for Server {
    /// The end of its input stops the server (and a run still going); a server that
    /// does not go at once is killed.
    fn drop(&mut self) {
        drop(self.stdin.take());
        let until = Instant::now() + Duration::from_millis(500);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < until {
            std::thread::sleep(POLL);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        process::unregister_server(self.child.id());
    }
}
