//! `--content DIR`: the validated course kept in the platform cache folder in the compact
//! form, so a second launch of a big course parses no TOML. An optimisation only: a cache
//! that is stale, damaged, foreign or unwritable is ignored (and replaced when it can be).
//!
//! Memory grows with what is shown, not with the course: a cached course is read without
//! its pages' blocks (ids, titles, codes, questions... stay), and `PageStore` reads a page's
//! blocks from the open cache file when it is opened.
//!
//! The cache file: `MAGIC`, a CRC-32 of everything after the next 12 bytes, the length of
//! the head (u64), then the head: (postcard) the `Header` and the split form's head (the
//! course without blocks, a `compact::Slot` per page); then each page's blocks, each with
//! its own CRC. The header's
//! key lists every file and folder a course may read (the folder's entries and those of
//! its sub-folders) with size and modification time.
use super::compact::{self, Slot};
use super::load::CourseFiles;
use super::model::{Block, Course};
use super::problem::Problem;
use super::validate::load;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

mod integrity;
mod texts;
mod write;
pub use write::DeferredWrite;
use write::PendingWrite;

/// Names a status-tutor course cache, format 5 (3: checks state rows, signals, exact JSON;
/// 4: page reading times, the core path, signposts; 5: flawed code samples).
const MAGIC: &[u8; 8] = b"STCACHE5";
/// A file changed this recently may change again within the same timestamp: such a
/// course is not cached yet (git's "racily clean" rule).
const RACY: Duration = Duration::from_secs(2);

/// Where a course came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A fresh cache file.
    Cache,
    /// The TOML files, checked (the cache was missing, stale, damaged or foreign).
    Toml,
}

/// One file or folder of the course as the file system describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    /// Relative to the course folder, `/`-separated.
    path: String,
    dir: bool,
    symlink: bool,
    len: u64,
    /// Modification time since the epoch (seconds, nanoseconds).
    modified: (u64, u32),
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    /// The program's version: another version's cache is foreign.
    program: String,
    /// The course folder, canonical.
    folder: String,
    key: Vec<Entry>,
}

/// A course loaded for reading.
#[derive(Debug)]
pub struct Cached {
    /// With `pages` Some, every page's `blocks` is empty until `PageStore` fills it.
    pub course: Course,
    pub source: Source,
    pub pages: Option<PageStore>,
}

impl Cached {
    /// The whole course, every page's blocks read.
    pub fn into_full(self) -> Result<Course, String> {
        let mut course = self.course;
        let Some(PageStore { blobs, slots }) = self.pages else { return Ok(course) };
        match blobs {
            // Moved back, unless a cache writer still holds them.
            Blobs::Decoded(all) => {
                let all = Arc::try_unwrap(all).unwrap_or_else(|shared| (*shared).clone());
                for (page, blocks) in course.pages.iter_mut().zip(all) {
                    page.blocks = blocks;
                }
            }
            blobs => {
                let store = PageStore { blobs, slots };
                for (i, page) in course.pages.iter_mut().enumerate() {
                    page.blocks = store.blocks(i)?;
                }
            }
        }
        Ok(course)
    }
}

/// The blocks of each page of a course read without them: from the cache file opened at
/// launch (a newer cache renamed over it later leaves this one readable), or from the
/// built-in course's bytes.
#[derive(Debug)]
pub struct PageStore {
    blobs: Blobs,
    slots: Vec<Slot>,
}

#[derive(Debug)]
enum Blobs {
    /// The cache file, where the blobs start in it, and its path.
    File {
        file: Mutex<File>,
        base: u64,
        path: PathBuf,
    },
    Memory(&'static [u8]),
    /// A course just read from its TOML files: every page's blocks, shared with the
    /// thread that writes the cache.
    Decoded(Arc<Vec<Vec<Block>>>),
}

impl PageStore {
    /// Pages whose blocks are `blobs` as `slots` describe them.
    pub fn in_memory(blobs: &'static [u8], slots: Vec<Slot>) -> PageStore {
        PageStore { blobs: Blobs::Memory(blobs), slots }
    }

    /// Pages whose blocks are already decoded, `blocks[i]` for page `i`.
    pub fn decoded(blocks: Arc<Vec<Vec<Block>>>) -> PageStore {
        PageStore { slots: Vec::new(), blobs: Blobs::Decoded(blocks) }
    }

