//! The compact course: the built-in course compiled at build time, the `--content` cache,
//! and the TOML must all give the same `Course`; a stale or damaged cache is never used.
#[allow(dead_code)] // shared with other test crates; this file uses a part
mod support;

use status_tutor::content::cache::{self, Source};
use status_tutor::content::{Course, CourseFiles, compact, embedded, load};
use std::fs::{self, File};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use support::course_copy::{self, content_dir, copy_tree};

fn from_toml(dir: &Path) -> Course {
    let files = CourseFiles::read_dir(dir).unwrap_or_else(|p| panic!("{dir:?} unreadable: {p:?}"));
    load(&files).unwrap_or_else(|p| panic!("{dir:?} refused: {p:?}")).course
}

/// Whole values compared, so a field added to the model is compared without a test change.
fn assert_same(a: &Course, b: &Course, what: &str) {
    if a != b {
        // The Debug text shows where they differ; the pages vector alone is long.
        for (i, (x, y)) in a.pages.iter().zip(&b.pages).enumerate() {
            assert_eq!(x, y, "{what}: page {i} differs");
        }
        assert_eq!(a, b, "{what}");
    }
}

#[test]
fn the_course_compiled_in_equals_the_content_folder_read_as_toml() {
    let compiled = embedded::course().expect("the compiled-in course decodes");
    let toml = from_toml(&content_dir());
    assert!(toml.pages.len() > 20 && !toml.questions.is_empty() && !toml.django.is_empty());
    assert_same(&compiled, &toml, "compiled-in vs content/");
    // And the TOML copy `check` reads is the same course too.
    let embedded_toml = load(&embedded::files()).expect("the embedded TOML loads").course;
    assert_same(&compiled, &embedded_toml, "compiled-in vs embedded TOML");
}

#[test]
fn the_course_compiled_in_is_decoded_without_blocks_and_each_page_on_demand() {
    let (course, pages) = embedded::course_and_pages().expect("decodes");
    let toml = from_toml(&content_dir());
    assert!(course.pages.iter().all(|p| p.blocks.is_empty()));
    assert_eq!(pages.len(), toml.pages.len());
    for (i, page) in toml.pages.iter().enumerate() {
        assert_eq!(pages.blocks(i).expect("decodes"), page.blocks, "page {i}");
    }
    let mut without: Course = toml.clone();
    without.pages.iter_mut().for_each(|p| p.blocks.clear());
    assert_same(&course, &without, "all but the blocks");
    // The id alone, read before the rest to open the progress file.
    assert_eq!(embedded::course_id().expect("decodes"), toml.id);
}

#[test]
fn the_split_form_gives_back_the_course_and_notices_damage() {
    let mut course = from_toml(&content_dir());
    let before = course.clone();
    let (head, blobs) = compact::encode_split(&mut course).expect("encodes");
    assert_same(&course, &before, "the blocks are put back");
    let (mut skeleton, slots) = compact::decode_head(&head).expect("decodes");
    for (page, slot) in skeleton.pages.iter_mut().zip(&slots) {
        let at = slot.offset as usize;
        page.blocks = compact::decode_blocks(&blobs[at..at + slot.len as usize], slot).expect("decodes");
    }
    assert_same(&skeleton, &before, "split and joined");
    let slot = slots[3];
    let mut damaged = blobs[slot.offset as usize..][..slot.len as usize].to_vec();
    damaged[0] ^= 1;
    assert!(compact::decode_blocks(&damaged, &slot).is_err());
    assert!(compact::decode_head(&head[..head.len() / 2]).is_err());
}

#[test]
fn every_field_survives_the_compact_form() {
    let course = from_toml(&content_dir());
    let bytes = compact::encode(&course).expect("encodes");
    assert_same(&compact::decode(&bytes).expect("decodes"), &course, "round trip");
    // Changing any field changes the result: the comparison is not vacuous.
    let mut changed = course.clone();
    changed.django[0].kind = if changed.django[0].kind == "class" { "mixin" } else { "class" };
    assert_ne!(compact::decode(&compact::encode(&changed).expect("encodes")).expect("decodes"), course);
}

