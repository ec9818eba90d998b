//! Hostile courses, run through the real binary: nothing in a course reaches the terminal
//! as a control sequence, text that deceives or floods a terminal is refused, and course
//! files are read only when they are regular files inside the course folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A copy of the valid fixture course in a fresh temporary folder, to be altered.
fn valid_course() -> tempfile::TempDir {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let fixture = Path::new(ROOT).join("tests/fixtures/valid");
    for sub in ["", "pages", "quiz"] {
        fs::create_dir_all(temp.path().join(sub)).expect("create the folder");
        for entry in fs::read_dir(fixture.join(sub)).expect("read the fixture").flatten() {
            if entry.path().is_file() {
                fs::copy(entry.path(), temp.path().join(sub).join(entry.file_name())).expect("copy a fixture file");
            }
        }
    }
    temp
}

fn page(course: &Path) -> PathBuf {
    course.join("pages/not-found.toml")
}

fn replace(path: &Path, from: &str, to: &str) {
    let all = fs::read_to_string(path).expect("read");
    assert!(all.contains(from), "`{from}` not in {}", path.display());
    fs::write(path, all.replace(from, to)).expect("write");
}

fn status_tutor(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("STATUS_TUTOR_DATA_DIR", data)
        .env("STATUS_TUTOR_CACHE_DIR", data.join("cache"))
        .stdin(Stdio::null())
        .output()
        .expect("run status-tutor")
}

/// Runs `check DIR` and `--content DIR list`, and returns their stdout and stderr joined.
fn check_and_list(course: &Path) -> String {
    let data = tempfile::tempdir().expect("a data folder");
    let dir = course.to_str().expect("a UTF-8 path");
    let check = status_tutor(&["check", dir], data.path());
    let list = status_tutor(&["--content", dir, "list"], data.path());
    assert_eq!(check.status.code(), Some(1), "check must refuse the course");
    assert_eq!(list.status.code(), Some(1), "list must refuse the course");
    [check.stdout, check.stderr, list.stdout, list.stderr].map(|b| String::from_utf8_lossy(&b).into_owned()).join("")
}

/// No byte that a terminal would act on: C0 but newline, DEL, C1, bidi controls.
fn assert_inert(output: &str) {
    let bad: Vec<char> = output.chars().filter(|&c| status_tutor::sanitize::must_escape(c) || (c == '\t')).collect();
    assert!(bad.is_empty(), "control characters reached the output: {bad:?}\n{output}");
}

// ------------------------------------------------------------ 1. escapes in error messages

const TITLE_CHANGE: &str = "\\u001b]0;X\\u0007";

#[test]
fn an_escape_in_an_unknown_block_kind_is_shown_not_sent() {
    let course = valid_course();
    replace(&page(course.path()), "kind = \"callout\"", &format!("kind = \"callout{TITLE_CHANGE}\""));
    let out = check_and_list(course.path());
    assert_inert(&out);
    assert!(out.contains("callout\\u{1b}]0;X\\u{7}"), "the kind is shown escaped:\n{out}");
}

#[test]
fn an_escape_in_a_field_name_callout_style_or_question_kind_is_shown_not_sent() {
    // One course each: the parser stops at a file's first schema error.
    let style = |dir: &Path| replace(&page(dir), "style = \"tip\"", &format!("style = \"tip{TITLE_CHANGE}\""));
    let field =
        |dir: &Path| replace(&page(dir), "style = \"tip\"", &format!("style = \"tip\"\n\"x{TITLE_CHANGE}\" = 1"));
    let kind = |dir: &Path| {
        let quiz = dir.join("quiz/basics.toml");
        let text = fs::read_to_string(&quiz).expect("read the quiz");
        let kind = text.lines().find(|l| l.starts_with("kind = ")).expect("a question kind").to_string();
        replace(&quiz, &kind, &format!("{}{TITLE_CHANGE}\"", kind.trim_end_matches('"')));
    };
    type BreakIt<'a> = &'a dyn Fn(&Path);
    let cases: [(BreakIt, &str); 3] = [(&style, "tip"), (&field, "x"), (&kind, "")];
    for (break_it, before) in cases {
        let course = valid_course();
        break_it(course.path());
        let out = check_and_list(course.path());
        assert_inert(&out);
        assert!(out.contains(&format!("{before}\\u{{1b}}]0;X\\u{{7}}`")), "quoted, escaped:\n{out}");
    }
}

#[test]
fn an_escape_in_a_file_name_is_shown_not_sent() {
    let course = valid_course();
    fs::write(course.path().join("pages/\u{1b}]0;X\u{7}.toml"), "id = 1\n").expect("write the page");
    let out = check_and_list(course.path());
    assert_inert(&out);
    assert!(out.contains("pages/\\u{1b}]0;X\\u{7}.toml"), "{out}");
}

