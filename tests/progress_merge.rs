//! Every save merges with the file under its lock: stores of two "instances" in turn keep
//! each other's work, a file damaged meanwhile is set aside (never lost), a newer file is
//! never overwritten, a save waits for another's lock, and a `--content` course that takes
//! the built-in id keeps its own progress.
#[allow(dead_code)] // shared with other test crates; this file uses a part
mod support;

use std::error::Error;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use status_tutor::progress::review::DayTally;
use status_tutor::progress::{Progress, RoundRecord, Store};

type TestResult = Result<(), Box<dyn Error>>;

const COURSE: &str = "django-http-status";
const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

fn open(dir: &Path) -> Result<(Store, Progress), Box<dyn Error>> {
    let (store, progress, warnings) = Store::open(Some(dir), COURSE);
    if !warnings.is_empty() {
        return Err(format!("unexpected warnings: {warnings:?}").into());
    }
    Ok((store, progress))
}

fn round(who: &str, n: usize) -> RoundRecord {
    RoundRecord { date: format!("2026-01-01T00:{n:02}:00Z"), correct: 1, total: 2, missed: vec![format!("{who}{n}")] }
}

#[test]
fn two_instances_checking_practice_keep_the_newest_result_of_each_exercise() -> TestResult {
    use status_tutor::progress::CheckRecord;
    let check = |passed, at: &str| CheckRecord { passed, at: at.into(), file: format!("{passed}{at}") };
    let dir = tempfile::tempdir()?;
    let (mut first, mut mine) = open(dir.path())?;
    let (mut second, mut theirs) = open(dir.path())?;
    // The full screen checks "a" (passes) and "b" (fails); the command line checks "b"
    // later (passes) and "c" (fails), without knowing what the first saved.
    mine.practice.checks.insert("a".into(), check(true, "2026-01-01T10:00:00Z"));
    mine.practice.checks.insert("b".into(), check(false, "2026-01-01T10:05:00Z"));
    mine.practice.done.insert("a".into());
    assert_eq!(first.save(&mine), None);
    theirs.practice.checks.insert("b".into(), check(true, "2026-01-01T10:06:00Z"));
    theirs.practice.checks.insert("c".into(), check(false, "2026-01-01T10:07:00Z"));
    theirs.practice.done.insert("b".into());
    assert_eq!(second.save(&theirs), None);
    // The first saves again with an older view of "b": the newer pass stays.
    mine.practice.checks.insert("a".into(), check(false, "2026-01-01T10:08:00Z"));
    assert_eq!(first.save(&mine), None);
    let (_, on_file) = open(dir.path())?;
    let passed = |id: &str| on_file.practice.checks.get(id).map(|c| (c.passed, c.at.clone()));
    assert_eq!(passed("a"), Some((false, "2026-01-01T10:08:00Z".into())), "the newest result of a");
    assert_eq!(passed("b"), Some((true, "2026-01-01T10:06:00Z".into())), "the other instance's newer pass");
    assert_eq!(passed("c"), Some((false, "2026-01-01T10:07:00Z".into())));
    assert_eq!(on_file.practice.done.len(), 2, "done is the union: a passed once, b too");
    Ok(())
}

#[test]
fn two_stores_saving_in_turn_keep_everything_both_did() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut first, mut mine) = open(dir.path())?;
    let (mut second, mut theirs) = open(dir.path())?;
    const STEPS: usize = 10;
    for n in 0..STEPS {
        for (store, progress, who) in [(&mut first, &mut mine, "a"), (&mut second, &mut theirs, "b")] {
            progress.mark_read(&format!("{who}-page-{n}"));
            progress.practice.done.insert(format!("{who}-exercise-{n}"));
            progress.record_round(round(who, n));
            let record = status_tutor::quiz::Record {
                answer: status_tutor::quiz::Answer::Skipped,
                verdict: status_tutor::quiz::Verdict::Skipped,
                spent_ms: 0,
            };
            progress.review.note_answer(&format!("{who}-q{n}"), &record, 1_764_000_000 + n as i64);
            // One instance learns what the other saved, the other keeps its own copy only.
            let warning = if who == "a" { store.sync(progress) } else { store.save(progress) };
            assert_eq!(warning, None);
        }
    }
    let (_, on_file) = open(dir.path())?;
    assert_eq!(on_file.pages_read.len(), 2 * STEPS);
    assert_eq!(on_file.practice.done.len(), 2 * STEPS);
    assert_eq!(on_file.quiz.history.len(), 2 * STEPS, "every round, each once");
    assert_eq!(on_file.review.cards.len(), 2 * STEPS);
    let answered: u32 = on_file.review.days.values().map(|d: &DayTally| d.answered).sum();
    assert_eq!(answered, 2 * STEPS as u32, "every answer counted once");
    assert_eq!(mine.pages_read.len(), 2 * STEPS - 1, "the syncing instance saw the other's pages at its save");
    assert_eq!(first.sync(&mut mine), None);
    assert_eq!(mine, on_file, "and all of them at its next one");
    Ok(())
}

