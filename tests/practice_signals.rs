//! Every way out stops the checker, and the checker never has the terminal: the tutorial
//! (in an 80x24 pseudo-terminal) and `practice check` get SIGTERM, SIGHUP or Ctrl-C while
//! the learner's view loops forever; its process must be gone after, and what it tried to
//! write to the terminal must not be there. Uses the pinned Django;
//! `STATUS_TUTOR_SKIP_DJANGO=1` skips it deliberately.
#[path = "support/pty.rs"]
mod pty;
#[path = "support/screen.rs"]
mod screen;

use pty::{HIDE_CURSOR, Pty};
use rustix::process::{Pid, Signal, kill_process};
use screen::Screen;
use status_tutor::content::{embedded, load};
use status_tutor::practice::workspace::Workspace;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

fn django_python() -> Option<String> {
    if std::env::var("STATUS_TUTOR_SKIP_DJANGO").as_deref() == Ok("1") {
        println!("STATUS_TUTOR_SKIP_DJANGO=1: skipped deliberately");
        return None;
    }
    let out = Command::new("python3")
        .args(["tests/django/run.py", "--ensure-venv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 tests/django/run.py --ensure-venv");
    assert!(out.status.success(), "no Django venv: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).lines().last().expect("python path").trim().to_string())
}

/// Learner code that tries the terminal, writes its pid and what it found to `facts`,
/// then never ends.
fn endless(facts: &Path) -> String {
    format!(
        "import os\n\nfound = []\ntry:\n    with open(\"/dev/tty\", \"w\") as tty:\n        tty.write(\"\\x1b]0;pwned\\x07\")\n    found.append(\"tty\")\n\
         except OSError:\n    found.append(\"no-tty\")\n\
         with open({facts:?}, \"w\") as f:\n    f.write(f\"{{os.getpid()}} {{' '.join(found)}}\\n\")\n\
         while True:\n    pass\n"
    )
}

/// The first exercise's file in the workspace `ws`.
fn first_file(ws: &Path) -> PathBuf {
    let course = load(&embedded::files()).expect("course").course;
    Workspace::new(ws).file_for(1, &course.exercises[0].id)
}

/// Waits for the learner's code to say its pid and what it found.
fn facts(path: &Path) -> (String, String) {
    let started = Instant::now();
    loop {
        if let Some((pid, found)) = std::fs::read_to_string(path).ok().filter(|t| t.ends_with('\n')).and_then(|t| {
            let (pid, found) = t.trim().split_once(' ')?;
            Some((pid.to_string(), found.to_string()))
        }) {
            return (pid, found);
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the learner's code never ran");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether `pid` is gone (or a zombie) within 5 s.
fn dies(pid: &str) -> bool {
    let stat = format!("/proc/{pid}/stat");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        match std::fs::read_to_string(&stat) {
            Err(_) => return true,
            Ok(text) if text.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')) => return true,
            Ok(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    false
}

fn signal(pid: u32, signal: Signal) {
    kill_process(Pid::from_raw(pid as i32).expect("a pid"), signal).expect("signal sent");
}

fn tutorial_gets(sig: Signal, code: i32) {
    let Some(python) = django_python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws");
    let ws_arg = ws.to_string_lossy().into_owned();
    let (mut pty, _master, _) =
        Pty::spawn(&[BIN, "practice", "--workspace", &ws_arg, "--python", &python], dir.path()).expect("spawn");
    let showing = |pty: &Pty, offset: usize, text: &str| {
        let shown = pty.wait_until(|out| {
            let tail = out.bytes.get(offset..).unwrap_or_default();
            pty::find(tail, HIDE_CURSOR).is_some() && Screen::parse(&String::from_utf8_lossy(&out.bytes)).contains(text)
        });
        if let Err(output) = shown {
            panic!("no {text:?} on the screen:\n{}", Screen::parse(&output).text());
        }
    };
    showing(&pty, 0, "Practice: 0/");
    let at = pty.len();
    let facts_file = dir.path().join("facts");
    std::fs::write(first_file(&ws), endless(&facts_file)).expect("save the endless view");
    showing(&pty, at, "running the checks");
    let (learner, found) = facts(&facts_file);
    assert_eq!(found, "no-tty", "the learner's code could open the tutorial's terminal");
    signal(pty.pid().expect("pid"), sig);
    let status = pty.wait_exit().expect("wait").expect("status-tutor exits on the signal");
    pty.join_reader().expect("reader");
    assert_eq!(status.exit_code() as i32, code, "exit status");
    assert!(dies(&learner), "the learner's process {learner} outlived the tutorial");
    assert!(!pty.text().contains("pwned"), "the learner's code wrote to the terminal");
    assert!(pty.text().ends_with("\x1b[?25h"), "the terminal is restored");
}

#[test]
fn sigterm_to_the_tutorial_stops_the_run() {
    tutorial_gets(Signal::TERM, 143);
}

#[test]
fn sighup_to_the_tutorial_stops_the_run() {
    tutorial_gets(Signal::HUP, 129);
}

fn check_gets(sig: Signal, code: i32) {
    let Some(python) = django_python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws");
    // A first check makes the workspace; the second runs the endless view.
    let prepare = Command::new(BIN)
        .args(["practice", "list", "--workspace"])
        .arg(&ws)
        .env("STATUS_TUTOR_DATA_DIR", dir.path())
        .output()
        .expect("list");
    assert!(prepare.status.success());
    std::fs::create_dir_all(ws.join("exercises")).expect("exercises folder");
    let facts_file = dir.path().join("facts");
    std::fs::write(first_file(&ws), endless(&facts_file)).expect("the endless view");
    let mut check = Command::new(BIN)
        .args(["practice", "check", "1", "--python", &python, "--workspace"])
        .arg(&ws)
        .env("STATUS_TUTOR_DATA_DIR", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("practice check");
    let (learner, _) = facts(&facts_file);
    signal(check.id(), sig);
    let status = check.wait().expect("wait");
    assert_eq!(status.code(), Some(code));
    assert!(dies(&learner), "the learner's process {learner} outlived `practice check`");
}

#[test]
fn sigterm_to_practice_check_stops_the_run() {
    check_gets(Signal::TERM, 143);
}

#[test]
fn sighup_to_practice_check_stops_the_run() {
    check_gets(Signal::HUP, 129);
}

#[test]
fn ctrl_c_in_the_terminal_stops_practice_check_and_its_run_never_had_the_terminal() {
    let Some(python) = django_python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws");
    let ws_arg = ws.to_string_lossy().into_owned();
    std::fs::create_dir_all(ws.join("exercises")).expect("exercises folder");
    let facts_file = dir.path().join("facts");
    std::fs::write(first_file(&ws), endless(&facts_file)).expect("the endless view");
    let (mut pty, _master, _) =
        Pty::spawn(&[BIN, "practice", "check", "1", "--workspace", &ws_arg, "--python", &python], dir.path())
            .expect("spawn");
    let (learner, found) = facts(&facts_file);
    assert_eq!(found, "no-tty", "the learner's code could open the terminal");
    pty.send("\x03").expect("Ctrl-C");
    let status = pty.wait_exit().expect("wait").expect("practice check exits on Ctrl-C");
    assert_eq!(status.exit_code(), 130);
    assert!(dies(&learner), "the learner's process {learner} outlived Ctrl-C");
    pty.join_reader().expect("reader");
    assert!(!pty.text().contains("pwned"), "the learner's code wrote to the terminal");
}
