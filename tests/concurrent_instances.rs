//! Two instances on one progress file lose nothing: real processes of the binary run at
//! once (plain rounds, practice checks, tutorials in pseudo-terminals) and afterwards
//! every round, card, answer, read page and done exercise is counted in the file.

#[allow(dead_code)] // shared with e2e.rs and the benches; this file uses a part
#[path = "support/screen.rs"]
mod screen;
#[allow(dead_code)] // shared with e2e.rs and the benches; this file uses a part
mod support;

use std::collections::BTreeSet;
use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use status_tutor::content::{Course, embedded, load};
use status_tutor::practice::workspace::Workspace;
use status_tutor::progress::{Progress, review::day_of};
// `screen` names the pty module as `crate::pty`, as the crates that include both do.
use screen::Screen;
use support::pty;
use support::pty::{HIDE_CURSOR, Pty, find};

type TestResult = Result<(), Box<dyn Error>>;

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

fn course() -> Course {
    load(&embedded::files()).expect("the built-in course loads").course
}

fn progress_path(data: &Path) -> PathBuf {
    data.join("django-http-status.toml")
}

/// The progress file as it is now (default when there is none yet).
fn read(data: &Path) -> Result<Progress, Box<dyn Error>> {
    match std::fs::read_to_string(progress_path(data)) {
        Ok(text) => Ok(toml::from_str(&text)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Progress::default()),
        Err(e) => Err(e.into()),
    }
}

/// Polls the progress file until `done` holds for it (10 s at most).
fn wait_for_file(data: &Path, what: &str, done: impl Fn(&Progress) -> bool) -> Result<Progress, Box<dyn Error>> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // A file caught mid-rename does not exist for an instant: read again.
        if let Ok(progress) = read(data)
            && done(&progress)
        {
            return Ok(progress);
        }
        if Instant::now() > deadline {
            return Err(format!("timed out waiting for {what}: {:?}", read(data)).into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `quiz --plain --json` on `questions` questions drawn with `seed`, every one skipped
/// (so every answer moves a card and counts in the day's tally), started now.
fn plain_round(data: &Path, seed: u64, questions: usize) -> Result<Child, Box<dyn Error>> {
    let mut child = Command::new(BIN)
        .args(["quiz", "--plain", "--json", "--questions", &questions.to_string(), "--seed", &seed.to_string()])
        .env("STATUS_TUTOR_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    stdin.write_all("s\n".repeat(questions).as_bytes())?;
    Ok(child)
}

/// The ids a finished `--json` round missed (all of them, every one was skipped).
fn missed_ids(child: Child) -> Result<Vec<String>, Box<dyn Error>> {
    let out = child.wait_with_output()?;
    assert!(out.status.success(), "a plain round failed: {:?}", out.status);
    let score: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let missed = score["missed"].as_array().ok_or("no missed ids in the results")?;
    Ok(missed.iter().filter_map(|id| id.as_str().map(str::to_owned)).collect())
}

/// The pinned Django, as `tests/practice_cli.rs` finds it (skipped with
/// STATUS_TUTOR_SKIP_DJANGO=1).
fn django_python() -> Option<PathBuf> {
    if std::env::var("STATUS_TUTOR_SKIP_DJANGO").as_deref() == Ok("1") {
        return None;
    }
    let out = Command::new("python3")
        .args(["tests/django/run.py", "--ensure-venv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 tests/django/run.py --ensure-venv");
    assert!(out.status.success(), "no Django venv: {}", String::from_utf8_lossy(&out.stderr));
    Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).lines().last().expect("path").trim()))
}

#[test]
fn plain_rounds_and_practice_checks_at_once_lose_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let course = course();
    // Two exercises solved in a workspace, checked while the rounds run.
    let python = django_python();
    let workspace = dir.path().join("ws");
    let solved: Vec<usize> = if python.is_some() { vec![0, 1] } else { vec![] };
    if python.is_some() {
        std::fs::create_dir_all(Workspace::new(&workspace).exercises_dir())?;
        for &at in &solved {
            let exercise = &course.exercises[at];
            std::fs::write(Workspace::new(&workspace).file_for(at + 1, &exercise.id), &exercise.solution)?;
        }
    }
    if let Some(python) = &python {
        // The workspace is prepared once first (a starter checked, which fails): two checks
        // installing the checker into one new workspace at once is the runner's business.
        let status = Command::new(BIN)
            .args(["practice", "check", &course.exercises[2].id, "--python"])
            .arg(python)
            .arg("--workspace")
            .arg(&workspace)
            .env("STATUS_TUTOR_DATA_DIR", &data)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()?;
        assert_eq!(status.code(), Some(1), "the starter fails");
    }
    const ROUNDS: u64 = 4;
    const QUESTIONS: usize = 6;
    let rounds: Vec<Child> = (0..ROUNDS).map(|seed| plain_round(&data, seed, QUESTIONS)).collect::<Result<_, _>>()?;
    let checks: Vec<Child> = match &python {
        Some(python) => solved
            .iter()
            .map(|&at| {
                Command::new(BIN)
                    .args(["practice", "check", &course.exercises[at].id, "--python"])
                    .arg(python)
                    .arg("--workspace")
                    .arg(&workspace)
                    .env("STATUS_TUTOR_DATA_DIR", &data)
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
            })
            .collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let mut asked = BTreeSet::new();
    for round in rounds {
        asked.extend(missed_ids(round)?);
    }
    for check in checks {
        let out = check.wait_with_output()?;
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "a solution's check failed:\n{stdout}\n{stderr}");
    }
    let progress = read(&data)?;
    assert_eq!(progress.quiz.history.len(), ROUNDS as usize, "every round is kept");
    let cards: BTreeSet<String> = progress.review.cards.keys().cloned().collect();
    assert_eq!(cards, asked, "every question asked has its card");
    let today = day_of(i64::try_from(std::time::UNIX_EPOCH.elapsed()?.as_secs())?);
    let answered: u32 = progress.review.days.values().map(|d| d.answered).sum();
    assert_eq!(answered, ROUNDS as u32 * QUESTIONS as u32, "every answer is counted ({today})");
    for &at in &solved {
        assert!(progress.practice.done.contains(&course.exercises[at].id), "exercise {at} is done");
    }
    Ok(())
}