#[test]
fn bidi_controls_and_line_separators_in_course_text_are_refused() {
    for (raw, name) in [
        ("\u{202e}", "U+202E"),
        ("\u{2066}", "U+2066"),
        ("\u{2028}", "U+2028"),
        ("\u{2029}", "U+2029"),
        ("\\u202A", "U+202A"),
        ("\\u2069", "U+2069"),
    ] {
        let course = valid_course();
        replace(&page(course.path()), "does not exist", &format!("does {raw}not exist"));
        let out = check_and_list(course.path());
        assert_inert(&out);
        assert!(out.contains(name), "{name} must be named:\n{out}");
        assert!(out.contains("not-found.toml:3:"), "located on line 3:\n{out}");
    }
}

#[test]
fn a_tab_in_course_text_is_expanded_in_the_excerpt() {
    let course = valid_course();
    replace(&page(course.path()), "summary = \"The target", "summary =\t\"The\u{1b} target");
    let out = check_and_list(course.path());
    assert_inert(&out);
    assert!(out.contains("summary =   \"The\\u{1b} target"), "tab expanded, ESC shown:\n{out}");
    // The caret still points under the ESC, however the line was escaped.
    let line = out.lines().position(|l| l.contains("summary =")).expect("the excerpt");
    let text = out.lines().nth(line).expect("line");
    let caret = out.lines().nth(line + 1).expect("caret line");
    assert_eq!(caret.find('^'), text.find("\\u{1b}"), "{text}\n{caret}");
}

// ------------------------------------------------------------ 11. very long grapheme clusters

#[test]
fn a_cluster_of_500_000_combining_marks_is_refused_briefly() {
    for marks in ["\u{301}".repeat(500_000), "\\u0301".repeat(100_000)] {
        let course = valid_course();
        replace(&page(course.path()), "does not exist", &format!("does not e{marks}xist"));
        let out = check_and_list(course.path());
        assert!(out.contains("combining characters in a row; at most 30"), "{}", &out[..out.len().min(2000)]);
        assert!(out.len() < 20_000, "the report quotes the flood: {} bytes", out.len());
    }
}

#[test]
fn thirty_combining_marks_are_fine() {
    let course = valid_course();
    replace(&page(course.path()), "does not exist", &format!("does not e{}xist", "\u{301}".repeat(30)));
    let data = tempfile::tempdir().expect("a data folder");
    let check = status_tutor(&["check", course.path().to_str().expect("utf-8")], data.path());
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
}

// ------------------------------------------------------------ 5. FIFOs and other special files

/// Runs `check DIR` with a deadline: a hang is a failure, not a stuck test.
fn check_with_deadline(course: &Path) -> (Option<i32>, String) {
    let data = tempfile::tempdir().expect("a data folder");
    let mut child = Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .args(["check", course.to_str().expect("utf-8")])
        .env("STATUS_TUTOR_DATA_DIR", data.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run status-tutor");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("check hung on {}", course.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    let text = [out.stdout, out.stderr].map(|b| String::from_utf8_lossy(&b).into_owned()).join("");
    (out.status.code(), text)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn a_fifo_course_file_is_refused_not_waited_on() {
    let course = valid_course();
    let page = page(course.path());
    fs::remove_file(&page).expect("remove the page");
    mkfifo(&page);
    let (code, out) = check_with_deadline(course.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("pages/not-found.toml:1:1: not a regular file (a FIFO)"), "{out}");
}

#[test]
fn a_link_to_a_device_as_course_toml_is_refused() {
    let course = valid_course();
    let top = course.path().join("course.toml");
    fs::remove_file(&top).expect("remove course.toml");
    std::os::unix::fs::symlink("/dev/zero", &top).expect("link to /dev/zero");
    let (code, out) = check_with_deadline(course.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("course.toml:1:1: this file is a link to a file outside the course folder"), "{out}");
}

// ------------------------------------------------------------ 9. symlinks out of the course

#[test]
fn a_link_to_a_file_outside_the_course_is_refused_and_not_quoted() {
    let outside = tempfile::tempdir().expect("a folder outside");
    let secret = outside.path().join("id_rsa");
    fs::write(&secret, "SECRET-KEY-LINE = 1\n[[blocks]]\n").expect("write the secret");
    let course = valid_course();
    std::os::unix::fs::symlink(&secret, course.path().join("pages/leak.toml")).expect("link");
    let (code, out) = check_with_deadline(course.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("pages/leak.toml:1:1: this file is a link to a file outside the course folder"), "{out}");
    assert!(!out.contains("SECRET"), "the secret leaked:\n{out}");
}

#[test]
fn a_link_inside_the_course_is_fine() {
    let course = valid_course();
    let page = page(course.path());
    let real = course.path().join("not-found.toml.real");
    fs::rename(&page, &real).expect("move the page");
    std::os::unix::fs::symlink("../not-found.toml.real", &page).expect("link");
    let (code, out) = check_with_deadline(course.path());
    assert_eq!(code, Some(0), "{out}");
}
