//! The terminal: enter and always leave it cleanly (quit, error, panic, SIGTERM, SIGHUP,
//! the terminal going away), and the event loop, which blocks on one channel (terminal
//! input, saved exercise files, finished practice runs) and redraws only when something
//! changed. Progress goes to the writer thread, so the loop never waits on the disk
//! (except to put a finished quiz round on disk before its results are shown).
mod backend;
mod events;

use crate::app::{App, Screen, Update};
use crate::input::{self, Input};
use crate::keys;
use crate::practice::runner::ProcessRunner;
use crate::progress::{Store, Writer};
use crate::quiz::Phase;
use backend::StdoutBackend;
pub use backend::terminal_size;
use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
pub use events::AppEvent;
use events::Background;
use ratatui::Terminal;
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// The spinner's step while a practice run is going (the only timer, and only then).
const SPINNER_STEP: Duration = Duration::from_millis(100);
/// How long an exit waits for the last save.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);
/// The longest the loop handles queued input before it draws.
const MAX_BATCH: Duration = Duration::from_millis(16);
/// How long the results screen waits for its round to be written.
const ROUND_TIMEOUT: Duration = Duration::from_secs(2);

/// The full-screen terminal the tutorial draws on.
type TutorialTerminal = Terminal<StdoutBackend>;

/// How the tutorial ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The learner quit, or the input ended.
    Quit,
    /// The terminal went away: the caller exits 129, as for SIGHUP.
    Hangup,
}

/// Runs the tutorial until the learner quits. The terminal is restored on every way out.
/// `after_first_frame` runs once the first frame is drawn (work that should not delay it).
pub fn run(app: &mut App, store: Store, after_first_frame: impl FnOnce()) -> io::Result<Ending> {
    let writer = Writer::spawn(store);
    let mut signals = install_restore_hooks(writer.clone())?;
    let mut terminal = enter().inspect_err(|_| restore())?;
    let result = execute!(stdout(), EnableMouseCapture).and_then(|()| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        let (events, received) = mpsc::channel();
        let deliver = events.clone();
        app.runner = Some(Box::new(ProcessRunner::new(Arc::new(move |run, result| {
            let _ = deliver.send(AppEvent::Checked(run, result));
        }))));
        let saved = events.clone();
        writer.on_saved(Arc::new(move || {
            let _ = saved.send(AppEvent::ProgressSaved);
        }));
        app.warm_practice();
        let ready = events.clone();
        app.wake_when_search_is_ready(Arc::new(move || {
            let _ = ready.send(AppEvent::SearchIndexReady);
        }));
        event_loop(&mut terminal, app, &writer, &mut signals, (&events, &received), after_first_frame)
    });
    // A loop that failed before its first frame has not started it yet.
    signals.start();
    // Whatever ended the loop, an error included, what the learner did is kept.
    writer.offer(&app.progress);
    let restored = try_restore();
    if restored.is_err() {
        // The terminal is gone: dropping the `Terminal` would try to show the cursor and
        // print the failure to a stderr that is gone too, which panics.
        std::mem::forget(terminal);
    }
    writer.flush(FLUSH_TIMEOUT);
    match result {
        // A terminal that cannot be restored is gone, whatever ended the loop first (the
        // end of input and SIGHUP race when a window closes): exit as for a hangup.
        _ if restored.is_err() => Ok(Ending::Hangup),
        Ok(ending) => Ok(ending),
        Err(e) => Err(e),
    }
}

/// Raw mode and the alternate screen, as `ratatui::try_init` does but without its panic
/// hook, whose `restore` prints to stderr and so panics again when the terminal is gone.
fn enter() -> io::Result<TutorialTerminal> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    Terminal::new(StdoutBackend::new())
}

/// Leaves the alternate screen, turns raw mode and mouse capture off, shows the cursor.
/// Never panics and never prints: the terminal may be gone.
pub fn restore() {
    let _ = try_restore();
}

fn try_restore() -> io::Result<()> {
    let mouse = execute!(stdout(), DisableMouseCapture);
    let screen = ratatui::try_restore();
    execute!(stdout(), Show)?;
    mouse.and(screen)
}

/// A panic prints its message on a restored terminal; SIGTERM and SIGHUP stop the
/// checker's runs, let the writer finish, restore the terminal and exit 128 + the signal. The signals are caught from
/// here on; the thread that acts on them starts after the first frame (start-up time).
fn install_restore_hooks(writer: Writer) -> io::Result<SignalWatch> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        crate::practice::process::stop_all();
        restore();
        previous(info);
    }));
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    Ok(SignalWatch(Some((signals, writer))))
}

/// SIGTERM and SIGHUP, caught and waiting for the thread that acts on them. It starts
/// with `start` (after the first frame), or at the latest when the watch is dropped, so
/// a caught signal is never left with nothing to act on it (the caller of `run` may
/// still be writing a course's cache).
struct SignalWatch(Option<(signal_hook::iterator::Signals, Writer)>);

