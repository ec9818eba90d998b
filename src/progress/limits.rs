//! What is read from the progress file is bounded: its type (a FIFO or a device would
//! block or never end), its size, and the values in it; and the temporary files that
//! killed saves leave are cleaned up.
use super::{HISTORY_LIMIT, Progress};
use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::time::Duration;

/// A progress file larger than this is set aside unread: a real one is a few KiB.
pub const MAX_PROGRESS_BYTES: u64 = 1024 * 1024;

/// Reads the progress file if it is a regular file of at most [`MAX_PROGRESS_BYTES`]
/// (`None` when larger). The type is checked before opening, since opening a FIFO blocks
/// and reading a device may never end; anything but a regular file is an error.
pub(super) fn read_capped(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let kind = fs::metadata(path)?.file_type();
    if !kind.is_file() {
        let what = crate::content::load::file_kind(&kind);
        return Err(io::Error::other(format!("it is {what}, not a regular file")));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)?.take(MAX_PROGRESS_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_PROGRESS_BYTES).then_some(bytes))
}

/// Longest id or date kept from a progress file; page and question ids are short.
const MAX_ID_CHARS: usize = 1000;
/// Most page ids kept as read (a course has at most `MAX_PAGES`).
const MAX_PAGES_READ: usize = crate::content::load::MAX_PAGES;

/// Values from a hand-edited or damaged file brought within what this build writes, so
/// nothing downstream shows `4000000000/1` or walks a huge list.
pub(super) fn clamped(mut progress: Progress) -> Progress {
    let short = |s: &String| s.chars().count() <= MAX_ID_CHARS;
    progress.last_page = progress.last_page.filter(short);
    progress.silent_terminal = progress.silent_terminal.filter(short);
    if progress.pages_read.len() > MAX_PAGES_READ || !progress.pages_read.iter().all(short) {
        progress.pages_read = progress.pages_read.into_iter().filter(short).take(MAX_PAGES_READ).collect();
    }
    let excess = progress.quiz.history.len().saturating_sub(HISTORY_LIMIT);
    progress.quiz.history.drain(..excess);
    for round in progress.quiz.history.iter_mut().chain(progress.quiz.best.as_mut()) {
        round.correct = round.correct.min(round.total);
        if !short(&round.date) {
            round.date.clear();
        }
        round.missed.retain(short);
        round.missed.truncate(round.total as usize);
    }
    progress
}

/// Removes `.<name>.*.tmp` files a killed save left next to `target`. Only old ones: a
/// fresh one may belong to another instance saving right now.
pub(super) fn remove_stale_temp_files(dir: &Path, target: &Path) {
    const STALE: Duration = Duration::from_secs(60);
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let Ok(entries) = fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > STALE));
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}
