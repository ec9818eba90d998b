//! A program run in its own 80x24 pseudo-terminal, its output gathered by a thread.
//!
//! Shared by `tests/e2e.rs` (as `mod support`) and `benches/startup.rs` (by `#[path]`).
//! Everything here is used by both; what only one of them needs stays in that file.

use std::error::Error;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;
/// How long any wait lasts before it gives up.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// ratatui hides the cursor once it has flushed a frame, so this marks a whole frame.
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

/// Output read from the pseudo-terminal, shared with the reader thread.
#[derive(Default)]
pub struct Output {
    pub bytes: Vec<u8>,
    /// The reader saw the end: every process holding the terminal closed it.
    pub closed: bool,
}

type Shared = Arc<(Mutex<Output>, Condvar)>;

fn lock(shared: &Shared) -> MutexGuard<'_, Output> {
    shared.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The running program, the writing end of its terminal and what it wrote so far.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Shared,
    reader: Option<JoinHandle<()>>,
}

/// The terminal's master side, which the caller keeps for as long as the session.
pub type Master = Box<dyn MasterPty + Send>;

impl Pty {
    /// Spawns `argv` in a terminal prepared beforehand, in `data_dir` and with it as
    /// `STATUS_TUTOR_DATA_DIR`; returns it, the master side and the moment of spawning.
    pub fn spawn(argv: &[&str], data_dir: &Path) -> Result<(Pty, Master, Instant), Box<dyn Error>> {
        Pty::spawn_with_env(argv, data_dir, &[])
    }

    /// [`Pty::spawn`] with more environment variables for the program.
    pub fn spawn_with_env(
        argv: &[&str],
        data_dir: &Path,
        env: &[(&str, &str)],
    ) -> Result<(Pty, Master, Instant), Box<dyn Error>> {
        let pair = native_pty_system().openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 })?;
        let mut cmd = CommandBuilder::from_argv(argv.iter().map(Into::into).collect());
        cmd.cwd(data_dir);
        cmd.env("STATUS_TUTOR_DATA_DIR", data_dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (name, value) in env {
            cmd.env(name, value);
        }
        let mut source = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let output: Shared = Arc::default();
        let sink = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            let mut buffer = [0u8; 16384];
            loop {
                let read = source.read(&mut buffer);
                let mut out = lock(&sink);
                match read {
                    Ok(n) if n > 0 => out.bytes.extend_from_slice(&buffer[..n]),
                    // EOF, or EIO once the child and its descendants closed the terminal.
                    _ => out.closed = true,
                }
                let closed = out.closed;
                drop(out);
                sink.1.notify_all();
                if closed {
                    return;
                }
            }
        });
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        // Only the child keeps the slave open, so the reader sees the end when it exits.
        drop(pair.slave);
        Ok((Pty { child, writer, output, reader: Some(reader) }, pair.master, started))
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// How many bytes the program wrote so far.
    pub fn len(&self) -> usize {
        lock(&self.output).bytes.len()
    }

    /// Everything the program wrote so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&lock(&self.output).bytes).into_owned()
    }

    pub fn send(&mut self, keys: &str) -> Result<(), Box<dyn Error>> {
        self.writer.write_all(keys.as_bytes())?;
        self.writer.flush()?;
        Ok(())
    }

    /// Waits until `done` holds for the output gathered so far and returns when it first
    /// did; after `TIMEOUT`, or at the end of the output, the error is the output as text.
    pub fn wait_until(&self, mut done: impl FnMut(&Output) -> bool) -> Result<Instant, String> {
        let deadline = Instant::now() + TIMEOUT;
        let mut out = lock(&self.output);
        loop {
            if done(&out) {
                return Ok(Instant::now());
            }
            let now = Instant::now();
            if now >= deadline || out.closed {
                return Err(String::from_utf8_lossy(&out.bytes).into_owned());
            }
            out = self.output.1.wait_timeout(out, deadline - now).unwrap_or_else(|p| p.into_inner()).0;
        }
    }

    /// Waits for the program to exit; `None` if it still ran after `TIMEOUT` (it is killed).
    pub fn wait_exit(&mut self) -> Result<Option<ExitStatus>, Box<dyn Error>> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(Some(status));
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Joins the reader thread, once the output is closed.
    pub fn join_reader(&mut self) -> Result<(), Box<dyn Error>> {
        if let Some(reader) = self.reader.take() {
            reader.join().map_err(|_| "the reader thread panicked")?;
        }
        Ok(())
    }
}

impl Drop for Pty {
    /// A failure leaves no program running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// The offset of the first `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