    /// The blocks of page `page`, or why they cannot be read.
    pub fn blocks(&self, page: usize) -> Result<Vec<Block>, String> {
        let slot = || self.slots.get(page).ok_or("no such page in the cache");
        match &self.blobs {
            Blobs::Decoded(all) => all.get(page).cloned().ok_or_else(|| "no such page in the course".to_string()),
            Blobs::Memory(bytes) => {
                let slot = slot()?;
                let at = usize::try_from(slot.offset).map_err(|e| e.to_string())?;
                let blob = at.checked_add(slot.len as usize).and_then(|end| bytes.get(at..end));
                compact::decode_blocks(blob.ok_or("the stored page is damaged")?, slot)
            }
            Blobs::File { file, base, path } => {
                let slot = slot()?;
                let mut bytes = vec![0; slot.len as usize];
                let mut file = file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                file.seek(SeekFrom::Start(base + slot.offset)).map_err(|e| e.to_string())?;
                file.read_exact(&mut bytes).map_err(|e| e.to_string())?;
                let blocks = compact::decode_blocks(&bytes, slot);
                // Checked as the course was: a forged cache's page may not drive the terminal.
                let blocks = blocks.ok().filter(texts::all_safe);
                if blocks.is_none() {
                    forget(&file, path);
                }
                blocks.ok_or_else(|| "the cache file is damaged".to_string())
            }
        }
    }

