//! Where a course's progress file lives: finding it, loading it (a corrupt or oversized
//! file is set aside), and saving it atomically (temporary file, fsync, rename).
use std::fs;
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::limits::{clamped, fit, read_capped, remove_stale_temp_files};
use super::lock::lock;
use super::merge::merge;
use super::{APP_DIR, FORMAT_VERSION, MAX_PROGRESS_BYTES, Progress, unix_seconds};

/// The file name for a course's progress: the id itself when it uses only `[a-z0-9_-]`,
/// otherwise the id with every other character replaced by `_` and a hash of the original
/// id appended, so that two different ids never share a file (`"a.b"` and `"a_b"` differ).
/// Long ids are shortened (the hash keeps them apart).
#[must_use]
pub fn course_file_name(course_id: &str) -> String {
    const MAX_STEM: usize = 64;
    let safe = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    let clean = !course_id.is_empty() && course_id.len() <= MAX_STEM && course_id.chars().all(safe);
    if clean {
        return format!("{course_id}.toml");
    }
    let stem: String = course_id.chars().take(MAX_STEM).map(|c| if safe(c) { c } else { '_' }).collect();
    format!("{stem}-{:08x}.toml", fnv1a(course_id.as_bytes()))
}

/// 32-bit FNV-1a: tiny and stable across Rust versions (unlike `DefaultHasher`), which
/// matters for a name that must be the same on every launch.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |hash, &b| (hash ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Where a course's progress file lives, and whether it may be written.
#[derive(Debug)]
pub struct Store {
    /// The progress file; only a file name when no data directory was found.
    path: PathBuf,
    /// False when no data directory was found: then neither save nor reset touch the disk
    /// (a bare file name would point into the current directory).
    located: bool,
    /// False once saving is off: the directory is not writable, the file could not be read
    /// (so it must not be overwritten), or a save failed.
    saving: bool,
    /// What the caller's progress grew from: the file as loaded, then what was last
    /// saved (see [`Store::save`] and [`Store::sync`]). The merge tells by it what this
    /// process added.
    base: Progress,
}

impl Store {
    /// Opens the progress of `course_id`, kept in `data_dir_override` if given (the caller
    /// resolves `--data-dir` and `STATUS_TUTOR_DATA_DIR`), otherwise in
    /// `<platform data dir>/status-tutor/`. Never fails: it returns the store, the progress
    /// (fresh when there was none or it could not be read) and one-line warnings to show.
    ///
    /// - no file: fresh progress, no warning;
    /// - a file that does not parse: renamed aside to `<name>.corrupt-<unix seconds>`,
    ///   fresh progress, a warning;
    /// - a file that cannot be read, or was written by a newer version: a warning, and
    ///   saving is turned off so it is never overwritten;
    /// - a data directory that cannot be created or written: a warning, saving off.
    #[must_use]
    pub fn open(data_dir_override: Option<&Path>, course_id: &str) -> (Store, Progress, Vec<String>) {
        let mut warnings = Vec::new();
        let file_name = course_file_name(course_id);
        let Some(dir) = data_dir_override.map(Path::to_path_buf).or_else(default_dir) else {
            warnings.push(
                "no data directory found (set STATUS_TUTOR_DATA_DIR or --data-dir); progress will not be saved".into(),
            );
            let store =
                Store { path: PathBuf::from(file_name), located: false, saving: false, base: Progress::default() };
            return (store, Progress::default(), warnings);
        };
        let mut store = Store { path: dir.join(file_name), located: true, saving: true, base: Progress::default() };
        if let Err(warning) = check_writable(&dir) {
            store.saving = false;
            warnings.push(warning);
        }
        let progress = store.load(&mut warnings);
        store.base = progress.clone();
        (store, progress, warnings)
    }

    /// Saves `progress`, merged with what the file holds now (another instance may have
    /// saved since): under the file's lock, the file is read again, merged (see
    /// [`super::merge`]) and written atomically (temporary file in the same directory,
    /// write, fsync, rename over the file, fsync the directory where the platform allows).
    /// Does nothing while saving is off. On failure saving is turned off and a one-line
    /// warning is returned; later calls return `None`, so the warning is shown once.
    /// A file found corrupt is set aside (and said so) before writing.
    #[must_use]
    pub fn save(&mut self, progress: &Progress) -> Option<String> {
        let base = std::mem::take(&mut self.base);
        let (_, warning) = self.save_merged(&base, progress);
        self.base = progress.clone();
        warning
    }

