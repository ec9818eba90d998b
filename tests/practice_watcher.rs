//! The watcher: a burst of writes is one save, reading a file (as the checker does) is no
//! save, and only `.py` files count.
use status_tutor::practice::watcher::{DEBOUNCE, watch};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Watching a folder with `view.py` in it. The burst test uses a longer debounce than the
/// shipped one: on a loaded machine a thread can wait longer than 30 ms for a core, and a
/// burst split by such a wait is two saves (one run cancelled by the next; harmless).
fn watched_with(
    debounce: Duration,
) -> (tempfile::TempDir, mpsc::Receiver<PathBuf>, status_tutor::practice::watcher::Watcher) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("view.py"), "start").expect("write");
    let (tx, rx) = mpsc::channel();
    let watcher = watch(dir.path(), debounce, move |path| {
        let _ = tx.send(path);
    })
    .expect("watch");
    (dir, rx, watcher)
}

fn watched() -> (tempfile::TempDir, mpsc::Receiver<PathBuf>, status_tutor::practice::watcher::Watcher) {
    watched_with(DEBOUNCE)
}

#[test]
fn a_burst_of_writes_is_one_save() {
    let debounce = Duration::from_millis(150);
    let (dir, rx, _watcher) = watched_with(debounce);
    let file = dir.path().join("view.py");
    // Longer than the debounce in all, so a burst is reported only once quiet.
    for n in 0..10 {
        std::fs::write(&file, format!("version {n}")).expect("write");
        std::thread::sleep(Duration::from_millis(20));
    }
    let saved = rx.recv_timeout(Duration::from_secs(5)).expect("one save");
    assert_eq!(saved.file_name(), file.file_name());
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "version 9");
    assert!(rx.recv_timeout(debounce * 3).is_err(), "the burst was reported more than once");
}

#[test]
fn reading_or_rewriting_the_same_content_is_no_save() {
    let (dir, rx, _watcher) = watched();
    let file = dir.path().join("view.py");
    let _ = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, "start").expect("same content");
    std::fs::write(dir.path().join("notes.txt"), "not python").expect("write");
    assert!(rx.recv_timeout(DEBOUNCE * 6).is_err(), "nothing changed in a .py file");
    std::fs::write(&file, "changed").expect("write");
    assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok(), "a real change is a save");
}

#[test]
fn an_editor_that_saves_by_renaming_is_seen() {
    let (dir, rx, _watcher) = watched();
    let temp = dir.path().join(".view.py.swp");
    std::fs::write(&temp, "renamed in").expect("write");
    std::fs::rename(&temp, dir.path().join("view.py")).expect("rename");
    let saved = rx.recv_timeout(Duration::from_secs(5)).expect("a save");
    assert_eq!(saved.file_name().and_then(|n| n.to_str()), Some("view.py"));
}
