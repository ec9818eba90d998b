//! A `--content` course's cache that is not what it should be: a FIFO (or a link to one)
//! is skipped, never opened, so no launch hangs; a forged cache with a valid checksum is
//! checked before use, so no index in it panics. Both are discarded and rebuilt, and the
//! tutorial starts as usual.
#[allow(dead_code)] // shared with other test crates; this file uses a part
mod support;

#[allow(dead_code)] // shared with other test crates; this file uses a part
#[path = "support/screen.rs"]
mod screen;

use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use screen::Screen;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::commands::{list, paint::Paint};
use status_tutor::content::cache::{self, Source};
use status_tutor::content::compact::{self, Slot};
use status_tutor::content::{Block, Course, CourseFiles, QuestionKind, load};
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;
// `screen` names the pty module as `crate::pty`.
use support::course_copy::{content_dir, copy_tree};
use support::pty;
use support::pty::{Pty, TIMEOUT};

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

/// A copy of the built-in course, dated an hour ago (so it is cached), with its own cache
/// and data folders.
struct Sandbox {
    _temp: tempfile::TempDir,
    course: PathBuf,
    cache: PathBuf,
    data: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let temp = tempfile::tempdir().expect("a temporary folder");
        let course = temp.path().join("course");
        copy_tree(&content_dir(), &course);
        let when = SystemTime::now() - Duration::from_secs(3600);
        let mut stack = vec![course.clone()];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(fs::read_dir(&path).expect("listable").map(|e| e.expect("an entry").path()));
            }
            File::open(&path).and_then(|f| f.set_modified(when)).expect("settable modification time");
        }
        let (cache, data) = (temp.path().join("cache"), temp.path().join("data"));
        fs::create_dir_all(&data).expect("creatable");
        Sandbox { _temp: temp, course, cache, data }
    }

    fn cache_file(&self) -> PathBuf {
        let folder = fs::canonicalize(&self.course).expect("canonical");
        cache::cache_file(&self.cache, &folder.display().to_string())
    }

    fn load(&self) -> cache::Cached {
        cache::load_course(&self.course, Some(&self.cache)).unwrap_or_else(|p| panic!("refused: {p:?}"))
    }

    /// `status-tutor --content COURSE list`, killed (and failed) if it runs past `TIMEOUT`.
    fn list(&self) -> Output {
        let mut child = Command::new(BIN)
            .args(["--content", self.course.to_str().expect("UTF-8"), "list"])
            .env("NO_COLOR", "1")
            .env("STATUS_TUTOR_DATA_DIR", &self.data)
            .env("STATUS_TUTOR_CACHE_DIR", &self.cache)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let deadline = Instant::now() + TIMEOUT;
        while child.try_wait().expect("waits").is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("`list` hung on the cache");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        child.wait_with_output().expect("output")
    }
}

/// A cache file taken apart: everything before the compact course, the course (without
/// its pages' blocks) and its slots, and the blocks; put together again with a valid
/// checksum by `forge`, whatever was changed.
struct Parts {
    prefix: Vec<u8>,
    header: Vec<u8>,
    course: Course,
    slots: Vec<Slot>,
    blobs: Vec<u8>,
}

