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
