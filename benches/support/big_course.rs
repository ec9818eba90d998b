//! The generated big course in `target/` (made by `make-big-course.py` when missing),
//! used by the big_course bench.
use std::error::Error;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// Makes the course unless it is there with `pages` pages; waits until its newest file is
/// older than the cache's "changed just now" limit (2 s), so it can be cached.
pub fn course(pages: usize) -> Result<PathBuf, Box<dyn Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/big-course-{pages}"));
    let complete = dir.join("pages").read_dir().map(|d| d.count() == pages).unwrap_or(false);
    if !complete {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/make-big-course.py");
        let status = Command::new("python3").arg(script).arg(&dir).arg(pages.to_string()).status()?;
        if !status.success() {
            return Err("make-big-course.py failed".into());
        }
        std::thread::sleep(Duration::from_millis(2100));
    }
    Ok(dir)
}
