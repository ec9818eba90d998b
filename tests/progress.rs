//! The progress file: round trips, resuming, recovery from bad files, atomic saves.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use status_tutor::progress::{HISTORY_LIMIT, Progress, RoundRecord, Store, course_file_name};

type TestResult = Result<(), Box<dyn Error>>;

const COURSE: &str = "django-http-status";

/// A round with the given score, dated by `n` so rounds can be told apart.
fn round(n: u32, correct: u32, total: u32) -> RoundRecord {
    RoundRecord {
        date: format!("2025-01-01T00:00:{:02}Z", n % 60),
        correct,
        total,
        missed: (correct..total).map(|q| format!("q{q}")).collect(),
    }
}

/// Progress with every field away from its default.
fn busy_progress() -> Progress {
    let mut progress = Progress { welcomed: true, ..Progress::default() };
    progress.mark_read("200-ok");
    progress.mark_read("404-not-found");
    progress.set_position("404-not-found", 12);
    progress.record_round(round(1, 7, 10));
    progress.practice.done.insert("01-ok".into());
    let check = |passed| status_tutor::progress::CheckRecord {
        passed,
        at: "2025-01-02T03:04:05Z".into(),
        file: "0123456789abcdef".into(),
    };
    progress.practice.checks.insert("01-ok".into(), check(true));
    progress.practice.checks.insert("02-created".into(), check(false));
    progress
}

/// Opens and asserts that nothing was worth a warning.
fn open_quietly(dir: &Path, course: &str) -> Result<(Store, Progress), Box<dyn Error>> {
    let (store, progress, warnings) = Store::open(Some(dir), course);
    if !warnings.is_empty() {
        return Err(format!("unexpected warnings: {warnings:?}").into());
    }
    Ok((store, progress))
}

/// Saves and turns a warning into a test failure.
fn save(store: &mut Store, progress: &Progress) -> TestResult {
    match store.save(progress) {
        Some(warning) => Err(warning.into()),
        None => Ok(()),
    }
}

/// Files in `dir` whose name contains `part`.
fn files_containing(dir: &Path, part: &str) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.file_name().is_some_and(|n| n.to_string_lossy().contains(part)) {
            found.push(path);
        }
    }
    Ok(found)
}

#[test]
fn a_missing_file_is_a_fresh_start_without_warning() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data_dir = dir.path().join("not/yet/there");
    let (store, progress) = open_quietly(&data_dir, COURSE)?;
    assert_eq!(progress, Progress::default());
    assert!(store.is_saving());
    assert_eq!(store.path(), data_dir.join("django-http-status.toml"));
    assert!(!store.path().exists(), "nothing is written before the first save");
    Ok(())
}

#[test]
fn progress_round_trips() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, _) = open_quietly(dir.path(), COURSE)?;
    let progress = busy_progress();
    save(&mut store, &progress)?;
    let (_, loaded) = open_quietly(dir.path(), COURSE)?;
    assert_eq!(loaded, progress);
    assert!(fs::read_to_string(store.path())?.contains("version = 1"));
    Ok(())
}

#[test]
fn the_next_launch_resumes_at_the_same_spot() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, mut progress) = open_quietly(dir.path(), COURSE)?;
    progress.welcomed = true;
    assert!(progress.set_position("301-302-redirects", 40));
    assert!(!progress.set_position("301-302-redirects", 40), "no change, nothing to save");
    save(&mut store, &progress)?;
    let (_, resumed) = open_quietly(dir.path(), COURSE)?;
    assert!(resumed.welcomed);
    assert_eq!(resumed.last_page.as_deref(), Some("301-302-redirects"));
    assert_eq!(resumed.scroll, 40);
    Ok(())
}

#[test]
fn missing_and_unknown_fields_load_with_defaults() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("django-http-status.toml");
    fs::write(&path, "last_page = \"200-ok\"\nfrom_the_future = 3\n[quiz]\nbest = { correct = 2, total = 3 }\n")?;
    let (_, progress) = open_quietly(dir.path(), COURSE)?;
    assert_eq!(progress.version, 1);
    assert_eq!(progress.last_page.as_deref(), Some("200-ok"));
    assert_eq!(progress.scroll, 0);
    assert!(progress.pages_read.is_empty());
    assert_eq!(progress.quiz.best.map(|b| (b.correct, b.total)), Some((2, 3)));
    assert!(progress.practice.checks.is_empty(), "a file from before the checks loads with none");
    // A practice table from before the checks, too.
    fs::write(&path, "[practice]\nworkspace = \"/ws\"\ndone = [\"01-ok\"]\n")?;
    let (_, progress) = open_quietly(dir.path(), COURSE)?;
    assert_eq!(progress.practice.done.len(), 1);
    assert!(progress.practice.checks.is_empty());
    Ok(())
}

