//! Hostile input to the real binary in a pseudo-terminal: half escape sequences and
//! 20,000 random keys. Nothing hangs, it still answers Ctrl-C at once, and the progress
//! file stays readable.

#[allow(dead_code)] // shared with e2e.rs and the benches, which use the rest
#[path = "support/pty.rs"]
mod pty;
#[allow(dead_code)]
#[path = "support/screen.rs"]
mod screen;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use portable_pty::PtySize;
use pty::{HIDE_CURSOR, Pty};
use screen::Screen;

type TestResult = Result<(), Box<dyn Error>>;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");
const COURSE_ID: &str = "django-http-status";

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

/// Starts the binary in a pty and waits for its first frame. An editor it opens (random
/// keys can reach practice mode and its `e`) ends at once.
fn start(args: &[&str], dir: &Path) -> Result<(Pty, pty::Master, u32), Box<dyn Error>> {
    let argv: Vec<&str> = std::iter::once(BIN).chain(args.iter().copied()).collect();
    let (pty, master, _) = Pty::spawn_with_env(&argv, dir, &[("VISUAL", "true"), ("EDITOR", "true")])?;
    let pid = pty.pid().ok_or("no pid")?;
    wait_frames(&pty, 0, 1, "the first frame");
    Ok((pty, master, pid))
}

#[test]
fn a_half_escape_sequence_swallows_neither_ctrl_c_nor_resizes() -> TestResult {
    for (prefix, pause) in [
        ("\x1b[<", true),
        ("\x1b[?", true),
        ("\x1b[200~", true),
        ("\x1b[<", false),
        ("\x1b[?1;", false),
        ("\x1b[<0;3", false),
    ] {
        let dir = tempfile::tempdir()?;
        let (mut pty, master, _) = start(&[], dir.path())?;
        pty.send(prefix)?;
        if pause {
            std::thread::sleep(Duration::from_millis(150));
            let offset = pty.len();
            master.resize(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })?;
            wait_frames(&pty, offset, 1, &format!("a redraw after the resize, after {prefix:?}"));
        }
        let sent = Instant::now();
        pty.send("\x03")?;
        let status = pty.wait_exit()?.ok_or_else(|| format!("Ctrl-C after {prefix:?} did not quit"))?;
        assert!(sent.elapsed() < Duration::from_secs(1), "Ctrl-C after {prefix:?} took {:?}", sent.elapsed());
        assert!(status.success(), "after {prefix:?}: {status}");
    }
    Ok(())
}

// ------------------------------------------------------------ the random-key smoke test

/// xorshift64*: the same seed, the same keys.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Keys that never quit (no q, Esc or Ctrl-C), for each part of the program. No `x` (the
/// way into practice) either, though a click can still get there.
const READER: &[&str] = &[
    "j",
    "k",
    "n",
    "p",
    "g",
    "G",
    " ",
    "b",
    "s",
    "\t",
    "\r",
    "4",
    "0",
    "2",
    "\x1b[A",
    "\x1b[B",
    "\x1b[C",
    "\x1b[D",
    "\x1b[5~",
    "\x1b[6~",
    "\x1b[H",
    "\x1b[F",
    "\x1bOA",
    "\x1b[1;5B",
];
const SEARCH: &[&str] = &["4", "0", "n", "o", "t", " ", "f", "\x7f", "\x1b[A", "\x1b[B", "é", "界", "w"];
const HELP: &[&str] = &["j", "k", "\x1b[A", "\x1b[B", "\x1b[5~"];
const QUIZ: &[&str] = &[
    "1", "2", "3", "4", "a", "b", "c", "d", " ", "\r", "s", "j", "k", "4", "0", "\x7f", "v", "m", "n", "r", "t", "p",
    "\x1b[C", "\x1b[D", "y",
];
/// Broken sequences: each ends before its final byte.
const BROKEN: &[&str] =
    &["\x1b[<", "\x1b[?", "\x1b[<0;12", "\x1b[1;", "\x1b[?1049", "\x1b[M", "\x1bO", "\x1b[99999999"];

