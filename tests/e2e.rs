//! End to end: the real binary in an 80x24 pseudo-terminal. It opens a page, scrolls,
//! quits and leaves the terminal restored; the next launch resumes; a run killed with
//! SIGKILL leaves an intact progress file; SIGTERM and SIGHUP restore the terminal; without
//! a terminal it explains itself and exits 2.
//!
//! Escape sequences are looked for in the raw output. Visible text is looked for on a
//! small model of the screen (`Screen`), because ratatui writes only the cells that changed
//! and skips blank ones, so a phrase seldom reaches the terminal in one piece.

#[path = "support/screen.rs"]
mod screen;
mod support;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use portable_pty::ExitStatus;
use screen::Screen;
use status_tutor::content::{Course, embedded, load};
// `screen` names the pty module as `crate::pty`, as the crates that include both by `#[path]` do.
use support::pty;
use support::pty::{HIDE_CURSOR, Master, Output, Pty, ROWS, TIMEOUT, find};

type TestResult = Result<(), Box<dyn Error>>;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");
const COURSE_ID: &str = "django-http-status";

const ENTER_ALT_SCREEN: &str = "\x1b[?1049h";
const LEAVE_ALT_SCREEN: &str = "\x1b[?1049l";
const SHOW_CURSOR: &str = "\x1b[?25h";
/// The private modes crossterm 0.29 sets for `EnableMouseCapture`
/// (`DisableMouseCapture` resets them: `?1006l ?1015l ?1003l ?1002l ?1000l`).
const MOUSE_MODES: [&str; 5] = ["1000", "1002", "1003", "1015", "1006"];

/// The built-in course, read through the library so the tests follow content edits.
fn course() -> Course {
    match load(&embedded::files()) {
        Ok(loaded) => loaded.course,
        Err(problems) => panic!("the built-in course does not load: {problems:?}"),
    }
}

/// One run of the binary in its own 80x24 pseudo-terminal.
struct Session {
    pty: Pty,
    master: Master,
    pid: u32,
}

impl Session {
    fn start(data_dir: &Path) -> Result<Session, Box<dyn Error>> {
        let (pty, master, _) = Pty::spawn(&[BIN], data_dir)?;
        let pid = pty.pid().ok_or("the child has no process id")?;
        Ok(Session { pty, master, pid })
    }

    /// Waits until `done` holds for the output so far, or panics after `TIMEOUT`.
    fn wait_until(&self, what: &str, done: impl FnMut(&Output) -> bool) {
        if let Err(text) = self.pty.wait_until(done) {
            panic!(
                "timed out waiting for {what}\n--- screen ---\n{}\n--- raw output ---\n{text:?}",
                Screen::parse(&text).text()
            );
        }
    }

    /// Waits until the raw output (escape sequences and all) contains `text`.
    fn wait_for(&self, text: &str) {
        self.wait_for_after(0, text);
    }

    /// Waits until the raw output written after the first `offset` bytes contains `text`.
    fn wait_for_after(&self, offset: usize, text: &str) {
        self.wait_until(&format!("{text:?} in the output"), |out| {
            out.bytes.get(offset..).is_some_and(|tail| find(tail, text.as_bytes()).is_some())
        });
    }

    /// Waits until a whole frame drawn after `offset` has reached the terminal and the
    /// screen it leaves satisfies `check`. ratatui hides the cursor after each frame.
    fn wait_for_screen(&self, offset: usize, what: &str, check: impl Fn(&Screen) -> bool) -> Screen {
        let mut screen = Screen::default();
        self.wait_until(what, |out| {
            let bytes = &out.bytes;
            let Some(tail) = bytes.get(offset..) else { return false };
            let Some(end) = rfind(tail, HIDE_CURSOR) else { return false };
            screen = Screen::parse(&String::from_utf8_lossy(&bytes[..offset + end]));
            check(&screen)
        });
        screen
    }

    fn send(&mut self, keys: &str) -> Result<(), Box<dyn Error>> {
        self.pty.send(keys)
    }

    /// Sends a key and waits for the frame it causes.
    fn press(&mut self, key: &str, what: &str, check: impl Fn(&Screen) -> bool) -> Result<Screen, Box<dyn Error>> {
        let offset = self.pty.len();
        self.send(key)?;
        Ok(self.wait_for_screen(offset, what, check))
    }

    fn signal(&self, signal: &str) -> Result<(), Box<dyn Error>> {
        let status = Command::new("kill").args(["-s", signal, &self.pid.to_string()]).status()?;
        if !status.success() {
            return Err(format!("kill -s {signal} {} failed: {status}", self.pid).into());
        }
        Ok(())
    }

