//! What is read from the progress file is bounded: only a regular file is opened (a FIFO
//! would block, a device never end), one over 1 MiB is set aside, values are clamped, and
//! the temporary files of killed saves are cleaned up.
use std::error::Error;
use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use status_tutor::progress::{MAX_PROGRESS_BYTES, Progress, Store, Writer, course_file_name};

type TestResult = Result<(), Box<dyn Error>>;

const COURSE: &str = "django-http-status";

/// Opens the store on a thread, so a hang fails the test instead of stalling it.
fn open_with_deadline(dir: &Path) -> (Store, Progress, Vec<String>) {
    let dir = dir.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(Store::open(Some(&dir), COURSE));
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(opened) => opened,
        Err(_) => panic!("opening the progress store hung"),
    }
}

#[test]
fn a_fifo_as_the_progress_file_is_refused_without_blocking() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join(course_file_name(COURSE));
    assert!(Command::new("mkfifo").arg(&path).status()?.success());
    let started = Instant::now();
    let (mut store, progress, warnings) = open_with_deadline(dir.path());
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(progress, Progress::default());
    assert!(warnings.iter().any(|w| w.contains("it is a FIFO, not a regular file")), "{warnings:?}");
    assert!(!store.is_saving(), "a FIFO is never replaced");
    assert_eq!(store.save(&Progress::default()), None);
    assert!(fs::symlink_metadata(&path)?.file_type().is_fifo(), "left in place");
    Ok(())
}

#[test]
fn a_link_to_dev_zero_is_refused_without_reading_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(course_file_name(COURSE)))?;
    let started = Instant::now();
    let (store, progress, warnings) = open_with_deadline(dir.path());
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(progress, Progress::default());
    assert!(warnings.iter().any(|w| w.contains("it is a device, not a regular file")), "{warnings:?}");
    assert!(!store.is_saving());
    Ok(())
}

#[test]
fn a_progress_file_over_one_mib_is_set_aside_unread() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join(course_file_name(COURSE));
    // Valid TOML, just huge: 50 MB of read pages is what the stress run used.
    let mut text = String::from("version = 1\npages_read = [\n");
    while (text.len() as u64) <= MAX_PROGRESS_BYTES {
        text.push_str("  \"page-with-a-long-enough-name-to-fill-the-file\",\n");
    }
    text.push_str("]\n");
    fs::write(&path, &text)?;
    let started = Instant::now();
    let (store, progress, warnings) = open_with_deadline(dir.path());
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(progress, Progress::default());
    assert!(warnings.iter().any(|w| w.contains("larger than 1024 KiB") && w.contains(".corrupt-")), "{warnings:?}");
    assert!(store.is_saving(), "set aside like a corrupt file, so saving goes on");
    assert!(!path.exists(), "moved aside");
    Ok(())
}