#[test]
fn damaged_compact_bytes_are_an_error_not_a_panic() {
    let bytes = compact::encode(&from_toml(&content_dir())).expect("encodes");
    for cut in [0, 1, 7, bytes.len() / 2, bytes.len() - 1] {
        assert!(compact::decode(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    assert!(compact::decode(&[0xff; 64]).is_err());
}

/// A copy of the built-in course whose files and folders are all dated an hour ago
/// (files changed in the last seconds are not cached: their time may not change again).
struct Sandbox {
    _temp: tempfile::TempDir,
    course: PathBuf,
    cache: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox::of(&content_dir())
    }

    fn of(source: &Path) -> Sandbox {
        let temp = tempfile::tempdir().expect("a temporary folder");
        let course = temp.path().join("course");
        copy_tree(source, &course);
        let cache = temp.path().join("cache");
        let sandbox = Sandbox { _temp: temp, course, cache };
        sandbox.age(Duration::from_secs(3600));
        sandbox
    }

    /// Sets every modification time to `ago` before now.
    fn age(&self, ago: Duration) {
        let when = SystemTime::now() - ago;
        let mut stack = vec![self.course.clone()];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(fs::read_dir(&path).expect("listable").map(|e| e.expect("an entry").path()));
            }
            File::open(&path).and_then(|f| f.set_modified(when)).expect("settable modification time");
        }
    }

    /// The whole course (every page's blocks read) and where it came from.
    fn load(&self) -> (Course, Source) {
        let cached = self.cached();
        let source = cached.source;
        (cached.into_full().expect("every page reads"), source)
    }

    fn cached(&self) -> cache::Cached {
        cache::load_course(&self.course, Some(&self.cache)).unwrap_or_else(|p| panic!("refused: {p:?}"))
    }

    fn cache_file(&self) -> PathBuf {
        let folder = fs::canonicalize(&self.course).expect("canonical");
        cache::cache_file(&self.cache, &folder.display().to_string())
    }
}

#[test]
fn a_cached_course_equals_the_toml_and_is_used_the_second_time() {
    let sandbox = Sandbox::new();
    let (first, source) = sandbox.load();
    assert_eq!(source, Source::Toml);
    assert!(sandbox.cache_file().exists(), "the first load writes the cache");
    let (second, source) = sandbox.load();
    assert_eq!(source, Source::Cache);
    assert_same(&second, &first, "cache vs TOML");
    assert_same(&second, &from_toml(&content_dir()), "cache vs content/");
}

#[test]
fn no_cache_root_means_no_cache() {
    let sandbox = Sandbox::new();
    for _ in 0..2 {
        let cached = cache::load_course(&sandbox.course, None).expect("loads");
        assert_eq!(cached.source, Source::Toml);
        assert!(cached.pages.is_none());
    }
    assert!(!sandbox.cache.exists());
}

#[test]
fn a_changed_file_makes_the_cache_stale() {
    let sandbox = Sandbox::new();
    let (before, _) = sandbox.load();
    // The same length, so only the modification time tells.
    let course_toml = sandbox.course.join("course.toml");
    let text = fs::read_to_string(&course_toml).expect("readable");
    let title = &before.title;
    let renamed: String = title.chars().rev().collect();
    assert_ne!(&renamed, title);
    fs::write(&course_toml, text.replacen(title.as_str(), &renamed, 1)).expect("writable");
    sandbox.age(Duration::from_secs(1800));
    let (after, source) = sandbox.load();
    assert_eq!(source, Source::Toml, "a stale cache is not used");
    assert_eq!(after.title, renamed);
    let (again, source) = sandbox.load();
    assert_eq!((source, again.title), (Source::Cache, renamed), "and it is replaced");
}

