//! The first `x` asks before creating `./status-tutor-practice` (as `rustlings init`
//! does), saying where; no creates nothing, yes creates it and opens practice. Run in a
//! real 80x24 pseudo-terminal from a fresh folder.
#[allow(dead_code, reason = "shared with tests that use all of it")]
#[path = "support/pty.rs"]
mod pty;
#[path = "support/screen.rs"]
mod screen;

use pty::{HIDE_CURSOR, Pty};
use screen::Screen;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

/// Waits until a whole frame after `offset` shows `text`; returns the new offset.
fn wait_for_text(pty: &Pty, offset: usize, text: &str) -> usize {
    let found = pty.wait_until(|out| {
        let tail = out.bytes.get(offset..).unwrap_or_default();
        pty::find(tail, HIDE_CURSOR).is_some() && Screen::parse(&String::from_utf8_lossy(&out.bytes)).contains(text)
    });
    match found {
        Ok(_) => pty.len(),
        Err(output) => panic!("no {text:?} on the screen:\n{}", Screen::parse(&output).text()),
    }
}

#[test]
fn the_first_x_asks_before_creating_the_practice_folder() {
    let dir = tempfile::tempdir().expect("a launch folder");
    let folder = dir.path().join("status-tutor-practice");
    let (mut pty, _master, _) =
        Pty::spawn_with_env(&[BIN, "--theme", "dark", "csrf"], dir.path(), &[("NO_COLOR", "1")]).expect("spawn");
    let at = wait_for_text(&pty, 0, "CSRF");
    pty.send("x").expect("x");
    let at = wait_for_text(&pty, at, "for practice? y yes, n no");
    assert!(!folder.exists(), "nothing is created before the answer");
    pty.send("n").expect("n");
    let at = wait_for_text(&pty, at, "No practice folder created");
    assert!(!folder.exists(), "no creates nothing");
    pty.send("x").expect("x");
    let at = wait_for_text(&pty, at, "for practice?");
    pty.send("y").expect("y");
    wait_for_text(&pty, at, "Practice: 0/");
    assert!(folder.join("exercises").is_dir(), "yes creates the folder and the exercise files");
    pty.send("q").expect("q");
    pty.send("q").expect("q");
    assert!(pty.wait_exit().expect("wait").is_some(), "it quits");
}
