//! Problems found in a course: where they are (file, line, column) and what was expected.
use crate::sanitize::printable;
use std::fmt;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

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
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `file:line:col: message`, the form editors and `check` understand.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        // Both can quote the course (a field name, a file name): shown, never sent.
        write!(f, "{}:{}:{}: {label}{}", printable(&self.file), self.line, self.col, printable(&self.message))
    }
}

/// A course file's name and text, able to turn byte spans into located problems.
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

    fn problem(&self, severity: Severity, span: Range<usize>, message: String) -> Problem {
        let start = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..].find('\n').map_or(self.text.len(), |i| start + i);
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let line = self.text[..start].matches('\n').count() + 1;
        let col = self.text[line_start..start].chars().count() + 1;
        let excerpt = excerpt(line, line_text, start - line_start, span.end.saturating_sub(start));
        Problem { severity, file: self.name.to_string(), line, col, message, excerpt: Some(excerpt) }
    }
}

/// Characters of a long line shown before the problem, and in all.
const EXCERPT_BEFORE: usize = 60;
const EXCERPT_CHARS: usize = 160;

/// The line (a window of it when long), made printable, with a caret under `at..at + len`
/// (byte offsets in `line_text`) that lines up however the text was escaped.
fn excerpt(line: usize, line_text: &str, at: usize, len: usize) -> String {
    let at = floor_char_boundary(line_text, at.min(line_text.len()));
    let skip = line_text[..at].chars().count().saturating_sub(EXCERPT_BEFORE);
    let from = line_text.char_indices().nth(skip).map_or(at, |(i, _)| i);
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
