//! The real binary in a pseudo-terminal, stopped roughly: keys queued while it is killed,
//! the terminal closed under it (with and without a hangup signal). Nothing is lost but
//! the step in flight, and it exits instead of hanging.

#[allow(dead_code)] // shared with e2e.rs and the benches, which use the rest
#[path = "support/pty.rs"]
mod pty;
#[allow(dead_code)]
#[path = "support/screen.rs"]
mod screen;

use std::error::Error;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use portable_pty::{PtySize, native_pty_system};
use pty::{HIDE_CURSOR, Pty};
use screen::Screen;
use status_tutor::content::{Course, embedded, load};

type TestResult = Result<(), Box<dyn Error>>;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");
const COURSE_ID: &str = "django-http-status";

fn course() -> Course {
    match load(&embedded::files()) {
        Ok(loaded) => loaded.course,
        Err(problems) => panic!("the built-in course does not load: {problems:?}"),
    }
}

fn progress_path(dir: &Path) -> PathBuf {
    dir.join(format!("{COURSE_ID}.toml"))
}

fn read_progress(dir: &Path) -> Result<toml::Table, Box<dyn Error>> {
    Ok(toml::from_str(&std::fs::read_to_string(progress_path(dir))?)?)
}

/// How many whole frames were drawn after `offset` (ratatui hides the cursor per frame).
fn frames_after(bytes: &[u8], offset: usize) -> usize {
    bytes.get(offset..).map_or(0, |tail| tail.windows(HIDE_CURSOR.len()).filter(|w| *w == HIDE_CURSOR).count())
}

fn wait_frames(pty: &Pty, offset: usize, frames: usize, what: &str) {
    if let Err(text) = pty.wait_until(|out| frames_after(&out.bytes, offset) >= frames) {
        panic!("timed out waiting for {what}; output: {:?}", &text[text.len().saturating_sub(400)..]);
    }
}

fn kill(pid: u32, signal: &str) -> TestResult {
    let status = Command::new("kill").args(["-s", signal, &pid.to_string()]).status()?;
    if !status.success() {
        return Err(format!("kill -s {signal} {pid} failed").into());
    }
    Ok(())
}

/// Starts the binary in a pty and waits for its first frame. An editor it opens (random
/// keys can reach practice mode and its `e`) ends at once.
fn start(args: &[&str], dir: &Path) -> Result<(Pty, pty::Master, u32), Box<dyn Error>> {
    let argv: Vec<&str> = std::iter::once(BIN).chain(args.iter().copied()).collect();
    let (pty, master, _) = Pty::spawn_with_env(&argv, dir, &[("VISUAL", "true"), ("EDITOR", "true")])?;
    let pid = pty.pid().ok_or("no pid")?;
    wait_frames(&pty, 0, 1, "the first frame");
    Ok((pty, master, pid))
}

// ------------------------------------------------------------ 2. steps lost on SIGKILL

/// The screen as of the last whole frame in `bytes`.
fn last_screen(bytes: &[u8]) -> Option<Screen> {
    let end = bytes.windows(HIDE_CURSOR.len()).rposition(|w| w == HIDE_CURSOR)?;
    Some(Screen::parse(&String::from_utf8_lossy(&bytes[..end])))
}

/// The page number (1-based) in the reader's status bar, ` 12/28 · 40% read`.
fn page_number(screen: &Screen) -> Option<usize> {
    screen.text().lines().nth(23)?.trim_start().split('/').next()?.parse().ok()
}

/// Waits for a frame whose screen satisfies `check`; returns it.
fn wait_screen(pty: &Pty, what: &str, mut check: impl FnMut(&Screen) -> bool) -> Screen {
    let mut found = None;
    let done = pty.wait_until(|out| match last_screen(&out.bytes) {
        Some(screen) if check(&screen) => {
            found = Some(screen);
            true
        }
        _ => false,
    });
    match (done, found) {
        (Ok(_), Some(screen)) => screen,
        (Err(text), _) => panic!("timed out waiting for {what}; output: {:?}", &text[text.len().saturating_sub(400)..]),
        (Ok(_), None) => unreachable!("a frame was checked"),
    }
}

#[test]
fn pages_turned_while_keys_are_queued_survive_a_sigkill() -> TestResult {
    let dir = tempfile::tempdir()?;
    let course = course();
    let (mut pty, _master, pid) = start(&[], dir.path())?;
    pty.send("\r")?;
    wait_screen(&pty, "the first page", |s| page_number(s) == Some(1));
    // 25 x n in one burst, then a long scroll that keeps keys queued for a while.
    pty.send(&format!("{}{}", "n".repeat(25), "jk".repeat(1000)))?;
    let shown = wait_screen(&pty, "page 11 or later", |s| page_number(s).is_some_and(|n| n >= 11));
    let shown = page_number(&shown).ok_or("no page number")? - 1;
    // The writer has had time for a save or two; nothing shown may be lost.
    std::thread::sleep(Duration::from_millis(300));
    kill(pid, "KILL")?;
    let _ = pty.wait_exit()?;
    let progress = read_progress(dir.path())?;
    let last = progress.get("last_page").and_then(|v| v.as_str()).ok_or("no last_page saved")?;
    let index = course.pages.iter().position(|p| p.id == last).ok_or("an unknown page saved")?;
    assert!(index >= shown, "page {} ({last}) was saved, though page {} was on the screen", index + 1, shown + 1);
    Ok(())
}

