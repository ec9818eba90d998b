//! Launch to the first complete frame, in an 80x24 pseudo-terminal, and peak memory.
//!
//! `cargo build --release && cargo bench --bench startup`. The binary measured is
//! `$STATUS_TUTOR_BIN`, or `target/release/status-tutor`; nothing is built here.
//! A launch's time runs from spawning the process to reading the welcome screen's whole
//! first frame: the status bar's last hint ("quit") and the cursor hide that ratatui sends
//! after flushing the frame. `/bin/echo` under the same harness gives the scale. Launches
//! with the terminal's background asked (and answered, as a terminal does), with a theme
//! chosen (`STATUS_TUTOR_THEME=dark`) and of `/bin/echo` take turns, and the gap to
//! `/bin/echo` is the median of the differences between neighbouring launches, so a
//! change in the machine's load moves all three alike. Peak memory is that of one session that opens five pages.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it runs once, quickly, against
//! the binary cargo built for the tests, so CI keeps it working.

#[path = "support/binary.rs"]
mod binary;
#[path = "../tests/support/pty.rs"]
mod pty;
use binary::binary;

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use pty::{HIDE_CURSOR, Master, Output, Pty, find};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const LAUNCHES: usize = 50;
const TIME: &str = "/usr/bin/time";

/// A program running in an 80x24 pseudo-terminal, its output gathered by a thread.
struct Session {
    pty: Pty,
    _master: Master,
}

impl Session {
    /// Spawns `argv` in a terminal prepared beforehand; returns it and the moment of spawning.
    fn start(argv: &[&str], data_dir: &Path) -> Result<(Session, Instant)> {
        let (pty, master, started) = Pty::spawn(argv, data_dir)?;
        Ok((Session { pty, _master: master }, started))
    }

    /// Waits until `done` holds for the output gathered so far; returns when it first did.
    fn wait_until(&self, what: &str, done: impl Fn(&Output) -> bool) -> Result<Instant> {
        self.pty.wait_until(done).map_err(|text| format!("no {what} in {text:?}").into())
    }

    /// Waits for a whole frame drawn after the first `offset` bytes whose output includes
    /// `text` (ratatui hides the cursor once the frame is flushed).
    fn wait_for_frame(&self, offset: usize, text: &str) -> Result<Instant> {
        self.wait_until(&format!("frame with {text:?}"), |out| {
            let tail = out.bytes.get(offset..).unwrap_or_default();
            find(tail, text.as_bytes()).is_some_and(|at| find(&tail[at..], HIDE_CURSOR).is_some())
        })
    }

    /// Waits for the next frame drawn after the first `offset` bytes.
    fn wait_for_next_frame(&self, offset: usize) -> Result<Instant> {
        self.wait_until("a new frame", |out| find(out.bytes.get(offset..).unwrap_or_default(), HIDE_CURSOR).is_some())
    }

