//! `status-tutor audit --tui`: the audit browser on the full screen. Reads the selected
//! finding's file when asked, runs `$EDITOR` at the line, and always restores the terminal.
use crate::audit::rules;
use crate::audit::walk::MAX_FILE_BYTES;
use crate::audit_view::{Browser, Outcome, lesson};
use crate::content::Course;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use std::io::{self, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Shows `findings` (of the audit of `root`) until the learner quits.
pub fn run(root: &Path, findings: Vec<crate::audit::Finding>, course: Option<&Course>) -> io::Result<()> {
    let lessons = course
        .map(|course| rules::ALL.iter().filter_map(|r| lesson::find(course, *r).map(|l| (r.id(), l))).collect())
        .unwrap_or_default();
    let mut browser = Browser::new(findings, lessons, root.display().to_string());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        crate::tui::restore();
        previous(info);
    }));
    let mut terminal = ratatui::try_init().inspect_err(|_| crate::tui::restore())?;
    let result = (|| -> io::Result<()> {
        loop {
            terminal.draw(|frame| frame.render_widget(&browser, frame.area()))?;
            let key = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => key,
                Event::Resize(..) => continue,
                _ => continue,
            };
            if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
                return Ok(());
            }
            match browser.on_key(key.code) {
                Outcome::Nothing => {}
                Outcome::Quit => return Ok(()),
                Outcome::LoadCode(file) => browser.show(read(&path_of(root, &file))),
                Outcome::Edit { file, line } => {
                    execute!(stdout(), LeaveAlternateScreen)?;
                    disable_raw_mode()?;
                    let edited = edit(&path_of(root, &file), line);
                    enable_raw_mode()?;
                    execute!(stdout(), EnterAlternateScreen)?;
                    terminal.clear()?;
                    if let Err(message) = edited {
                        browser.notice = Some(message);
                    }
                }
            }
        }
    })();
    crate::tui::restore();
    result
}

/// Where a finding's file is: findings name files relative to the audited folder, or
/// the audited file itself.
fn path_of(root: &Path, file: &str) -> PathBuf {
    if root.is_file() { root.to_path_buf() } else { root.join(file) }
}

fn read(path: &Path) -> Result<String, String> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => return Err(format!("{}: too big to show", path.display())),
        Ok(_) => {}
        Err(e) => return Err(format!("{}: {e}", path.display())),
    }
    std::fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, on `path` at `line` (`+LINE`, which vi, vim,
/// nano, emacs and micro understand). The variable may carry arguments.
fn edit(path: &Path, line: usize) -> Result<(), String> {
    let editor = ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    match Command::new(program).args(words).arg(format!("+{line}")).arg(path).status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("the editor `{editor}` ended with {status}")),
        Err(e) => Err(format!("could not start the editor `{editor}` ({e}): set $EDITOR")),
    }
}
