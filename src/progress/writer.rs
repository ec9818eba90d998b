//! Saving off the UI thread. The UI sends each new state and never waits; one writer
//! thread always writes the newest state it was sent (older ones still queued are skipped,
//! which is what makes a burst of keys cheap), merged with the file and written
//! atomically by the store. So a kill loses at most the state being written, and whatever
//! came after it in the same instant. An exit or a signal calls [`Writer::flush`] first.
//!
//! What the merge found (other instances' work) flows back: after a save the writer
//! wakes its owner, which calls [`Writer::adopt`] to rebase its progress on the file.
use super::merge::merge;
use super::{Progress, Store, Tracked};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Called on the writer thread after each save (to wake the loop that adopts it).
pub type OnSaved = Arc<dyn Fn() + Send + Sync>;

/// The sending side; clones share one writer thread.
#[derive(Clone)]
pub struct Writer {
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    /// Signalled when a state is sent (the writer wakes) and when one is written (waiters wake).
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// The newest state not yet taken by the writer, with its number.
    pending: Option<(u64, Progress)>,
    /// The number of the last state sent.
    sent: u64,
    /// The number of the last state the writer finished with (written, or saving was off).
    written: u64,
    /// A failed save's warning, not shown yet.
    warning: Option<String>,
    /// The store until the thread starts and takes it.
    store: Option<Store>,
    /// What the sender's progress grew from: the merge counts what it added since.
    base: Progress,
    /// The last state sent by [`Writer::offer`] (or adopted), and the edit count seen.
    last_sent: Progress,
    seen_edits: u64,
    /// The last save not yet adopted: its number, the state saved, what the file holds.
    saved: Option<(u64, Progress, Progress)>,
    on_saved: Option<OnSaved>,
}

impl Writer {
    /// A writer for `store`. Its thread starts with the first [`Writer::send`], off the
    /// path to the first frame, and begins by removing temporary files of killed saves.
    pub fn spawn(store: Store) -> Writer {
        let base = store.base().clone();
        let state = State { last_sent: base.clone(), base, store: Some(store), ..State::default() };
        Writer { shared: Arc::new(Shared { state: Mutex::new(state), changed: Condvar::new() }) }
    }

    /// Runs `wake` on the writer thread after every save, so the owner of the progress
    /// comes to [`Writer::adopt`] what other instances saved.
    pub fn on_saved(&self, wake: OnSaved) {
        self.lock().on_saved = Some(wake);
    }

    /// Starts the thread if it has not started (the store is still here).
    fn start(&self, state: &mut State) {
        let Some(store) = state.store.take() else { return };
        let shared = Arc::clone(&self.shared);
        let started = std::thread::Builder::new().name("progress-writer".into()).spawn(move || {
            store.remove_stale_temp_files();
            write_forever(store, &shared);
        });
        if started.is_err() {
            // No thread (the system is out of them): nothing will be saved, and the
            // learner is told once, like any other failed save.
            state.warning = Some("could not start saving progress (no thread); saving is off".into());
            state.written = u64::MAX;
        }
    }

    /// Sends `progress` if it was edited since the last offer and differs from what was
    /// last sent. Returns the number sent, if any.
    pub fn offer(&self, progress: &Tracked) -> Option<u64> {
        let mut state = self.lock();
        if progress.edits() == state.seen_edits {
            return None;
        }
        state.seen_edits = progress.edits();
        if state.last_sent == **progress {
            return None;
        }
        state.last_sent = (**progress).clone();
        drop(state);
        Some(self.send((**progress).clone()))
    }

    /// Brings into `progress` what the last save found in the file (other instances'
    /// work), keeping every change made here since. Only once the writer is idle, so the
    /// next save merges from the right base. Returns whether `progress` changed.
    pub fn adopt(&self, progress: &mut Tracked) -> bool {
        let mut state = self.lock();
        if state.pending.is_some() || state.written != state.sent {
            return false;
        }
        let Some((_, saved, merged)) = state.saved.take() else { return false };
        if saved == merged {
            return false;
        }
        // Nothing changed here since: the file's state exactly (what a save trimmed to fit
        // stays trimmed). Otherwise this instance's later changes on top of it.
        let rebased = if **progress == saved { merged.clone() } else { merge(&saved, progress, &merged) };
        state.base = merged.clone();
        state.last_sent = merged;
        // The next offer compares whatever the count says: `progress` may hold more
        // than the file even when adopting changed nothing here.
        state.seen_edits = u64::MAX;
        drop(state);
        if rebased == **progress {
            return false;
        }
        *progress.edit() = rebased;
        true
    }

    /// Hands `progress` to the writer and returns its number, for [`Writer::wait_for`].
    /// Never blocks on the disk: a state not yet taken is replaced.
    pub fn send(&self, progress: Progress) -> u64 {
        let mut state = self.lock();
        self.start(&mut state);
        state.sent += 1;
        let number = state.sent;
        state.pending = Some((number, progress));
        drop(state);
        self.shared.changed.notify_all();
        number
    }

