//! Where the tutorial's course comes from: the built-in one (checked and compiled in
//! when the program was built) or a `--content` folder, through its cache when fresh.
use crate::content::cache::{self, Cached, PageStore};
use crate::content::{Course, Problem, embedded};
use std::path::{Path, PathBuf};

/// The course without its pages' blocks (read as pages are opened, when there is a store).
pub fn course_and_pages(dir: Option<&Path>) -> Result<(Course, Option<PageStore>), String> {
    match dir {
        None => embedded::course_and_pages().map(|(course, pages)| (course, Some(pages))),
        Some(dir) => cached(dir).map(|cached| (cached.course, cached.pages)),
    }
}

/// The whole course: the built-in one (checked when the program was built), or the one in
/// `dir` (see `cached`); on failure, every problem.
pub fn course(dir: Option<&Path>) -> Result<Course, String> {
    match dir {
        None => embedded::course(),
        Some(dir) => cached(dir)?.into_full().map_err(|e| format!("{}: {e}", dir.display())),
    }
}

/// The course in `dir`, from its cache when fresh (pages' blocks then read as they are
/// opened), else loaded and validated; on failure, every problem.
pub fn cached(dir: &Path) -> Result<Cached, String> {
    cache::load_course(dir, cache_root().as_deref())
        .map_err(|problems| describe_problems(&dir.display().to_string(), &problems))
}

/// `cached`, for the tutorial: the course without its pages' blocks, and the cache still
/// to write when it was read from its files.
pub fn opened(dir: &Path) -> Result<(Cached, cache::DeferredWrite), String> {
    cache::open_course(dir, cache_root().as_deref())
        .map_err(|problems| describe_problems(&dir.display().to_string(), &problems))
}

/// The first few problems; `check` prints them all with excerpts.
fn describe_problems(origin: &str, problems: &[Problem]) -> String {
    const SHOWN: usize = 8;
    let errors: Vec<String> = problems.iter().filter(|p| p.is_error()).map(|p| p.to_string()).collect();
    let more = errors.len().saturating_sub(SHOWN);
    let more = if more > 0 { format!("\n... and {more} more") } else { String::new() };
    let shown = errors.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("\n");
    format!(
        "{origin} has {} problem(s):\n{shown}{more}\n(`status-tutor check` prints them all, with the offending lines)",
        errors.len()
    )
}

/// Where caches live: `STATUS_TUTOR_CACHE_DIR` (tests, benches), else the platform's
/// cache directory.
fn cache_root() -> Option<PathBuf> {
    std::env::var_os("STATUS_TUTOR_CACHE_DIR").map(PathBuf::from).or_else(dirs::cache_dir)
}

/// The key the progress of a course is kept under (see `progress::course_file_name`):
/// its id, except for a `--content` course that takes the built-in course's id, which is
/// told apart by a hash of its folder, so its rounds never replace the built-in course's
/// (and editing that course keeps its progress). Other courses keep their id, so files
/// written before stay theirs.
#[must_use]
pub fn progress_key(dir: Option<&Path>, course_id: &str) -> String {
    let Some(dir) = dir else { return course_id.to_owned() };
    if embedded::course_id().is_ok_and(|builtin| builtin != course_id) {
        return course_id.to_owned();
    }
    let folder = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let bytes = folder.as_os_str().as_encoded_bytes();
    // FNV-1a: stable across Rust versions, so the key is the same on every launch.
    let hash = bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("{course_id}@content-{hash:08x}")
}
