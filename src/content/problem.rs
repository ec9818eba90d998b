//! Problems found in a course: where they are (file, line, column) and what was expected.
use std::fmt;
use std::ops::Range;

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
        write!(f, "{}:{}:{}: {label}{}", self.file, self.line, self.col, self.message)
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
        let caret_len = span.end.saturating_sub(span.start).clamp(1, 1 + line_text.len().saturating_sub(col - 1));
        let excerpt = format!(
            "{line:>4} | {}\n     | {}{}",
            printable(line_text),
            " ".repeat(col - 1),
            "^".repeat(caret_len.min(line_text.chars().count().saturating_sub(col - 1).max(1)))
        );
        Problem { severity, file: self.name.to_string(), line, col, message, excerpt: Some(excerpt) }
    }
}

/// The excerpt is printed to a terminal: show control characters instead of sending them.
fn printable(line: &str) -> String {
    line.chars().map(|c| if c.is_control() && c != '\t' { char::REPLACEMENT_CHARACTER } else { c }).collect()
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