    /// Whether the terminal is in canonical (cooked) mode with echo, as it was before the
    /// program started: raw mode is off.
    fn cooked(&self) -> Result<bool, Box<dyn Error>> {
        let termios = self.master.get_termios().ok_or("no termios for the pseudo-terminal")?;
        let flags = format!("{:?}", termios.local_flags);
        Ok(flags.contains("ICANON") && flags.contains("ECHO"))
    }

    /// Waits for the program to exit and for the last of its output.
    fn finish(mut self) -> Result<End, Box<dyn Error>> {
        let Some(status) = self.pty.wait_exit()? else {
            panic!(
                "the program did not exit within {TIMEOUT:?}\n--- screen ---\n{}",
                Screen::parse(&self.pty.text()).text()
            );
        };
        self.wait_until("the end of the output", |out| out.closed);
        self.pty.join_reader()?;
        Ok(End { status, output: self.pty.text(), cooked: self.cooked()? })
    }
}

/// How a session ended.
struct End {
    status: ExitStatus,
    /// Everything it wrote to the terminal.
    output: String,
    /// Whether the terminal was back in cooked mode (raw mode off) afterwards.
    cooked: bool,
}

/// The offset of the last `needle` in `haystack`.
fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn progress_path(dir: &Path) -> PathBuf {
    dir.join(format!("{COURSE_ID}.toml"))
}

/// The progress file, parsed as plain TOML.
fn read_progress(dir: &Path) -> Result<toml::Table, Box<dyn Error>> {
    Ok(std::fs::read_to_string(progress_path(dir))?.parse::<toml::Table>()?)
}

fn string_field<'a>(table: &'a toml::Table, key: &str) -> Option<&'a str> {
    table.get(key).and_then(toml::Value::as_str)
}

fn int_field(table: &toml::Table, key: &str) -> Option<i64> {
    table.get(key).and_then(toml::Value::as_integer)
}

/// The names in the data directory other than the progress file and its lock (set-aside
/// corrupt files, leftover temporary files).
fn strays(dir: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    let wanted = [format!("{COURSE_ID}.toml"), format!("{COURSE_ID}.toml.lock")];
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !wanted.contains(&name) {
            names.push(name);
        }
    }
    Ok(names)
}

/// The status bar is the last row; it starts with the page number, "n/N".
fn status_bar(screen: &Screen) -> String {
    screen.line(usize::from(ROWS) - 1)
}

/// Everything above the status bar.
fn page_view(screen: &Screen) -> String {
    (0..usize::from(ROWS) - 1).map(|row| screen.line(row)).collect::<Vec<_>>().join("\n")
}

/// The welcome screen's first frame is complete: its status bar ends with the quit hint.
fn wait_for_welcome(session: &Session, what: &str, check: impl Fn(&Screen) -> bool) -> Screen {
    session.wait_for(ENTER_ALT_SCREEN);
    session.wait_for("Enter");
    session.wait_for_screen(0, what, |screen| status_bar(screen).contains("quit") && check(screen))
}

/// The terminal is as it was: the alternate screen left after it was entered, mouse
/// capture off, the cursor shown as the last thing written, and raw mode off.
fn assert_restored(end: &End) {
    let session_output = end.output.as_str();
    let raw = session_output.as_bytes();
    let entered = find(raw, ENTER_ALT_SCREEN.as_bytes()).expect("the alternate screen was entered");
    let left = rfind(raw, LEAVE_ALT_SCREEN.as_bytes());
    assert!(
        left.is_some_and(|left| left > entered && rfind(raw, ENTER_ALT_SCREEN.as_bytes()) < Some(left)),
        "the alternate screen was not left at the end: {:?}",
        tail(session_output)
    );
    for mode in MOUSE_MODES {
        let on = rfind(raw, format!("\x1b[?{mode}h").as_bytes());
        let off = rfind(raw, format!("\x1b[?{mode}l").as_bytes());
        assert!(on.is_some(), "mouse mode {mode} was never enabled");
        assert!(off > on, "mouse mode {mode} was left on: {:?}", tail(session_output));
    }
    assert!(
        session_output.trim_end().ends_with(SHOW_CURSOR),
        "the output does not end by showing the cursor: {:?}",
        tail(session_output)
    );
    assert!(end.cooked, "raw mode was left on (no ICANON/ECHO in the terminal's local flags)");
}

/// The last bytes of the output, for failure messages.
fn tail(output: &str) -> &str {
    let start = output.len().saturating_sub(200);
    let start = (start..output.len()).find(|&i| output.is_char_boundary(i)).unwrap_or(output.len());
    &output[start..]
}

