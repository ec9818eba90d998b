//! Terminal input on its own threads: bytes are read from the terminal, parsed into
//! crossterm `Event`s by [`parse::Parser`] (which gives an incomplete escape sequence up
//! after [`GIVE_UP_AFTER`] of silence), and sent down a channel together with resizes
//! (SIGWINCH) and the end of input. A loop that waits on one channel for several sources
//! (`enum AppEvent { Term(..), .. }`) takes these through `From<Input>`. [`Control`]
//! pauses the reading while another program owns the terminal (`$EDITOR`).
//!
//! crossterm's `event::read` is not used anywhere: it reads the same bytes, and its parser
//! can swallow every key after `ESC [ <` (see `parse.rs`).
pub mod parse;

use crossterm::event::Event;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::os::fd::AsFd;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long an incomplete escape sequence may wait for its next byte. Terminals send a
/// whole sequence in one write; over a slow ssh link its parts arrive well within this.
pub const GIVE_UP_AFTER: Duration = Duration::from_millis(50);

/// What the terminal says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Event(Event),
    /// Reading returned end of file: no more input will ever come. A quit.
    End,
    /// The terminal went away (reading failed, EIO after a hangup).
    Hangup,
}

/// Pauses and resumes reading the terminal, so a program run in the foreground (the
/// learner's `$EDITOR`) gets every key. Clones control the same reader.
#[derive(Clone)]
pub struct Control {
    gate: Arc<(Mutex<Gate>, Condvar)>,
    wake: Arc<io::PipeWriter>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Reading,
    PauseAsked,
    Paused,
}

impl Control {
    /// Stops reading; returns once the reader is certainly not inside a read.
    pub fn pause(&self) {
        let (gate, changed) = &*self.gate;
        let mut state = gate.lock().unwrap_or_else(|p| p.into_inner());
        if *state == Gate::Reading {
            *state = Gate::PauseAsked;
        }
        let _ = (&*self.wake).write_all(&[1]);
        // Bounded: a reader that died (the terminal is gone) never answers.
        let deadline = Instant::now() + Duration::from_secs(1);
        while *state == Gate::PauseAsked && Instant::now() < deadline {
            state = match changed.wait_timeout(state, Duration::from_millis(50)) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }

    /// Reads again.
    pub fn resume(&self) {
        let (gate, changed) = &*self.gate;
        *gate.lock().unwrap_or_else(|p| p.into_inner()) = Gate::Reading;
        changed.notify_all();
    }
}

/// Starts reading the terminal (standard input if it is one, else `/dev/tty`) and watching
/// for resizes; everything arrives on `tx`. The threads end when `tx`'s receiver is gone.
pub fn spawn<T: From<Input> + Send + 'static>(tx: Sender<T>) -> io::Result<Control> {
    // Our own handle on the descriptor, unbuffered: bytes left in std's `Stdin` buffer
    // would be invisible to `poll`.
    let source: File = if io::stdin().is_terminal() {
        File::from(io::stdin().as_fd().try_clone_to_owned()?)
    } else {
        File::open("/dev/tty")?
    };
    let control = spawn_reader(source, tx.clone())?;
    watch_resizes(tx)?;
    Ok(control)
}

/// Reads and parses `source` (a terminal, or a pipe in tests) on two threads; events,
/// then the end, arrive on `tx`.
pub fn spawn_reader<T: From<Input> + Send + 'static>(source: File, tx: Sender<T>) -> io::Result<Control> {
    let (wake_rx, wake_tx) = io::pipe()?;
    let control = Control { gate: Arc::new((Mutex::new(Gate::Reading), Condvar::new())), wake: Arc::new(wake_tx) };
    let (bytes_tx, bytes_rx) = mpsc::channel::<Chunk>();
    let gate = Arc::clone(&control.gate);
    std::thread::Builder::new()
        .name("input-read".into())
        .spawn(move || read_bytes(&source, &wake_rx, &gate, &bytes_tx))?;
    std::thread::Builder::new().name("input-parse".into()).spawn(move || {
        let mut parser = parse::Parser::default();
        let mut events = Vec::new();
        loop {
            let chunk = if parser.is_waiting() {
                match bytes_rx.recv_timeout(GIVE_UP_AFTER) {
                    Ok(chunk) => chunk,
                    Err(RecvTimeoutError::Timeout) => {
                        parser.give_up(&mut events);
                        Chunk::Bytes(Vec::new())
                    }
                    Err(RecvTimeoutError::Disconnected) => Chunk::Ended(Input::End),
                }
            } else {
                bytes_rx.recv().unwrap_or(Chunk::Ended(Input::End))
            };
            let end = match chunk {
                Chunk::Bytes(bytes) => {
                    parser.feed(&bytes, &mut events);
                    None
                }
                Chunk::Ended(end) => {
                    parser.give_up(&mut events);
                    Some(end)
                }
            };
            for event in events.drain(..) {
                if tx.send(T::from(Input::Event(event))).is_err() {
                    return;
                }
            }
            if let Some(end) = end {
                let _ = tx.send(T::from(end));
                return;
            }
        }
    })?;
    Ok(control)
}

enum Chunk {
    Bytes(Vec<u8>),
    Ended(Input),
}

/// Waits (without a timer) until the terminal or the wake pipe has something, reads what
/// the terminal has, and holds still while paused.
fn read_bytes(source: &File, wake: &io::PipeReader, gate: &(Mutex<Gate>, Condvar), tx: &Sender<Chunk>) {
    use rustix::event::{PollFd, PollFlags, poll};
    let mut buffer = [0u8; 4096];
    loop {
        {
            let (gate, changed) = gate;
            let mut state = gate.lock().unwrap_or_else(|p| p.into_inner());
            if *state == Gate::PauseAsked {
                *state = Gate::Paused;
                changed.notify_all();
            }
            while *state == Gate::Paused {
                state = changed.wait(state).unwrap_or_else(|p| p.into_inner());
            }
        }
        let mut fds = [PollFd::new(source, PollFlags::IN), PollFd::new(wake, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => {
                let _ = tx.send(Chunk::Ended(Input::Hangup));
                return;
            }
        }
        let (terminal, woken) = (fds[0].revents(), fds[1].revents());
        if woken.contains(PollFlags::IN) {
            let _ = (&*wake).read(&mut buffer); // one byte per pause; the gate says why
            continue;
        }
        if terminal.is_empty() {
            continue;
        }
        // Readable, or hung up / in error: the read says which.
        let chunk = match (&*source).read(&mut buffer) {
            Ok(0) => Chunk::Ended(Input::End),
            Ok(n) => Chunk::Bytes(buffer[..n].to_vec()),
            Err(e) if matches!(e.kind(), io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock) => continue,
            Err(_) => Chunk::Ended(Input::Hangup),
        };
        let ended = matches!(chunk, Chunk::Ended(_));
        if tx.send(chunk).is_err() || ended {
            return;
        }
    }
}

/// SIGWINCH -> `Event::Resize` with the new size.
fn watch_resizes<T: From<Input> + Send + 'static>(tx: Sender<T>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH])?;
    std::thread::Builder::new().name("input-resize".into()).spawn(move || {
        for _ in signals.forever() {
            let Ok((width, height)) = crossterm::terminal::size() else { continue };
            if tx.send(T::from(Input::Event(Event::Resize(width, height)))).is_err() {
                return;
            }
        }
    })?;
    Ok(())
}
