//! Practice mode, measured in an 80x24 pseudo-terminal with the real checker and Django:
//! - save -> results on screen: a file write to the first whole frame showing the new
//!   result (alternately a failing and a passing file), median over 20 saves;
//! - frame time while a run is in flight: a key (next / previous exercise) to the whole
//!   frame that shows its effect, while the checker is busy in a view that sleeps;
//! - a cold `status-tutor practice check` of the same file (a new Python and Django set-up
//!   each time), and the ratio of the save -> screen median to it (targets: <= 150 ms and
//!   <= 0.3x; the tutorial runs the checks in a warm server's forked child);
//! - the checker alone on the same file (a cold run: Python and Django, no watcher, no
//!   screen), to tell what the Rust side adds;
//! - peak RSS of status-tutor (not Python) at the end.
//!
//! `cargo build --release && cargo bench --bench practice`. The binary is
//! `$STATUS_TUTOR_BIN`, or `target/release/status-tutor`. Under `cargo test --all-targets`
//! it runs once against the test build (numbers mean nothing then); with
//! `STATUS_TUTOR_SKIP_DJANGO=1` it skips, like the other tests that need Django.

#[path = "support/binary.rs"]
mod binary;
#[path = "../tests/support/pty.rs"]
mod pty;
use binary::binary;
#[path = "../tests/support/screen.rs"]
mod screen;

use pty::{HIDE_CURSOR, Pty, find};
use screen::Screen;
use status_tutor::content::{embedded, load};
use status_tutor::practice::job::job_json;
use status_tutor::practice::runner::{Job, run_checker};
use std::error::Error;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn django_python() -> Result<PathBuf> {
    let out = Command::new("python3")
        .args(["tests/django/run.py", "--ensure-venv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()?;
    if !out.status.success() {
        return Err(format!("no Django venv: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    Ok(PathBuf::from(stdout.lines().last().ok_or("no python path")?.trim()))
}

/// Waits for a whole frame after `offset` whose screen shows `text`; returns when.
fn frame_showing(pty: &Pty, offset: usize, text: &str) -> Result<Instant> {
    pty.wait_until(|out| {
        let tail = out.bytes.get(offset..).unwrap_or_default();
        find(tail, HIDE_CURSOR).is_some() && Screen::parse(&String::from_utf8_lossy(&out.bytes)).contains(text)
    })
    .map_err(|output| format!("no {text:?} on the screen:\n{}", Screen::parse(&output).text()).into())
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median as `summary` prints it.
fn median(samples: &[Duration]) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted[((sorted.len() - 1) as f64 * 0.5).round() as usize]
}

fn summary(mut samples: Vec<Duration>, what: &str) -> String {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    format!(
        "min {:7.1} ms  median {:7.1} ms  max {:7.1} ms  ({} {what})",
        millis(samples[0]),
        millis(at(0.5)),
        millis(samples[samples.len() - 1]),
        samples.len()
    )
}

fn main() -> Result<()> {
    let bench = std::env::args().any(|arg| arg == "--bench");
    if std::env::var("STATUS_TUTOR_SKIP_DJANGO").as_deref() == Ok("1") {
        println!("practice: STATUS_TUTOR_SKIP_DJANGO=1, skipped deliberately");
        return Ok(());
    }
    let (saves, keys) = if bench { (20, 20) } else { (2, 2) };
    let bin = binary(bench)?;
    let python = django_python()?;
    let course = load(&embedded::files()).map_err(|p| format!("{p:?}"))?.course;
    let [first, second, ..] = course.exercises.as_slice() else { return Err("fewer than two exercises".into()) };
    let dir = tempfile::tempdir()?;
    let workspace = dir.path().join("ws");
    let (ws, py) = (workspace.to_string_lossy().into_owned(), python.to_string_lossy().into_owned());
    let (mut pty, _master, _) = Pty::spawn(&[&bin, "practice", "--workspace", &ws, "--python", &py], dir.path())?;
    frame_showing(&pty, 0, "Practice: 0/")?;
    let file = status_tutor::practice::workspace::Workspace::new(&workspace).file_for(1, &first.id);

    // Save -> results on screen, alternately failing and passing.
    let mut samples = Vec::new();
    for n in 0..saves {
        let (text, expect) = if n % 2 == 0 {
            (format!("{}\n# try {n}\n", first.starter), "checks fail")
        } else {
            (format!("{}\n# try {n}\n", first.solution), "Well done!")
        };
        let offset = pty.len();
        let saved = Instant::now();
        std::fs::write(&file, text)?;
        samples.push(frame_showing(&pty, offset, expect)? - saved);
    }
    println!("practice: {bin}");
    let save_median = median(&samples);
    println!("save -> results on screen:        {}", summary(samples, "saves"));

    // A cold `practice check` of the same file, in the same run.
    let mut samples = Vec::new();
    for _ in 0..saves.min(10) {
        let started = Instant::now();
        let out = Command::new(&bin)
            .args(["practice", "check", "1", "--workspace", &ws, "--python", &py])
            .env("STATUS_TUTOR_DATA_DIR", dir.path())
            .output()?;
        samples.push(started.elapsed());
        if out.status.code() != Some(0) {
            return Err(format!("practice check failed: {}", String::from_utf8_lossy(&out.stdout)).into());
        }
    }
    let cold_median = median(&samples);
    println!("cold `practice check`, same file: {}", summary(samples, "runs"));
    println!(
        "save -> screen / cold check:      {:.2}x  (median {:.1} ms / {:.1} ms; targets <= 150 ms and <= 0.30x)",
        save_median.as_secs_f64() / cold_median.as_secs_f64(),
        millis(save_median),
        millis(cold_median)
    );

    // The checker alone (Python and Django, no watcher, no screen), on the same file.
    let job = Job { python: python.clone(), workspace: workspace.clone(), json: job_json(first, &file) };
    let mut samples = Vec::new();
    for _ in 0..saves.min(10) {
        let started = Instant::now();
        run_checker(&job, Duration::from_secs(30), &AtomicBool::new(false)).map_err(|e| format!("{e:?}"))?;
        samples.push(started.elapsed());
    }
    println!("the checker alone (same file):    {}", summary(samples, "runs"));

    // Keys while a run is in flight: the view's module sleeps 5 s before it answers.
    let offset = pty.len();
    std::fs::write(&file, format!("import time\ntime.sleep(5)\n{}", first.solution))?;
    frame_showing(&pty, offset, "running the checks")?;
    let mut samples = Vec::new();
    for n in 0..keys {
        let (key, heading) =
            if n % 2 == 0 { ("j", format!("2. {}", second.title)) } else { ("k", format!("1. {}", first.title)) };
        let heading: String = heading.chars().take(30).collect();
        let offset = pty.len();
        let sent = Instant::now();
        pty.send(key)?;
        samples.push(frame_showing(&pty, offset, &heading)? - sent);
    }
    println!("key -> frame, run in flight:      {}", summary(samples, "keys"));

    let pid = pty.pid().ok_or("no process id")?;
    let hwm = std::fs::read_to_string(format!("/proc/{pid}/status"))?
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:").map(|v| v.trim().to_string()))
        .ok_or("no VmHWM")?;
    println!("peak RSS of status-tutor:         {hwm}");
    pty.send("q")?;
    pty.send("q")?;
    pty.wait_exit()?.ok_or("status-tutor did not exit")?;
    pty.join_reader()?;
    if !pty.text().ends_with("\x1b[?25h") {
        return Err("the terminal was not restored (cursor not shown last)".into());
    }
    Ok(())
}