impl Parts {
    fn of(sandbox: &Sandbox) -> Parts {
        let bytes = fs::read(sandbox.cache_file()).expect("a cache file");
        let files = CourseFiles::read_dir(&sandbox.course).expect("readable");
        let mut course = load(&files).expect("loads").course;
        let blocks: Vec<_> = course.pages.iter_mut().map(|p| std::mem::take(&mut p.blocks)).collect();
        let (split, blobs) = compact::encode_parts(&course, &blocks).expect("encodes");
        // MAGIC, CRC, the head's length, then the head (the header, then `split`) and blobs.
        let head_len = usize::try_from(u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes"))).expect("fits");
        let head = &bytes[20..20 + head_len];
        assert!(head.ends_with(&split) && bytes[20 + head_len..] == blobs[..], "the cache is laid out as expected");
        let (course, slots) = compact::decode_head(&split).expect("decodes");
        Parts { prefix: bytes[..8].to_vec(), header: head[..head.len() - split.len()].to_vec(), course, slots, blobs }
    }

    /// The cache file for `course` and `slots`, its checksum valid.
    fn forge(&self, course: &Course, slots: &[Slot]) -> Vec<u8> {
        let split = postcard::to_allocvec(&(course, slots)).expect("encodes");
        let mut head = self.header.clone();
        head.extend(split);
        self.with_checksum(&head, &self.blobs)
    }

    fn with_checksum(&self, head: &[u8], blobs: &[u8]) -> Vec<u8> {
        let head_len = (head.len() as u64).to_le_bytes();
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(&head_len);
        hasher.update(head);
        hasher.update(blobs);
        [&self.prefix[..], &hasher.finalize().to_le_bytes(), &head_len, head, blobs].concat()
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn a_cache_that_is_a_fifo_or_a_link_to_one_is_skipped_and_replaced() {
    for link in [false, true] {
        let sandbox = Sandbox::new();
        let good = sandbox.list();
        assert!(good.status.success(), "{}", String::from_utf8_lossy(&good.stderr));
        let file = sandbox.cache_file();
        fs::remove_file(&file).expect("the cache was written");
        if link {
            let fifo = sandbox.cache.join("fifo");
            mkfifo(&fifo);
            std::os::unix::fs::symlink(&fifo, &file).expect("link");
        } else {
            mkfifo(&file);
        }
        let out = sandbox.list();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, good.stdout, "the same course");
        assert!(fs::symlink_metadata(&file).expect("a cache").is_file(), "replaced by a cache file");
        assert_eq!(sandbox.load().source, Source::Cache, "and used from then on");
    }
}

/// A change to a cached course and its slots.
type Forgery = fn(&mut Course, &mut Vec<Slot>);

/// Ways to forge a cache that the checksum cannot tell: each index the program trusts.
fn forgeries() -> Vec<(&'static str, Forgery)> {
    vec![
        ("a section's page out of range", |c, _| c.sections[0].pages[0] = 9999),
        ("a page's section out of range", |c, _| c.pages[0].section = 99),
        ("the sections out of reading order", |c, _| c.sections.swap(0, 1)),
        ("a page in no section", |c, _| {
            c.sections[0].pages.pop();
        }),
        ("no sections", |c, _| c.sections.clear()),
        ("a question's page out of range", |c, _| c.questions[0].page = usize::MAX),
        ("a status code's page out of range", |c, _| c.codes[0].page = Some(9999)),
        ("a Django name's page out of range", |c, _| c.django[0].page = Some(9999)),
        ("an exercise's page out of range", |c, _| c.exercises[0].page = 9999),
        ("an exercise without hints", |c, _| c.exercises[0].hints.clear()),
        ("a question without choices", |c, _| {
            let question = c.questions.iter_mut().find(|q| matches!(q.kind, QuestionKind::Single { .. }));
            question.expect("a single-choice question").kind = QuestionKind::Single { choices: Vec::new() };
        }),
        ("a title that drives the terminal", |c, _| c.title = "\u{1b}]0;owned\u{7}\u{1b}[2J".to_string()),
        ("a question that reorders its text", |c, _| c.questions[0].prompt.push('\u{202e}')),
        ("a page's blocks past the end of the file", |_, s| s[0].offset = u64::MAX - 1),
        ("a page's blocks 4 GB long", |_, s| s[0].len = u32::MAX),
    ]
}

#[test]
fn a_forged_cache_with_a_valid_checksum_is_discarded_and_rebuilt() {
    let sandbox = Sandbox::new();
    let good = sandbox.list();
    assert!(good.status.success(), "{}", String::from_utf8_lossy(&good.stderr));
    let good_bytes = fs::read(sandbox.cache_file()).expect("a cache");
    let parts = Parts::of(&sandbox);
    // The forger is right: a harmless change is taken as it is (only a checksum protects it).
    let mut retitled = parts.course.clone();
    retitled.title = "A forged title".to_string();
    fs::write(sandbox.cache_file(), parts.forge(&retitled, &parts.slots)).expect("writable");
    assert_eq!((sandbox.load().course.title, sandbox.load().source), (retitled.title, Source::Cache));
    for (what, break_it) in forgeries() {
        let (mut course, mut slots) = (parts.course.clone(), parts.slots.clone());
        break_it(&mut course, &mut slots);
        fs::write(sandbox.cache_file(), parts.forge(&course, &slots)).expect("writable");
        let out = sandbox.list();
        assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, good.stdout, "{what}: the course from its files");
        assert_eq!(fs::read(sandbox.cache_file()).expect("a cache"), good_bytes, "{what}: rebuilt");
    }
}

#[test]
fn a_forged_page_is_refused_when_opened_and_the_cache_removed() {
    let sandbox = Sandbox::new();
    let good = sandbox.list();
    let good_bytes = fs::read(sandbox.cache_file()).expect("a cache");
    let parts = Parts::of(&sandbox);
    // Page 3's blocks replaced by a paragraph that clears the screen, every checksum valid.
    let files = CourseFiles::read_dir(&sandbox.course).expect("readable");
    let mut blocks: Vec<_> = load(&files).expect("loads").course.pages.into_iter().map(|p| p.blocks).collect();
    blocks[3] = vec![Block::Paragraph("\u{1b}[2J\u{1b}]0;owned\u{7}".to_string())];
    let (split, blobs) = compact::encode_parts(&parts.course, &blocks).expect("encodes");
    let head = [&parts.header[..], &split].concat();
    fs::write(sandbox.cache_file(), parts.with_checksum(&head, &blobs)).expect("writable");
    let cached = sandbox.load();
    assert_eq!(cached.source, Source::Cache, "the head is fine");
    let store = cached.pages.expect("a page store");
    assert!(store.blocks(2).is_ok(), "other pages read");
    assert!(store.blocks(3).is_err(), "the forged page is refused");
    assert!(!sandbox.cache_file().exists(), "and the cache removed, for the next launch");
    // `list` reads every page: it falls back to the files, and the cache is rebuilt.
    fs::write(sandbox.cache_file(), parts.with_checksum(&head, &blobs)).expect("writable");
    let out = sandbox.list();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, good.stdout);
    assert_eq!(fs::read(sandbox.cache_file()).expect("a cache"), good_bytes, "rebuilt");
}

