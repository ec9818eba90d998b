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

// ------------------------------------------------------------ round 3, 1. floods of problems

/// The lines of `out` that report a problem of `file` (message lines, not excerpts).
fn problem_lines<'a>(out: &'a str, file: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.contains(file) && !l.starts_with(' ')).collect()
}

#[test]
fn a_megabyte_of_control_characters_is_reported_in_a_few_lines() {
    // One line of NULs (the most a file may hold), and 500,000 lines of one ESC each.
    let nul = vec![0u8; 1024 * 1024];
    let esc = b"\x1b\n".repeat(500_000);
    for (bytes, count) in [(nul, 1024 * 1024), (esc, 500_000)] {
        let course = valid_course();
        fs::write(page(course.path()), bytes).expect("write the page");
        let out = check_and_list(course.path());
        assert_inert(&out);
        let lines = problem_lines(&out, "pages/not-found.toml");
        // check: 20 located, then one line for the rest; list: its first 8 and a count.
        assert!(lines.len() <= 2 * 21, "{} lines:\n{}", lines.len(), lines.join("\n"));
        let more = format!("pages/not-found.toml: ... and {} more problem(s) in this file", count - 20);
        assert!(out.contains(&more), "the rest counted:\n{}", &out[..out.len().min(3000)]);
        assert!(out.contains(&format!("{count} error(s)")), "all counted in the summary");
        assert!(out.contains(&format!("has {count} problem(s)")), "and by --content");
        assert!(out.len() < 40_000, "bounded output: {} bytes", out.len());
    }
}

#[test]
fn thousands_of_problems_in_one_file_are_cut_to_twenty_and_a_count() {
    let course = valid_course();
    // 5,000 questions naming a page that does not exist, one with an id of 100,000 letters.
    let question = |n: usize, page: &str| {
        format!(
            "[[question]]\nid = \"q{n}\"\nkind = \"true_false\"\nprompt = \"p\"\nanswer = true\n\
             explanation = \"e\"\npage = \"{page}\"\ntags = [\"2xx\"]\n"
        )
    };
    let mut quiz = question(0, &"x".repeat(100_000));
    quiz.extend((1..5000).map(|n| question(n, "nowhere")));
    fs::write(course.path().join("quiz/flood.toml"), quiz).expect("write the quiz");
    let out = check_and_list(course.path());
    let lines = problem_lines(&out, "quiz/flood.toml");
    assert!(lines.len() <= 2 * 21, "{} lines", lines.len());
    assert!(out.contains("quiz/flood.toml: ... and 4980 more problem(s) in this file"), "{}", lines.join("\n"));
    assert!(lines.iter().any(|l| l.contains(":15:8: no page has id `nowhere`")), "located: {}", lines.join("\n"));
    // The long id is quoted in part, not whole.
    assert!(lines.iter().all(|l| l.chars().count() < 600), "a line quotes the whole id");
    assert!(out.len() < 40_000, "bounded output: {} bytes", out.len());
}

// ------------------------------------------------------------ round 3, 9. newlines in file names

#[test]
fn a_newline_in_a_file_name_cannot_forge_an_output_line() {
    let course = valid_course();
    let name = "x.toml\nok: Forged course: 1 sections; 0 warning(s)\n\ty";
    fs::write(course.path().join("pages").join(format!("{name}.toml")), "id = 1\n").expect("write the page");
    let out = check_and_list(course.path());
    assert_inert(&out);
    assert!(!out.lines().any(|l| l.starts_with("ok: Forged")), "a forged line:\n{out}");
    assert!(out.contains("pages/x.toml\\u{a}ok: Forged course"), "shown escaped:\n{out}");
    assert!(out.contains("\\u{9}y.toml"), "a tab too:\n{out}");
}

// ------------------------------------------------------------ round 3, 10. 100 exercises or more

#[test]
fn a_course_with_more_than_a_hundred_exercises_passes_check() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let course = temp.path().join("course");
    copy_dir(&Path::new(ROOT).join("content"), &course);
    let exercises = course.join("exercises");
    let first = fs::read_dir(&exercises)
        .expect("the exercises")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("01_")))
        .expect("exercise 01");
    let text = fs::read_to_string(&first).expect("read exercise 01");
    let id_line = text.lines().find(|l| l.starts_with("id = ")).expect("an id").to_string();
    let existing = fs::read_dir(&exercises)
        .expect("the exercises")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .count();
    // Numbered on from the last one, in any width: `0100_extra_100.toml`, `105_extra_105.toml`.
    for n in existing + 1..=105 {
        let name = if n == 100 { format!("0{n}_extra_{n}.toml") } else { format!("{n}_extra_{n}.toml") };
        fs::write(exercises.join(name), text.replacen(&id_line, &format!("id = \"extra-{n}\""), 1))
            .expect("write an exercise");
    }
    let data = tempfile::tempdir().expect("a data folder");
    let check = status_tutor(&["check", course.to_str().expect("utf-8")], data.path());
    let out = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "{out}");
    assert!(out.contains(" 105 exercises;"), "{out}");
    // And `list` reads the same course, in the same order.
    let list = status_tutor(&["--content", course.to_str().expect("utf-8"), "list"], data.path());
    assert_eq!(list.status.code(), Some(0), "{}", String::from_utf8_lossy(&list.stderr));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the folder");
    for entry in fs::read_dir(from).expect("read the folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy a file");
        }
    }
}