#[test]
fn a_finished_round_is_on_disk_before_its_results_are_drawn() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut pty, _master, pid) = start(&["quiz", "--questions", "1", "--seed", "7"], dir.path())?;
    let offset = pty.len();
    pty.send("\r")?;
    wait_frames(&pty, offset, 1, "the question");
    // Skip, next (the results), then review and back many times, so keys stay queued.
    pty.send(&format!("s\r{}", "vq".repeat(200)))?;
    // Kill as soon as a finished round is on the screen.
    // (Told apart by their key hints: "n new round" on the results, "previous" in the review.)
    wait_screen(&pty, "the results or the review", |s| s.contains("new round") || s.contains("previous"));
    kill(pid, "KILL")?;
    let _ = pty.wait_exit()?;
    let progress = read_progress(dir.path())?;
    let rounds = progress.get("quiz").and_then(|q| q.get("history")).and_then(|h| h.as_array()).map_or(0, Vec::len);
    assert_eq!(rounds, 1, "the round shown as finished was not saved: {progress:?}");
    Ok(())
}

// ------------------------------------------------------------ 3. closing the terminal

/// Opens a pty of our own (no reader thread holding the master open), runs `spawn` with it,
/// reads until the first frame, optionally sends `keys`, then closes every master handle.
/// `spawn` returns a probe: the exit code once exited (`true`: kill it first).
fn run_then_close_terminal(
    keys: &str,
    spawn: impl FnOnce(&portable_pty::PtyPair) -> Result<Box<dyn FnMut(bool) -> Option<i32>>, Box<dyn Error>>,
) -> Result<Option<i32>, Box<dyn Error>> {
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })?;
    let mut exited = spawn(&pair)?;
    let portable_pty::PtyPair { master, slave } = pair;
    drop(slave);
    let mut reader = master.try_clone_reader()?;
    let mut writer = master.take_writer()?;
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    let frames = |seen: &[u8]| frames_after(seen, 0);
    while frames(&seen) < 1 {
        let n = reader.read(&mut buffer)?;
        if n == 0 {
            return Err("the terminal closed before the first frame".into());
        }
        seen.extend_from_slice(&buffer[..n]);
    }
    if !keys.is_empty() {
        let before = seen.len();
        writer.write_all(keys.as_bytes())?;
        writer.flush()?;
        // The frame the keys caused.
        while frames_after(&seen, before) < 1 {
            let n = reader.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buffer[..n]);
        }
    }
    drop((reader, writer, master));
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(code) = exited(false) {
            return Ok(Some(code));
        }
        if Instant::now() > deadline {
            exited(true); // leave nothing spinning
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn closing_the_terminal_saves_and_exits_129_without_a_panic() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().to_path_buf();
    let code = run_then_close_terminal("\r", move |pair| {
        let mut cmd = portable_pty::CommandBuilder::new(BIN);
        cmd.env("STATUS_TUTOR_DATA_DIR", &data);
        cmd.env("TERM", "xterm-256color");
        let mut child = pair.slave.spawn_command(cmd)?;
        Ok(Box::new(move |give_up| {
            if give_up {
                let _ = child.kill();
            }
            child.try_wait().ok().flatten().map(|status| {
                // portable-pty reports a death by signal as exit code 1 with the signal named.
                if status.signal().is_some() { -1 } else { status.exit_code() as i32 }
            })
        }))
    })?;
    assert_eq!(code, Some(129), "a hangup is a normal exit with status 129 (-1: killed by a signal, e.g. SIGABRT)");
    let progress = read_progress(dir.path())?;
    let first = &course().pages[0].id;
    assert_eq!(progress.get("last_page").and_then(|v| v.as_str()), Some(first.as_str()), "{progress:?}");
    Ok(())
}

// ------------------------------------------------------------ 4. end of input without SIGHUP

#[test]
fn end_of_input_without_a_hangup_signal_is_a_quit_not_a_spin() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().to_path_buf();
    let code = run_then_close_terminal("\r", move |pair| {
        // The terminal is the program's stdin and stdout but not its controlling terminal,
        // so closing it sends no SIGHUP: reading just ends.
        let tty = pair.master.tty_name().ok_or("no tty name")?;
        let open = || std::fs::OpenOptions::new().read(true).write(true).open(&tty);
        let mut child = Command::new(BIN)
            .env("STATUS_TUTOR_DATA_DIR", &data)
            .env("TERM", "xterm-256color")
            .stdin(open()?)
            .stdout(open()?)
            .stderr(open()?)
            .spawn()?;
        Ok(Box::new(move |give_up| {
            if give_up {
                let _ = child.kill();
            }
            child.try_wait().ok().flatten().map(|status| {
                use std::os::unix::process::ExitStatusExt;
                status.code().unwrap_or(-status.signal().unwrap_or(1))
            })
        }))
    })?;
    assert!(matches!(code, Some(0) | Some(129)), "still running (or killed) after the input ended: {code:?}");
    let progress = read_progress(dir.path())?;
    assert!(progress.get("last_page").is_some(), "saved on the way out: {progress:?}");
    Ok(())
}
