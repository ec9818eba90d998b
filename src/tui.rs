//! The terminal: enter and always leave it cleanly (quit, error, panic, SIGTERM, SIGHUP),
//! and the event loop, which blocks on input and redraws only when something changed.
mod events;

use crate::app::App;
use crate::keys;
use crate::practice::runner::ProcessRunner;
use crate::progress::{Progress, Store};
use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
pub use events::AppEvent;
use events::{Background, Input};
use std::io::{self, stdout};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The spinner's step while a practice run is going (the only timer, and only then).
const SPINNER_STEP: Duration = Duration::from_millis(100);

/// The progress store, shared with the signal thread: while keys are still queued the
/// loop defers saving, and a SIGTERM or SIGHUP in that moment must not lose the change.
struct Saver {
    store: Store,
    /// Progress the loop has not written yet.
    unsaved: Option<Progress>,
}

type SharedSaver = Arc<Mutex<Saver>>;

fn lock(saver: &SharedSaver) -> MutexGuard<'_, Saver> {
    saver.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs the tutorial until the learner quits. The terminal is restored on every way out.
pub fn run(app: &mut App, store: Store) -> io::Result<()> {
    let saver: SharedSaver = Arc::new(Mutex::new(Saver { store, unsaved: None }));
    install_restore_hooks(Arc::clone(&saver))?;
    let mut terminal = ratatui::try_init().inspect_err(|_| restore())?;
    let result = execute!(stdout(), EnableMouseCapture).and_then(|()| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        let (events, received) = mpsc::channel();
        let deliver = events.clone();
        app.runner = Some(Box::new(ProcessRunner::new(Arc::new(move |run, result| {
            let _ = deliver.send(AppEvent::Checked(run, result));
        }))));
        let input = Input::spawn(events.clone());
        event_loop(&mut terminal, app, &saver, (&events, &received), &input)
    });
    restore();
    // Whatever ended the loop, an error included, what the learner did is kept.
    if app.progress_dirty {
        let _ = save(app, &saver); // a warning would have nobody left to read it
    }
    result
}

/// Leaves the alternate screen, turns raw mode and mouse capture off, shows the cursor.
/// `ratatui::restore` does not show the cursor (dropping the `Terminal` does, which the
/// signal and panic paths never reach), so it is shown here, last.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(stdout(), Show);
}

/// A panic prints its message on a restored terminal; SIGTERM and SIGHUP save what was
/// not saved yet, restore the terminal and exit.
fn install_restore_hooks(saver: SharedSaver) -> io::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let mut saver = lock(&saver);
            if let Some(progress) = saver.unsaved.take() {
                let _ = saver.store.save(&progress); // exiting: nobody to warn
            }
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    saver: &SharedSaver,
    (events, received): (&Sender<AppEvent>, &Receiver<AppEvent>),
    input: &Input,
) -> io::Result<()> {
    let mut background = Background::default();
    while !app.should_quit() {
        events::carry_out(terminal, app, &mut background, events)?;
        let size = terminal.size()?;
        if (size.width, size.height) != (app.size.width, app.size.height) {
            app.resize(size.width, size.height); // resized since the last event
        }
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        loop {
            // Block: only a run in flight wakes the loop up on its own, for the spinner.
            let event = if app.practice_running() {
                match received.recv_timeout(SPINNER_STEP) {
                    Ok(event) => event,
                    Err(RecvTimeoutError::Timeout) if app.tick() => break,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                }
            } else {
                match received.recv() {
                    Ok(event) => event,
                    Err(_) => return Ok(()),
                }
            };
            let (changed, more_input) = match event {
                AppEvent::Term(read, more) => {
                    let changed = match read? {
                        Event::Key(key) if key.kind == KeyEventKind::Press => {
                            keys::action_for(app.context(), key).is_some_and(|action| app.update(action))
                        }
                        Event::Mouse(mouse) => app.on_mouse(mouse),
                        Event::Resize(width, height) => {
                            app.resize(width, height);
                            true
                        }
                        _ => false,
                    };
                    // The editor, if this key asked for it, runs before input resumes.
                    let requested = events::carry_out(terminal, app, &mut background, events)?;
                    if !app.should_quit() {
                        input.resume();
                    }
                    (changed || requested, more)
                }
                AppEvent::Saved(path) => {
                    app.file_saved(&path);
                    (true, false)
                }
                AppEvent::Checked(run, result) => {
                    app.run_finished(run, result);
                    (true, false)
                }
            };
            let warned = save_when_idle(app, saver, more_input);
            if changed || warned {
                break;
            }
        }
    }
    Ok(())
}

/// Saves changed progress once no more input is waiting, so held keys don't queue writes
/// (meanwhile the signal thread holds a copy). Returns true when saving failed and a
/// warning now shows in the status bar.
fn save_when_idle(app: &mut App, saver: &SharedSaver, more_input: bool) -> bool {
    if !app.progress_dirty {
        return false;
    }
    if more_input {
        lock(saver).unsaved = Some(app.progress.clone());
        return false;
    }
    save(app, saver)
}

fn save(app: &mut App, saver: &SharedSaver) -> bool {
    app.progress_dirty = false;
    let mut saver = lock(saver);
    saver.unsaved = None;
    let warning = saver.store.save(&app.progress);
    let warned = warning.is_some();
    if warning.is_some() {
        app.message = warning;
    }
    warned
}
