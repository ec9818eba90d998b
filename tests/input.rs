//! The input reader over a pipe: events arrive as they are written, an incomplete escape
//! sequence is given up after ~50 ms, pausing stops reading (for `$EDITOR`), and the end
//! of the input is reported.
use std::fs::File;
use std::io::Write;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use status_tutor::input::{self, GIVE_UP_AFTER, Input};

fn key(c: char) -> Input {
    Input::Event(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

fn reader() -> (std::io::PipeWriter, Receiver<Input>, input::Control) {
    let (source, writer) = std::io::pipe().expect("a pipe");
    let (tx, rx) = mpsc::channel();
    let control = input::spawn_reader(File::from(std::os::fd::OwnedFd::from(source)), tx).expect("the reader");
    (writer, rx, control)
}

fn next(rx: &Receiver<Input>) -> Input {
    rx.recv_timeout(Duration::from_secs(5)).expect("an input within 5 s")
}

#[test]
fn keys_arrive_and_the_end_of_input_is_reported() {
    let (mut writer, rx, _control) = reader();
    writer.write_all(b"jk").expect("write");
    assert_eq!(next(&rx), key('j'));
    assert_eq!(next(&rx), key('k'));
    drop(writer);
    assert_eq!(next(&rx), Input::End);
}

#[test]
fn a_half_sequence_is_given_up_after_the_pause_and_the_next_key_arrives() {
    let (mut writer, rx, _control) = reader();
    writer.write_all(b"\x1b[<").expect("write");
    let sent = Instant::now();
    std::thread::sleep(GIVE_UP_AFTER * 3);
    writer.write_all(b"q").expect("write");
    assert_eq!(next(&rx), key('q'));
    assert!(sent.elapsed() < Duration::from_secs(2));
    // A lone ESC, once the pause shows nothing follows, is the Esc key.
    writer.write_all(b"\x1b").expect("write");
    assert_eq!(next(&rx), Input::Event(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))));
}

#[test]
fn while_paused_nothing_is_read() {
    let (mut writer, rx, control) = reader();
    control.pause();
    writer.write_all(b"x").expect("write");
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "read while paused");
    control.resume();
    assert_eq!(next(&rx), key('x'));
}
