//! The loop's one source of events: terminal input (the threads of `crate::input`), saves
//! (the watcher) and finished runs (the runner) all arrive on one channel, so the loop
//! blocks in `recv` and an idle tutorial uses no CPU. Also: suspending the interface for
//! the editor and for `practice setup`, with the input reader paused meanwhile so the
//! editor gets every key.
use crate::app::{App, LoopRequest, Update};
use crate::input::{Control, Input};
use crate::practice::runner::{RunId, RunResult};
use crate::practice::{python, watcher};
use crossterm::event::EnableMouseCapture;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use crossterm::{cursor::Hide, execute};
use std::io::{self, BufRead, Read, Write, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::Sender;

pub enum AppEvent {
    /// What the terminal said: an event, the end of input, or a hangup (`crate::input`).
    Term(Input),
    /// A watched exercise file changed.
    Saved(PathBuf),
    Checked(RunId, RunResult),
    /// A big course's whole search index was built (on its thread).
    SearchIndexReady,
    /// The progress writer finished a save: what it merged may be adopted.
    ProgressSaved,
}

impl From<Input> for AppEvent {
    fn from(input: Input) -> Self {
        AppEvent::Term(input)
    }
}

/// What the loop keeps for practice: the watcher lives as long as the loop.
#[derive(Default)]
pub struct Background {
    watcher: Option<watcher::Watcher>,
}

/// Carries out what the app asked for. Any request is a change (the editor or setup
/// took the screen; a watcher's failure is said on it).
pub fn carry_out(
    terminal: &mut super::TutorialTerminal,
    app: &mut App,
    background: &mut Background,
    events: &Sender<AppEvent>,
    input: Option<&Control>,
) -> io::Result<Update> {
    let mut redraw = Update::NotChanged;
    for request in std::mem::take(&mut app.requests) {
        redraw = Update::Changed;
        match request {
            LoopRequest::Watch(dir) => {
                let events = events.clone();
                match watcher::watch(&dir, watcher::DEBOUNCE, move |path| {
                    let _ = events.send(AppEvent::Saved(path));
                }) {
                    Ok(watcher) => background.watcher = Some(watcher),
                    Err(why) => app.watch_failed(&why),
                }
            }
            LoopRequest::Edit(path) => {
                let result = suspended(terminal, input, || open_editor(&path))?;
                if let Err(why) = result {
                    app.message = Some(crate::sanitize::printable(&why).into_owned());
                }
                // Without a watcher nothing else notices the save.
                if background.watcher.is_none() {
                    app.practice_event(crate::practice::session::Event::Run);
                }
            }
            LoopRequest::Setup => {
                let Some(view) = app.practice.as_ref() else { continue };
                let workspace = view.workspace.clone();
                let base = app.practice_options.python.clone().unwrap_or_else(|| PathBuf::from("python3"));
                let outcome = suspended(terminal, input, || {
                    let mut out = stdout();
                    let result = python::setup(&base, &workspace, &mut out);
                    // Not println!, which panics when the terminal is gone.
                    let _ = match &result {
                        Ok(_) => writeln!(out, "\nDjango is ready."),
                        Err(why) => writeln!(out, "\nSetup failed: {}", crate::sanitize::printable(why)),
                    };
                    let _ = write!(out, "Press Enter to go back to the tutorial. ");
                    let _ = out.flush();
                    // One line, of bounded length (stdin could be anything).
                    let _ = io::stdin().lock().take(4096).read_line(&mut String::new());
                    result
                })?;
                app.refind_python();
                match outcome {
                    Ok(_) => app.practice_event(crate::practice::session::Event::Run),
                    Err(why) => {
                        app.message = Some(crate::sanitize::printable(&format!("setup failed: {why}")).into_owned())
                    }
                }
            }
        }
    }
    Ok(redraw)
}

/// Leaves the full-screen interface, runs `work` in the plain terminal, comes back.
/// Meanwhile Ctrl-C (a signal now that raw mode is off) goes to the editor or pip, not
/// to the tutorial: a handler that only sets a flag replaces the default action (which
/// would end the tutorial), and a program started from here gets the default back on exec.
fn suspended<T>(
    terminal: &mut super::TutorialTerminal,
    input: Option<&Control>,
    work: impl FnOnce() -> T,
) -> io::Result<T> {
    if let Some(input) = input {
        input.pause(); // returns once the reader is not inside a read
    }
    super::restore();
    let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let handler = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted).ok();
    let result = work();
    if let Some(handler) = handler {
        signal_hook::low_level::unregister(handler);
    }
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, Hide, Clear(ClearType::All))?;
    // Not `terminal.clear()`: it asks the terminal where the cursor is, and the reply would
    // reach the input reader, not crossterm (which then fails after 2 s). An empty frame
    // leaves the back buffer blank instead, so the next draw repaints everything.
    terminal.draw(|_| {})?;
    if let Some(input) = input {
        input.resume();
    }
    Ok(result)
}

/// `$VISUAL`, else `$EDITOR`, else `vi`, on `path`, in the foreground. The variable may
/// carry arguments (`code -w`).
fn open_editor(path: &Path) -> Result<(), String> {
    let editor = ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    match Command::new(program).args(words).arg(path).status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("the editor `{editor}` ended with {status}")),
        Err(e) => Err(format!("could not start the editor `{editor}` ({e}): set $EDITOR")),
    }
}
