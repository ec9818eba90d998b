//! The real binary in a pseudo-terminal: the theme follows the background the terminal
//! reports (OSC 11), the last `--theme` is remembered, and a silent terminal is not
//! asked again for a week.
#[allow(dead_code)] // shared with e2e.rs and the startup bench; this file uses a part
mod support;

use std::error::Error;
use std::path::Path;
use support::pty::{HIDE_CURSOR, Master, Pty, find};

type TestResult = Result<(), Box<dyn Error>>;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");
/// The light theme's accent (256-colour 25) as a foreground, however crossterm combines it.
fn light_accent(bytes: &[u8]) -> bool {
    [&b"38;5;25m"[..], b"38;5;25;"].iter().any(|needle| find(bytes, needle).is_some())
}
const ASKED: &[u8] = b"\x1b]11;?";

fn start(argv: &[&str], dir: &Path) -> Result<(Pty, Master), Box<dyn Error>> {
    let (pty, master, _) = Pty::spawn(argv, dir)?;
    Ok((pty, master))
}

/// The output once the welcome screen's last line and a cursor hide after it are out.
fn first_frame(pty: &Pty) -> Result<Vec<u8>, Box<dyn Error>> {
    pty.wait_until(|out| find(&out.bytes, b"quit").is_some_and(|at| find(&out.bytes[at..], HIDE_CURSOR).is_some()))
        .map_err(|text| format!("no frame: {text:?}"))?;
    Ok(pty.text().into_bytes())
}

fn quit(mut pty: Pty) -> TestResult {
    pty.send("q")?;
    pty.wait_exit()?.ok_or("still running")?;
    Ok(())
}

#[test]
fn a_light_background_reported_by_the_terminal_picks_the_light_theme() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut pty, _master) = start(&[BIN], dir.path())?;
    pty.wait_until(|out| find(&out.bytes, ASKED).is_some()).map_err(|t| format!("never asked: {t:?}"))?;
    // What xterm answers on a white background, then the device attributes.
    pty.send("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;c")?;
    let frame = first_frame(&pty)?;
    assert!(light_accent(&frame), "light colours expected: {:?}", String::from_utf8_lossy(&frame));
    quit(pty)
}

#[test]
fn no_answer_falls_back_to_dark_quickly() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (pty, _master) = start(&[BIN], dir.path())?;
    let started = std::time::Instant::now();
    let frame = first_frame(&pty)?;
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "the question times out");
    assert!(find(&frame, ASKED).is_some());
    assert!(!light_accent(&frame), "dark colours expected");
    quit(pty)?;
    // A terminal that said nothing is not asked again: no 100 ms wait on every launch.
    let saved = std::fs::read_to_string(dir.path().join("django-http-status.toml"))?;
    assert!(saved.contains("silent_terminal"), "{saved}");
    let (pty, _master) = start(&[BIN], dir.path())?;
    let frame = first_frame(&pty)?;
    assert!(find(&frame, ASKED).is_none(), "asked again: {:?}", String::from_utf8_lossy(&frame));
    quit(pty)?;
    // A week later it is asked again (a slow link may answer after the deadline).
    let file = dir.path().join("django-http-status.toml");
    let saved = std::fs::read_to_string(&file)?;
    let since = saved.lines().find_map(|l| l.strip_prefix("silent_since = ")).ok_or(saved.clone())?;
    let week_ago = since.trim().parse::<i64>()? - 8 * 24 * 3600;
    std::fs::write(&file, saved.replace(&format!("silent_since = {since}"), &format!("silent_since = {week_ago}")))?;
    let (pty, _master) = start(&[BIN], dir.path())?;
    let frame = first_frame(&pty)?;
    assert!(find(&frame, ASKED).is_some(), "not asked after a week: {:?}", String::from_utf8_lossy(&frame));
    quit(pty)
}

#[test]
fn a_terminal_that_only_answers_da1_is_asked_again_next_time() -> TestResult {
    let dir = tempfile::tempdir()?;
    for launch in 0..2 {
        let (mut pty, _master) = start(&[BIN], dir.path())?;
        pty.wait_until(|out| find(&out.bytes, ASKED).is_some())
            .map_err(|t| format!("launch {launch}: never asked: {t:?}"))?;
        pty.send("\x1b[?62;c")?;
        let frame = first_frame(&pty)?;
        assert!(!light_accent(&frame), "dark colours expected");
        quit(pty)?;
    }
    Ok(())
}

#[test]
fn the_last_theme_flag_is_remembered_and_then_nothing_is_asked() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (pty, _master) = start(&[BIN, "--theme", "light"], dir.path())?;
    let frame = first_frame(&pty)?;
    assert!(find(&frame, ASKED).is_none(), "a chosen theme needs no question");
    quit(pty)?;
    let saved = std::fs::read_to_string(dir.path().join("django-http-status.toml"))?;
    assert!(saved.contains("theme = \"light\""), "{saved}");
    let (pty, _master) = start(&[BIN], dir.path())?;
    let frame = first_frame(&pty)?;
    assert!(find(&frame, ASKED).is_none());
    assert!(light_accent(&frame), "the saved light theme is used");
    quit(pty)
}