    pub fn len(&self) -> usize {
        match &self.blobs {
            Blobs::Decoded(all) => all.len(),
            _ => self.slots.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The course in `dir`, from the cache under `cache_root` when it is fresh, else from the
/// TOML files (checked as always) and then cached. `cache_root` None: no cache at all.
/// A course read from its files comes back whole (`pages` None), the cache written.
pub fn load_course(dir: &Path, cache_root: Option<&Path>) -> Result<Cached, Vec<Problem>> {
    let (cached, mut write) = open_course(dir, cache_root)?;
    write.finish();
    match cached.source {
        Source::Cache => Ok(cached),
        Source::Toml => {
            let course = cached.into_full().map_err(|e| vec![Problem::in_file(&dir.display().to_string(), e)])?;
            Ok(Cached { course, source: Source::Toml, pages: None })
        }
    }
}

/// As `load_course`, for reading at once: the course always comes without its pages'
/// blocks (a `PageStore` has them), and writing the cache of a course read from its files
/// is left to the caller (`DeferredWrite::start`: a big course's first launch draws its
/// first frame without waiting for it).
pub fn open_course(dir: &Path, cache_root: Option<&Path>) -> Result<(Cached, DeferredWrite), Vec<Problem>> {
    let started = SystemTime::now();
    let header = cache_root.and_then(|_| header_for(dir));
    let file = cache_root.zip(header.as_ref()).map(|(root, h)| cache_file(root, &h.folder));
    if let Some((file, header)) = file.as_ref().zip(header.as_ref())
        && let Some((course, store)) = read(file, header)
    {
        // A writer killed by a signal left its temporary file; no write follows a hit.
        if let Some(folder) = file.parent() {
            write::remove_stale_temp_files(folder);
        }
        return Ok((Cached { course, source: Source::Cache, pages: Some(store) }, DeferredWrite::default()));
    }
    let files = CourseFiles::read_dir(dir)?;
    let mut course = load(&files)?.course;
    drop(files);
    let blocks: Vec<Vec<Block>> = course.pages.iter_mut().map(|p| std::mem::take(&mut p.blocks)).collect();
    let blocks = Arc::new(blocks);
    let pending = file
        .zip(header)
        .filter(|(_, header)| !racy(&header.key, started))
        .map(|(path, header)| PendingWrite { path, header, course: course.clone(), blocks: Arc::clone(&blocks) });
    let cached = Cached { course, source: Source::Toml, pages: Some(PageStore::decoded(blocks)) };
    Ok((cached, DeferredWrite::pending(pending)))
}

/// The cache file of the course folder `folder` (canonical) under `root`.
pub fn cache_file(root: &Path, folder: &str) -> PathBuf {
    let hash = crc32fast::hash(folder.as_bytes());
    let name = Path::new(folder).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').take(40).collect();
    root.join("status-tutor").join(format!("{name}-{hash:08x}.course"))
}

/// The key of the course in `dir` now; None when the folder cannot be listed.
fn header_for(dir: &Path) -> Option<Header> {
    let folder = fs::canonicalize(dir).ok()?;
    let mut key = Vec::new();
    list(&folder, "", 0, &mut key).ok()?;
    key.sort_by(|a, b| a.path.cmp(&b.path));
    Some(Header { program: env!("CARGO_PKG_VERSION").to_string(), folder: folder.display().to_string(), key })
}

/// The entries of `dir`, and of its sub-folders (a course reads no deeper).
fn list(dir: &Path, prefix: &str, depth: usize, key: &mut Vec<Entry>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let symlink = entry.file_type()?.is_symlink();
        // Follows links: a link's target changing changes the key.
        let meta = fs::metadata(&path).or_else(|_| fs::symlink_metadata(&path))?;
        let modified = meta.modified()?.duration_since(UNIX_EPOCH).unwrap_or_default();
        let rel = format!("{prefix}{name}");
        key.push(Entry {
            path: rel.clone(),
            dir: meta.is_dir(),
            symlink,
            len: meta.len(),
            modified: (modified.as_secs(), modified.subsec_nanos()),
        });
        // Hidden folders (.git) are never read as course files.
        if meta.is_dir() && depth == 0 && !name.starts_with('.') {
            list(&path, &format!("{rel}/"), depth + 1, key)?;
        }
    }
    Ok(())
}

/// Whether a file was modified too recently (or in the future) to trust its timestamp.
fn racy(key: &[Entry], started: SystemTime) -> bool {
    let limit = started.checked_sub(RACY).unwrap_or(UNIX_EPOCH);
    let limit = limit.duration_since(UNIX_EPOCH).unwrap_or_default();
    key.iter().any(|e| Duration::new(e.modified.0, e.modified.1.min(999_999_999)) >= limit)
}

/// The cached course (without blocks) and its pages when `file` holds one for exactly
/// `header`, checked whole; None for anything else.
fn read(path: &Path, header: &Header) -> Option<(Course, PageStore)> {
    // Opening a FIFO (or a link to one) blocks until a writer comes; a device may never
    // end: the type is checked first (`stat` does not block), as for the progress file.
    if !fs::metadata(path).ok()?.file_type().is_file() {
        return None;
    }
    let mut file = File::open(path).ok()?;
    let mut prefix = [0; 20];
    file.read_exact(&mut prefix).ok()?;
    let (magic, rest) = prefix.split_first_chunk::<8>()?;
    let (crc, head_len) = rest.split_first_chunk::<4>()?;
    if magic != MAGIC {
        return None;
    }
    // The whole file is checked, in chunks: memory stays small even for a big course.
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(head_len);
    let mut chunk = vec![0; 1 << 20];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => hasher.update(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    if hasher.finalize() != u32::from_le_bytes(*crc) {
        return None;
    }
    let head_len = u64::from_le_bytes(*<&[u8; 8]>::try_from(head_len).ok()?);
    let file_len = file.metadata().ok()?.len();
    if head_len > file_len {
        return None;
    }
    let mut head = vec![0; usize::try_from(head_len).ok()?];
    file.seek(SeekFrom::Start(prefix.len() as u64)).ok()?;
    file.read_exact(&mut head).ok()?;
    let (stored, rest) = postcard::take_from_bytes::<Header>(&head).ok()?;
    if stored != *header {
        return None;
    }
    let (course, slots) = compact::decode_head(rest).ok()?;
    let base = prefix.len() as u64 + head_len;
    // A forged cache can have a valid checksum: nothing in it is trusted unchecked.
    integrity::check(&course, &slots, file_len - base).ok()?;
    if !texts::all_safe(&course) {
        return None;
    }
    let blobs = Blobs::File { file: Mutex::new(file), base, path: path.to_path_buf() };
    Some((course, PageStore { blobs, slots }))
}

/// Removes a cache found damaged after launch (a page's blocks do not decode, or hold what
/// a course may not), so the next launch reads the course from its files: only while
/// `path` is still `file` (a newer cache renamed over it is left alone).
fn forget(file: &File, path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let same = |a: &fs::Metadata, b: &fs::Metadata| (a.dev(), a.ino()) == (b.dev(), b.ino());
        if let (Ok(open), Ok(named)) = (file.metadata(), fs::symlink_metadata(path))
            && same(&open, &named)
        {
            let _ = fs::remove_file(path);
        }
    }
    #[cfg(not(unix))]
    let _ = (file, path); // left for the next launch's checksum to judge
}