#[test]
fn open_scroll_quit_restores_the_terminal_and_the_next_launch_resumes() -> TestResult {
    let course = course();
    assert_eq!(course.id, COURSE_ID);
    let pages = course.pages.len();
    let (first, second) = (&course.pages[0], &course.pages[1]);
    let dir = tempfile::tempdir()?;

    let mut session = Session::start(dir.path())?;
    wait_for_welcome(&session, "the first welcome", |screen| screen.contains("What you will learn"));
    assert!(!session.cooked()?, "raw mode is on while the tutorial runs");
    session.press("\r", "the first page", |screen| {
        screen.line(0).contains(&first.title) && status_bar(screen).contains(&format!("1/{pages}"))
    })?;
    for n in 1..=3 {
        // Each key redraws: a frame is drawn after it was sent.
        session.press("j", &format!("the frame after j number {n}"), |_| true)?;
    }
    let screen = session.wait_for_screen(0, "the page scrolled", |screen| !screen.line(0).contains(&first.title));
    assert!(status_bar(&screen).contains(&format!("1/{pages}")), "{}", screen.text());
    let left_at = session.press("n", "the second page", |screen| {
        screen.line(0).contains(&second.title) && status_bar(screen).contains(&format!("2/{pages}"))
    })?;
    session.send("q")?;
    let end = session.finish()?;
    assert!(end.status.success(), "exit status: {}", end.status);
    assert_eq!(end.status.exit_code(), 0);
    assert_restored(&end);

    let progress = read_progress(dir.path())?;
    assert_eq!(string_field(&progress, "last_page"), Some(second.id.as_str()), "{progress:?}");
    assert_eq!(second.id, "categories");
    assert_eq!(int_field(&progress, "scroll"), Some(0), "{progress:?}");
    assert_eq!(progress.get("welcomed").and_then(toml::Value::as_bool), Some(true), "{progress:?}");
    assert!(strays(dir.path())?.is_empty(), "stray files: {:?}", strays(dir.path())?);

    // The next launch offers to continue, and Enter opens the second page at its top.
    let mut session = Session::start(dir.path())?;
    wait_for_welcome(&session, "the welcome back", |screen| {
        screen.contains("continue where you left off") && screen.contains(&second.title)
    });
    let resumed = session.press("\r", "the resumed page", |screen| {
        !screen.contains("continue where you left off")
            && screen.line(0).contains(&second.title)
            && status_bar(screen).contains(&format!("2/{pages}"))
    })?;
    assert_eq!(page_view(&resumed), page_view(&left_at), "the resumed page looks different");
    session.send("q")?;
    let end = session.finish()?;
    assert!(end.status.success(), "exit status: {}", end.status);
    assert_restored(&end);
    Ok(())
}

