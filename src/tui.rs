//! The terminal: enter and always leave it cleanly (quit, error, panic, SIGTERM, SIGHUP),
//! and the event loop, which blocks on input and redraws only when something changed.
use crate::app::App;
use crate::keys;
use crate::progress::Store;
use crossterm::cursor::Show;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use std::io::{self, stdout};
use std::time::Duration;

/// Runs the tutorial until the learner quits. The terminal is restored on every way out.
pub fn run(app: &mut App, store: &mut Store) -> io::Result<()> {
    install_restore_hooks()?;
    let mut terminal = ratatui::try_init().inspect_err(|_| restore())?;
    let result = execute!(stdout(), EnableMouseCapture).and_then(|()| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        event_loop(&mut terminal, app, store)
    });
    restore();
    // Whatever ended the loop, an error included, what the learner did is kept.
    if app.progress_dirty {
        let _ = save(app, store); // a warning would have nobody left to read it
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

/// A panic prints its message on a restored terminal; SIGTERM and SIGHUP restore and exit.
/// Progress is saved after every change, so exiting from a signal loses nothing.
fn install_restore_hooks() -> io::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App, store: &mut Store) -> io::Result<()> {
    while !app.should_quit() {
        let size = terminal.size()?;
        if (size.width, size.height) != (app.size.width, app.size.height) {
            app.resize(size.width, size.height); // resized since the last event
        }
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        loop {
            let changed = match event::read()? {
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
            let warned = save_when_idle(app, store)?;
            if changed || warned {
                break;
            }
        }
    }
    Ok(())
}

/// Saves changed progress once no more input is waiting, so held keys don't queue writes.
/// Returns true when saving failed and a warning now shows in the status bar.
fn save_when_idle(app: &mut App, store: &mut Store) -> io::Result<bool> {
    Ok(app.progress_dirty && !event::poll(Duration::ZERO)? && save(app, store))
}

fn save(app: &mut App, store: &mut Store) -> bool {
    app.progress_dirty = false;
    let warning = store.save(&app.progress);
    let warned = warning.is_some();
    if warning.is_some() {
        app.message = warning;
    }
    warned
}
