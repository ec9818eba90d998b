//! What is read from the progress file is bounded: its type (a FIFO or a device would
//! block or never end), its size, and the values in it; and the temporary files that
//! killed saves leave are cleaned up.
use super::{HISTORY_LIMIT, Progress, clamp};
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
/// nothing downstream shows `4000000000/1` or walks a huge list; cards and records as
/// [`clamp::review`] says, at `now` (Unix seconds).
pub(super) fn clamped(mut progress: Progress, now: i64) -> Progress {
    clamp::review(&mut progress.review, now);
    super::checks::clamp(&mut progress.practice.checks, now);
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

/// `progress` as the text to write, within [`MAX_PROGRESS_BYTES`] so the next launch
/// never sets it aside as too large: the oldest history goes first (rounds, records,
/// days, then the least recently answered cards...). Returns what is written and its
/// text; an error only if serialising fails.
pub(super) fn fit(mut progress: Progress) -> Result<(Progress, String), String> {
    clamp::finite(&mut progress.review);
    loop {
        let text = toml::to_string(&progress).map_err(|e| e.to_string())?;
        if text.len() as u64 <= MAX_PROGRESS_BYTES || !trim_oldest(&mut progress) {
            return Ok((progress, text));
        }
    }
}

/// Drops about a quarter (at least one) of the first list that has something, oldest
/// first, so a few passes fit any file. Returns false when nothing is left to drop.
fn trim_oldest(progress: &mut Progress) -> bool {
    let quarter = |len: usize| len.div_ceil(4);
    let review = &mut progress.review;
    if !progress.quiz.history.is_empty() {
        progress.quiz.history.drain(..quarter(progress.quiz.history.len()));
    } else if !review.records.is_empty() {
        let mut by_date: Vec<(String, String)> =
            review.records.iter().map(|(k, r)| (r.date.clone(), k.clone())).collect();
        by_date.sort();
        for (_, key) in by_date.into_iter().take(quarter(review.records.len())) {
            review.records.remove(&key);
        }
    } else if review.paused.is_some() {
        review.paused = None;
    } else if !review.days.is_empty() {
        let old: Vec<String> = review.days.keys().take(quarter(review.days.len())).cloned().collect();
        for day in old {
            review.days.remove(&day);
        }
    } else if !review.cards.is_empty() {
        let mut by_time: Vec<(i64, String)> = review.cards.iter().map(|(id, m)| (m.last_review, id.clone())).collect();
        by_time.sort();
        for (_, id) in by_time.into_iter().take(quarter(review.cards.len())) {
            review.cards.remove(&id);
        }
    } else if progress.quiz.best.is_some() {
        progress.quiz.best = None;
    } else if !progress.practice.checks.is_empty() {
        let count = quarter(progress.practice.checks.len());
        super::checks::oldest_out(&mut progress.practice.checks, count);
    } else if !progress.pages_read.is_empty() {
        let some: Vec<String> = progress.pages_read.iter().take(quarter(progress.pages_read.len())).cloned().collect();
        for page in some {
            progress.pages_read.remove(&page);
        }
    } else if !progress.practice.done.is_empty() {
        let some: Vec<String> =
            progress.practice.done.iter().take(quarter(progress.practice.done.len())).cloned().collect();
        for id in some {
            progress.practice.done.remove(&id);
        }
    } else {
        return false;
    }
    true
}
