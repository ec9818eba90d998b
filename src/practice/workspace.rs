//! The learner's workspace: one Python file per exercise, the checker, the virtualenv.
//!
//! ```text
//! status-tutor-practice/
//!   exercises/07_created_with_location.py   the learner's file (starter code at first)
//!   .status-tutor/checker/                   the checker, written by this binary
//!   .venv/                                   made by `practice setup`
//! ```
//! A learner's file is never overwritten, except by [`Workspace::reset`], which the caller
//! confirms first.
use crate::content::Exercise;
use crate::content::model::exercise_stem;
use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The folder used when neither `--workspace` nor progress names one.
pub const DEFAULT_DIR: &str = "status-tutor-practice";

/// Where the checker records which version of it is installed.
const VERSION_FILE: &str = "VERSION";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    /// A workspace at `root` (made absolute against the current directory, so the path
    /// printed and remembered is the real one). Nothing is created yet.
    pub fn new(root: &Path) -> Workspace {
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        Workspace { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn exercises_dir(&self) -> PathBuf {
        self.root.join("exercises")
    }

    /// The learner's file for the exercise `number` (1-based, lesson order) with `id`:
    /// `exercises/07_created_with_location.py` (see [`exercise_stem`]).
    pub fn file_for(&self, number: usize, id: &str) -> PathBuf {
        self.exercises_dir().join(format!("{}.py", exercise_stem(number.saturating_sub(1), id)))
    }

    pub fn checker_dir(&self) -> PathBuf {
        self.root.join(".status-tutor").join("checker")
    }

    pub fn venv_dir(&self) -> PathBuf {
        self.root.join(".venv")
    }

    /// Creates the folders and every exercise file that does not exist yet, from its
    /// starter. Returns how many files were written; existing ones are left as they are.
    pub fn create(&self, exercises: &[Exercise]) -> io::Result<usize> {
        fs::create_dir_all(self.exercises_dir())?;
        let mut written = 0;
        for (index, exercise) in exercises.iter().enumerate() {
            let path = self.file_for(index + 1, &exercise.id);
            self.adopt_renumbered(&path);
            // create_new: an existing file (the learner's work) is never replaced.
            match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    file.write_all(exercise.starter.as_bytes())?;
                    written += 1;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Ok(written)
    }

    /// A course that reorders its exercises renumbers their files (`14_conflict_duplicate.py`
    /// becomes `13_...`): the learner's work under the old number is moved to `path`, so it
    /// is not left behind while a fresh starter takes its place. Only when `path` does not
    /// exist and exactly one file carries the same id under another number; a hard link
    /// then a removal, so a file that appeared at `path` meanwhile is never replaced.
    fn adopt_renumbered(&self, path: &Path) {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return };
        let Some((_, rest)) = name.split_once('_') else { return };
        if path.exists() {
            return;
        }
        let Ok(entries) = fs::read_dir(dir) else { return };
        let older: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).and_then(|n| n.split_once('_')).is_some_and(|(number, tail)| {
                    tail == rest && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
                })
            })
            .collect();
        if let [old] = older.as_slice()
            && fs::hard_link(old, path).is_ok()
        {
            let _ = fs::remove_file(old);
        }
    }

    /// Writes the checker's files unless exactly these are there already: each file with
    /// its text, the `version` file, and nothing else (a stray module there would be on the
    /// import path). Called before every run, so a checker file the learner's code changed
    /// or deleted is put back before it can change a verdict. Returns whether it wrote
    /// them.
    ///
    /// The checker is written in a folder beside it and renamed into place, the old one
    /// moved aside first: two processes preparing the same workspace never see, nor
    /// delete, half of one, and an interrupted install leaves no half checker behind.
    pub fn install_checker(&self, files: &[(&str, &str)], version: &str) -> io::Result<bool> {
        let dir = self.checker_dir();
        if checker_intact(&dir, files, version) {
            return Ok(false);
        }
        let parent = dir.parent().unwrap_or(&self.root);
        fs::create_dir_all(parent)?;
        let fresh = tempfile::Builder::new().prefix(".checker-new-").tempdir_in(parent)?;
        for (relative, text) in files {
            let path = fresh.path().join(relative);
            if let Some(folder) = path.parent() {
                fs::create_dir_all(folder)?;
            }
            fs::write(path, text)?;
        }
        fs::write(fresh.path().join(VERSION_FILE), version)?;
        // A few rounds: another process may put its own checker in place meanwhile.
        for _ in 0..8 {
            match fs::rename(fresh.path(), &dir) {
                Ok(()) => {
                    let _ = fresh.keep(); // it is the checker now
                    return Ok(true);
                }
                Err(_) if checker_intact(&dir, files, version) => return Ok(true), // another process's
                Err(_) if fs::symlink_metadata(&dir).is_ok() => {
                    // A stale or changed checker: moved aside, then removed with its folder.
                    let old = tempfile::Builder::new().prefix(".checker-old-").tempdir_in(parent)?;
                    match fs::rename(&dir, old.path().join("checker")) {
                        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                        _ => {}
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other("the checker folder kept changing while it was installed"))
    }

    /// Puts the starter code back in the file of exercise `number` (atomically: the old file or the
    /// new one, never half of either). The caller asks the learner first.
    pub fn reset(&self, number: usize, exercise: &Exercise) -> io::Result<PathBuf> {
        let path = self.file_for(number, &exercise.id);
        let dir = self.exercises_dir();
        fs::create_dir_all(&dir)?;
        let mut temp = tempfile::NamedTempFile::new_in(&dir)?;
        temp.write_all(exercise.starter.as_bytes())?;
        temp.persist(&path).map_err(|e| e.error)?;
        Ok(path)
    }
}

/// Whether `dir` holds exactly the checker: every file with its text, the version, and no
/// other file or folder. Reads a few small files: cheap next to a run.
fn checker_intact(dir: &Path, files: &[(&str, &str)], version: &str) -> bool {
    if !fs::read(dir.join(VERSION_FILE)).is_ok_and(|v| v == version.as_bytes()) {
        return false;
    }
    if !files.iter().all(|(relative, text)| fs::read(dir.join(relative)).is_ok_and(|t| t == text.as_bytes())) {
        return false;
    }
    let mut expected: BTreeSet<PathBuf> = files.iter().map(|(r, _)| PathBuf::from(r)).collect();
    expected.insert(PathBuf::from(VERSION_FILE));
    only_expected(dir, Path::new(""), &expected)
}

/// Whether every entry under `dir` is an expected file or a folder on the way to one
/// (a link is neither: it is replaced too).
fn only_expected(dir: &Path, relative: &Path, expected: &BTreeSet<PathBuf>) -> bool {
    let Ok(entries) = fs::read_dir(dir.join(relative)) else { return false };
    entries.flatten().all(|entry| {
        let path = relative.join(entry.file_name());
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => {
                expected.iter().any(|e| e.starts_with(&path)) && only_expected(dir, &path, expected)
            }
            Ok(kind) if kind.is_file() => expected.contains(&path),
            _ => false,
        }
    })
}
