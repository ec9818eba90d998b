//! `--content DIR`: the validated course kept in the platform cache folder in the compact
//! form, so a second launch of a big course parses no TOML. An optimisation only: a cache
//! that is stale, damaged, foreign or unwritable is ignored (and replaced when it can be).
//!
//! The cache file: `MAGIC`, a CRC-32 of everything after it, then (postcard) the `Header`
//! and the compact course. The header's key lists every file and folder a course may read
//! (the folder's entries and those of its sub-folders) with size and modification time.
use super::compact;
use super::load::CourseFiles;
use super::model::Course;
use super::problem::Problem;
use super::validate::load;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Names a status-tutor course cache, format 1.
const MAGIC: &[u8; 8] = b"STCACHE1";
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

/// The course in `dir`, from the cache under `cache_root` when it is fresh, else from the
/// TOML files (checked as always) and then cached. `cache_root` None: no cache at all.
pub fn load_course(dir: &Path, cache_root: Option<&Path>) -> Result<(Course, Source), Vec<Problem>> {
    let started = SystemTime::now();
    let header = cache_root.and_then(|_| header_for(dir));
    let file = cache_root.zip(header.as_ref()).map(|(root, h)| cache_file(root, &h.folder));
    if let Some((file, header)) = file.as_ref().zip(header.as_ref())
        && let Some(course) = read(file, header)
    {
        return Ok((course, Source::Cache));
    }
    let files = CourseFiles::read_dir(dir)?;
    let course = load(&files)?.course;
    if let Some((file, header)) = file.zip(header)
        && !racy(&header.key, started)
    {
        // An optimisation only: a cache that cannot be written is no reason to stop.
        let _ = write(&file, &header, &course);
    }
    Ok((course, Source::Toml))
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

/// The cached course when `file` holds one for exactly `header`; None for anything else.
fn read(file: &Path, header: &Header) -> Option<Course> {
    let bytes = fs::read(file).ok()?;
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (crc, body) = rest.split_first_chunk::<4>()?;
    if crc32fast::hash(body) != u32::from_le_bytes(*crc) {
        return None;
    }
    let (stored, course) = postcard::take_from_bytes::<Header>(body).ok()?;
    if stored != *header {
        return None;
    }
    compact::decode(course).ok()
}

/// Writes the cache atomically (a temporary file renamed over the old one).
fn write(file: &Path, header: &Header, course: &Course) -> Option<()> {
    let folder = file.parent()?;
    fs::create_dir_all(folder).ok()?;
    let mut body = postcard::to_allocvec(header).ok()?;
    body.extend(compact::encode(course).ok()?);
    let mut temp = tempfile::NamedTempFile::new_in(folder).ok()?;
    temp.write_all(MAGIC).ok()?;
    temp.write_all(&crc32fast::hash(&body).to_le_bytes()).ok()?;
    temp.write_all(&body).ok()?;
    temp.persist(file).ok()?;
    Some(())
}