#[test]
fn a_file_damaged_between_saves_is_set_aside_and_the_save_goes_on() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, mut progress) = open(dir.path())?;
    progress.mark_read("before");
    assert_eq!(store.save(&progress), None);
    fs::write(store.path(), "this is = = not toml")?;
    progress.mark_read("after");
    let warning = store.save(&progress).ok_or("the damaged file is reported")?;
    assert!(warning.contains("moved it to"), "{warning}");
    assert!(store.is_saving(), "saving goes on");
    let (_, on_file) = open(dir.path())?;
    assert!(on_file.pages_read.contains("before") && on_file.pages_read.contains("after"));
    let aside = fs::read_dir(dir.path())?.flatten().filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
    let kept: Vec<String> = aside.map(|e| fs::read_to_string(e.path())).collect::<Result<_, _>>()?;
    assert_eq!(kept, vec!["this is = = not toml".to_owned()], "the damaged file is kept as it was");
    Ok(())
}

#[test]
fn a_file_from_a_newer_version_is_never_overwritten() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, mut progress) = open(dir.path())?;
    assert_eq!(store.save(&progress), None);
    fs::write(store.path(), "version = 99\nwelcomed = true\n")?;
    progress.mark_read("page");
    let warning = store.save(&progress).ok_or("refused with a warning")?;
    assert!(warning.contains("newer status-tutor"), "{warning}");
    assert!(!store.is_saving());
    assert_eq!(fs::read_to_string(store.path())?, "version = 99\nwelcomed = true\n");
    Ok(())
}

#[test]
fn a_save_waits_while_another_instance_holds_the_lock() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, mut progress) = open(dir.path())?;
    let mut lock_path = store.path().as_os_str().to_owned();
    lock_path.push(".lock");
    let held = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path)?;
    held.lock()?;
    let path = store.path().to_path_buf();
    let saver = std::thread::spawn(move || {
        progress.mark_read("page");
        store.save(&progress)
    });
    std::thread::sleep(Duration::from_millis(300));
    assert!(!path.exists(), "nothing is written while another save holds the lock");
    held.unlock()?;
    let started = Instant::now();
    assert_eq!(saver.join().map_err(|_| "the saver panicked")?, None);
    assert!(started.elapsed() < Duration::from_secs(2), "the save goes ahead once the lock is free");
    assert!(path.exists());
    Ok(())
}

/// `quiz --plain` of one skipped question, with `extra` arguments first.
fn one_round(data: &Path, extra: &[&str]) -> TestResult {
    let mut child = Command::new(BIN)
        .args(extra)
        .args(["quiz", "--plain", "--questions", "1", "--seed", "3"])
        .env("STATUS_TUTOR_DATA_DIR", data)
        .env("STATUS_TUTOR_CACHE_DIR", data.join("cache"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::io::Write::write_all(&mut child.stdin.take().ok_or("stdin")?, b"s\n")?;
    assert!(child.wait()?.success());
    Ok(())
}

#[test]
fn a_content_course_with_the_built_in_id_keeps_its_own_progress() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let copy = dir.path().join("course");
    support::course_copy::copy_tree(&support::course_copy::content_dir(), &copy);
    let copy_arg = copy.to_string_lossy().into_owned();
    one_round(&data, &[])?;
    one_round(&data, &["--content", &copy_arg])?;
    one_round(&data, &["--content", &copy_arg])?;
    let files: Vec<String> = fs::read_dir(&data)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    assert_eq!(files.len(), 2, "one file each: {files:?}");
    let builtin: Progress = toml::from_str(&fs::read_to_string(data.join("django-http-status.toml"))?)?;
    assert_eq!(builtin.quiz.history.len(), 1, "the built-in course's rounds are its own");
    let other = files.iter().find(|f| *f != "django-http-status.toml").ok_or("the course's own file")?;
    let content: Progress = toml::from_str(&fs::read_to_string(data.join(other))?)?;
    assert_eq!(content.quiz.history.len(), 2, "the same folder finds its progress again");
    Ok(())
}

#[test]
fn a_plain_round_gives_back_the_round_the_tutorial_paused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, mut progress) = open(dir.path())?;
    let paused = status_tutor::quiz::PausedRound {
        kind: Some(status_tutor::quiz::RoundKind::Full),
        seed: 5,
        questions: vec![status_tutor::quiz::PausedQuestion { id: "q".into(), ..Default::default() }],
        elapsed_ms: 10,
    };
    progress.review.paused = Some(paused.clone());
    assert_eq!(store.save(&progress), None);
    one_round(dir.path(), &[])?;
    let (_, after) = open(dir.path())?;
    assert_eq!(after.quiz.history.len(), 1, "the plain round is recorded");
    assert_eq!(after.review.paused, Some(paused), "the paused round is still there to resume");
    Ok(())
}
