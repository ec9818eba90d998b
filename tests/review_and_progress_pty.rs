//! The learning loop through the real binary in a pseudo-terminal, with the clock set by
//! `STATUS_TUTOR_NOW`: the welcome says what is due, a review round is titled Review and
//! says when each question comes back, `r` lands on the passage that teaches it, and the
//! progress screen draws at 80x24 and at 200x60 (two columns).

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

use drive::{press, wait_screen};
use portable_pty::PtySize;
use pty::{Master, Pty};
use status_tutor::content::{QuestionKind, embedded, load};
use status_tutor::progress::review::unix_from_rfc3339;

type TestResult = Result<(), Box<dyn Error>>;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");
const NOW: &str = "2026-11-20T10:00:00Z";
const DAY: i64 = 86_400;

/// A progress file with one single-choice question due an hour ago, one due in three
/// days, and a few full rounds; returns the due question's id.
fn write_progress(dir: &Path) -> Result<String, Box<dyn Error>> {
    write_progress_due(dir, None)
}

/// [`write_progress`] with the question `due` (by id) as the one due, when given.
fn write_progress_due(dir: &Path, due: Option<&str>) -> Result<String, Box<dyn Error>> {
    let course = load(&embedded::files()).map_err(|e| format!("{e:?}"))?.course;
    let mut singles = course.questions.iter().filter(|q| matches!(q.kind, QuestionKind::Single { .. }));
    let (mut due_question, later) = (singles.next().ok_or("a single choice")?, singles.next().ok_or("another")?);
    if let Some(id) = due {
        due_question = course.questions.iter().find(|q| q.id == id).ok_or("the question")?;
    }
    let due = due_question;
    let now = unix_from_rfc3339(NOW).ok_or("NOW parses")?;
    let card = |id: &str, due: i64| {
        format!(
            "[review.cards.\"{id}\"]\ndue = {due}\nstability = 3.0\ndifficulty = 5.0\nreps = 1\n\
             last_review = {}\nlast_right = true\nstep = \"review\"\n\n",
            now - 3 * DAY
        )
    };
    let mut text = "version = 1\nwelcomed = true\n\n".to_owned();
    for (day, correct) in [("01", 5), ("05", 8), ("12", 7), ("18", 11)] {
        text.push_str(&format!(
            "[[quiz.history]]\ndate = \"2026-11-{day}T10:00:00Z\"\ncorrect = {correct}\ntotal = 12\nmissed = []\n\n"
        ));
    }
    text.push_str(&card(&due.id, now - 3600));
    text.push_str(&card(&later.id, now + 3 * DAY));
    std::fs::write(dir.join(format!("{}.toml", course.id)), text)?;
    Ok(due.id.clone())
}

fn start(dir: &Path) -> Result<(Pty, Master), Box<dyn Error>> {
    let (pty, master, _) = Pty::spawn_with_env(&[BIN, "--theme", "dark"], dir, &[("STATUS_TUTOR_NOW", NOW)])?;
    Ok((pty, master))
}

#[test]
fn the_welcome_says_what_is_due_and_a_review_says_when_it_comes_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_progress(dir.path())?;
    let (mut pty, _master) = start(dir.path())?;
    let welcome = wait_screen(&pty, 0, (80, 24), "the welcome", |s| s.contains("R reviews them"));
    assert!(welcome.contains("1 due now · 0 tomorrow — R reviews them"), "{}", welcome.text());
    assert!(welcome.contains("R     review what is due"), "{}", welcome.text());
    let intro = press(&mut pty, "R", "the review's intro", |s| s.contains("Enter start"))?;
    assert!(intro.line(1).contains("Review"), "{}", intro.text());
    assert!(intro.line(23).starts_with(" Review · 0/1 answered"), "{}", intro.text());
    let asked = press(&mut pty, "\r", "the question", |s| s.contains("Review 1 of 1"))?;
    assert!(asked.contains("Review 1 of 1   due"), "{}", asked.text());
    let feedback = press(&mut pty, "1", "the feedback", |s| s.contains("next: "))?;
    let text = feedback.text();
    // Right: days out (the Easy rule said); wrong: a step of minutes.
    assert!(
        text.contains("counts as easy") || text.contains("would count as easy") || text.contains("next: in 5 min"),
        "{text}"
    );
    assert!(feedback.contains("Review 1 of 1") && feedback.contains("Enter next"), "{text}");
    pty.send("\r")?;
    pty.send("q")?;
    pty.send("q")?;
    pty.wait_exit()?;
    Ok(())
}