/// A tutorial in its own pseudo-terminal, the data directory shared.
struct Tutorial {
    pty: Pty,
    _master: support::pty::Master,
}

impl Tutorial {
    fn start(data: &Path) -> Result<Tutorial, Box<dyn Error>> {
        let (pty, master, _) = Pty::spawn_with_env(&[BIN], data, &[("STATUS_TUTOR_THEME", "dark")])?;
        let tutorial = Tutorial { pty, _master: master };
        tutorial.pty.wait_until(|out| find(&out.bytes, HIDE_CURSOR).is_some()).map_err(|t| format!("no frame: {t}"))?;
        Ok(tutorial)
    }

    /// Sends keys one at a time, a frame apart.
    fn keys(&mut self, keys: &[&str]) -> TestResult {
        for key in keys {
            let before = self.pty.len();
            self.pty.send(key)?;
            // Each key draws a frame, or nothing when nothing changed: wait briefly for one.
            let deadline = Instant::now() + Duration::from_secs(2);
            while self.pty.len() == before && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(10));
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        Ok(())
    }

    fn quit(self) -> TestResult {
        self.quit_with("q")
    }

    /// Quits with `key` (`q`, or Ctrl-C where `q` means something else).
    fn quit_with(mut self, key: &str) -> TestResult {
        self.pty.send(key)?;
        let status = self.pty.wait_exit()?.ok_or("the tutorial did not quit")?;
        assert!(status.success(), "{status:?}");
        Ok(())
    }
}

const RIGHT: &str = "\x1b[C";

#[test]
fn a_tutorial_left_open_keeps_what_plain_rounds_saved_meanwhile() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().to_path_buf();
    let pages: Vec<String> = course().pages.iter().map(|p| p.id.clone()).collect();
    let mut tutorial = Tutorial::start(&data)?;
    tutorial.keys(&["\r", "G"])?;
    wait_for_file(&data, "the first page read", |p| p.pages_read.contains(&pages[0]))?;
    // Two plain rounds while the tutorial stays open.
    let mut asked = BTreeSet::new();
    for seed in [1, 2] {
        asked.extend(missed_ids(plain_round(&data, seed, 3)?)?);
    }
    // The tutorial saves again (another page read): its save merges, not overwrites.
    tutorial.keys(&[RIGHT, "G"])?;
    wait_for_file(&data, "the second page read", |p| p.pages_read.contains(&pages[1]))?;
    // And it took in what the plain rounds saved: the quiz shows their best score.
    let best = read(&data)?.quiz.best.ok_or("the plain rounds' best")?;
    let shown = format!("Your best full round: {}/{}", best.correct, best.total);
    tutorial.keys(&["t"])?;
    let seen = tutorial.pty.wait_until(|out| Screen::parse(&String::from_utf8_lossy(&out.bytes)).contains(&shown));
    assert!(seen.is_ok(), "the tutorial shows {shown:?}:\n{}", Screen::parse(&tutorial.pty.text()).text());
    tutorial.quit_with("\x03")?;
    let progress = read(&data)?;
    assert_eq!(progress.quiz.history.len(), 2, "both plain rounds are kept");
    assert_eq!(progress.review.cards.keys().cloned().collect::<BTreeSet<_>>(), asked);
    assert!(progress.pages_read.contains(&pages[0]) && progress.pages_read.contains(&pages[1]));
    Ok(())
}

#[test]
fn two_tutorials_at_once_keep_each_others_pages() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().to_path_buf();
    let pages: Vec<String> = course().pages.iter().map(|p| p.id.clone()).collect();
    let mut first = Tutorial::start(&data)?;
    let mut second = Tutorial::start(&data)?;
    // Interleaved: each reads pages the other never opens.
    first.keys(&["\r", "G"])?;
    second.keys(&["\r", RIGHT, "G"])?;
    first.keys(&[RIGHT, RIGHT, "G"])?;
    second.keys(&[RIGHT, RIGHT, "G"])?;
    wait_for_file(&data, "four pages read", |p| (0..4).all(|at| p.pages_read.contains(&pages[at])))?;
    first.quit()?;
    second.quit()?;
    let progress = read(&data)?;
    for (at, page) in pages.iter().enumerate().take(4) {
        assert!(progress.pages_read.contains(page), "page {at} ({page}) was read: {:?}", progress.pages_read);
    }
    Ok(())
}
