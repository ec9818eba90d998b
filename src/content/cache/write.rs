//! Writing the cache file: atomically (a temporary file renamed over the old one), on a
//! thread of its own when a big course's first launch should not wait for it.
use super::{Header, MAGIC};
use crate::content::compact;
use crate::content::model::{Block, Course};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// A cache file to write for a course just read from its TOML files.
#[derive(Debug)]
pub(super) struct PendingWrite {
    pub(super) path: PathBuf,
    pub(super) header: Header,
    /// The course without its pages' blocks.
    pub(super) course: Course,
    pub(super) blocks: Arc<Vec<Vec<Block>>>,
}

impl PendingWrite {
    /// Writes the cache atomically (a temporary file renamed over the old one), unless
    /// `stop` is set meanwhile: then the temporary file is removed and nothing is changed.
    /// Returns whether the cache was written.
    fn write(self, stop: &AtomicBool) -> bool {
        write(&self.path, &self.header, &self.course, &self.blocks, stop).is_some()
    }

    /// Writes it on a thread of its own.
    fn spawn(self) -> BackgroundWrite {
        let stop = Arc::new(AtomicBool::new(false));
        let (done, finished) = mpsc::channel();
        let stopping = Arc::clone(&stop);
        std::thread::spawn(move || {
            let _ = done.send(self.write(&stopping)); // nobody may be waiting any more
        });
        BackgroundWrite { stop, finished }
    }
}

/// A cache being written on its own thread.
#[derive(Debug)]
struct BackgroundWrite {
    stop: Arc<AtomicBool>,
    finished: mpsc::Receiver<bool>,
}

impl BackgroundWrite {
    /// Waits up to `patience` for the write to end, then stops it (its temporary file is
    /// removed) and waits a little more: an exit never hangs on it, nor leaves a
    /// partial cache. Returns whether the cache was written.
    fn finish(self, patience: Duration) -> bool {
        match self.finished.recv_timeout(patience) {
            Ok(written) => written,
            Err(_) => {
                self.stop.store(true, Ordering::Relaxed);
                self.finished.recv_timeout(Duration::from_secs(1)).unwrap_or(false)
            }
        }
    }
}

/// The cache of a course `open_course` read from its files, not written yet: `start`
/// writes it on a thread of its own; `finish`, or dropping it, waits for that (up to
/// `PATIENCE`, then stops it cleanly), or writes it there and then if it was not started.
#[derive(Debug, Default)]
pub struct DeferredWrite(Option<WriteStage>);

#[derive(Debug)]
enum WriteStage {
    Pending(Box<PendingWrite>),
    Running(BackgroundWrite),
}

/// How long an exit waits for a cache being written (47 MB for 10,000 pages: well under
/// a second) before it stops it.
const PATIENCE: Duration = Duration::from_secs(5);

impl DeferredWrite {
    pub(super) fn pending(write: Option<PendingWrite>) -> DeferredWrite {
        DeferredWrite(write.map(|write| WriteStage::Pending(Box::new(write))))
    }

    /// Starts writing on a thread of its own.
    pub fn start(&mut self) {
        if let Some(WriteStage::Pending(pending)) = self.0.take() {
            self.0 = Some(WriteStage::Running(pending.spawn()));
        }
    }

    /// Waits for the write (or writes now); returns whether a cache was written.
    pub fn finish(&mut self) -> bool {
        match self.0.take() {
            Some(WriteStage::Running(running)) => running.finish(PATIENCE),
            Some(WriteStage::Pending(pending)) => pending.write(&AtomicBool::new(false)),
            None => false,
        }
    }
}

impl Drop for DeferredWrite {
    fn drop(&mut self) {
        self.finish();
    }
}

/// Writes the cache file at `path` through a temporary file, renamed when complete.
fn write(path: &Path, header: &Header, course: &Course, blocks: &[Vec<Block>], stop: &AtomicBool) -> Option<()> {
    let folder = path.parent()?;
    fs::create_dir_all(folder).ok()?;
    remove_stale_temp_files(folder);
    let (split, blobs) = compact::encode_parts(course, blocks).ok()?;
    let mut head = postcard::to_allocvec(header).ok()?;
    head.extend(split);
    let head_len = (head.len() as u64).to_le_bytes();
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&head_len);
    hasher.update(&head);
    hasher.update(&blobs);
    let stopped = || stop.load(Ordering::Relaxed);
    // Named `.<name>.XXXXXX.tmp`, so one left by a killed process is recognised (above).
    let name = path.file_name()?.to_string_lossy();
    let temp = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(folder).ok()?;
    let mut out = BufWriter::new(temp);
    out.write_all(MAGIC).ok()?;
    out.write_all(&hasher.finalize().to_le_bytes()).ok()?;
    out.write_all(&head_len).ok()?;
    out.write_all(&head).ok()?;
    for chunk in blobs.chunks(1 << 20) {
        if stopped() {
            return None; // the temporary file is removed as it is dropped
        }
        out.write_all(chunk).ok()?;
    }
    out.into_inner().ok()?.persist(path).ok()?;
    Some(())
}

/// Removes temporary files a killed writer left in the cache folder (before a write, and
/// on a cache hit). Only old ones: a fresh one may belong to another instance writing now.
pub(super) fn remove_stale_temp_files(folder: &Path) {
    const STALE: Duration = Duration::from_secs(60);
    let Ok(entries) = fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with('.') && name.ends_with(".tmp") && name.contains(".course.")) {
            continue;
        }
        let modified = entry.metadata().and_then(|m| m.modified());
        if modified.is_ok_and(|time| time.elapsed().is_ok_and(|age| age > STALE)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
