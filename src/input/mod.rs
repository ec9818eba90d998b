//! Terminal input on its own threads: bytes are read from the terminal, parsed into
//! crossterm `Event`s by [`parse::Parser`] (which gives an incomplete escape sequence up
//! after [`GIVE_UP_AFTER`] of silence), and sent down a channel together with resizes
//! (SIGWINCH) and the end of input. A loop that waits on one channel for several sources
//! (`enum AppEvent { Term(..), .. }`) takes these through `From<Input>`.
//!
//! crossterm's `event::read` is not used anywhere: it reads the same bytes, and its parser
//! can swallow every key after `ESC [ <` (see `parse.rs`).
pub mod parse;

use crossterm::event::Event;
use std::io::{self, IsTerminal, Read};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

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

/// Starts reading the terminal (standard input if it is one, else `/dev/tty`) and watching
/// for resizes; everything arrives on `tx`. The threads end when `tx`'s receiver is gone.
pub fn spawn<T: From<Input> + Send + 'static>(tx: Sender<T>) -> io::Result<()> {
    let source: Box<dyn Read + Send> =
        if io::stdin().is_terminal() { Box::new(io::stdin()) } else { Box::new(std::fs::File::open("/dev/tty")?) };
    let (bytes_tx, bytes_rx) = mpsc::channel::<Chunk>();
    let resize_tx = tx.clone();
    std::thread::Builder::new().name("input-read".into()).spawn(move || read_bytes(source, &bytes_tx))?;
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
    watch_resizes(resize_tx)
}

enum Chunk {
    Bytes(Vec<u8>),
    Ended(Input),
}

fn read_bytes(mut source: Box<dyn Read + Send>, tx: &Sender<Chunk>) {
    let mut buffer = [0u8; 4096];
    loop {
        let chunk = match source.read(&mut buffer) {
            Ok(0) => Chunk::Ended(Input::End),
            Ok(n) => Chunk::Bytes(buffer[..n].to_vec()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
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
