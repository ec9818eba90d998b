//! One save at a time: the advisory lock that two instances take around read, merge and
//! write of the progress file.
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another instance's save to finish (a save takes
/// milliseconds; a stopped process must not hang this one forever).
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// Takes the advisory lock on `<file>.lock` next to the progress file (the progress
/// file itself is replaced by each save, so it cannot carry the lock). Released when the
/// returned file is dropped. `None` when it cannot be had in [`LOCK_WAIT`] or at all (a
/// file system without locks): the save goes ahead, still merged, just unguarded.
pub(super) fn lock(path: &Path) -> Option<fs::File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    // Opening a FIFO would block: only a regular file (or none yet) is used.
    if lock_path.symlink_metadata().is_ok_and(|m| !m.file_type().is_file()) {
        return None;
    }
    let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).ok()?;
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => return Some(file),
            Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(_) => return None,
        }
    }
}
