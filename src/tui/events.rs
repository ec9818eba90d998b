//! The loop's one source of events: terminal input (from a thread), saves (the watcher)
//! and finished runs (the runner) all arrive on one channel, so the loop blocks in
//! `recv` and an idle tutorial uses no CPU. Also: suspending the interface for the editor
//! and for `practice setup`.
use crate::app::{App, Request};
use crate::practice::runner::{RunId, RunResult};
use crate::practice::{python, watcher};
use crossterm::event::{self, EnableMouseCapture, Event};
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use crossterm::{cursor::Hide, execute};
use std::io::{self, BufRead, Write, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::{self, Sender, SyncSender};

pub enum AppEvent {
    /// A terminal event, and whether more input was already waiting behind it.
    Term(io::Result<Event>, bool),
    /// A watched exercise file changed.
    Saved(PathBuf),
    Checked(RunId, RunResult),
}

/// The input thread reads one event each time it is allowed to, so that while the
/// editor runs in the foreground nothing here steals its keys.
pub struct Input {
    gate: SyncSender<()>,
}

impl Input {
    pub fn spawn(events: Sender<AppEvent>) -> Input {
        let (gate, allowed) = mpsc::sync_channel::<()>(1);
        std::thread::Builder::new()
            .name("input".to_string())
            .spawn(move || {
                while allowed.recv().is_ok() {
                    let read = event::read();
                    let failed = read.is_err();
                    let more = !failed && event::poll(std::time::Duration::ZERO).unwrap_or(false);
                    if events.send(AppEvent::Term(read, more)).is_err() || failed {
                        return;
                    }
                }
            })
            .ok();
        let input = Input { gate };
        input.resume();
        input
    }

    /// Lets the thread read the next event.
    pub fn resume(&self) {
        let _ = self.gate.try_send(());
    }
}

/// What the loop keeps for practice: the watcher lives as long as the loop.
#[derive(Default)]
pub struct Background {
    watcher: Option<watcher::Watcher>,
}

/// Carries out what the app asked for. Returns true when the screen must be redrawn.
pub fn carry_out(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    background: &mut Background,
    events: &Sender<AppEvent>,
) -> io::Result<bool> {
    let mut redraw = false;
    for request in std::mem::take(&mut app.requests) {
        redraw = true;
        match request {
            Request::Watch(dir) => {
                let events = events.clone();
                match watcher::watch(&dir, watcher::DEBOUNCE, move |path| {
                    let _ = events.send(AppEvent::Saved(path));
                }) {
                    Ok(watcher) => background.watcher = Some(watcher),
                    Err(why) => app.watch_failed(&why),
                }
            }
            Request::Edit(path) => {
                let result = suspended(terminal, || open_editor(&path))?;
                if let Err(why) = result {
                    app.message = Some(crate::sanitize::printable(&why).into_owned());
                }
                // Without a watcher nothing else notices the save.
                if background.watcher.is_none() {
                    app.practice_event(crate::practice::session::Event::Run);
                }
            }
            Request::Setup => {
                let Some(view) = app.practice.as_ref() else { continue };
                let workspace = view.workspace.clone();
                let base = app.practice_options.python.clone().unwrap_or_else(|| PathBuf::from("python3"));
                let outcome = suspended(terminal, || {
                    let mut out = stdout();
                    let result = python::setup(&base, &workspace, &mut out);
                    match &result {
                        Ok(_) => println!("\nDjango is ready."),
                        Err(why) => println!("\nSetup failed: {why}"),
                    }
                    print!("Press Enter to go back to the tutorial. ");
                    let _ = out.flush();
                    let _ = io::stdin().lock().read_line(&mut String::new());
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
fn suspended<T>(terminal: &mut ratatui::DefaultTerminal, work: impl FnOnce() -> T) -> io::Result<T> {
    super::restore();
    let interrupted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let handler = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted).ok();
    let result = work();
    if let Some(handler) = handler {
        signal_hook::low_level::unregister(handler);
    }
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, Hide)?;
    terminal.clear()?; // the next draw repaints everything
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
