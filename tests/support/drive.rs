//! Waiting for the program in a pseudo-terminal to draw what a test expects, and keys
//! that are pressed then waited on. Needs `pty` and `screen` beside it (`#[path]` both).
use super::pty::{HIDE_CURSOR, Pty};
use super::screen::Screen;
use std::error::Error;

/// Waits for a whole frame drawn after `offset` whose screen satisfies `check`.
pub fn wait_screen(
    pty: &Pty,
    offset: usize,
    size: (usize, usize),
    what: &str,
    check: impl Fn(&Screen) -> bool,
) -> Screen {
    let mut screen = Screen::default();
    let found = pty.wait_until(|out| {
        let Some(tail) = out.bytes.get(offset..) else { return false };
        let Some(end) = tail.windows(HIDE_CURSOR.len()).rposition(|w| w == HIDE_CURSOR) else { return false };
        screen = Screen::parse_sized(&String::from_utf8_lossy(&out.bytes[..offset + end]), size.0, size.1);
        check(&screen)
    });
    if let Err(text) = found {
        panic!("timed out waiting for {what}\n{}", Screen::parse_sized(&text, size.0, size.1).text());
    }
    screen
}

/// Sends `keys` and waits for an 80x24 frame that satisfies `check`.
pub fn press(pty: &mut Pty, keys: &str, what: &str, check: impl Fn(&Screen) -> bool) -> Result<Screen, Box<dyn Error>> {
    let offset = pty.len();
    pty.send(keys)?;
    Ok(wait_screen(pty, offset, (80, 24), what, check))
}