#[test]
fn r_lands_on_the_passage_and_q_goes_back_to_the_answer() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_progress_due(dir.path(), Some("render-default-status"))?;
    let (mut pty, _master) = start(dir.path())?;
    wait_screen(&pty, 0, (80, 24), "the welcome", |s| s.contains("R reviews them"));
    press(&mut pty, "R", "the review's intro", |s| s.contains("Enter start"))?;
    press(&mut pty, "\r", "the question", |s| s.contains("Review 1 of 1"))?;
    press(&mut pty, "418\r", "the feedback", |s| s.contains("Not quite"))?;
    // The passage, six blocks down the page, at the top of the screen and marked.
    let page = press(&mut pty, "r", "the passage", |s| s.contains("200 is what HttpResponse"))?;
    let row = (0..23).find(|&row| page.line(row).contains("200 is what HttpResponse")).unwrap_or(99);
    assert!(row <= 4, "the passage is near the top:\n{}", page.text());
    assert!(!page.contains("The request succeeded"), "not the top of the page:\n{}", page.text());
    let reading = press(&mut pty, "j", "a line down", |s| s.line(23).contains("Reading for the quiz"))?;
    assert!(reading.line(23).contains("t or q back to the question"), "{}", reading.text());
    let back = press(&mut pty, "q", "the answer again", |s| s.contains("Not quite"))?;
    assert!(back.contains("Review 1 of 1"), "{}", back.text());
    pty.send("\r")?;
    pty.send("q")?;
    pty.send("q")?;
    pty.wait_exit()?;
    Ok(())
}

#[test]
fn the_progress_screen_at_80x24_scrolls_to_the_topics() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_progress(dir.path())?;
    let (mut pty, _master) = start(dir.path())?;
    wait_screen(&pty, 0, (80, 24), "the welcome", |s| s.contains("R reviews them"));
    let top = press(&mut pty, "%", "the progress screen", |s| s.contains("Your progress"))?;
    let text = top.text();
    assert!(
        text.contains("Pages read, per section") && text.contains(&format!("0/{} pages read", builtin_pages())),
        "{text}"
    );
    assert!(text.contains("Quiz rounds: score per round"), "{text}");
    assert!(top.line(23).contains("Your progress") && top.line(23).contains("back"), "{text}");
    let bottom = press(&mut pty, "G", "the bottom", |s| s.contains("Topics that need work"))?;
    assert!(bottom.contains("Retention"), "{}", bottom.text());
    let back = press(&mut pty, "q", "the welcome again", |s| s.contains("R reviews them"))?;
    assert!(!back.contains("Your progress"));
    pty.send("q")?;
    pty.wait_exit()?;
    Ok(())
}

#[test]
fn the_progress_screen_at_200x60_stands_in_two_columns() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_progress(dir.path())?;
    let (mut pty, master) = start(dir.path())?;
    wait_screen(&pty, 0, (80, 24), "the welcome", |s| s.contains("R reviews them"));
    master.resize(PtySize { rows: 60, cols: 200, pixel_width: 0, pixel_height: 0 })?;
    pty.send("P")?;
    let screen = wait_screen(&pty, 0, (200, 60), "the progress screen at 200x60", |s| {
        s.line(59).contains("Your progress") && s.contains("Retention")
    });
    let text = screen.text();
    let side_by_side = (0..60).any(|row| {
        let line = screen.line(row);
        line.contains("Pages read, per section") && line.contains("Quiz rounds")
    });
    assert!(side_by_side, "two columns:\n{text}");
    assert!(
        text.contains("Review forecast: 1 question(s) due in the next 14 days") || text.contains("Review forecast")
    );
    assert!(text.contains("Retention"), "everything fits at 200x60:\n{text}");
    pty.send("q")?;
    pty.send("q")?;
    pty.wait_exit()?;
    Ok(())
}

/// How many pages the built-in course has (the screen counts them).
fn builtin_pages() -> usize {
    status_tutor::content::load(&status_tutor::content::embedded::files())
        .expect("the built-in course")
        .course
        .pages
        .len()
}
