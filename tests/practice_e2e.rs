//! End to end with real Python: `status-tutor practice` in an 80x24 pseudo-terminal, a
//! solution written into the exercise file (as an editor would), the checks turn green,
//! the exercise is marked done on screen and in the progress file; and the question the
//! first `x` asks before it creates the practice folder.
//!
//! Uses the pinned Django from `python3 tests/django/run.py --ensure-venv` (created from
//! PyPI on a fresh machine); `STATUS_TUTOR_SKIP_DJANGO=1` skips it deliberately.
#[path = "support/pty.rs"]
mod pty;
#[path = "support/screen.rs"]
mod screen;

use pty::{HIDE_CURSOR, Pty};
use screen::Screen;
use status_tutor::content::{embedded, load};
use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

fn django_python() -> Option<PathBuf> {
    if std::env::var("STATUS_TUTOR_SKIP_DJANGO").as_deref() == Ok("1") {
        println!("STATUS_TUTOR_SKIP_DJANGO=1: skipping the practice end-to-end test deliberately");
        return None;
    }
    let out = Command::new("python3")
        .args(["tests/django/run.py", "--ensure-venv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 tests/django/run.py --ensure-venv");
    assert!(out.status.success(), "no Django venv: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    Some(PathBuf::from(stdout.lines().last().expect("python path").trim()))
}

/// Waits until a whole frame after `offset` shows `text` somewhere on the screen.
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
fn a_solution_saved_into_the_file_turns_the_checks_green_and_marks_it_done() {
    let Some(python) = django_python() else { return };
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    let exercise = course.exercises.first().expect("the course has exercises");
    let total = course.exercises.len();
    let dir = tempfile::tempdir().expect("tempdir");
    let workspace = dir.path().join("ws");
    let python = python.to_string_lossy().into_owned();
    let workspace_arg = workspace.to_string_lossy().into_owned();
    let (mut pty, _master, _) =
        Pty::spawn(&[BIN, "practice", "--workspace", &workspace_arg, "--python", &python], dir.path()).expect("spawn");

    let pid = pty.pid().expect("a process id");
    let at = wait_for_text(&pty, 0, &format!("Practice: 0/{total} done"));
    let file = status_tutor::practice::workspace::Workspace::new(&workspace).file_for(1, &exercise.id);
    assert_eq!(std::fs::read_to_string(&file).expect("starter written"), exercise.starter);

    // The learner saves a wrong answer first (the starter with a change), then the solution.
    std::fs::write(&file, format!("{}\n# still working\n", exercise.starter)).expect("write");
    let at = wait_for_text(&pty, at, "checks fail");
    std::fs::write(&file, &exercise.solution).expect("write the solution");
    wait_for_text(&pty, at, "Well done!");
    wait_for_text(&pty, at, &format!("Practice: 1/{total} done"));

    pty.send("q").expect("back to the lessons");
    pty.send("q").expect("quit");
    assert!(pty.wait_exit().expect("wait").is_some_and(|s| s.success()), "status-tutor (pid {pid}) exits cleanly");
    pty.join_reader().expect("reader");
    assert!(pty.text().ends_with("\x1b[?25h"), "the terminal is restored, cursor shown last");
    let progress = std::fs::read_to_string(dir.path().join(format!("{}.toml", course.id))).expect("progress saved");
    assert!(progress.contains(&format!("\"{}\"", exercise.id)), "done mark in the progress file:\n{progress}");
}

/// The first `x` asks before creating `./status-tutor-practice` (as `rustlings init`
/// does), saying where; no creates nothing, yes creates it and opens practice. Needs no
/// Django: nothing runs.
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