impl SignalWatch {
    /// Starts the thread, once.
    fn start(&mut self) {
        let Some((mut signals, writer)) = self.0.take() else { return };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Every way out stops the checker's runs (each in a session of its own,
                // so the terminal's hangup does not reach them).
                crate::practice::process::stop_all();
                writer.flush(FLUSH_TIMEOUT);
                restore();
                std::process::exit(128 + signal);
            }
        });
    }
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        self.start();
    }
}

fn event_loop(
    terminal: &mut TutorialTerminal,
    app: &mut App,
    writer: &Writer,
    signals: &mut SignalWatch,
    (events, received): (&Sender<AppEvent>, &Receiver<AppEvent>),
    after_first_frame: impl FnOnce(),
) -> io::Result<Ending> {
    let mut after_first_frame = Some(after_first_frame);
    // The input threads start after the first frame (start-up time), like the signal
    // thread; keys typed meanwhile wait in the terminal. Their control pauses them while
    // the editor runs.
    let mut control: Option<input::Control> = None;
    let mut background = Background::default();
    while !app.should_quit() {
        // Drawn just below, whatever it answers.
        let _ = events::carry_out(terminal, app, &mut background, events, control.as_ref())?;
        let size = terminal.size()?;
        if (size.width, size.height) != (app.size.width, app.size.height) {
            app.resize(size.width, size.height); // resized since the last event
        }
        send_progress(app, writer);
        if showing_results(app) {
            // A finished round is on disk before its results are drawn (a round is recorded
            // when its results show). Its state may have gone to the writer inside the last
            // batch, so wait for everything sent so far.
            writer.flush(ROUND_TIMEOUT);
        }
        if let Some(warning) = writer.take_warning() {
            app.message = Some(warning);
        }
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if control.is_none() {
            control = Some(input::spawn(events.clone())?);
        }
        signals.start();
        if let Some(then) = after_first_frame.take() {
            then();
        }
        // Block for the next event (only a run in flight wakes the loop on its own, for
        // the spinner), then take whatever else is already queued before drawing again:
        // a burst of keys costs one frame, not one each. Each handler answers whether it
        // changed anything; the loop draws again only once one did.
        let mut changed = Update::NotChanged;
        let mut next = match wait(app, received) {
            Some(event) => event,
            None => continue, // the spinner moved
        };
        let batch = Instant::now();
        loop {
            changed |= match next {
                AppEvent::Term(Input::Event(event)) => {
                    let handled = handle(app, event);
                    // The editor, if this key asked for it, runs now, input paused.
                    handled | events::carry_out(terminal, app, &mut background, events, control.as_ref())?
                }
                AppEvent::Term(Input::End) => return Ok(Ending::Quit),
                AppEvent::Term(Input::Hangup) => return Ok(Ending::Hangup),
                AppEvent::Saved(path) => app.file_saved(&path),
                AppEvent::Checked(run, result) => app.run_finished(run, result),
                AppEvent::SearchIndexReady => app.search_index_ready(),
                // What the save found in the file (another instance's work) is shown.
                AppEvent::ProgressSaved => Update::from(writer.adopt(&mut app.progress)),
            };
            // Every step goes to the writer at once, keys still queued or not.
            send_progress(app, writer);
            // A long backlog is drawn now and then, so the screen keeps up.
            if app.should_quit() || (changed.changed() && batch.elapsed() >= MAX_BATCH) {
                break;
            }
            next = match received.try_recv() {
                Ok(queued) => queued,
                Err(_) if changed.changed() => break,
                Err(_) => match wait(app, received) {
                    Some(event) => event,
                    None => break,
                },
            };
        }
    }
    Ok(Ending::Quit)
}

/// The next event; `None` when the spinner moved instead. A closed channel is the end.
fn wait(app: &mut App, received: &Receiver<AppEvent>) -> Option<AppEvent> {
    loop {
        if !app.practice_running() {
            return Some(received.recv().unwrap_or(AppEvent::Term(Input::End)));
        }
        match received.recv_timeout(SPINNER_STEP) {
            Ok(event) => return Some(event),
            Err(RecvTimeoutError::Timeout) if app.tick().changed() => return None,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Some(AppEvent::Term(Input::End)),
        }
    }
}

/// Applies one terminal event and says whether the screen must be redrawn: a key bound
/// to nothing here, a key release or a focus change is no change; a resize always is.
pub fn handle(app: &mut App, event: Event) -> Update {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            keys::action_for(app.context(), key).map_or(Update::NotChanged, |action| app.update(action))
        }
        Event::Mouse(mouse) => app.on_mouse(mouse),
        Event::Resize(width, height) => {
            app.resize(width, height);
            Update::Changed
        }
        _ => Update::NotChanged,
    }
}

/// Sends changed progress to the writer (which writes the newest state it was sent).
fn send_progress(app: &mut App, writer: &Writer) {
    writer.offer(&app.progress);
}

/// Whether the quiz's results are about to be drawn (a round of any kind just ended).
fn showing_results(app: &App) -> bool {
    app.screen == Screen::Quiz && app.quiz.as_ref().is_some_and(|quiz| matches!(quiz.session.phase(), Phase::Results))
}