#[test]
fn values_read_are_clamped() -> TestResult {
    let dir = tempfile::tempdir()?;
    let long = "x".repeat(10_000);
    let text = format!(
        "version = 1\nlast_page = \"{long}\"\npages_read = [\"ok\", \"{long}\"]\n\
         [quiz.best]\ndate = \"2025-01-01T00:00:00Z\"\ncorrect = 4000000000\ntotal = 1\nmissed = [\"a\", \"b\", \"c\"]\n\
         [[quiz.history]]\ndate = \"{long}\"\ncorrect = 9\ntotal = 3\n"
    );
    fs::write(dir.path().join(course_file_name(COURSE)), text)?;
    let (_, progress, warnings) = open_with_deadline(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    let best = progress.quiz.best.as_ref().ok_or("the best round is kept")?;
    assert_eq!((best.correct, best.total), (1, 1), "never more right than asked");
    assert_eq!(best.missed.len(), 1, "never more missed than asked");
    let round = &progress.quiz.history[0];
    assert_eq!((round.correct, round.total), (3, 3));
    assert_eq!(round.date, "", "an absurd date is dropped");
    assert_eq!(progress.last_page, None, "an absurd page id is dropped");
    assert_eq!(progress.pages_read.iter().collect::<Vec<_>>(), ["ok"]);
    Ok(())
}

#[test]
fn hand_edited_cards_are_clamped_and_nothing_but_numbers_is_written_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    let text = "version = 1\n\
        [review.cards.huge]\ndue = 1764000000\nstability = 1e308\ndifficulty = 50.0\nreps = 2147483647\n\
        lapses = 2147483647\nlast_review = 1764000000\n\
        [review.cards.future]\ndue = 253402300799\nstability = 3.0\ndifficulty = 5.0\nreps = 2\n\
        last_review = 253402300799\n\
        [review.cards.broken]\ndue = 1764000000\nstability = nan\ndifficulty = inf\nreps = 3\n";
    fs::write(dir.path().join(course_file_name(COURSE)), text)?;
    let (mut store, mut progress, warnings) = open_with_deadline(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    let now = i64::try_from(SystemTime::now().duration_since(SystemTime::UNIX_EPOCH)?.as_secs())?;
    let huge = &progress.review.cards["huge"];
    assert_eq!(huge.stability, 36_500.0, "at most FSRS's longest interval");
    assert_eq!(huge.difficulty, 10.0);
    assert!(huge.reps <= 1_000_000 && huge.lapses <= 1_000_000, "a counter can still grow: {huge:?}");
    let future = &progress.review.cards["future"];
    assert!(future.last_review <= now + 1, "no answer in the future: {future:?}");
    assert!(future.due <= now + 36_501 * 86_400, "{future:?}");
    let nan = &progress.review.cards["broken"];
    assert!(nan.stability.is_finite() && nan.difficulty.is_finite(), "{nan:?}");
    // Answering each again schedules finite numbers, and the file written has no NaN.
    let record = status_tutor::quiz::Record {
        answer: status_tutor::quiz::Answer::Skipped,
        verdict: status_tutor::quiz::Verdict::Skipped,
        spent_ms: 0,
    };
    for id in ["huge", "future", "broken"] {
        progress.review.note_answer(id, &record, now);
    }
    assert_eq!(store.save(&progress), None);
    let written = fs::read_to_string(store.path())?;
    assert!(!written.contains("= nan") && !written.contains("inf"), "{written}");
    let (_, again, warnings) = open_with_deadline(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(again.review.cards.values().all(|c| c.stability.is_finite() && c.due <= now + 36_501 * 86_400));
    Ok(())
}

#[test]
fn a_save_never_writes_a_file_the_next_launch_would_set_aside() -> TestResult {
    use status_tutor::progress::RoundRecord;
    let dir = tempfile::tempdir()?;
    let (mut store, _, _) = open_with_deadline(dir.path());
    // Records of long topic lists, as many `--topic` rounds once wrote (over 1 MiB).
    let mut progress = Progress::default();
    let long = "t".repeat(20_000);
    for n in 0..80 {
        let record = RoundRecord { date: format!("2026-01-01T00:{n:02}:00Z"), correct: 1, total: 2, missed: vec![] };
        progress.review.records.insert(format!("topic:{long}{n}"), record.clone());
        progress.quiz.history.push(RoundRecord { missed: vec![long.clone()], ..record });
    }
    assert_eq!(store.save(&progress), None);
    let size = fs::metadata(store.path())?.len();
    assert!(size <= MAX_PROGRESS_BYTES, "{size} bytes");
    let (_, loaded, warnings) = open_with_deadline(dir.path());
    assert!(warnings.is_empty(), "the next launch reads it: {warnings:?}");
    assert!(!loaded.review.records.is_empty() || !loaded.quiz.history.is_empty(), "only the oldest went");
    Ok(())
}

#[test]
fn stale_temp_files_of_killed_saves_are_removed_fresh_ones_kept() -> TestResult {
    let dir = tempfile::tempdir()?;
    let name = course_file_name(COURSE);
    let stale = dir.path().join(format!(".{name}.AbC123.tmp"));
    let fresh = dir.path().join(format!(".{name}.XyZ789.tmp"));
    let other = dir.path().join(".unrelated.tmp");
    for path in [&stale, &fresh, &other] {
        fs::write(path, "half a save")?;
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in [&stale, &other] {
        fs::File::options().write(true).open(path)?.set_modified(hour_ago)?;
    }
    let (store, progress, warnings) = open_with_deadline(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(stale.exists(), "opening alone touches nothing (start-up time)");
    // The writer thread cleans up when it starts, with the first save.
    let writer = Writer::spawn(store);
    writer.send(progress);
    assert!(writer.flush(Duration::from_secs(10)));
    assert!(!stale.exists(), "a killed save's leftover is removed");
    assert!(fresh.exists(), "another instance may be writing this one right now");
    assert!(other.exists(), "only our own temporary files are touched");
    Ok(())
}