/// Everything a learner can look at, drawn: the welcome screen, every page with the
/// contents beside it, the quiz and the practice list. Panics where the program would.
fn look_at_everything(cached: cache::Cached) {
    let mut out = Vec::new();
    list::run(&cached.course, &Progress::default(), Paint::plain(), &mut out).expect("a Vec takes every byte");
    let area = Rect::new(0, 0, 120, 40);
    let mut app = App::new(cached.course, Theme::new(ThemeName::Dark, false), Progress::default(), area);
    if let Some(store) = cached.pages {
        app.read_pages_from(store);
    }
    let draw = |app: &App| (app).render(area, &mut Buffer::empty(area));
    draw(&app);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::ToggleSidebar);
    for _ in 0..app.course.pages.len() {
        draw(&app);
        let _ = app.update(Action::NextPage);
    }
    for action in [Action::StartQuiz, Action::Back, Action::Practice] {
        let _ = app.update(action);
        draw(&app);
    }
}

/// A fresh sandbox, its cache written, taken apart; and a runner of `CASES` cases.
fn property() -> (Sandbox, Parts, TestRunner) {
    const CASES: u32 = 32;
    let sandbox = Sandbox::new();
    sandbox.load();
    let parts = Parts::of(&sandbox);
    (sandbox, parts, TestRunner::new(ProptestConfig { cases: CASES, ..ProptestConfig::default() }))
}

/// Bytes of the compact course changed at random, the checksum fixed: whatever decodes is
/// either refused or shown without a panic.
#[test]
fn a_cache_changed_anywhere_with_its_checksum_fixed_never_panics() {
    let (sandbox, parts, mut runner) = property();
    let changes = prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4);
    let result = runner.run(&changes, |changes| {
        let mut head = parts.header.clone();
        let split_at = head.len();
        head.extend(postcard::to_allocvec(&(&parts.course, &parts.slots)).expect("encodes"));
        let mut blobs = parts.blobs.clone();
        for (at, xor) in changes {
            // Mostly the course (where the indices are), sometimes a page's blocks.
            let in_head = at.index(4) != 0;
            let bytes = if in_head { &mut head[split_at..] } else { &mut blobs[..] };
            let i = at.index(bytes.len());
            bytes[i] ^= xor;
        }
        fs::write(sandbox.cache_file(), parts.with_checksum(&head, &blobs)).expect("writable");
        look_at_everything(sandbox.load());
        Ok(())
    });
    result.unwrap_or_else(|e| panic!("{e}"));
}

