//! How line-oriented output looks: colour on a terminal (off when piped or NO_COLOR is
//! set), and the terminal's width to wrap long rows at (none when piped).
use crate::content::StatusClass;
use crate::sanitize::printable;
use crossterm::style::{Color, Stylize};
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy)]
/// Every painted text is made printable first: what it wraps may come from a course.
pub struct Paint {
    enabled: bool,
    /// Columns to wrap at; None when the output is not a terminal.
    pub width: Option<usize>,
}

impl Paint {
    /// Colour stdout only when it is a terminal and NO_COLOR is unset or empty.
    pub fn for_stdout() -> Paint {
        let terminal = std::io::stdout().is_terminal();
        let width = terminal.then(|| crossterm::terminal::size().map(|(w, _)| usize::from(w)).ok()).flatten();
        Paint { enabled: terminal && !no_color(), width }
    }

    pub fn plain() -> Paint {
        Paint { enabled: false, width: None }
    }

    pub fn bold(self, text: &str) -> String {
        let text = printable(text);
        if self.enabled { text.bold().to_string() } else { text.into_owned() }
    }

    pub fn dim(self, text: &str) -> String {
        let text = printable(text);
        if self.enabled { text.dark_grey().to_string() } else { text.into_owned() }
    }

    /// Text in the colour of a status class, bold.
    pub fn class(self, class: StatusClass, text: &str) -> String {
        let text = printable(text);
        if self.enabled { text.with(class_color(class)).bold().to_string() } else { text.into_owned() }
    }
}

/// NO_COLOR (https://no-color.org): present and not empty turns colour off.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The 16-colour palette entries for each class, shared with the line-oriented commands.
pub fn class_color(class: StatusClass) -> Color {
    match class {
        StatusClass::Informational => Color::Blue,
        StatusClass::Success => Color::Green,
        StatusClass::Redirection => Color::Cyan,
        StatusClass::ClientError => Color::Yellow,
        StatusClass::ServerError => Color::Red,
    }
}