/// One random "key": mostly from `keys`, sometimes a mouse report or a broken sequence.
fn random_key(rng: &mut Rng, keys: &[&str]) -> String {
    match rng.below(20) {
        0 => {
            let button = [0, 1, 2, 64, 65, 32, 35][rng.below(7)];
            let end = if rng.below(2) == 0 { 'M' } else { 'm' };
            format!("\x1b[<{button};{};{}{end}", 1 + rng.below(120), 1 + rng.below(40))
        }
        1 => rng.pick(BROKEN).to_string(),
        // (No quit key inside: a broken sequence just before could spill it as keys.)
        2 => "\x1b[200~a paste: 404 \x1b[A\x1b[201~".to_string(),
        _ => rng.pick(keys).to_string(),
    }
}

#[test]
fn twenty_thousand_random_keys_leave_it_responsive_and_the_progress_readable() -> TestResult {
    let started = Instant::now();
    let dir = tempfile::tempdir()?;
    let (mut pty, master, pid) = start(&[], dir.path())?;
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut sent = 0;
    // (enter the part, its keys, how many): reader, search, help, reader, quiz.
    let parts: [(&str, &[&str], usize); 5] =
        [("\r", READER, 6000), ("/", SEARCH, 3000), ("\r?", HELP, 2000), ("?", READER, 3000), ("t", QUIZ, 6000)];
    for (enter, keys, count) in parts {
        pty.send(enter)?;
        let mut done = 0;
        while done < count {
            // Bursts of up to 64 keys, as a held key or a paste would send them.
            let burst: String = (0..64.min(count - done)).map(|_| random_key(&mut rng, keys)).collect();
            done += 64.min(count - done);
            pty.send(&burst)?;
            if rng.below(8) == 0 {
                // Sometimes a pause (broken sequences are then given up) or a resize.
                match rng.below(3) {
                    0 => std::thread::sleep(Duration::from_millis(60)),
                    1 => master.resize(PtySize {
                        rows: 10 + rng.below(40) as u16,
                        cols: 40 + rng.below(120) as u16,
                        pixel_width: 0,
                        pixel_height: 0,
                    })?,
                    _ => {
                        // An unterminated paste, given up after the pause.
                        pty.send("\x1b[200~pasted text without an end")?;
                        std::thread::sleep(Duration::from_millis(60));
                    }
                }
            }
        }
        sent += done;
    }
    assert_eq!(sent, 20_000);
    // Still responsive: once the keys are handled, Ctrl-C quits within a second.
    let quiet = wait_until_quiet(&pty, Duration::from_millis(300), Duration::from_secs(20));
    assert!(quiet, "still drawing 20 s after the last key");
    let ctrl_c = Instant::now();
    let offset = pty.len();
    pty.send("\x03")?;
    // Quit means the terminal is back (the process may still finish its last save).
    let restored =
        pty.wait_until(|out| out.bytes.get(offset..).is_some_and(|tail| tail.windows(8).any(|w| w == b"\x1b[?1049l")));
    let elapsed = ctrl_c.elapsed();
    let text = pty.text();
    let after = text.get(offset..).unwrap_or_default();
    assert!(restored.is_ok(), "Ctrl-C did not restore the terminal; the screen:\n{}", Screen::parse(&text).text());
    assert!(elapsed < Duration::from_secs(1), "Ctrl-C took {elapsed:?} to give the terminal back; then: {after:?}");
    assert!(!after.contains("error"), "it ended with an error: {after:?}");
    let status = pty.wait_exit()?.ok_or("Ctrl-C did not quit")?;
    assert!(status.success(), "{status} (pid {pid})");
    read_progress(dir.path())?;
    assert!(started.elapsed() < Duration::from_secs(30), "took {:?}", started.elapsed());
    Ok(())
}

/// Waits until no output arrived for `quiet`; false after `timeout`.
fn wait_until_quiet(pty: &Pty, quiet: Duration, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    let mut last = pty.len();
    let mut since = Instant::now();
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        let now = pty.len();
        if now != last {
            last = now;
            since = Instant::now();
        } else if since.elapsed() >= quiet {
            return true;
        }
    }
    false
}
