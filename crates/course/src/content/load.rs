//! Reading course files (from a folder or the embedded copy) and parsing them with spans.
use super::parallel;
use super::problem::{Problem, SHOWN_PER_FILE, Severity, SourceFile};
use super::text_safety::{self, is_forbidden};
use serde::de::DeserializeOwned;
use std::fs;
use std::io::Read;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A file larger than this is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// A course with more pages than this is refused.
pub const MAX_PAGES: usize = 10_000;

/// The raw text of every file of a course, before any parsing.
#[derive(Debug, Clone)]
pub struct CourseFiles {
    /// Prefix for file names in messages: the folder, or `<built-in>`.
    pub origin: String,
    /// (path relative to the course folder with `/` separators, text), sorted by path
    /// (exercises by their number).
    pub files: Vec<(String, String)>,
}

impl CourseFiles {
    /// Reads `course.toml`, `codes.toml`, `pages/*.toml`, `quiz/*.toml` and `exercises/*.toml` from `dir`.
    /// Every unreadable or oversized file is reported; nothing stops at the first.
    pub fn read_dir(dir: &Path) -> Result<CourseFiles, Vec<Problem>> {
        let origin = dir.display().to_string();
        let path_of = |rel: &str| format!("{}/{rel}", origin.trim_end_matches('/'));
        let mut problems = Vec::new();
        let mut names = Vec::new();
        if !dir.is_dir() {
            return Err(vec![Problem::in_file(
                &origin,
                "not a course folder (it does not exist or is not a directory)",
            )]);
        }
        // A missing one is left to `load`, which says it is missing and checks the rest.
        for top in ["course.toml", "codes.toml"] {
            if dir.join(top).exists() {
                names.push(top.to_string());
            }
        }
        for sub in ["pages", "quiz"] {
            match fs::read_dir(dir.join(sub)) {
                Ok(entries) => {
                    let mut found: Vec<String> = entries
                        .flatten()
                        .filter_map(|e| {
                            let name = e.file_name().to_string_lossy().into_owned();
                            name.ends_with(".toml").then(|| format!("{sub}/{name}"))
                        })
                        .collect();
                    found.sort();
                    names.extend(found);
                }
                Err(e) => problems.push(Problem::in_file(&path_of(sub), format!("cannot read the folder: {e}"))),
            }
        }
        // Practice exercises are optional: a course without the folder has none.
        if let Ok(entries) = fs::read_dir(dir.join("exercises")) {
            let mut found: Vec<String> = entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.ends_with(".toml").then(|| format!("exercises/{name}"))
                })
                .collect();
            // By number, as the course numbers them: `100_x` after `99_y`, not after `10_z`.
            found.sort_by(|a, b| exercise_order(a).cmp(&exercise_order(b)));
            names.extend(found);
        }
        let page_count = names.iter().filter(|n| n.starts_with("pages/")).count();
        if page_count > MAX_PAGES {
            problems.push(Problem::in_file(
                &path_of("pages"),
                format!("{page_count} pages is more than the {MAX_PAGES} a course may have"),
            ));
            return Err(problems);
        }
        // Course files must stay inside the folder: a symlink to ~/.ssh/id_rsa would be
        // quoted in `check`'s excerpts.
        let root = match dir.canonicalize() {
            Ok(root) => root,
            Err(e) => return Err(vec![Problem::in_file(&origin, format!("cannot read the folder: {e}"))]),
        };
        // A plain file in a folder that resolves inside the course is inside it too: only
        // links need resolving (a big course's 10,000 `realpath`s cost more than reading).
        let inside = |folder: &Path| folder.canonicalize().is_ok_and(|real| real.starts_with(&root));
        let plain_inside = [dir.to_path_buf(), dir.join("pages"), dir.join("quiz"), dir.join("exercises")]
            .map(|folder| inside(&folder));
        let read = parallel::map_parts(names, |part| {
            part.into_iter()
                .map(|name| {
                    let folder = ["pages/", "quiz/", "exercises/"].iter().position(|sub| name.starts_with(sub));
                    let trusted = plain_inside[folder.map_or(0, |f| f + 1)];
                    let text = read_course_file(&root, &dir.join(&name), trusted);
                    (name, text)
                })
                .collect()
        });
        let mut files = Vec::with_capacity(read.len());
        for (name, text) in read {
            match text {
                Ok(text) => files.push((name, text)),
                Err(message) => problems.push(Problem::in_file(&path_of(&name), message)),
            }
        }
        if problems.is_empty() { Ok(CourseFiles { origin, files }) } else { Err(problems) }
    }

    /// The name shown in messages for a file of this course.
    pub fn display_name(&self, rel: &str) -> String {
        format!("{}/{rel}", self.origin.trim_end_matches('/'))
    }
}

/// How exercise files sort: by their leading number (compared as a number, of any length),
/// then by name; a name without a number comes last.
fn exercise_order(path: &str) -> (bool, usize, &str, &str) {
    let name = path.rsplit('/').next().unwrap_or(path);
    let number = &name[..name.bytes().take_while(u8::is_ascii_digit).count()];
    let digits = number.trim_start_matches('0');
    (number.is_empty(), digits.len(), digits, name)
}