#[test]
fn an_added_page_file_makes_the_cache_stale_and_a_broken_course_is_reported() {
    let sandbox = Sandbox::new();
    sandbox.load();
    // An unlisted page is an error: the cache of the good course must not hide it.
    fs::write(sandbox.course.join("pages/extra.toml"), "id = \"extra\"\ntitle = \"x\"\nsummary = \"x\"\nblocks = []\n")
        .expect("writable");
    sandbox.age(Duration::from_secs(1800));
    let problems = cache::load_course(&sandbox.course, Some(&sandbox.cache)).expect_err("the course is broken now");
    assert!(problems.iter().any(|p| p.file.ends_with("pages/extra.toml")), "{problems:?}");
}

#[test]
fn a_file_changed_just_now_is_not_cached_yet() {
    let sandbox = Sandbox::new();
    sandbox.age(Duration::ZERO);
    assert_eq!(sandbox.load().1, Source::Toml);
    assert!(!sandbox.cache_file().exists(), "its time may not change with its next edit");
    assert_eq!(sandbox.load().1, Source::Toml);
}

#[test]
fn a_corrupt_cache_is_ignored_and_replaced() {
    let sandbox = Sandbox::new();
    let (good, _) = sandbox.load();
    let file = sandbox.cache_file();
    let bytes = fs::read(&file).expect("the cache file");
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20; // likely still decodes: only the checksum tells
    let damaged: Vec<Vec<u8>> = vec![
        flipped,
        bytes[..bytes.len() / 2].to_vec(),
        bytes[..5].to_vec(),
        Vec::new(),
        b"not a cache at all".to_vec(),
        [b"STCACHE9".as_slice(), &bytes[8..]].concat(),
    ];
    for (i, damage) in damaged.into_iter().enumerate() {
        fs::write(&file, damage).expect("writable");
        let (course, source) = sandbox.load();
        assert_eq!(source, Source::Toml, "damage {i}: not used");
        assert_same(&course, &good, "after damage");
        assert_eq!(fs::read(&file).expect("rewritten"), bytes, "damage {i}: replaced");
    }
}

#[test]
fn another_folders_cache_is_foreign() {
    let one = Sandbox::new();
    let other = Sandbox::new();
    // `other` differs: its title is changed.
    let course_toml = other.course.join("course.toml");
    let text = fs::read_to_string(&course_toml).expect("readable");
    let (original, _) = one.load();
    fs::write(&course_toml, text.replacen(original.title.as_str(), "Another course", 1)).expect("writable");
    other.age(Duration::from_secs(3600));
    fs::create_dir_all(other.cache_file().parent().expect("a folder")).expect("creatable");
    fs::copy(one.cache_file(), other.cache_file()).expect("copyable");
    let (course, source) = other.load();
    assert_eq!((source, course.title.as_str()), (Source::Toml, "Another course"));
}

#[test]
fn a_cached_course_is_read_without_blocks_and_each_page_on_demand() {
    let sandbox = Sandbox::new();
    let (toml, _) = sandbox.load();
    let cached = sandbox.cached();
    assert_eq!(cached.source, Source::Cache);
    let store = cached.pages.as_ref().expect("a page store");
    assert_eq!(store.len(), toml.pages.len());
    assert!(cached.course.pages.iter().all(|p| p.blocks.is_empty()), "no blocks in memory at first");
    for (i, page) in toml.pages.iter().enumerate().rev() {
        assert_eq!(store.blocks(i).expect("readable"), page.blocks, "page {i}");
    }
    assert!(store.blocks(toml.pages.len()).is_err());
}