    /// Waits for the exit and the last output; returns the whole output.
    fn finish(mut self) -> Result<String> {
        self.pty.wait_exit()?.ok_or("the program did not exit")?;
        self.wait_until("end of output", |out| out.closed)?;
        self.pty.join_reader()?;
        Ok(self.pty.text())
    }
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// min, median and 90th percentile, in milliseconds.
fn summary(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    format!(
        "min {:6.2} ms  median {:6.2} ms  p90 {:6.2} ms  ({} launches)",
        millis(samples[0]),
        millis(at(0.5)),
        millis(at(0.9)),
        samples.len()
    )
}

/// How the theme is chosen for a timed launch.
#[derive(Clone, Copy, PartialEq)]
enum Theme {
    /// Nothing chose it: the terminal is asked for its background and answers.
    Asked,
    /// `STATUS_TUTOR_THEME=dark`: nothing is asked.
    Chosen,
}

/// Spawn to the first complete welcome frame, then `q` and wait for the exit.
fn launch_tutorial(bin: &str, data_dir: &Path, theme: Theme) -> Result<Duration> {
    let env: &[(&str, &str)] = if theme == Theme::Chosen { &[("STATUS_TUTOR_THEME", "dark")] } else { &[] };
    let (pty, master, started) = Pty::spawn_with_env(&[bin], data_dir, env)?;
    let mut session = Session { pty, _master: master };
    // Answer the background question (OSC 11, then DA1) the way a terminal does, so
    // the launch includes that round trip and not the timeout of a silent pty.
    if theme == Theme::Asked {
        session.wait_until("the background question", |out| find(&out.bytes, b"\x1b[c").is_some())?;
        session.pty.send("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;c")?;
    }
    let framed = session.wait_for_frame(0, "quit")?;
    session.pty.send("q")?;
    session.finish()?;
    Ok(framed - started)
}

/// Spawn to reading what `echo` printed.
fn launch_echo(data_dir: &Path) -> Result<Duration> {
    let (session, started) = Session::start(&["/bin/echo", "echoed-by-echo"], data_dir)?;
    let printed = session.wait_until("echo output", |out| find(&out.bytes, b"echoed-by-echo").is_some())?;
    session.finish()?;
    Ok(printed - started)
}

/// One session that opens five pages; peak resident memory in KiB, from the kernel
/// (VmHWM of the tutorial's process) and from `/usr/bin/time -v` when it is installed.
fn peak_memory(bin: &str, data_dir: &Path) -> Result<()> {
    let timed = Path::new(TIME).exists();
    let argv: Vec<&str> = if timed { vec![TIME, "-v", bin] } else { vec![bin] };
    let (mut session, _) = Session::start(&argv, data_dir)?;
    session.wait_for_frame(0, "quit")?;
    // Enter opens the first page, then n four times: each key draws one frame.
    for key in ["\r", "n", "n", "n", "n"] {
        let offset = session.pty.len();
        session.pty.send(key)?;
        session.wait_for_next_frame(offset)?;
    }
    let pid = session.pty.pid().ok_or("no process id")?;
    let tutor = if timed { only_child(pid)? } else { pid };
    let hwm = std::fs::read_to_string(format!("/proc/{tutor}/status"))?
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:").map(|v| v.trim().to_string()))
        .ok_or("no VmHWM")?;
    session.pty.send("q")?;
    let output = session.finish()?;
    println!("peak RSS after opening 5 pages: VmHWM {hwm}");
    if timed {
        let max = output
            .lines()
            .find_map(|line| line.trim().strip_prefix("Maximum resident set size (kbytes):").map(str::trim))
            .ok_or("no maximum resident set size in the output of time -v")?;
        println!("peak RSS after opening 5 pages: /usr/bin/time -v {max} kB");
    }
    Ok(())
}

/// The one child of `pid` (the tutorial, under `time`).
fn only_child(pid: u32) -> Result<u32> {
    let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))?;
    Ok(children.split_whitespace().next().ok_or("time has no child")?.parse()?)
}

fn main() -> Result<()> {
    let bench = std::env::args().any(|arg| arg == "--bench");
    let launches = if bench { LAUNCHES } else { 1 };
    if !bench {
        println!("startup: one launch of each, as a test (numbers mean nothing; use cargo bench)");
    }
    let bin = binary(bench)?;
    let data_dir = tempfile::tempdir()?;
    println!("startup: {bin}, 80x24 pseudo-terminal");

    // One untimed launch of each warms the page cache. Then the three kinds of launch
    // take turns, so a change in the machine's load touches all three alike.
    launch_tutorial(&bin, data_dir.path(), Theme::Asked)?;
    launch_echo(data_dir.path())?;
    let (mut asked, mut chosen, mut echo) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..launches {
        asked.push(launch_tutorial(&bin, data_dir.path(), Theme::Asked)?);
        chosen.push(launch_tutorial(&bin, data_dir.path(), Theme::Chosen)?);
        echo.push(launch_echo(data_dir.path())?);
    }
    let above = |launches: &[Duration]| {
        let mut gaps: Vec<f64> = launches.iter().zip(&echo).map(|(l, e)| millis(*l) - millis(*e)).collect();
        gaps.sort_by(f64::total_cmp);
        gaps[gaps.len() / 2]
    };
    println!("launch to first complete frame, background asked: {}", summary(asked.clone()));
    println!("launch to first complete frame, theme chosen:     {}", summary(chosen.clone()));
    println!("/bin/echo, same harness:                          {}", summary(echo.clone()));
    println!(
        "above /bin/echo (median of the differences between neighbouring launches): {:.2} ms asked, {:.2} ms chosen",
        above(&asked),
        above(&chosen)
    );

    peak_memory(&bin, tempfile::tempdir()?.path())?;
    Ok(())
}
