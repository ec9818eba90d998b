//! A `--content` course's first launch: the course is read from its files (a big one
//! checked on every core, with the same problems as on one), the first frame is drawn,
//! and only then is the cache written, on a thread of its own; it is complete before the
//! process exits, and a writer killed half-way leaves no file behind for long. A big
//! course's search answers from titles until its whole index is built, then its results
//! fill in by themselves.
#[allow(dead_code)] // shared with e2e.rs and the startup bench; this file uses a part
mod support;

#[path = "support/screen.rs"]
mod screen;

use screen::Screen;
use status_tutor::app::{App, Overlay};
use status_tutor::cli::ThemeName;
use status_tutor::content::cache::{self, Source};
use status_tutor::content::{Block, Course, CourseFiles, load};
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::search::SearchIndex;
use status_tutor::theme::Theme;
// `screen` names the pty module as `crate::pty`.
use support::course_copy;
use support::pty;
use support::pty::{Pty, TIMEOUT};

use ratatui::layout::Rect;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, SystemTime};

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

/// Sets every modification time under `dir` an hour back: files changed in the last
/// seconds are not cached (their time may not change with their next edit).
fn age(dir: &Path) {
    let when = SystemTime::now() - Duration::from_secs(3600);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(fs::read_dir(&path).expect("listable").map(|e| e.expect("an entry").path()));
        }
        File::open(&path).and_then(|f| f.set_modified(when)).expect("settable modification time");
    }
}

/// The built-in course plus `copies` copies of the 200 OK page (ids `copy-N`), aged, and
/// an empty cache folder beside it.
fn course_with_copies(copies: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = course_copy::with_copies(temp.path(), copies);
    age(&dir);
    let cache = temp.path().join("cache");
    (temp, dir, cache)
}

fn from_toml(dir: &Path) -> Course {
    let files = CourseFiles::read_dir(dir).unwrap_or_else(|p| panic!("{dir:?} unreadable: {p:?}"));
    load(&files).unwrap_or_else(|p| panic!("{dir:?} refused: {p:?}")).course
}

fn cache_file(dir: &Path, cache: &Path) -> PathBuf {
    cache::cache_file(cache, &fs::canonicalize(dir).expect("canonical").display().to_string())
}

/// Files in the cache folder other than the cache itself (temporary files).
fn leftovers(dir: &Path, cache: &Path) -> Vec<String> {
    let file = cache_file(dir, cache);
    let Ok(entries) = fs::read_dir(file.parent().expect("a folder")) else { return Vec::new() };
    entries.flatten().filter(|e| e.path() != file).map(|e| e.file_name().to_string_lossy().into_owned()).collect()
}

#[test]
fn a_course_read_from_its_files_is_cached_by_its_deferred_write() {
    let (_temp, dir, cache) = course_with_copies(0);
    let (opened, mut write) = cache::open_course(&dir, Some(&cache)).expect("loads");
    assert_eq!(opened.source, Source::Toml);
    assert!(!cache_file(&dir, &cache).exists(), "not written yet");
    // Read like a cached course: without blocks, each page's from the store.
    let toml = from_toml(&dir);
    assert!(opened.course.pages.iter().all(|p| p.blocks.is_empty()));
    let store = opened.pages.as_ref().expect("a page store");
    assert_eq!(store.len(), toml.pages.len());
    for (i, page) in toml.pages.iter().enumerate() {
        assert_eq!(store.blocks(i).expect("in memory"), page.blocks, "page {i}");
    }
    assert!(store.blocks(toml.pages.len()).is_err());
    write.start();
    assert!(write.finish(), "written");
    assert_eq!(leftovers(&dir, &cache), Vec::<String>::new());
    let again = cache::load_course(&dir, Some(&cache)).expect("loads");
    assert_eq!(again.source, Source::Cache);
    assert_eq!(again.into_full().expect("every page reads"), toml);
    // And the course opened first is still whole.
    assert_eq!(opened.into_full().expect("every page"), toml);
}

