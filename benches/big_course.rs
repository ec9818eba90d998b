//! A 10,000-page `--content` course (made by `benches/make-big-course.py` from the built-in
//! pages, in `target/big-course`): first launch with a cold cache and second launch to the
//! first complete frame, peak memory, page switch and search keystroke (key to frame).
//!
//! `cargo build --release && cargo bench --bench big_course`. The binary measured is
//! `$STATUS_TUTOR_BIN`, or `target/release/status-tutor`; nothing is built here. The
//! cache goes to a temporary folder (`STATUS_TUTOR_CACHE_DIR`); `STATUS_TUTOR_THEME=dark`
//! skips the terminal-background question.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it runs once on a 300-page
//! course against the binary cargo built for the tests, so CI keeps it working.

#[path = "support/big_course.rs"]
mod big_course;
#[path = "support/binary.rs"]
mod binary;
#[path = "../tests/support/pty.rs"]
mod pty;
use binary::binary;

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use pty::{HIDE_CURSOR, Master, Pty, find};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::cache;
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

struct Session {
    pty: Pty,
    _master: Master,
}

impl Session {
    fn start(bin: &str, course: &Path, data_dir: &Path) -> Result<(Session, Instant)> {
        let course = course.to_str().ok_or("a UTF-8 path")?;
        let (pty, master, started) = Pty::spawn(&[bin, "--content", course], data_dir)?;
        Ok((Session { pty, _master: master }, started))
    }

    /// The first whole frame with `text` after the first `offset` bytes.
    fn frame_with(&self, offset: usize, text: &str) -> Result<Instant> {
        self.pty
            .wait_until(|out| {
                let tail = out.bytes.get(offset..).unwrap_or_default();
                find(tail, text.as_bytes()).is_some_and(|at| find(&tail[at..], HIDE_CURSOR).is_some())
            })
            .map_err(|output| format!("no frame with {text:?} in {output:?}").into())
    }

    /// Sends `key` and returns how long the next frame took.
    fn key_to_frame(&mut self, key: &str) -> Result<Duration> {
        let offset = self.pty.len();
        let sent = Instant::now();
        self.pty.send(key)?;
        let drawn = self
            .pty
            .wait_until(|out| find(out.bytes.get(offset..).unwrap_or_default(), HIDE_CURSOR).is_some())
            .map_err(|text| format!("no frame after {key:?}: {text:?}"))?;
        Ok(drawn - sent)
    }

    fn quit(mut self) -> Result<()> {
        self.pty.send("\x03")?; // Ctrl-C: quits from every screen
        let text = self.pty.text();
        self.pty.wait_exit()?.ok_or_else(|| format!("the program did not exit; it showed {text:?}"))?;
        self.pty.wait_until(|out| out.closed).map_err(|_| "output never closed")?;
        self.pty.join_reader()
    }

    fn peak_rss(&self) -> Result<String> {
        let pid = self.pty.pid().ok_or("no process id")?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let hwm = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).ok_or("no VmHWM")?;
        Ok(hwm.trim().to_string())
    }
}

/// Spawn to the first complete welcome frame (the status bar's last hint is "quit").
fn launch(bin: &str, course: &Path, data_dir: &Path) -> Result<Duration> {
    let (session, started) = Session::start(bin, course, data_dir)?;
    let framed = session.frame_with(0, "quit")?;
    session.quit()?;
    Ok(framed - started)
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    format!(
        "min {:7.2} ms  median {:7.2} ms  max {:7.2} ms  ({} samples)",
        millis(samples[0]),
        millis(at(0.5)),
        millis(samples[samples.len() - 1]),
        samples.len()
    )
}

