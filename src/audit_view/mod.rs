//! `audit --tui`: the findings as a list; Enter shows the code with the line marked beside
//! the lesson's passage; `e` asks for `$EDITOR` at the line. This is the pure model: keys
//! in, what to do out. Reading files and running the editor is the caller's job.
pub mod draw;
pub mod lesson;

use crate::audit::Finding;
use crossterm::event::KeyCode;
use lesson::Lesson;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    List,
    /// The selected finding's code and lesson.
    Detail,
}

/// What the caller must do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Nothing,
    Quit,
    /// Read the selected finding's file and hand its lines to [`Browser::show`].
    LoadCode(String),
    /// Open `$EDITOR` on this file (as the finding names it) at this line.
    Edit {
        file: String,
        line: usize,
    },
}

pub struct Browser {
    pub findings: Vec<Finding>,
    pub selected: usize,
    pub mode: Mode,
    /// The selected finding's file, one entry per line (None until loaded).
    pub code: Option<Vec<String>>,
    /// Lesson passages by page id and passage title.
    pub lessons: BTreeMap<&'static str, Lesson>,
    /// A line for the status bar (an editor that failed, a file that could not be read).
    pub notice: Option<String>,
    /// What was audited, for the title.
    pub root: String,
}

impl Browser {
    pub fn new(findings: Vec<Finding>, lessons: BTreeMap<&'static str, Lesson>, root: String) -> Browser {
        Browser { findings, selected: 0, mode: Mode::List, code: None, lessons, notice: None, root }
    }

    pub fn current(&self) -> Option<&Finding> {
        self.findings.get(self.selected)
    }

    /// The lesson for the selected finding's rule.
    pub fn lesson(&self) -> Option<&Lesson> {
        self.current().and_then(|f| self.lessons.get(f.rule))
    }

    pub fn on_key(&mut self, key: KeyCode) -> Outcome {
        self.notice = None;
        let last = self.findings.len().saturating_sub(1);
        let before = self.selected;
        match key {
            KeyCode::Char('q') if self.mode == Mode::List => return Outcome::Quit,
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Backspace | KeyCode::Left if self.mode == Mode::Detail => {
                self.mode = Mode::List;
                return Outcome::Nothing;
            }
            KeyCode::Esc => return Outcome::Quit,
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::PageDown => self.selected = (self.selected + 10).min(last),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::Home | KeyCode::Char('g') => self.selected = 0,
            KeyCode::End | KeyCode::Char('G') => self.selected = last,
            KeyCode::Enter | KeyCode::Right if self.mode == Mode::List => {
                let Some(file) = self.current().map(|f| f.file.clone()) else { return Outcome::Nothing };
                self.mode = Mode::Detail;
                self.code = None;
                return Outcome::LoadCode(file);
            }
            KeyCode::Char('e') => {
                return self
                    .current()
                    .map_or(Outcome::Nothing, |f| Outcome::Edit { file: f.file.clone(), line: f.line });
            }
            _ => {}
        }
        // Moving in the detail view shows the next finding's code.
        match self.current() {
            Some(f) if self.mode == Mode::Detail && self.selected != before => {
                let file = f.file.clone();
                let same_file = self.findings.get(before).is_some_and(|b| b.file == file);
                if same_file { Outcome::Nothing } else { Outcome::LoadCode(file) }
            }
            _ => Outcome::Nothing,
        }
    }

    /// The selected finding's file, as read by the caller.
    pub fn show(&mut self, code: Result<String, String>) {
        match code {
            Ok(text) => self.code = Some(text.lines().map(str::to_string).collect()),
            Err(message) => {
                self.code = None;
                self.notice = Some(message);
            }
        }
    }
}