#[test]
fn a_page_damaged_after_launch_is_an_error_not_another_page() {
    let sandbox = Sandbox::new();
    let (toml, _) = sandbox.load();
    let cached = sandbox.cached();
    let store = cached.pages.as_ref().expect("a page store");
    // The last page's blocks end the file; damage them in place, behind the store's back.
    let mut file = fs::OpenOptions::new().write(true).open(sandbox.cache_file()).expect("writable");
    file.seek(SeekFrom::End(-3)).expect("seekable");
    file.write_all(b"\xff\xfe\xfd").expect("writable");
    drop(file);
    let last = toml.pages.len() - 1;
    assert!(store.blocks(last).is_err(), "the damage is noticed");
    assert_eq!(store.blocks(0).expect("untouched"), toml.pages[0].blocks);
    // And the next launch does not use that file at all.
    let (course, source) = sandbox.load();
    assert_eq!(source, Source::Toml);
    assert_same(&course, &toml, "reloaded");
}

mod app {
    use super::*;
    use ratatui::layout::Rect;
    use status_tutor::app::{App, Overlay};
    use status_tutor::cli::ThemeName;
    use status_tutor::content::Block;
    use status_tutor::keys::Action;
    use status_tutor::progress::Progress;
    use status_tutor::theme::Theme;

    fn cached_app(sandbox: &Sandbox) -> App {
        sandbox.load(); // writes the cache
        let cached = sandbox.cached();
        assert_eq!(cached.source, Source::Cache);
        let theme = Theme::new(ThemeName::Dark, false);
        let mut app = App::new(cached.course, theme, Progress::default(), Rect::new(0, 0, 100, 30));
        app.read_pages_from(cached.pages.expect("a page store"));
        app
    }

    #[test]
    fn an_opened_page_is_read_from_the_cache_and_only_a_few_are_kept() {
        let sandbox = Sandbox::new();
        let toml = from_toml(&content_dir());
        let mut app = cached_app(&sandbox);
        let pages = app.course.pages.len();
        assert!(pages > 12);
        for page in 0..12 {
            app.open_page(page, 0);
            assert_eq!(app.course.pages[page].blocks, toml.pages[page].blocks, "page {page}");
            assert!(app.document.lines.len() > 3, "page {page} is laid out");
        }
        let in_memory = app.course.pages.iter().filter(|p| !p.blocks.is_empty()).count();
        assert!(in_memory <= 8, "{in_memory} pages kept");
        assert!(app.course.pages[0].blocks.is_empty(), "the first page was let go");
        app.open_page(0, 0);
        assert_eq!(app.course.pages[0].blocks, toml.pages[0].blocks, "and is read again");
    }

    #[test]
    fn next_match_finds_the_search_on_pages_never_opened() {
        let sandbox = Sandbox::new();
        let toml = from_toml(&content_dir());
        let mut app = cached_app(&sandbox);
        // A word of the second-to-last page's first paragraph, searched for and opened.
        let target = toml.pages.len() - 2;
        let text = toml.pages[target]
            .blocks
            .iter()
            .find_map(|b| if let Block::Paragraph(t) = b { Some(t.clone()) } else { None })
            .expect("a paragraph");
        // One that an earlier page has too, so the search opens that one first.
        let whole = status_tutor::search::SearchIndex::build(&toml);
        let word = text
            .split_whitespace()
            .filter(|w| w.len() > 5 && w.chars().all(char::is_alphabetic))
            .filter(|w| !toml.pages[target].summary.to_lowercase().contains(&w.to_lowercase()))
            .find(|w| {
                let hits = whole.search(w);
                hits.iter().all(|h| !h.in_title) && hits.len() > 1 && hits[0].page < target
            })
            .expect("a word on an earlier page too");
        app.update(Action::Open);
        app.update(Action::Search);
        word.chars().for_each(|c| {
            app.update(Action::Type(c));
        });
        app.update(Action::Open);
        // Then n visits every page with the word, through the pages never opened.
        let mut visited = vec![app.page];
        assert_ne!(app.page, target, "{word:?}");
        for _ in 0..200 {
            app.update(Action::NextMatch);
            visited.push(app.page);
            if app.page == target {
                return;
            }
        }
        panic!("{word:?} never reached page {target}: {visited:?}");
    }

