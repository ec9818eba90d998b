//! Finding the Python files of a project (gitignore and hidden files honoured, virtualenvs
//! and node_modules skipped, symlinks not followed so no loop) and auditing them on all cores.
use super::rules::Rule;
use super::{FileResult, Report, audit_source, python_parser};
use ignore::{WalkBuilder, WalkState};
use std::path::Path;
use std::sync::mpsc;

/// Files larger than this are skipped with a note: no hand-written view is this big, and
/// the cap bounds the time one pathological file can take.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Folder names never worth reading: installed packages, caches, other tools' trees.
const SKIPPED_DIRS: &[&str] =
    &["venv", "env", "node_modules", "site-packages", "__pycache__", "build", "dist", ".git", ".tox", ".nox"];

/// Audits every `.py` file under `root` (or `root` itself when it is a file). Test code
/// (`tests/`, `test_*.py`, `tests.py`, `conftest.py`...) is left out unless `tests`: it
/// builds wrong responses on purpose, and what users get comes from the views.
pub fn audit_tree(root: &Path, rules: &[&'static dyn Rule], tests: bool) -> Report {
    let mut builder = WalkBuilder::new(root);
    builder.hidden(true).git_ignore(true).require_git(false).follow_links(false).filter_entry(move |entry| {
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if !tests && entry.depth() > 0 && is_test(&entry.file_name().to_string_lossy(), is_dir) {
            return false;
        }
        // A virtualenv by another name still has its pyvenv.cfg.
        !(is_dir
            && entry.depth() > 0
            && (SKIPPED_DIRS.contains(&entry.file_name().to_string_lossy().as_ref())
                || entry.path().join("pyvenv.cfg").is_file()))
    });
    let (sender, receiver) = mpsc::channel::<FileResult>();
    builder.build_parallel().run(|| {
        let sender = sender.clone();
        let mut parser = python_parser();
        Box::new(move |entry| {
            let result = match entry {
                Err(error) => FileResult { note: Some(format!("{error}")), ..FileResult::default() },
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if !is_file || entry.path().extension().is_none_or(|e| e != "py") {
                        return WalkState::Continue;
                    }
                    let name = display_name(root, entry.path());
                    match parser.as_mut() {
                        Some(parser) => audit_file(parser, entry.path(), &name, rules),
                        None => FileResult {
                            note: Some("the Python grammar could not be loaded".into()),
                            ..FileResult::default()
                        },
                    }
                }
            };
            if sender.send(result).is_err() {
                return WalkState::Quit;
            }
            WalkState::Continue
        })
    });
    drop(sender);
    let mut report = Report::default();
    for result in receiver {
        report.files += 1;
        report.django |= result.django;
        report.findings.extend(result.findings);
        report.notes.extend(result.note);
    }
    report.findings.sort();
    report.notes.sort();
    report
}

/// Whether a file or folder name is test code by Django's and pytest's conventions.
pub fn is_test(name: &str, is_dir: bool) -> bool {
    if is_dir {
        return matches!(name, "tests" | "test");
    }
    let stem = name.strip_suffix(".py").unwrap_or(name);
    stem == "tests"
        || stem == "conftest"
        || stem.starts_with("test_")
        || stem.ends_with("_test")
        || stem.ends_with("_tests")
}

/// How findings name a file: relative to the audited folder.
fn display_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).ok().filter(|p| !p.as_os_str().is_empty()).unwrap_or(path);
    relative.to_string_lossy().into_owned()
}

fn audit_file(parser: &mut tree_sitter::Parser, path: &Path, name: &str, rules: &[&'static dyn Rule]) -> FileResult {
    let note = |why: String| FileResult { note: Some(format!("{name}: {why}")), ..FileResult::default() };
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return note(format!("skipped, larger than {} MiB", MAX_FILE_BYTES / 1024 / 1024));
        }
        Ok(_) => {}
        Err(error) => return note(format!("could not be read: {error}")),
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return note(format!("could not be read: {error}")),
    };
    match String::from_utf8(bytes) {
        Ok(source) => audit_source(parser, name, &source, rules),
        Err(error) => {
            let source = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let mut result = audit_source(parser, name, &source, rules);
            result.note = Some(format!("{name}: not UTF-8; read with replacement characters"));
            result
        }
    }
}