#[test]
fn a_corrupt_file_is_set_aside_with_a_warning() -> TestResult {
    let bad_files: [&[u8]; 4] = [
        b"scroll = \"half\"\n",
        b"pages_read = [\"200-ok\"",
        b"\xff\xfe not utf-8",
        b"[practice.checks.01-ok]\npassed = \"maybe\"\n",
    ];
    for old_bytes in bad_files {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("django-http-status.toml");
        fs::write(&path, old_bytes)?;
        let (mut store, progress, warnings) = Store::open(Some(dir.path()), COURSE);
        assert_eq!(progress, Progress::default());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let warning = &warnings[0];
        assert!(warning.contains("was unreadable (") && warning.contains("moved it to"), "{warning}");
        assert!(!warning.contains('\n'), "one line: {warning}");
        let aside = files_containing(dir.path(), "django-http-status.toml.corrupt-")?;
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert!(warning.contains(&*aside[0].to_string_lossy()), "{warning}");
        assert_eq!(fs::read(&aside[0])?, old_bytes, "the old bytes are kept");
        assert!(!path.exists());
        assert!(store.is_saving(), "the bad file is out of the way, so saving goes on");
        save(&mut store, &busy_progress())?;
        assert_eq!(fs::read(&aside[0])?, old_bytes, "saving does not touch the set-aside file");
    }
    Ok(())
}

#[test]
fn a_second_corrupt_file_does_not_replace_the_first_one_set_aside() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("django-http-status.toml");
    fs::write(&path, "first = [")?;
    let _ = Store::open(Some(dir.path()), COURSE);
    fs::write(&path, "second = [")?;
    let _ = Store::open(Some(dir.path()), COURSE);
    let mut kept: Vec<String> = Vec::new();
    for aside in files_containing(dir.path(), ".corrupt-")? {
        kept.push(fs::read_to_string(aside)?);
    }
    kept.sort();
    assert_eq!(kept, ["first = [", "second = ["]);
    Ok(())
}

#[test]
fn a_file_from_a_newer_version_is_read_but_never_overwritten() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("django-http-status.toml");
    let newer = "version = 2\nlast_page = \"200-ok\"\nnew_thing = true\n";
    fs::write(&path, newer)?;
    let (mut store, progress, warnings) = Store::open(Some(dir.path()), COURSE);
    assert_eq!(progress.last_page.as_deref(), Some("200-ok"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(!store.is_saving());
    assert_eq!(store.save(&progress), None);
    assert_eq!(fs::read_to_string(&path)?, newer);
    Ok(())
}

/// Whether permission bits bind for this user (they do not for root).
#[cfg(unix)]
fn permissions_bind(read_only_dir: &Path) -> bool {
    fs::write(read_only_dir.join("probe"), "").is_err()
}

#[cfg(unix)]
#[test]
fn a_read_only_data_directory_turns_saving_off_with_a_warning() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let read_only = dir.path().join("ro");
    fs::create_dir(&read_only)?;
    fs::write(read_only.join("django-http-status.toml"), "scroll = 3\n")?;
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o555))?;
    let binds = permissions_bind(&read_only);
    let (store, progress, warnings) = Store::open(Some(&read_only), COURSE);
    let (nested, _, nested_warnings) = Store::open(Some(&read_only.join("sub")), COURSE);
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o755))?;
    if !binds {
        eprintln!("skipped: permissions do not bind for this user (root?)");
        return Ok(());
    }
    assert!(!store.is_saving());
    assert_eq!(progress.scroll, 3, "the existing file is still read");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("not writable"), "{warnings:?}");
    assert!(!nested.is_saving());
    assert_eq!(nested_warnings.len(), 1, "{nested_warnings:?}");
    assert!(nested_warnings[0].contains("could not create"), "{nested_warnings:?}");
    Ok(())
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_turns_saving_off_and_is_left_alone() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("django-http-status.toml");
    fs::write(&path, "scroll = 3\n")?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000))?;
    let binds = fs::read(&path).is_err();
    let (mut store, progress, warnings) = Store::open(Some(dir.path()), COURSE);
    let saved = store.save(&busy_progress());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644))?;
    if !binds {
        eprintln!("skipped: permissions do not bind for this user (root?)");
        return Ok(());
    }
    assert_eq!(progress, Progress::default());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(!store.is_saving());
    assert_eq!(saved, None);
    assert_eq!(fs::read_to_string(&path)?, "scroll = 3\n");
    Ok(())
}

#[test]
fn a_failed_save_warns_once_and_turns_saving_off() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, progress) = open_quietly(dir.path(), COURSE)?;
    // A non-empty directory where the file should be: no rename can replace it, even as root.
    fs::create_dir(store.path())?;
    fs::write(store.path().join("keep"), "")?;
    let warning = store.save(&progress).ok_or("the save should fail")?;
    assert!(warning.starts_with("could not save progress to"), "{warning}");
    assert!(!warning.contains('\n'));
    assert!(!store.is_saving());
    assert_eq!(store.save(&progress), None, "the warning is given once");
    assert_eq!(files_containing(dir.path(), ".tmp")?, Vec::<PathBuf>::new(), "no temp file left");
    Ok(())
}