fn main() -> Result<()> {
    let bench = std::env::args().any(|arg| arg == "--bench");
    let (pages, cold_runs, warm_runs, keys) = if bench { (10_000, 3, 15, 20) } else { (300, 1, 1, 2) };
    let bin = binary(bench)?;
    let course = big_course::course(pages)?;
    let cache = tempfile::tempdir()?;
    // SAFETY: set before any thread of this process starts; the children inherit them.
    // A chosen theme: this pseudo-terminal does not answer the background question, which
    // would cost its 100 ms timeout (benches/startup.rs measures that question).
    unsafe {
        std::env::set_var("STATUS_TUTOR_CACHE_DIR", cache.path());
        std::env::set_var("STATUS_TUTOR_THEME", "dark");
    }
    let data_dir = tempfile::tempdir()?;
    println!("big_course: {bin}, {pages} pages in {}, 80x24 pseudo-terminal", course.display());
    let started = SystemTime::now();

    let cold = (0..cold_runs)
        .map(|_| {
            let _ = std::fs::remove_dir_all(cache.path().join("status-tutor"));
            launch(&bin, &course, data_dir.path())
        })
        .collect::<Result<Vec<_>>>()?;
    println!("first launch (cold cache) to first frame:  {}", summary(cold));
    let warm = (0..warm_runs).map(|_| launch(&bin, &course, data_dir.path())).collect::<Result<Vec<_>>>()?;
    println!("second launch (cache) to first frame:      {}", summary(warm));

    // One session: five pages opened, then page switches, then a search.
    let (mut session, _) = Session::start(&bin, &course, data_dir.path())?;
    session.frame_with(0, "quit")?;
    for key in ["\r", "n", "n", "n", "n"] {
        session.key_to_frame(key)?;
    }
    println!("peak RSS after opening 5 pages:            VmHWM {}", session.peak_rss()?);
    let switches: Result<Vec<_>> =
        (0..keys).map(|i| session.key_to_frame(if i % 2 == 0 { "n" } else { "p" })).collect();
    println!("page switch (n/p, key to frame):           {}", summary(switches?));
    session.key_to_frame("/")?;
    let first = session.key_to_frame("s")?;
    println!("first search keystroke (index on a thread): {:7.2} ms", millis(first));
    std::thread::sleep(Duration::from_secs(if bench { 5 } else { 1 })); // the index is built meanwhile
    session.key_to_frame("\x7f")?;
    let mut typed = Vec::new();
    for i in 0..keys {
        // "status" typed and erased: matches get fewer, then more.
        let key = if (i / 6) % 2 == 0 { &"status"[i % 6..i % 6 + 1] } else { "\x7f" };
        typed.push(session.key_to_frame(key)?);
    }
    println!("search keystroke (whole index):            {}", summary(typed));
    println!("peak RSS after searching too:              VmHWM {}", session.peak_rss()?);
    session.quit()?;
    in_process(&course, cache.path(), keys)?;
    println!("({:.0} s in all)", started.elapsed()?.as_secs_f64());
    Ok(())
}

/// The same page switches and keystrokes without a terminal: `update` and a frame drawn
/// into a `TestBackend` at 80x24 (no pseudo-terminal, no progress saving).
fn in_process(course: &Path, cache_root: &Path, keys: usize) -> Result<()> {
    let cached = cache::load_course(course, Some(cache_root)).map_err(|p| format!("{p:?}"))?;
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = App::new(cached.course, theme, Progress::default(), Rect::new(0, 0, 80, 24));
    app.read_pages_from(cached.pages.ok_or("the course was not cached")?);
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    let mut step = |app: &mut App, action: Action| -> Result<Duration> {
        let start = Instant::now();
        let _ = app.update(action);
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        Ok(start.elapsed())
    };
    step(&mut app, Action::Open)?;
    let switches: Result<Vec<_>> =
        (0..keys).map(|i| step(&mut app, if i % 2 == 0 { Action::NextPage } else { Action::PrevPage })).collect();
    println!("in process: page switch (update + draw):   {}", summary(switches?));
    step(&mut app, Action::Search)?;
    let first = step(&mut app, Action::Type('s'))?;
    println!("in process: first search keystroke:        {:7.2} ms", millis(first));
    std::thread::sleep(Duration::from_secs(5));
    step(&mut app, Action::Backspace)?;
    let mut typed = Vec::new();
    for i in 0..keys {
        let action =
            if (i / 6) % 2 == 0 { Action::Type("status".as_bytes()[i % 6] as char) } else { Action::Backspace };
        typed.push(step(&mut app, action)?);
    }
    println!("in process: search keystroke (whole index): {}", summary(typed));
    Ok(())
}