/// Polls the progress file until `check` holds for it (saves happen once input is idle).
fn wait_for_progress(dir: &Path, what: &str, check: impl Fn(&toml::Table) -> bool) -> toml::Table {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match read_progress(dir) {
            Ok(progress) if check(&progress) => return progress,
            result => assert!(Instant::now() < deadline, "timed out waiting for {what}; last read: {result:?}"),
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_session_killed_with_sigkill_leaves_an_intact_progress_file_that_loads() -> TestResult {
    let course = course();
    let pages = course.pages.len();
    let first = &course.pages[0];
    let dir = tempfile::tempdir()?;

    let mut session = Session::start(dir.path())?;
    wait_for_welcome(&session, "the welcome", |_| true);
    session.press("\r", "the first page", |screen| screen.line(0).contains(&first.title))?;
    let mut left_at = Screen::default();
    for n in 1..=3 {
        left_at = session.press("j", &format!("the frame after j number {n}"), |_| true)?;
    }
    let saved = wait_for_progress(dir.path(), "the scroll position saved", |progress| {
        string_field(progress, "last_page") == Some(first.id.as_str()) && int_field(progress, "scroll") == Some(3)
    });
    session.signal("KILL")?;
    let end = session.finish()?;
    assert!(end.status.signal().is_some(), "not killed by a signal: {}", end.status);
    assert!(!end.output.contains(LEAVE_ALT_SCREEN), "SIGKILL cannot be caught, yet the terminal was restored?");

    let progress = read_progress(dir.path())?;
    assert_eq!(progress, saved, "the file changed after the kill");
    assert!(strays(dir.path())?.is_empty(), "stray files: {:?}", strays(dir.path())?);

    // The next launch reads it without complaint and reopens the page where it was left.
    let mut session = Session::start(dir.path())?;
    wait_for_welcome(&session, "the welcome back", |screen| {
        screen.contains("continue where you left off") && screen.contains(&first.title)
    });
    let resumed = session.press("\r", "the resumed page", |screen| {
        !screen.contains("continue where you left off") && status_bar(screen).contains(&format!("1/{pages}"))
    })?;
    assert_eq!(page_view(&resumed), page_view(&left_at), "not resumed at the same scroll position");
    assert!(!resumed.line(0).contains(&first.title), "not scrolled:\n{}", resumed.text());
    session.send("q")?;
    let end = session.finish()?;
    assert!(end.status.success(), "exit status: {}", end.status);
    assert!(!end.output.to_lowercase().contains("warning"), "a warning was shown: {:?}", end.output);
    assert!(strays(dir.path())?.is_empty(), "the file was set aside: {:?}", strays(dir.path())?);
    assert_eq!(string_field(&read_progress(dir.path())?, "last_page"), Some(first.id.as_str()));
    Ok(())
}

/// SIGTERM or SIGHUP while reading: the terminal is restored and the exit code is 128+n.
fn signal_restores_the_terminal(signal: &str, code: u32) -> TestResult {
    let course = course();
    let dir = tempfile::tempdir()?;
    let mut session = Session::start(dir.path())?;
    wait_for_welcome(&session, "the welcome", |_| true);
    session.press("\r", "the first page", |screen| screen.line(0).contains(&course.pages[0].title))?;
    session.signal(signal)?;
    let end = session.finish()?;
    assert_eq!(end.status.signal(), None, "died of the signal instead of handling it: {}", end.status);
    assert_eq!(end.status.exit_code(), code, "exit status: {}", end.status);
    assert_restored(&end);
    Ok(())
}

#[test]
fn sigterm_restores_the_terminal() -> TestResult {
    signal_restores_the_terminal("TERM", 128 + 15)
}

#[test]
fn sighup_restores_the_terminal() -> TestResult {
    signal_restores_the_terminal("HUP", 128 + 1)
}

#[test]
fn without_a_terminal_it_suggests_list_and_explain_and_exits_2() -> TestResult {
    let dir = tempfile::tempdir()?;
    let output = Command::new(BIN)
        .env("STATUS_TUTOR_DATA_DIR", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "status {}; stderr: {stderr}", output.status);
    assert!(stderr.contains("not a terminal"), "{stderr}");
    assert!(stderr.contains("list") && stderr.contains("explain"), "{stderr}");
    assert!(output.stdout.is_empty(), "stdout: {:?}", String::from_utf8_lossy(&output.stdout));
    assert!(std::fs::read_dir(dir.path())?.next().is_none(), "it wrote to the data directory");
    Ok(())
}

/// SIGTERM in the middle of a quiz round: the answer given is kept (its question's
/// spaced-review state and the round itself), and the next launch offers to resume it.
#[test]
fn sigterm_mid_round_keeps_the_answers_and_the_next_launch_resumes_the_round() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut session = Session::start(dir.path())?;
    wait_for_welcome(&session, "the welcome", |_| true);
    session.press("t", "the quiz intro", |screen| screen.contains("Test your knowledge"))?;
    session.press("\r", "the first question", |screen| screen.contains("Question 1 of 12"))?;
    session.press("s", "the feedback", |screen| screen.contains("Skipped (counts as wrong)."))?;
    let saved = wait_for_progress(dir.path(), "the answer saved", |progress| {
        progress.get("review").and_then(|r| r.get("cards")).and_then(|c| c.as_table()).is_some_and(|c| c.len() == 1)
    });
    let paused = saved["review"]["paused"]["questions"].as_array().map(Vec::len);
    assert_eq!(paused, Some(12), "the round in progress is kept: {saved:?}");
    session.signal("TERM")?;
    let end = session.finish()?;
    assert_eq!(end.status.exit_code(), 128 + 15, "exit status: {}", end.status);
    assert_restored(&end);

    let mut session = Session::start(dir.path())?;
    wait_for_welcome(&session, "the offer to resume", |screen| {
        screen.contains("resume your paused round (1 of 12 answered)")
    });
    session.press("t", "the paused round", |screen| screen.contains("Your paused quiz round"))?;
    session.press("\r", "the second question", |screen| screen.contains("Question 2 of 12"))?;
    session.send("q")?;
    session.press("y", "the results", |screen| screen.contains("Results"))?;
    session.send("q")?;
    session.send("q")?;
    let end = session.finish()?;
    assert!(end.status.success(), "exit status: {}", end.status);
    Ok(())
}