/// Reads a course file that resolves inside `root` (the canonical course folder) and is a
/// regular file: a FIFO or a device would block `open` or `read` forever, so its type is
/// checked first (`stat` does not block).
/// `plain_inside`: the file's folder resolves inside `root`, so a plain file (not a link)
/// there is inside too.
fn read_course_file(root: &Path, path: &Path, plain_inside: bool) -> Result<String, String> {
    if plain_inside && fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_file()) {
        return read_limited(path);
    }
    let real = path.canonicalize().map_err(|e| format!("cannot read the file: {e}"))?;
    if !real.starts_with(root) {
        return Err("this file is a link to a file outside the course folder, which a course may not use".into());
    }
    let kind = fs::metadata(&real).map_err(|e| format!("cannot read the file: {e}"))?.file_type();
    if !kind.is_file() {
        return Err(format!("not a regular file ({}); a course file must be a plain file", file_kind(&kind)));
    }
    read_limited(&real)
}

/// What a file that is not a regular file is, for a message.
pub fn file_kind(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() { "a folder" } else { "a special file" }
}

/// Reads a UTF-8 file of at most `MAX_FILE_BYTES`, with a readable message otherwise.
fn read_limited(path: &Path) -> Result<String, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    // Sized at once: grown by doubling, a big course's reads copied each file twice.
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("the file is larger than {} KiB, the most a course file may be", MAX_FILE_BYTES / 1024));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("the file is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// Parses one file into `T`, reporting syntax errors, control characters and schema errors
/// with their line and column. Control characters are reported even when the rest parses.
pub fn parse_file<T: DeserializeOwned>(file: &SourceFile<'_>, problems: &mut Vec<Problem>) -> Option<T> {
    if file.text.len() as u64 > MAX_FILE_BYTES {
        problems.push(Problem::in_file(file.name, "the file is larger than 1024 KiB, the most a course file may be"));
        return None;
    }
    let before = problems.len();
    raw_control_characters(file, problems);
    if let Some(run) = text_safety::overlong_cluster(file.text) {
        problems.push(file.error(run.0..run.0 + run.1, text_safety::overlong_message(file.text, run)));
    }
    if problems.len() > before {
        return None; // the parser would only repeat these less clearly
    }
    let table = match DeTable::parse(file.text) {
        Ok(table) => table,
        Err(e) => {
            problems.push(file.error(e.span().unwrap_or(0..0), tidy(e.message())));
            return None;
        }
    };
    if may_escape_a_control_character(file.text) {
        escaped_control_characters(file, table.get_ref(), problems);
    }
    match T::deserialize(toml::de::Deserializer::from(table)) {
        Ok(value) => (problems.len() == before).then_some(value),
        Err(e) => {
            problems.push(file.error(e.span().unwrap_or(0..0), tidy(e.message())));
            None
        }
    }
}

/// serde's messages say "invalid type: integer `5`, expected a string"; keep them, one line.
fn tidy(message: &str) -> String {
    message.trim().replace('\n', " ")
}

/// Raw control characters in the file itself (a bare CR of a CRLF line ending is fine).
fn raw_control_characters(file: &SourceFile<'_>, problems: &mut Vec<Problem>) {
    // Start-up time: a byte scan finds the usual clean file fast.
    if !text_safety::may_hold_forbidden(file.text.as_bytes()) {
        return;
    }
    // A file of a million NULs is a million problems: the first few are reported, the rest
    // only counted (reporting each cost minutes and gigabytes).
    let mut found = 0;
    let mut chars = file.text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
        if is_forbidden(c) && !crlf {
            found += 1;
            if found <= SHOWN_PER_FILE {
                let message = format!("{} is not allowed; content may only use newline and tab", text_safety::name(c));
                problems.push(file.error(i..i + c.len_utf8(), message));
            }
        }
    }
    if found > SHOWN_PER_FILE {
        let more = found - SHOWN_PER_FILE;
        problems.push(Problem::not_shown(file.name, Severity::Error, more));
    }
}

/// Whether the file has an escape that can produce a control character (`\u`, `\U`, `\x`,
/// `\e`, `\b`, `\f`, `\r`); without one, no decoded string can hold one.
fn may_escape_a_control_character(text: &str) -> bool {
    let bytes = text.as_bytes();
    let pairs = bytes.iter().zip(bytes.get(1..).unwrap_or_default());
    pairs.fold(false, |found, (&a, &b)| {
        found
            | ((a == b'\\')
                & ((b == b'u') | (b == b'U') | (b == b'x') | (b == b'e') | (b == b'b') | (b == b'f') | (b == b'r')))
    })
}

/// Control characters written as escapes (`\u001b`, `\e`) in keys or string values.
fn escaped_control_characters(file: &SourceFile<'_>, table: &DeTable<'_>, problems: &mut Vec<Problem>) {
    for (key, value) in table {
        check_text(file, key.get_ref(), key.span(), problems);
        walk_value(file, value, problems);
    }
}

fn walk_value(file: &SourceFile<'_>, value: &Spanned<DeValue<'_>>, problems: &mut Vec<Problem>) {
    match value.get_ref() {
        DeValue::String(s) => check_text(file, s, value.span(), problems),
        DeValue::Array(items) => items.iter().for_each(|v| walk_value(file, v, problems)),
        DeValue::Table(table) => escaped_control_characters(file, table, problems),
        _ => {}
    }
}

fn check_text(file: &SourceFile<'_>, text: &str, span: std::ops::Range<usize>, problems: &mut Vec<Problem>) {
    if let Some(c) = text.chars().find(|&c| is_forbidden(c)) {
        problems.push(file.error(
            span.clone(),
            format!("this text contains {}; content may only use newline and tab", text_safety::name(c)),
        ));
    }
    if let Some(run) = text_safety::overlong_cluster(text) {
        problems.push(file.error(span, format!("this text holds {}", text_safety::overlong_message(text, run))));
    }
}
