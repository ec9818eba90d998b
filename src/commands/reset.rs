//! `--reset-progress`: forget what was read and scored in a course, after asking.
use super::console::{confirm, say};
use super::course_source::{course, progress_key};
use crate::cli::Cli;
use crate::progress::Store;
use crate::sanitize::printable;

/// Asks first (unless `--yes`), forgets, and says what it did. Returns whether the
/// progress was forgotten.
pub fn run(cli: &Cli) -> Result<bool, String> {
    let course = course(cli.content.as_deref())?;
    let key = progress_key(cli.content.as_deref(), &course.id);
    let (mut store, _, _) = Store::open(cli.data_dir.as_deref(), &key);
    let path = store.path().display().to_string();
    let question =
        format!("Forget what you have read and scored in \"{}\" ({})?", printable(&course.title), printable(&path));
    if !cli.yes && !confirm(&question, "--reset-progress")? {
        say("Nothing forgotten.");
        return Ok(false);
    }
    let existed = store.path().exists();
    store.reset().map_err(|e| format!("could not remove {path}: {e}"))?;
    let what = if existed { format!("{path} removed") } else { format!("nothing was kept yet at {path}") };
    say(&format!("Progress for \"{}\" forgotten ({}).", printable(&course.title), printable(&what)));
    Ok(true)
}
