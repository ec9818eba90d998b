//! The key language through the real binary in an 80x24 pseudo-terminal: the help opens
//! with quit, help and search in view; Ctrl-D / Ctrl-U scroll half a screen and Ctrl-F a
//! whole one; Esc forgets the last search; the progress screen opens from practice.

#[path = "support/drive.rs"]
mod drive;
#[allow(dead_code)] // shared with e2e.rs and the benches, which use the rest
#[path = "support/pty.rs"]
mod pty;
#[allow(dead_code)]
#[path = "support/screen.rs"]
mod screen;

use std::error::Error;
use std::path::Path;

use drive::press;
use pty::{Master, Pty};
use screen::Screen;

type TestResult = Result<(), Box<dyn Error>>;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

fn start(dir: &Path) -> Result<(Pty, Master), Box<dyn Error>> {
    let (pty, master, _) = Pty::spawn(&[BIN, "--theme", "dark"], dir)?;
    Ok((pty, master))
}

/// The reader on the first page of the built-in course.
fn reading(pty: &mut Pty) -> Result<Screen, Box<dyn Error>> {
    drive::wait_screen(pty, 0, (80, 24), "the welcome", |s| s.line(23).contains("read"));
    press(pty, "\r", "the first page", |s| s.line(23).contains("% read"))
}

/// Quits from the reader.
fn quit(mut pty: Pty) -> TestResult {
    pty.send("q")?;
    pty.wait_exit()?;
    Ok(())
}

#[test]
fn the_help_opens_with_quit_help_and_search_in_view() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut pty, _master) = start(dir.path())?;
    reading(&mut pty)?;
    let help = press(&mut pty, "?", "the help", |s| s.contains("Reading"))?;
    let row = |key: &str, what: &str| {
        (0..24).find(|&r| help.line(r).contains(&format!("│  {key} ")) && help.line(r).contains(what))
    };
    let (quit_row, help_row, search_row) =
        (row("q", "quit"), row("?", "help: every key"), row("/", "search titles and text"));
    assert!(quit_row.is_some() && help_row.is_some() && search_row.is_some(), "{}", help.text());
    assert!(quit_row < help_row && help_row < search_row, "q, then ?, then /:\n{}", help.text());
    press(&mut pty, "q", "the page again", |s| !s.contains("help: every key"))?;
    quit(pty)
}

/// The page's rows (above the status bar) as text, without the scrollbar in the last of
/// the 80 columns: its thumb moves with the page, so a row of text that moved up would
/// not match itself.
fn page_rows(screen: &Screen) -> Vec<String> {
    (0..23).map(|r| screen.line(r).chars().take(79).collect()).collect()
}

/// How many rows the text moved up from `before` to `after`.
fn moved_up(before: &[String], after: &[String]) -> Option<usize> {
    (1..before.len()).find(|&shift| {
        let same =
            (0..before.len() - shift).filter(|&r| !after[r].trim().is_empty() && after[r] == before[r + shift]).count();
        same >= 5
    })
}

#[test]
fn ctrl_d_and_ctrl_u_scroll_half_a_screen_and_ctrl_f_and_ctrl_b_a_whole_one() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut pty, _master) = start(dir.path())?;
    let top = page_rows(&reading(&mut pty)?);
    let half = page_rows(&press(&mut pty, "\x04", "half a screen down", |s| page_rows(s) != top)?);
    let half_shift = moved_up(&top, &half).ok_or("the page moved up")?;
    let back = page_rows(&press(&mut pty, "\x15", "half a screen up", |s| page_rows(s) != half)?);
    assert_eq!(back, top, "Ctrl-U undoes Ctrl-D");
    assert!((8..=12).contains(&half_shift), "half a screen is about 10 rows at 80x24, not {half_shift}");
    let whole = page_rows(&press(&mut pty, "\x06", "a screen down", |s| page_rows(s) != top)?);
    // Further than half: the rows half a screen down are gone from view too.
    assert!(moved_up(&top, &whole).is_none_or(|shift| shift > half_shift + 5), "{whole:#?}");
    press(&mut pty, "\x02", "a screen up", |s| page_rows(s) == top)?;
    quit(pty)
}

#[test]
fn esc_forgets_the_last_search() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut pty, _master) = start(dir.path())?;
    reading(&mut pty)?;
    press(&mut pty, "/", "the search", |s| s.line(23).contains("close"))?;
    press(&mut pty, "csrf", "the results", |s| s.contains("CSRF"))?;
    press(&mut pty, "\r", "the match", |s| s.line(23).contains("n and N"))?;
    press(&mut pty, "\x1b", "the search forgotten", |s| s.line(23).contains("Search forgotten"))?;
    let page = press(&mut pty, "N", "no search", |s| s.line(23).contains("No search yet"))?;
    assert!(page.line(23).contains("/ searches"), "{}", page.text());
    quit(pty)
}

#[test]
fn the_progress_screen_opens_from_practice_and_goes_back_to_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut pty, _master) = start(dir.path())?;
    drive::wait_screen(&pty, 0, (80, 24), "the welcome", |s| s.line(23).contains("read"));
    press(&mut pty, "x", "the folder question", |s| s.line(23).contains("for practice?"))?;
    press(&mut pty, "y", "practice", |s| s.line(23).contains("Practice ·"))?;
    let progress = press(&mut pty, "%", "the progress screen", |s| s.line(23).contains("Your progress"))?;
    assert!(progress.line(23).contains("q back"), "{}", progress.text());
    press(&mut pty, "q", "practice again", |s| s.line(23).contains("Practice ·"))?;
    press(&mut pty, "q", "the lessons", |s| s.line(23).contains("% read"))?;
    quit(pty)
}