/// Sets one index the program trusts to `value` (wrapped onto an item of its list).
fn set_index(course: &mut Course, slots: &mut [Slot], field: usize, item: usize, value: usize) {
    let pick = |len: usize| item % len.max(1);
    match field {
        0 => {
            let section = pick(course.sections.len());
            let pages = &mut course.sections[section].pages;
            let at = pick(pages.len());
            pages[at] = value;
        }
        1 => {
            let page = pick(course.pages.len());
            course.pages[page].section = value;
        }
        2 => {
            let question = pick(course.questions.len());
            course.questions[question].page = value;
        }
        3 => {
            let code = pick(course.codes.len());
            course.codes[code].page = Some(value);
        }
        4 => {
            let name = pick(course.django.len());
            course.django[name].page = Some(value);
        }
        5 => {
            let exercise = pick(course.exercises.len());
            course.exercises[exercise].page = value;
        }
        _ => {
            let slot = pick(slots.len());
            slots[slot].offset = value as u64;
        }
    }
}

/// Indices set to anything, in range or not, the checksum valid: refused or shown, never
/// a panic.
#[test]
fn a_cache_with_any_index_forged_never_panics() {
    let (sandbox, parts, mut runner) = property();
    let value = prop_oneof![0usize..80, any::<usize>()];
    let forged = prop::collection::vec((0usize..7, any::<usize>(), value), 1..4);
    let result = runner.run(&forged, |forged| {
        let (mut course, mut slots) = (parts.course.clone(), parts.slots.clone());
        for (field, item, value) in forged {
            set_index(&mut course, &mut slots, field, item, value);
        }
        fs::write(sandbox.cache_file(), parts.forge(&course, &slots)).expect("writable");
        look_at_everything(sandbox.load());
        Ok(())
    });
    result.unwrap_or_else(|e| panic!("{e}"));
}

/// The tutorial in a terminal shows its first frame and quits cleanly.
fn tutorial_starts(sandbox: &Sandbox) {
    let env = [("STATUS_TUTOR_CACHE_DIR", sandbox.cache.to_str().expect("UTF-8")), ("STATUS_TUTOR_THEME", "dark")];
    let argv = [BIN, "--content", sandbox.course.to_str().expect("UTF-8")];
    let (mut pty, _master, _) = Pty::spawn_with_env(&argv, &sandbox.data, &env).expect("spawns");
    let shown = pty.wait_until(|out| Screen::parse(&String::from_utf8_lossy(&out.bytes)).contains("quit"));
    assert!(shown.is_ok(), "no first frame: {:?}", pty.text());
    pty.send("q").expect("sent");
    let status = pty.wait_exit().expect("waits").expect("exits");
    assert!(status.success(), "{status:?}: {}", pty.text());
    assert!(!pty.text().contains("panicked"), "{}", pty.text());
}

#[test]
fn the_tutorial_starts_over_a_fifo_cache_and_over_a_forged_one() {
    let sandbox = Sandbox::new();
    sandbox.load();
    let parts = Parts::of(&sandbox);
    fs::remove_file(sandbox.cache_file()).expect("the cache was written");
    mkfifo(&sandbox.cache_file());
    tutorial_starts(&sandbox);
    assert!(fs::symlink_metadata(sandbox.cache_file()).expect("a cache").is_file(), "the FIFO replaced");
    let mut course = parts.course.clone();
    let last = course.sections.len() - 1;
    course.sections[last].pages.push(9999);
    fs::write(sandbox.cache_file(), parts.forge(&course, &parts.slots)).expect("writable");
    tutorial_starts(&sandbox);
    assert_eq!(sandbox.load().course.sections[last].pages, parts.course.sections[last].pages, "rebuilt");
}
