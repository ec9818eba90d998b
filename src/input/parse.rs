//! Terminal input bytes -> crossterm `Event`s, with no I/O and no clock: the caller feeds
//! bytes and says when the input has gone quiet ([`Parser::give_up`]).
//!
//! Why not crossterm's own reader: its parser (`event/sys/unix/parse.rs`, 0.29) answers
//! "wait for more bytes" for `ESC [ <`, `ESC [ ?` and an unterminated bracketed paste until
//! their final byte arrives, whatever arrives meanwhile, and its reader never gives a
//! partial sequence up. So after those three bytes every key, Ctrl-C included, is eaten.
//! Here a sequence ends at the first byte that cannot continue it (a control character
//! such as Ctrl-C is then read as itself), and the caller gives an incomplete one up
//! after ~50 ms of silence.
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The most bytes a paste may gather; the rest of a longer one is dropped.
pub const MAX_PASTE_BYTES: usize = 64 * 1024;
/// The longest CSI sequence kept; real ones are under 32 bytes.
const MAX_CSI_BYTES: usize = 64;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Bytes in, events out. Holds at most one incomplete sequence.
#[derive(Debug, Default)]
pub struct Parser {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

impl Parser {
    /// Parses `bytes`, appending every complete event to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        for &b in bytes {
            if let Some(paste) = &mut self.paste {
                if paste.len() < MAX_PASTE_BYTES + PASTE_END.len() {
                    paste.push(b);
                } else if b == 0x1b || PASTE_END.contains(&b) {
                    // Full: keep only what could be the end marker arriving.
                    paste.push(b);
                    let keep = paste.len() - PASTE_END.len();
                    paste.drain(MAX_PASTE_BYTES..keep.max(MAX_PASTE_BYTES));
                }
                if paste.ends_with(PASTE_END) {
                    paste.truncate(paste.len() - PASTE_END.len());
                    out.push(Event::Paste(String::from_utf8_lossy(paste).into_owned()));
                    self.paste = None;
                }
                continue;
            }
            self.pending.push(b);
            self.advance(out);
        }
    }

    /// Whether an incomplete sequence is waiting for more bytes.
    pub fn is_waiting(&self) -> bool {
        !self.pending.is_empty() || self.paste.is_some()
    }

    /// The input went quiet with a sequence incomplete: a lone ESC is the Esc key, a paste
    /// that never ended is delivered as it is, anything else is dropped.
    pub fn give_up(&mut self, out: &mut Vec<Event>) {
        if let Some(paste) = self.paste.take() {
            out.push(Event::Paste(String::from_utf8_lossy(&paste).into_owned()));
        }
        if self.pending == [0x1b] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        self.pending.clear();
    }

    /// Tries to complete the pending bytes into an event.
    fn advance(&mut self, out: &mut Vec<Event>) {
        match step(&self.pending) {
            Step::Wait => {}
            Step::Done(event) => {
                out.extend(event);
                self.pending.clear();
            }
            Step::Paste => {
                self.pending.clear();
                self.paste = Some(Vec::new());
            }
            Step::EscThen => {
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                self.pending.remove(0);
                self.advance(out);
            }
            Step::Interrupted => {
                // The last byte cannot continue the sequence: drop the sequence and read
                // that byte on its own (Ctrl-C inside `ESC [ <` is still Ctrl-C).
                let last = self.pending.pop();
                self.pending.clear();
                if let Some(last) = last {
                    self.pending.push(last);
                    self.advance(out);
                }
            }
        }
    }
}

enum Step {
    Wait,
    /// A complete sequence: its event, or none when it means nothing to us.
    Done(Option<Event>),
    /// The start of a bracketed paste.
    Paste,
    /// The last byte cannot belong to the sequence before it.
    Interrupted,
    /// The first byte is the Esc key; the rest starts afresh.
    EscThen,
}