    /// Waits until state `number` (or a newer one) is on disk, at most `timeout`.
    /// Returns whether it is.
    pub fn wait_for(&self, number: u64, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        while state.written < number {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            state = match self.shared.changed.wait_timeout(state, deadline - now) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        true
    }

    /// Waits until everything sent so far is on disk, at most `timeout`.
    pub fn flush(&self, timeout: Duration) -> bool {
        let sent = self.lock().sent;
        self.wait_for(sent, timeout)
    }

    /// The warning of a save that failed since the last call (saving is then off).
    pub fn take_warning(&self) -> Option<String> {
        self.lock().warning.take()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        lock(&self.shared)
    }
}

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    shared.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write_forever(mut store: Store, shared: &Shared) {
    loop {
        let mut state = lock(shared);
        let (number, progress) = loop {
            if let Some(next) = state.pending.take() {
                break next;
            }
            state = shared.changed.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
        };
        let base = std::mem::take(&mut state.base);
        drop(state);
        let (merged, warning) = store.save_merged(&base, &progress);
        let mut state = lock(shared);
        // The sender's next state grows from this one (it adopts `merged` only when idle).
        state.base = progress.clone();
        state.saved = Some((number, progress, merged));
        state.written = number;
        if warning.is_some() {
            state.warning = warning;
        }
        let wake = state.on_saved.clone();
        drop(state);
        shared.changed.notify_all();
        if let Some(wake) = wake {
            wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_in(dir: &std::path::Path) -> Store {
        let (store, _, warnings) = Store::open(Some(dir), "writer-test");
        assert!(warnings.is_empty(), "{warnings:?}");
        store
    }

    #[test]
    fn the_newest_state_sent_is_the_one_on_disk() {
        let dir = tempfile::tempdir().expect("a folder");
        let writer = Writer::spawn(store_in(dir.path()));
        let mut progress = Progress::default();
        for scroll in 0..200 {
            progress.scroll = scroll;
            writer.send(progress.clone());
        }
        assert!(writer.flush(Duration::from_secs(10)), "not written in 10 s");
        let (_, loaded, _) = Store::open(Some(dir.path()), "writer-test");
        assert_eq!(loaded.scroll, 199);
        assert_eq!(writer.take_warning(), None);
    }

    #[test]
    fn waiting_for_one_state_returns_once_it_is_written() {
        let dir = tempfile::tempdir().expect("a folder");
        let writer = Writer::spawn(store_in(dir.path()));
        let progress = Progress { welcomed: true, ..Progress::default() };
        let number = writer.send(progress);
        assert!(writer.wait_for(number, Duration::from_secs(10)));
        let (_, loaded, _) = Store::open(Some(dir.path()), "writer-test");
        assert!(loaded.welcomed);
    }

    #[test]
    fn a_save_merges_with_another_instance_and_the_owner_adopts_it() {
        let dir = tempfile::tempdir().expect("a folder");
        // Both open before either saves, as two instances launched together.
        let (first, second) = (Writer::spawn(store_in(dir.path())), Writer::spawn(store_in(dir.path())));
        let mut mine = Tracked::new(Progress::default());
        let mut theirs = Progress::default();
        theirs.mark_read("theirs");
        theirs.review.days.insert("2026-01-01".into(), super::super::review::DayTally { answered: 2, right: 1 });
        second.send(theirs);
        assert!(second.flush(Duration::from_secs(10)));
        mine.edit().mark_read("mine");
        mine.edit().review.days.insert("2026-01-01".into(), super::super::review::DayTally { answered: 3, right: 3 });
        assert!(first.offer(&mine).is_some());
        assert!(first.flush(Duration::from_secs(10)));
        // A change made after the save and before adopting is kept too.
        mine.edit().mark_read("later");
        assert!(first.adopt(&mut mine), "the other instance's page comes in");
        assert!(["mine", "theirs", "later"].iter().all(|p| mine.pages_read.contains(*p)), "{:?}", mine.pages_read);
        assert_eq!(mine.review.days["2026-01-01"].answered, 5, "answers of both are counted once");
        assert!(first.offer(&mine).is_some(), "the later change is still to save");
        assert!(first.flush(Duration::from_secs(10)));
        assert!(!first.adopt(&mut mine), "nothing new: the file holds what this instance has");
        assert_eq!(first.offer(&mine), None);
        let (_, loaded, _) = Store::open(Some(dir.path()), "writer-test");
        assert_eq!(loaded, *mine);
    }

    #[test]
    fn what_a_save_trimmed_to_fit_stays_trimmed_and_is_not_saved_again() {
        let dir = tempfile::tempdir().expect("a folder");
        let writer = Writer::spawn(store_in(dir.path()));
        let mut mine = Tracked::new(Progress::default());
        // 1,200 cards with ids of 900 characters: over 1 MiB.
        const CARDS: usize = 1_200;
        for n in 0..CARDS {
            let card = crate::quiz::Memory { last_review: n as i64, ..Default::default() };
            mine.edit().review.cards.insert(format!("{n:04}{}", "x".repeat(900)), card);
        }
        assert!(writer.offer(&mine).is_some());
        assert!(writer.flush(Duration::from_secs(10)));
        assert!(writer.adopt(&mut mine), "the least recently answered cards were trimmed to fit");
        assert!(mine.review.cards.len() < CARDS);
        assert_eq!(writer.offer(&mine), None, "what the file holds is not written again");
        let (_, loaded, warnings) = Store::open(Some(dir.path()), "writer-test");
        assert!(warnings.is_empty(), "{warnings:?}");
        // Compared without printing: a failure would print megabytes.
        assert!(loaded == *mine, "the file differs from what the writer's owner holds");
    }

    #[test]
    fn a_failed_save_is_reported_once() {
        let dir = tempfile::tempdir().expect("a folder");
        let store = store_in(dir.path());
        // The target is now a folder: the rename over it fails.
        std::fs::create_dir(store.path()).expect("a folder in the way");
        let writer = Writer::spawn(store);
        writer.send(Progress::default());
        assert!(writer.flush(Duration::from_secs(10)));
        assert!(writer.take_warning().is_some_and(|w| w.contains("could not save progress")));
        writer.send(Progress::default());
        assert!(writer.flush(Duration::from_secs(10)));
        assert_eq!(writer.take_warning(), None);
    }
}
