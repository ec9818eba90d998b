//! Every save of an exercise file reruns its checks: the exercises folder is watched with
//! notify, bursts of events (an editor's write, rename and chmod) are debounced into one,
//! and only a file whose content changed counts as saved. The content test matters: the
//! checker itself opens the file, and inotify reports that too, so without it every run
//! would start the next one.
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, DebouncedEventKind, Debouncer, new_debouncer};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a file must stay quiet before its save counts. An editor's burst (write,
/// rename, chmod) takes a few milliseconds; a burst split by a busy machine only costs a
/// run that the next one replaces, since only a changed content counts.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// Watches while it lives; dropping it stops the watching thread.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher>,
}

/// Watches the `.py` files directly in `dir`; `on_save` gets the path of each one whose
/// content changed, once per burst of writes.
pub fn watch(dir: &Path, debounce: Duration, on_save: impl Fn(PathBuf) + Send + 'static) -> Result<Watcher, String> {
    let mut seen: HashMap<PathBuf, u64> = HashMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for path in entries.flatten().map(|e| e.path()).filter(|p| is_python(p)) {
            if let Some(hash) = content_hash(&path) {
                seen.insert(path, hash);
            }
        }
    }
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        for event in events {
            // Only once the file has been quiet for the debounce: a burst longer than that
            // is reported mid-way too (AnyContinuous), which would be a run of a half-written file.
            if event.kind != DebouncedEventKind::Any || !is_python(&event.path) {
                continue;
            }
            match content_hash(&event.path) {
                Some(hash) if seen.get(&event.path) != Some(&hash) => {
                    seen.insert(event.path.clone(), hash);
                    on_save(event.path);
                }
                Some(_) => {}
                // Gone (renamed away, deleted): the next file written there is new.
                None => {
                    seen.remove(&event.path);
                }
            }
        }
    };
    let mut debouncer = new_debouncer(debounce, handler).map_err(|e| e.to_string())?;
    debouncer.watcher().watch(dir, RecursiveMode::NonRecursive).map_err(|e| e.to_string())?;
    Ok(Watcher { _debouncer: debouncer })
}

fn is_python(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "py")
}

fn content_hash(path: &Path) -> Option<u64> {
    let bytes = std::fs::read(path).ok()?;
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    Some(hasher.finish())
}
