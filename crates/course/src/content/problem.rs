//! Problems found in a course: where they are (file, line, column) and what was expected.
//!
//! A hostile course can hold a million problems in one file; each is recorded cheaply (a
//! byte span), and `settle` keeps the first few of each file, turns only those into lines,
//! columns and excerpts in one pass over the file, and counts the rest.
use crate::sanitize::{one_line, printable};
use std::fmt;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// How many problems of one file are shown; the rest are counted in one more line.
pub const SHOWN_PER_FILE: usize = 20;
/// Characters of a message shown: one quoting a huge value is cut in the middle.
const MESSAGE_CHARS: usize = 300;

/// How bad a problem is: errors stop the course from loading, warnings only inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, located to a line and column (both 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// The offending line and a caret under the span, ready to print under the message.
    pub excerpt: Option<String>,
    /// The byte span in the file's text, until `settle` locates it.
    span: Option<Range<usize>>,
    /// For a line that stands for problems not shown, how many (else 0).
    hidden: usize,
}

impl Problem {
    /// A problem with a whole file (too large, unreadable): no line to point at.
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            file: file.to_string(),
            line: 1,
            col: 1,
            message: message.into(),
            excerpt: None,
            span: None,
            hidden: 0,
        }
    }

    /// A line standing for `count` more problems of `file` that are not shown.
    pub fn not_shown(file: &str, severity: Severity, count: usize) -> Self {
        let message = format!("... and {count} more problem(s) in this file, not shown (fix the ones above first)");
        Problem { severity, hidden: count, line: 0, col: 0, ..Problem::in_file(file, message) }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// How many problems this line reports: 1, or the count of those not shown.
    pub fn count(&self) -> usize {
        self.hidden.max(1)
    }

    /// Where in its file this problem is, for sorting: a byte offset (0 for the whole file).
    fn offset(&self) -> usize {
        self.span.as_ref().map_or(0, |span| span.start)
    }
}

impl fmt::Display for Problem {
    /// `file:line:col: message`, the form editors and `check` understand.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        // Both can quote the course (a field name, a file name): shown, never sent, and
        // on one line, so a file name cannot forge the lines after it.
        let (file, message) = (one_line(&self.file), one_line(&self.message));
        if self.hidden > 0 {
            return write!(f, "{file}: {label}{message}");
        }
        write!(f, "{file}:{}:{}: {label}{message}", self.line, self.col)
    }
}

/// A course file's name and text, able to turn byte spans into problems.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl SourceFile<'_> {
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        self.problem(Severity::Error, span, message.into())
    }

    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        self.problem(Severity::Warning, span, message.into())
    }

    /// Cheap: located later, by `settle`, if it is shown at all.
    fn problem(&self, severity: Severity, span: Range<usize>, message: String) -> Problem {
        Problem { severity, span: Some(span), ..Problem::in_file(self.name, message) }
    }
}

/// `problems` sorted by file and place, at most [`SHOWN_PER_FILE`] of each file located
/// (line, column, excerpt; `text_of` gives a file's text by name) and the rest counted in
/// one line per file. Linear in the files' size, however many problems there are.
pub fn settle<'t>(mut problems: Vec<Problem>, text_of: impl Fn(&str) -> Option<&'t str>) -> Vec<Problem> {
    problems.sort_by(|a, b| (&a.file, a.hidden > 0, a.offset()).cmp(&(&b.file, b.hidden > 0, b.offset())));
    let mut settled = Vec::with_capacity(problems.len().min(1024));
    let mut group: Option<Group<'t>> = None;
    for mut problem in problems {
        if group.as_ref().is_none_or(|g| g.file != problem.file) {
            settled.extend(group.take().and_then(Group::not_shown));
            let text = text_of(&problem.file);
            group = Some(Group { file: problem.file.clone(), text, ..Group::default() });
        }
        let Some(group) = group.as_mut() else { continue };
        if group.shown >= SHOWN_PER_FILE || problem.hidden > 0 {
            group.hidden += problem.count();
            group.hidden_error |= problem.is_error();
            continue;
        }
        group.shown += 1;
        if let (Some(span), Some(text)) = (problem.span.take(), group.text) {
            group.cursor.locate(text, span, &mut problem);
        }
        shorten(&mut problem.message);
        settled.push(problem);
    }
    settled.extend(group.and_then(Group::not_shown));
    settled
}

/// The problems of one file while `settle` walks them.
#[derive(Default)]
struct Group<'t> {
    file: String,
    text: Option<&'t str>,
    cursor: Cursor,
    shown: usize,
    hidden: usize,
    hidden_error: bool,
}

impl Group<'_> {
    /// The line for the problems not shown, if any were left out.
    fn not_shown(self) -> Option<Problem> {
        let severity = if self.hidden_error { Severity::Error } else { Severity::Warning };
        (self.hidden > 0).then(|| Problem::not_shown(&self.file, severity, self.hidden))
    }
}