#[test]
fn a_deferred_write_never_started_is_done_when_dropped() {
    let (_temp, dir, cache) = course_with_copies(0);
    let (opened, write) = cache::open_course(&dir, Some(&cache)).expect("loads");
    assert_eq!(opened.source, Source::Toml);
    drop(write);
    assert_eq!(cache::load_course(&dir, Some(&cache)).expect("loads").source, Source::Cache);
}

/// A temporary cache file at `path` as a writer killed two minutes ago left it.
fn leave_killed_writers_file(path: &Path) {
    fs::write(path, b"STCACHE4 half a file").expect("writable");
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now() - Duration::from_secs(120)))
        .expect("settable time");
}

#[test]
fn a_killed_writers_temporary_file_is_removed_once_old_and_a_fresh_one_kept() {
    let (_temp, dir, cache) = course_with_copies(0);
    let folder = cache_file(&dir, &cache).parent().expect("a folder").to_path_buf();
    fs::create_dir_all(&folder).expect("creatable");
    let old = folder.join(".course-1234abcd.course.a1b2c3.tmp");
    let fresh = folder.join(".course-1234abcd.course.d4e5f6.tmp");
    leave_killed_writers_file(&old);
    fs::write(&fresh, b"STCACHE4 another instance writing").expect("writable");
    assert_eq!(cache::load_course(&dir, Some(&cache)).expect("loads").source, Source::Toml);
    assert!(!old.exists(), "a minute old: removed");
    assert!(fresh.exists(), "may belong to another instance writing now");
    // A writer killed by a signal after the cache was written by another launch: the
    // launches that read the cache (and write nothing) remove its file too.
    leave_killed_writers_file(&old);
    assert_eq!(cache::load_course(&dir, Some(&cache)).expect("loads").source, Source::Cache);
    assert!(!old.exists(), "removed on a cache hit");
    assert!(fresh.exists());
}

/// Launches the tutorial on `dir` in a pseudo-terminal, cache in `cache`.
fn launch(dir: &Path, cache: &Path, data: &Path) -> (Pty, pty::Master) {
    let env = [("STATUS_TUTOR_CACHE_DIR", cache.to_str().expect("UTF-8")), ("STATUS_TUTOR_THEME", "dark")];
    let (pty, master, _) =
        Pty::spawn_with_env(&[BIN, "--content", dir.to_str().expect("UTF-8")], data, &env).expect("spawns");
    (pty, master)
}