    /// [`Store::save`], then `progress` becomes the merged state written, so the caller
    /// sees what other instances saved.
    #[must_use]
    pub fn sync(&mut self, progress: &mut Progress) -> Option<String> {
        let base = std::mem::take(&mut self.base);
        let (merged, warning) = self.save_merged(&base, progress);
        *progress = merged;
        self.base = progress.clone();
        warning
    }

    /// Merges `ours` (grown from `base`) with the file under its lock and writes the
    /// result. Returns what the file now holds (`ours` unchanged while saving is off) and
    /// a warning to show, if any.
    pub(super) fn save_merged(&mut self, base: &Progress, ours: &Progress) -> (Progress, Option<String>) {
        if !self.saving {
            return (ours.clone(), None);
        }
        // Held until the end of this function: closing the file releases it.
        let _lock = lock(&self.path);
        let (theirs, mut warning) = match self.read_current() {
            Ok(read) => read,
            Err(warning) => return (ours.clone(), Some(warning)),
        };
        if !self.saving {
            // A damaged file that could not be moved aside is never written over.
            return (ours.clone(), warning);
        }
        let merged = match &theirs {
            Some(theirs) => merge(base, ours, theirs),
            None => ours.clone(),
        };
        let result = fit(merged).and_then(|(merged, text)| {
            self.write_atomically(text.as_bytes()).map(|()| merged).map_err(|e| e.to_string())
        });
        match result {
            Ok(merged) => (merged, warning),
            Err(reason) => {
                self.saving = false;
                warning = Some(format!(
                    "could not save progress to {} ({}); saving is off for this session",
                    self.path.display(),
                    one_line(&reason)
                ));
                (ours.clone(), warning)
            }
        }
    }

    /// The file as it is now, to merge with: `None` when there is none (or it was corrupt
    /// and is now set aside, with the warning). An error when it must not be overwritten
    /// (unreadable, or from a newer version): saving is then off.
    fn read_current(&mut self) -> Result<(Option<Progress>, Option<String>), String> {
        let bytes = match read_capped(&self.path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                let reason = format!("larger than {} KiB, the most a progress file may be", MAX_PROGRESS_BYTES / 1024);
                return Ok((None, Some(self.set_aside(&reason))));
            }
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok((None, None)),
            Err(e) => {
                self.saving = false;
                return Err(format!(
                    "could not save progress to {} (reading it to merge failed: {}); saving is off for this \
                     session, so it is left untouched",
                    self.path.display(),
                    one_line(&e.to_string())
                ));
            }
        };
        match parse(&bytes) {
            Ok(progress) if progress.version > FORMAT_VERSION => {
                self.saving = false;
                Err(format!(
                    "could not save progress to {} (a newer status-tutor saved format {} there); saving is off \
                     for this session",
                    self.path.display(),
                    progress.version
                ))
            }
            Ok(progress) => Ok((Some(clamped(progress, now())), None)),
            Err(reason) => Ok((None, Some(self.set_aside(&reason)))),
        }
    }

    /// Removes the progress file (a missing file is fine). Saving stays as it was.
    /// Does nothing when no data directory was found.
    pub fn reset(&mut self) -> io::Result<()> {
        if !self.located {
            return Ok(());
        }
        let _lock = lock(&self.path);
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    /// Removes the temporary files that killed saves left next to the file (only ones a
    /// minute old: a fresh one may be another instance's save in progress). Done by the
    /// writer thread, off the path to the first frame.
    pub fn remove_stale_temp_files(&self) {
        if self.saving
            && let Some(dir) = self.path.parent()
        {
            remove_stale_temp_files(dir, &self.path);
        }
    }

    /// What the caller's progress grew from (the file as loaded, or as last synced).
    pub(super) fn base(&self) -> &Progress {
        &self.base
    }

    /// Whether [`Store::save`] still writes.
    #[must_use]
    pub fn is_saving(&self) -> bool {
        self.saving
    }

    /// The progress file (it may not exist yet; only a file name if no data directory
    /// was found).
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads and parses the file, recovering from every problem with a warning.
    fn load(&mut self, warnings: &mut Vec<String>) -> Progress {
        let bytes = match read_capped(&self.path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                let reason = format!("larger than {} KiB, the most a progress file may be", MAX_PROGRESS_BYTES / 1024);
                warnings.push(self.set_aside(&reason));
                return Progress::default();
            }
            Err(e) if e.kind() == ErrorKind::NotFound => return Progress::default(),
            Err(e) => {
                self.saving = false;
                warnings.push(format!(
                    "could not read progress file {} ({e}); starting fresh without saving, so it is left untouched",
                    self.path.display()
                ));
                return Progress::default();
            }
        };
        match parse(&bytes) {
            Ok(progress) => self.check_version(clamped(progress, now()), warnings),
            Err(reason) => {
                warnings.push(self.set_aside(&reason));
                Progress::default()
            }
        }
    }

    /// Keeps a file from a newer format readable but never overwrites it.
    fn check_version(&mut self, progress: Progress, warnings: &mut Vec<String>) -> Progress {
        if progress.version > FORMAT_VERSION {
            self.saving = false;
            warnings.push(format!(
                "progress file {} is from a newer status-tutor (format {}); using it without saving",
                self.path.display(),
                progress.version
            ));
        }
        progress
    }

    /// Renames an unparsable file aside and returns the warning to show. If it cannot be
    /// moved, saving is turned off so it is not overwritten.
    fn set_aside(&mut self, reason: &str) -> String {
        let aside = aside_path(&self.path, unix_seconds());
        let shown = self.path.display();
        match fs::rename(&self.path, &aside) {
            Ok(()) => format!(
                "progress file {shown} was unreadable ({reason}); moved it to {} and started fresh",
                aside.display()
            ),
            Err(e) => {
                self.saving = false;
                format!(
                    "progress file {shown} was unreadable ({reason}) and could not be moved aside ({e}); \
                     starting fresh without saving"
                )
            }
        }
    }

    /// Temporary file next to the target, write, fsync, rename over, fsync the directory.
    fn write_atomically(&self, bytes: &[u8]) -> io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let mut file = temp_file_in(dir, &self.path)?;
        file.write_all(bytes)?;
        file.as_file().sync_all()?;
        file.persist(&self.path).map_err(|e| e.error)?;
        sync_dir(dir);
        Ok(())
    }
}