#[test]
fn a_leftover_temp_file_never_replaces_the_real_one() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, _) = open_quietly(dir.path(), COURSE)?;
    let progress = busy_progress();
    save(&mut store, &progress)?;
    // What a process killed mid-save leaves behind: half a file under a temporary name.
    let leftover = dir.path().join(".django-http-status.toml.a1b2c3.tmp");
    fs::write(&leftover, "pages_read = [\"200-")?;
    let (mut store, loaded) = open_quietly(dir.path(), COURSE)?;
    assert_eq!(loaded, progress);
    save(&mut store, &loaded)?;
    let (_, reloaded) = open_quietly(dir.path(), COURSE)?;
    assert_eq!(reloaded, progress);
    Ok(())
}

#[test]
fn the_file_always_parses_while_it_is_saved_over_and_over() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, mut progress) = open_quietly(dir.path(), COURSE)?;
    save(&mut store, &progress)?;
    let path = store.path().to_path_buf();
    let reader_result: Result<usize, String> = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut reads = 0;
            while !path.with_extension("done").exists() {
                let text = fs::read_to_string(&path).map_err(|e| e.to_string())?;
                toml::from_str::<Progress>(&text).map_err(|e| format!("half-written file: {e}"))?;
                reads += 1;
            }
            Ok(reads)
        });
        let written = (0..200u16).try_for_each(|n| {
            progress.mark_read(&format!("page-{n}-{}", "x".repeat(usize::from(n))));
            progress.set_position("200-ok", n);
            store.save(&progress).map_or(Ok(()), Err)
        });
        // Always stop the reader, even when a save failed.
        fs::write(path.with_extension("done"), "").map_err(|e| e.to_string())?;
        written?;
        reader.join().map_err(|_| "the reader panicked".to_string())?
    });
    assert!(reader_result? > 0);
    let (_, last) = open_quietly(dir.path(), COURSE)?;
    assert_eq!(last, progress);
    assert_eq!(files_containing(dir.path(), ".tmp")?, Vec::<PathBuf>::new(), "no temp files left");
    Ok(())
}

#[test]
fn the_best_round_has_the_highest_ratio_and_the_latest_wins_a_tie() {
    let mut progress = Progress::default();
    let cases = [
        (round(1, 5, 10), 1),  // first round is the best
        (round(2, 3, 10), 1),  // worse
        (round(3, 8, 10), 3),  // better
        (round(4, 4, 5), 4),   // same ratio, more recent
        (round(5, 0, 0), 4),   // an empty round never wins
        (round(6, 7, 10), 4),  // worse
        (round(7, 10, 10), 7), // perfect
    ];
    for (n, (record, best_n)) in cases.into_iter().enumerate() {
        progress.record_round(record);
        let best_date = progress.quiz.best.as_ref().map(|b| b.date.as_str());
        let expected = format!("2025-01-01T00:00:{best_n:02}Z");
        assert_eq!(best_date, Some(expected.as_str()), "after round {}", n + 1);
    }
    assert_eq!(progress.quiz.history.len(), 7);
}

#[test]
fn the_history_keeps_the_last_fifty_rounds() {
    let mut progress = Progress::default();
    for n in 0..60 {
        progress.record_round(round(n, n % 7, 10));
    }
    let history = &progress.quiz.history;
    assert_eq!(history.len(), HISTORY_LIMIT);
    assert_eq!(history.first(), Some(&round(10, 10 % 7, 10)));
    assert_eq!(history.last(), Some(&round(59, 59 % 7, 10)));
}

#[test]
fn courses_never_share_a_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut first, _) = open_quietly(dir.path(), "course-one")?;
    let (mut second, _) = open_quietly(dir.path(), "course-two")?;
    assert_ne!(first.path(), second.path());
    let mut progress = Progress::default();
    progress.set_position("one-page", 1);
    save(&mut first, &progress)?;
    save(&mut second, &Progress::default())?;
    let (_, reopened) = open_quietly(dir.path(), "course-one")?;
    assert_eq!(reopened.last_page.as_deref(), Some("one-page"));
    assert_ne!(course_file_name("a.b"), course_file_name("a_b"));
    let (odd, _) = open_quietly(dir.path(), "../escape/Up")?;
    assert_eq!(odd.path().parent(), Some(dir.path()), "an id cannot leave the directory");
    Ok(())
}

#[test]
fn reset_removes_the_file_and_a_missing_file_is_fine() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, _) = open_quietly(dir.path(), COURSE)?;
    save(&mut store, &busy_progress())?;
    store.reset()?;
    assert!(!store.path().exists());
    store.reset()?;
    let (_, fresh) = open_quietly(dir.path(), COURSE)?;
    assert_eq!(fresh, Progress::default());
    Ok(())
}