fn screen_shows(pty: &Pty, text: &str, within: Duration) -> bool {
    let deadline = std::time::Instant::now() + within;
    while std::time::Instant::now() < deadline {
        if Screen::parse(&pty.text()).contains(text) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn the_first_launch_caches_the_course_before_it_exits() {
    let (temp, dir, cache) = course_with_copies(0);
    let data = temp.path().join("data");
    fs::create_dir_all(&data).expect("creatable");
    let (mut pty, _master) = launch(&dir, &cache, &data);
    assert!(screen_shows(&pty, "quit", TIMEOUT), "no first frame: {:?}", pty.text());
    pty.send("q").expect("sent");
    let status = pty.wait_exit().expect("waits").expect("exits");
    assert!(status.success(), "{status:?}");
    assert_eq!(leftovers(&dir, &cache), Vec::<String>::new(), "no temporary file left");
    let cached = cache::load_course(&dir, Some(&cache)).expect("loads");
    assert_eq!(cached.source, Source::Cache, "cached by the first launch");
    assert_eq!(cached.into_full().expect("every page reads"), from_toml(&dir));
}

/// Three plain words of the 200 OK page's first paragraph: in its text and in every copy's,
/// in no title.
fn body_phrase(course: &Course) -> String {
    let page = &course.pages[course.page_index("200-ok").expect("the 200 page")];
    let text = page
        .blocks
        .iter()
        .find_map(|b| if let Block::Paragraph(t) = b { Some(t.clone()) } else { None })
        .expect("a paragraph");
    let words: Vec<&str> = text.split_whitespace().collect();
    let plain = |w: &&str| w.len() > 2 && w.chars().all(char::is_alphabetic);
    let at = words.windows(3).position(|w| w.iter().all(plain)).expect("three plain words");
    let phrase = words[at..at + 3].join(" ");
    assert!(course.pages.iter().all(|p| !p.title.to_lowercase().contains(&phrase.to_lowercase())));
    phrase
}

#[test]
fn search_results_fill_in_by_themselves_when_the_whole_index_is_ready() {
    // Big enough for the index to be built on a thread (500 pages or more).
    let (_temp, dir, _) = course_with_copies(520);
    let toml = from_toml(&dir);
    let phrase = body_phrase(&toml);
    let (opened, _write) = cache::open_course(&dir, None).expect("loads");
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = App::new(opened.course, theme, Progress::default(), Rect::new(0, 0, 100, 30));
    app.read_pages_from(opened.pages.expect("a page store"));
    let (woken, wakes) = mpsc::channel();
    app.wake_when_search_is_ready(Arc::new(move || {
        let _ = woken.send(());
    }));
    let hits = |app: &App| match &app.overlay {
        Overlay::Search(state) => state.hits.len(),
        _ => panic!("search is open"),
    };
    let _ = app.update(Action::Open);
    let _ = app.update(Action::Search);
    for c in phrase.chars() {
        let _ = app.update(Action::Type(c));
    }
    let expected = SearchIndex::build(&toml).search(&phrase).len();
    assert!(expected > 520, "the 200 page and its copies");
    // Titles only so far (unless the thread was quicker than the keys).
    wakes.recv_timeout(Duration::from_secs(30)).expect("the index thread wakes the loop");
    let _ = app.search_index_ready();
    assert_eq!(hits(&app), expected, "every page with the phrase, without another key");
    assert!(!app.search_index_ready().changed(), "only once");
}

#[test]
fn the_search_box_fills_in_by_itself_in_the_real_program() {
    let (temp, dir, cache) = course_with_copies(600);
    let toml = from_toml(&dir);
    let phrase = body_phrase(&toml);
    let expected = format!(" {} page(s) ", SearchIndex::build(&toml).search(&phrase).len());
    let data = temp.path().join("data");
    fs::create_dir_all(&data).expect("creatable");
    let (mut pty, _master) = launch(&dir, &cache, &data);
    assert!(screen_shows(&pty, "quit", TIMEOUT), "no first frame: {:?}", pty.text());
    pty.send("\r").expect("sent");
    pty.send("/").expect("sent");
    assert!(screen_shows(&pty, "Type to search", TIMEOUT), "{}", Screen::parse(&pty.text()).text());
    pty.send(&phrase).expect("sent");
    // No key after the phrase: the loop is woken when the index is ready, and redraws.
    assert!(
        screen_shows(&pty, &expected, Duration::from_secs(30)),
        "{phrase:?}: {}",
        Screen::parse(&pty.text()).text()
    );
    pty.send("\x03").expect("sent");
    pty.wait_exit().expect("waits").expect("exits");
}

#[test]
fn a_big_courses_pages_are_checked_on_several_threads_with_every_problem_in_order() {
    let (_temp, dir, _) = course_with_copies(300);
    // Problems found while checking (not parsing) pages far apart, so in different
    // threads' shares, two of them in one file.
    for n in [3, 150, 299] {
        let path = dir.join(format!("pages/copy-{n}.toml"));
        let text = fs::read_to_string(&path).expect("readable");
        let text = text.replacen("title = \"", "title = \" \" #", 1).replacen("summary = \"", "summary = \"\" #", 1);
        fs::write(&path, text).expect("writable");
    }
    let files = CourseFiles::read_dir(&dir).expect("readable");
    let problems = load(&files).expect_err("three broken pages");
    let found: Vec<(String, usize, &str)> = problems
        .iter()
        .map(|p| (p.file.rsplit('/').next().unwrap_or_default().to_string(), p.line, p.message.as_str()))
        .collect();
    let expected: Vec<(String, usize, &str)> = ["copy-150.toml", "copy-299.toml", "copy-3.toml"]
        .into_iter()
        .flat_map(|file| [(file.to_string(), 2, "the title is empty"), (file.to_string(), 3, "the summary is empty")])
        .collect();
    assert_eq!(found, expected);
}