/// A message of at most [`MESSAGE_CHARS`] characters: the middle of a longer one elided.
fn shorten(message: &mut String) {
    let count = message.chars().count();
    if count > MESSAGE_CHARS {
        let keep_end = MESSAGE_CHARS / 3;
        let head: String = message.chars().take(MESSAGE_CHARS - keep_end).collect();
        let tail: String = message.chars().skip(count - keep_end).collect();
        *message = format!("{head} … {tail}");
    }
}

/// Where the last located problem of a file was: problems come in order, so each is
/// located from the one before (a file's lines are counted once, not once per problem).
#[derive(Default)]
struct Cursor {
    offset: usize,
    line: usize,
    line_start: usize,
    /// Characters from `line_start` to `offset`.
    col: usize,
}

impl Cursor {
    fn locate(&mut self, text: &str, span: Range<usize>, problem: &mut Problem) {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        if start < self.offset {
            *self = Cursor::default();
        }
        let between = &text[self.offset..start];
        match between.rfind('\n') {
            Some(last) => {
                self.line += between.bytes().filter(|&b| b == b'\n').count();
                self.line_start = self.offset + last + 1;
                self.col = text[self.line_start..start].chars().count();
            }
            None => self.col += between.chars().count(),
        }
        self.offset = start;
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_text = text[self.line_start..line_end].trim_end_matches('\r');
        problem.line = self.line + 1;
        problem.col = self.col + 1;
        let at = start - self.line_start;
        problem.excerpt = Some(excerpt(problem.line, line_text, at, span.end.saturating_sub(start)));
    }
}

/// Characters of a long line shown before the problem, and in all.
const EXCERPT_BEFORE: usize = 60;
const EXCERPT_CHARS: usize = 160;

/// The line (a window of it when long), made printable, with a caret under `at..at + len`
/// (byte offsets in `line_text`) that lines up however the text was escaped.
fn excerpt(line: usize, line_text: &str, at: usize, len: usize) -> String {
    let at = floor_char_boundary(line_text, at.min(line_text.len()));
    let from = line_text[..at].char_indices().rev().nth(EXCERPT_BEFORE - 1).map_or(0, |(i, _)| i);
    let to = line_text[from..].char_indices().nth(EXCERPT_CHARS).map_or(line_text.len(), |(i, _)| from + i);
    let span_end = floor_char_boundary(line_text, (at + len).clamp(at, to.max(at)));
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < line_text.len() { "…" } else { "" };
    let pad = lead.width() + printable(&line_text[from..at]).width();
    let caret = (lead.width() + printable(&line_text[from..span_end]).width()).saturating_sub(pad).max(1);
    let shown = printable(&line_text[from..to]);
    format!("{line:>4} | {lead}{shown}{tail}\n     | {}{}", " ".repeat(pad), "^".repeat(caret))
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled(text: &str, spans: &[Range<usize>]) -> Vec<Problem> {
        let file = SourceFile { name: "f.toml", text };
        let problems = spans.iter().rev().map(|span| file.error(span.clone(), "bad")).collect();
        settle(problems, |name| (name == "f.toml").then_some(text))
    }

    #[test]
    fn problems_are_located_in_order_however_they_were_found() {
        let text = "a = 1\nbé = \"x\"\r\nc = 3\n";
        let c = text.find('c').expect("c");
        let x = text.find('x').expect("x");
        let located: Vec<(usize, usize)> =
            settled(text, &[c..c + 1, 0..1, x..x + 1]).iter().map(|p| (p.line, p.col)).collect();
        assert_eq!(located, [(1, 1), (2, 7), (3, 1)]);
        let excerpt = settled(text, std::slice::from_ref(&(x..x + 1)))[0].excerpt.clone().expect("an excerpt");
        assert_eq!(excerpt, "   2 | bé = \"x\"\n     |       ^");
    }

    #[test]
    fn twenty_problems_of_a_file_are_shown_and_the_rest_counted() {
        let text = "x\n".repeat(100);
        let spans: Vec<Range<usize>> = (0..100).map(|i| 2 * i..2 * i + 1).collect();
        let problems = settled(&text, &spans);
        assert_eq!(problems.len(), SHOWN_PER_FILE + 1);
        assert_eq!(problems[19].line, 20);
        let last = &problems[SHOWN_PER_FILE];
        assert_eq!((last.count(), last.is_error()), (80, true));
        assert_eq!(
            last.to_string(),
            "f.toml: ... and 80 more problem(s) in this file, not shown (fix the ones above first)"
        );
    }

    #[test]
    fn a_message_quoting_a_huge_value_is_cut_in_the_middle() {
        let file = SourceFile { name: "f.toml", text: "x" };
        let long = format!("no page has id `{}`; did you mean `y`?", "z".repeat(100_000));
        let problem = &settle(vec![file.error(0..1, long)], |_| Some("x"))[0];
        assert!(problem.message.chars().count() < MESSAGE_CHARS + 5, "{}", problem.message.len());
        assert!(problem.message.starts_with("no page has id `zzz") && problem.message.ends_with("did you mean `y`?"));
    }
}