fn step(bytes: &[u8]) -> Step {
    match bytes {
        [] => Step::Wait,
        [0x1b] => Step::Wait,
        // ESC then ESC or a control key: the Esc key, then that byte read on its own.
        [0x1b, c, ..] if *c < 0x20 || *c == 0x7f => Step::EscThen,
        [0x1b, b'[', rest @ ..] => csi(rest),
        // OSC, DCS, APC: a terminal's reply (to the background colour query, say) that
        // came late. Skipped whole, so its text is not read as keys.
        [0x1b, b']' | b'P' | b'_', rest @ ..] => string_sequence(rest),
        [0x1b, b'O'] => Step::Wait,
        [0x1b, b'O', last] if *last < 0x20 || *last == 0x7f => Step::Interrupted,
        [0x1b, b'O', last] => Step::Done(ss3(*last)),
        [0x1b, rest @ ..] => match step(rest) {
            Step::Done(Some(Event::Key(k))) => {
                Step::Done(Some(Event::Key(KeyEvent { modifiers: k.modifiers | KeyModifiers::ALT, ..k })))
            }
            other => other,
        },
        [first, ..] if *first >= 0x80 => utf8(bytes),
        [b] if bytes.len() == 1 => Step::Done(Some(single_byte(*b))),
        _ => Step::Done(None),
    }
}

/// The body of an OSC, DCS or APC string, which ends with BEL or `ESC \\`.
fn string_sequence(rest: &[u8]) -> Step {
    let before_last = rest.len().checked_sub(2).and_then(|i| rest.get(i));
    match rest.last() {
        None | Some(0x1b) => Step::Wait,
        Some(0x07) => Step::Done(None),
        Some(b'\\') if before_last == Some(&0x1b) => Step::Done(None),
        // A control key, or ESC followed by anything but `\`: not a reply after all.
        Some(&b) if b < 0x20 || b == 0x7f || before_last == Some(&0x1b) => Step::Interrupted,
        _ if rest.len() > MAX_CSI_BYTES * 64 => Step::Done(None),
        _ => Step::Wait,
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE })
}

fn single_byte(b: u8) -> Event {
    match b {
        b'\r' | b'\n' => key(KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => key(KeyCode::Tab, KeyModifiers::NONE),
        0x7f | 0x08 => key(KeyCode::Backspace, KeyModifiers::NONE),
        0x00 => key(KeyCode::Char(' '), KeyModifiers::CONTROL),
        0x01..=0x1a => key(KeyCode::Char(char::from(b - 1 + b'a')), KeyModifiers::CONTROL),
        0x1c..=0x1f => key(KeyCode::Char(char::from(b - 0x1c + b'4')), KeyModifiers::CONTROL),
        0x1b => key(KeyCode::Esc, KeyModifiers::NONE),
        b => key(KeyCode::Char(char::from(b)), KeyModifiers::NONE),
    }
}

fn utf8(bytes: &[u8]) -> Step {
    let len = match bytes[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Done(None), // not a lead byte: dropped
    };
    if let Some(&last) = bytes.get(1..).and_then(|rest| rest.last())
        && !(0x80..=0xbf).contains(&last)
    {
        return Step::Interrupted;
    }
    if bytes.len() < len {
        return Step::Wait;
    }
    let c = std::str::from_utf8(bytes).ok().and_then(|s| s.chars().next());
    Step::Done(c.map(|c| key(KeyCode::Char(c), KeyModifiers::NONE)))
}

fn ss3(last: u8) -> Option<Event> {
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        _ => return None,
    };
    Some(key(code, KeyModifiers::NONE))
}