    #[test]
    fn search_finds_text_of_pages_never_opened_once_the_index_is_built() {
        // Big enough for the index to be built on a thread.
        let (_temp, dir) = course_with_copies(520);
        let sandbox = Sandbox::of(&dir);
        let toml = from_toml(&dir);
        let last = toml.pages.len() - 1;
        let text = toml.pages[last]
            .blocks
            .iter()
            .find_map(|b| if let Block::Paragraph(t) = b { Some(t.clone()) } else { None })
            .expect("a paragraph on the last page");
        // Three plain words in a row, so no markup sits inside the phrase.
        let words: Vec<&str> = text.split_whitespace().collect();
        let plain = |w: &&str| w.chars().all(char::is_alphabetic);
        let at = words.windows(3).position(|w| w.iter().all(plain)).expect("three plain words");
        let needle = words[at..at + 3].join(" ");
        let mut app = cached_app(&sandbox);
        app.update(Action::Open);
        app.update(Action::Search);
        for c in needle.chars() {
            app.update(Action::Type(c));
        }
        let hits = |app: &App| match &app.overlay {
            Overlay::Search(state) => state.hits.iter().map(|h| h.page).collect::<Vec<_>>(),
            _ => panic!("search is open"),
        };
        // The index is built on a thread: each keystroke answers at once, with what is ready.
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while !hits(&app).contains(&last) {
            assert!(std::time::Instant::now() < deadline, "{needle:?} never found on page {last}");
            std::thread::sleep(Duration::from_millis(20));
            app.update(Action::Backspace);
            app.update(Action::Type(needle.chars().last().expect("a needle")));
        }
        assert!(app.course.pages[last].blocks.is_empty(), "found without reading the page into the app");
        // The same hits and excerpts as the index of the whole course in memory.
        let Overlay::Search(state) = &app.overlay else { panic!("search is open") };
        let whole = status_tutor::search::SearchIndex::build(&toml).search(&needle);
        assert!(whole.iter().any(|h| !h.excerpt.is_empty()));
        assert_eq!(state.hits, whole);
    }
}

/// The built-in course plus `copies` copies of one page (ids `copy-N`) in a last section.
fn course_with_copies(copies: usize) -> (tempfile::TempDir, PathBuf) {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = course_copy::with_copies(temp.path(), copies);
    (temp, dir)
}

#[test]
fn a_course_of_many_pages_is_parsed_on_several_threads_with_every_problem_reported() {
    let (_temp, dir) = course_with_copies(300);
    let course = from_toml(&dir);
    assert_eq!(course.pages.iter().filter(|p| p.id.starts_with("copy-")).count(), 300);
    let single = from_toml(&content_dir());
    let copy = course.page_index("copy-0").expect("a copy");
    assert_eq!(course.pages[copy].blocks, single.pages[single.page_index("200-ok").expect("200-ok")].blocks);
    // Problems in files far apart (so in different threads' shares) are all reported, in order.
    for n in [7, 150, 299] {
        let path = dir.join(format!("pages/copy-{n}.toml"));
        let text = fs::read_to_string(&path).expect("readable");
        fs::write(&path, text.replacen("title = ", "title = 5 #", 1)).expect("writable");
    }
    let files = CourseFiles::read_dir(&dir).expect("readable");
    let problems = load(&files).expect_err("three broken pages");
    let broken: Vec<&str> = problems.iter().filter_map(|p| p.file.rsplit('/').next()).collect();
    assert_eq!(broken, ["copy-150.toml", "copy-299.toml", "copy-7.toml"], "{problems:?}");
    assert!(problems.iter().all(|p| p.line == 2 && p.message.contains("expected a string")), "{problems:?}");
}