/// The current time in Unix seconds, for clamping what is read.
fn now() -> i64 {
    i64::try_from(unix_seconds()).unwrap_or(i64::MAX)
}

/// `<platform data dir>/status-tutor`, if the platform has one.
fn default_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_DIR))
}

/// Creates `dir` if needed and proves it writable by creating (and dropping, which
/// deletes) a temporary file in it. Returns the warning when it is not.
fn check_writable(dir: &Path) -> Result<(), String> {
    if let Err(e) = fs::create_dir_all(dir) {
        return Err(format!("could not create the data directory {} ({e}); progress will not be saved", dir.display()));
    }
    match tempfile::Builder::new().prefix(".status-tutor-probe.").tempfile_in(dir) {
        Ok(_probe) => Ok(()),
        Err(e) => {
            Err(format!("the data directory {} is not writable ({e}); progress will not be saved", dir.display()))
        }
    }
}

/// A temporary file in `dir` named after `target` (`.<name>.XXXXXX.tmp`), so a leftover
/// from a killed process is recognisable. It is deleted on drop unless persisted.
fn temp_file_in(dir: &Path, target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir)
}

/// Makes a rename durable by syncing the directory; best effort, and only on Unix, where
/// a directory can be opened as a file.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    {
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
}

/// Parses a progress file; the error is one line.
pub(super) fn parse(bytes: &[u8]) -> Result<Progress, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    toml::from_str(text).map_err(|e| describe_toml_error(text, &e))
}

/// A toml error as one line: its message and the line it points at.
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = one_line(error.message());
    match error.span() {
        Some(span) => {
            let line = text.get(..span.start).map_or(0, |before| before.matches('\n').count()) + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// Joins the lines of a message so a warning stays on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<file>.corrupt-<seconds>`, or `<file>.corrupt-<seconds>-<n>` if that is taken, so an
/// earlier file set aside is never replaced.
fn aside_path(path: &Path, seconds: u64) -> PathBuf {
    let with_suffix = |suffix: String| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    let mut candidate = with_suffix(format!(".corrupt-{seconds}"));
    let mut n = 1;
    while candidate.symlink_metadata().is_ok() {
        candidate = with_suffix(format!(".corrupt-{seconds}-{n}"));
        n += 1;
    }
    candidate
}