/// `ESC [` then `rest`: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, one final
/// byte 0x40-0x7E (ECMA-48). The X10 mouse (`ESC [ M` + 3 raw bytes) is the exception.
fn csi(rest: &[u8]) -> Step {
    if rest.first() == Some(&b'M') {
        return x10_mouse(&rest[1..]);
    }
    let Some((&last, body)) = rest.split_last() else { return Step::Wait };
    match last {
        0x40..=0x7e => {}
        0x20..=0x3f if rest.len() < MAX_CSI_BYTES => return Step::Wait,
        0x20..=0x3f => return Step::Done(None), // absurdly long: dropped
        _ => return Step::Interrupted,
    }
    if body.iter().any(|b| !(0x20..=0x3f).contains(b)) {
        return Step::Done(None);
    }
    let whole = [b"\x1b[".as_slice(), rest].concat();
    if whole == PASTE_START {
        return Step::Paste;
    }
    Step::Done(csi_event(body, last))
}

fn csi_event(body: &[u8], last: u8) -> Option<Event> {
    if let [b'<', params @ ..] = body {
        return sgr_mouse(params, last);
    }
    let text = std::str::from_utf8(body).ok()?;
    if text.starts_with(['?', '>', '=']) {
        return None; // replies to queries we never make
    }
    let params: Vec<u16> = text.split(';').map(|p| p.split(':').next().unwrap_or("").parse().unwrap_or(0)).collect();
    let modifiers = modifiers(params.get(1).copied().unwrap_or(1));
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'I' => return Some(Event::FocusGained),
        b'O' => return Some(Event::FocusLost),
        b'M' if params.len() == 3 => return rxvt_mouse(&params),
        b'~' => match params.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F((n - 10) as u8),
            n @ 17..=21 => KeyCode::F((n - 11) as u8),
            n @ 23..=24 => KeyCode::F((n - 12) as u8),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, modifiers))
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers(param: u16) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

/// `ESC [ < b ; x ; y M|m`, 1-based coordinates.
fn sgr_mouse(params: &[u8], last: u8) -> Option<Event> {
    if last != b'M' && last != b'm' {
        return None;
    }
    let text = std::str::from_utf8(params).ok()?;
    let numbers: Vec<u16> = text.split(';').map(|n| n.parse().ok()).collect::<Option<_>>()?;
    let [button, x, y] = numbers.as_slice() else { return None };
    mouse(*button, *x, *y, last == b'm')
}

/// `ESC [ b ; x ; y M` (urxvt 1015): the button is offset by 32.
fn rxvt_mouse(params: &[u16]) -> Option<Event> {
    mouse(params[0].checked_sub(32)?, params[1], params[2], false)
}

/// `ESC [ M` then button, column and row, each + 32.
fn x10_mouse(rest: &[u8]) -> Step {
    match rest {
        [b, x, y] => Step::Done(mouse(
            u16::from(b.wrapping_sub(32)),
            u16::from(x.saturating_sub(32)),
            u16::from(y.saturating_sub(32)),
            false,
        )),
        _ if rest.len() < 3 => Step::Wait,
        _ => Step::Done(None),
    }
}

fn mouse(code: u16, x: u16, y: u16, released: bool) -> Option<Event> {
    let (column, row) = (x.checked_sub(1)?, y.checked_sub(1)?);
    let mut modifiers = KeyModifiers::NONE;
    if code & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if code & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if code & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let button = match code & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        2 => MouseButton::Right,
        _ => MouseButton::Left,
    };
    let kind = match (code & 0b1100_0000, code & 32 != 0, code & 3) {
        (64, _, 0) => MouseEventKind::ScrollUp,
        (64, _, 1) => MouseEventKind::ScrollDown,
        (64, _, 2) => MouseEventKind::ScrollLeft,
        (64, _, _) => MouseEventKind::ScrollRight,
        (0, true, 3) => MouseEventKind::Moved,
        (0, true, _) => MouseEventKind::Drag(button),
        (0, false, 3) => MouseEventKind::Up(MouseButton::Left),
        (0, false, _) if released => MouseEventKind::Up(button),
        (0, false, _) => MouseEventKind::Down(button),
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent { kind, column, row, modifiers }))
}

#[cfg(test)]
mod tests;
