//! The real binary: exit codes, `check` output, `explain` cards and messages, `list`, help.
//! Every run has NO_COLOR=1, a temporary STATUS_TUTOR_DATA_DIR and piped stdout/stderr.

use std::fs;
use std::process::{Command, Output, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!("exit {:?}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }

    fn assert_exit(&self, code: i32) -> &Self {
        assert_eq!(self.code, Some(code), "{}", self.describe());
        self
    }

    fn assert_stdout_has(&self, fragment: &str) -> &Self {
        assert!(self.stdout.contains(fragment), "stdout lacks `{fragment}`:\n{}", self.describe());
        self
    }

    fn assert_stderr_has(&self, fragment: &str) -> &Self {
        assert!(self.stderr.contains(fragment), "stderr lacks `{fragment}`:\n{}", self.describe());
        self
    }

    /// Piped output never carries escape sequences, and nothing a user does panics.
    fn assert_plain(&self) -> &Self {
        assert!(
            !self.stdout.contains('\x1b') && !self.stderr.contains('\x1b'),
            "escape sequences:\n{}",
            self.describe()
        );
        assert!(!self.stderr.contains("panicked"), "a panic:\n{}", self.describe());
        assert!(!self.stderr.contains("stack backtrace"), "a backtrace:\n{}", self.describe());
        self
    }
}

/// Runs the binary from the crate root with `args`, stdin empty and stdout piped.
fn run(args: &[&str]) -> Run {
    let data = tempfile::tempdir().expect("a temporary data folder");
    let output: Output = Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .env("STATUS_TUTOR_DATA_DIR", data.path())
        // a --content course's cache goes to the test's folder, not the real cache
        .env("STATUS_TUTOR_CACHE_DIR", data.path().join("cache"))
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run status-tutor");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    };
    run.assert_plain();
    run
}

// ---------------------------------------------------------------- check

#[test]
fn check_content_passes() {
    let run = run(&["check", "content"]);
    run.assert_exit(0).assert_stdout_has("ok: ").assert_stdout_has("; 0 warning(s)");
    // The levels of its questions are counted (course.toml's applied_percent enforces them).
    run.assert_stdout_has("quiz levels: recall ").assert_stdout_has("% apply or analyse)");
    assert!(!run.stdout.contains(": warning: "), "unexpected warnings:\n{}", run.describe());
}

#[test]
fn check_without_a_folder_checks_the_built_in_course() {
    run(&["check"]).assert_exit(0).assert_stdout_has("ok: Django HTTP Status Codes");
}

#[test]
fn check_a_broken_course_prints_every_problem_as_file_line_col_message() {
    let r = run(&["check", "tests/fixtures/several-problems"]);
    r.assert_exit(1).assert_stdout_has("5 error(s), 0 warning(s)");
    let base = "tests/fixtures/several-problems";
    for expected in [
        format!("{base}/course.toml:1:18: format_version 2 is not supported"),
        format!("{base}/pages/intro.toml:8:1: unknown field `txt`"),
        format!("{base}/pages/not-found.toml:2:9: the title is empty"),
        format!("{base}/quiz/basics.toml:19:8: no page has id `introduction`"),
        format!("{base}/quiz/basics.toml:26:10: 600 is not an HTTP status code"),
    ] {
        assert!(r.stdout.lines().any(|l| l.starts_with(&expected)), "no line `{expected}...`:\n{}", r.describe());
    }
    // each problem line is followed by its excerpt: the line, then a caret
    assert!(
        r.stdout.contains("   8 | txt = \"Every response carries a **status code**.\"\n     | ^"),
        "{}",
        r.describe()
    );
}

#[test]
fn check_reports_a_warning_but_passes() {
    run(&["check", "tests/fixtures/missing-verify"])
        .assert_exit(0)
        .assert_stdout_has(
            "tests/fixtures/missing-verify/pages/intro.toml:16:8: warning: this sample claims status 200",
        )
        .assert_stdout_has("1 warning(s)");
}

#[test]
fn check_names_a_missing_file() {
    let r = run(&["check", "tests/fixtures/missing-codes/"]);
    r.assert_exit(1).assert_stdout_has("tests/fixtures/missing-codes/codes.toml:1:1: this file is missing");
}

#[test]
fn check_a_folder_that_does_not_exist_fails() {
    run(&["check", "tests/fixtures/no-such-course"]).assert_exit(1).assert_stdout_has("not a course folder");
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_404_prints_the_card() {
    run(&["explain", "404"])
        .assert_exit(0)
        .assert_stdout_has("404 Not Found")
        .assert_stdout_has("RFC 9110 §15.5.5")
        .assert_stdout_has("HTTPStatus.NOT_FOUND")
        .assert_stdout_has("get_object_or_404")
        .assert_stdout_has("(page 404-not-found)");
}

#[test]
fn explain_4xx_lists_the_client_errors_only() {
    let r = run(&["explain", "4xx"]);
    r.assert_exit(0).assert_stdout_has("404 Not Found").assert_stdout_has("429 Too Many Requests");
    assert!(!r.stdout.contains("500 Internal Server Error"), "a 5xx code in the 4xx card:\n{}", r.describe());
    assert!(!r.stdout.contains("200 OK"), "a 2xx code in the 4xx card:\n{}", r.describe());
}

#[test]
fn explain_a_django_class() {
    run(&["explain", "HttpResponseGone"])
        .assert_exit(0)
        .assert_stdout_has("from django.http import HttpResponseGone")
        .assert_stdout_has("410 Gone");
}

#[test]
fn explain_login_required_with_or_without_the_at_sign() {
    for query in ["login_required", "@login_required"] {
        run(&["explain", query])
            .assert_exit(0)
            .assert_stdout_has("from django.contrib.auth.decorators import login_required")
            .assert_stdout_has("302 Found");
    }
}

#[test]
fn explain_an_httpstatus_name() {
    run(&["explain", "NOT_FOUND"]).assert_exit(0).assert_stdout_has("404 Not Found");
}

#[test]
fn explain_a_typo_suggests_the_closest_names() {
    let r = run(&["explain", "HttpResponseGon"]);
    r.assert_exit(1).assert_stderr_has("Did you mean").assert_stderr_has("HttpResponseGone");
    assert!(r.stdout.is_empty(), "errors go to stderr:\n{}", r.describe());
}

#[test]
fn explain_a_code_the_course_does_not_teach_names_the_closest() {
    let r = run(&["explain", "451"]);
    r.assert_exit(1).assert_stderr_has("451 is not taught in this course").assert_stderr_has("Closest:");
    assert!(r.stdout.is_empty(), "{}", r.describe());
}

#[test]
fn explain_a_number_that_is_no_status_code() {
    run(&["explain", "999"]).assert_exit(1).assert_stderr_has("999 is not an HTTP status code");
}

#[test]
fn explain_with_a_broken_course_reports_the_problem_without_panicking() {
    let r = run(&["--content", "tests/fixtures/unknown-field", "explain", "404"]);
    r.assert_exit(1)
        .assert_stderr_has("tests/fixtures/unknown-field/pages/intro.toml:8:1: unknown field `txt`")
        .assert_stderr_has("status-tutor check");
    assert!(r.stdout.is_empty(), "{}", r.describe());
}

#[test]
fn explain_reads_another_course_with_content() {
    run(&["--content", "tests/fixtures/valid", "explain", "404"])
        .assert_exit(0)
        .assert_stdout_has("Nothing was found for the target.")
        .assert_stdout_has("(page not-found)");
}

// ---------------------------------------------------------------- list, help, version

#[test]
fn list_prints_every_section_and_page() {
    let course: toml::Table =
        fs::read_to_string(format!("{ROOT}/content/course.toml")).expect("course.toml").parse().expect("TOML");
    let r = run(&["list"]);
    r.assert_exit(0).assert_stdout_has("Django HTTP Status Codes").assert_stdout_has("Test your knowledge");
    for section in course["sections"].as_array().expect("sections") {
        let title = section["title"].as_str().expect("a section title");
        // The title, then its reading time.
        let heading = |l: &str| {
            l.strip_prefix(title)
                .is_some_and(|rest| rest.is_empty() || (rest.starts_with("  ") && rest.contains(" min")))
        };
        assert!(r.stdout.lines().any(heading), "section `{title}` missing:\n{}", r.describe());
        for page in section["pages"].as_array().expect("pages") {
            r.assert_stdout_has(&format!("({})", page.as_str().expect("a page id")));
        }
    }
}

#[test]
fn version_and_help() {
    run(&["--version"]).assert_exit(0).assert_stdout_has(env!("CARGO_PKG_VERSION"));
    run(&["--help"])
        .assert_exit(0)
        .assert_stdout_has("Examples")
        .assert_stdout_has("explain")
        .assert_stdout_has("check");
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    run(&["frobnicate"]).assert_exit(2).assert_stderr_has("frobnicate");
}

#[test]
fn the_bare_binary_without_a_terminal_suggests_list_and_explain() {
    let r = run(&[]);
    r.assert_exit(2).assert_stderr_has("status-tutor list").assert_stderr_has("status-tutor explain");
    assert!(r.stdout.is_empty(), "{}", r.describe());
}

// ---------------------------------------------------------------- commands and pages

#[test]
fn a_mistyped_command_gets_clap_s_did_you_mean() {
    let r = run(&["reveiw"]);
    r.assert_exit(2).assert_stderr_has("unrecognized subcommand 'reveiw'").assert_stderr_has("'review'");
    assert!(!r.stderr.contains("not a page"), "{}", r.describe());
    run(&["stast"]).assert_exit(2).assert_stderr_has("'stats'");
}

#[test]
fn a_word_that_is_no_command_nor_page_says_both() {
    run(&["frobnicate"])
        .assert_exit(2)
        .assert_stderr_has("`frobnicate` is not a page")
        .assert_stderr_has("unrecognized subcommand 'frobnicate'");
}

#[test]
fn a_page_or_topic_still_opens_the_tutorial() {
    for page in ["404", "csrf", "404-not-found"] {
        let r = run(&[page]);
        r.assert_exit(2).assert_stderr_has("not a terminal");
        assert!(!r.stderr.contains("unrecognized"), "{}", r.describe());
    }
    // Options before and after the page are still read.
    run(&["--theme", "light", "csrf", "--data-dir", "/tmp"]).assert_exit(2).assert_stderr_has("not a terminal");
}

#[test]
fn explain_a_mistyped_topic_suggests_it() {
    run(&["explain", "csfr"]).assert_exit(1).assert_stderr_has("Did you mean").assert_stderr_has("csrf");
}

#[test]
fn an_unknown_topic_is_said_before_the_missing_terminal() {
    let r = run(&["quiz", "--topic", "nope"]);
    r.assert_exit(2).assert_stderr_has("unknown topic `nope`");
    assert!(!r.stderr.contains("not a terminal"), "{}", r.describe());
    // A known topic gets as far as needing a terminal.
    run(&["quiz", "--topic", "csrf"]).assert_exit(2).assert_stderr_has("not a terminal");
}

#[test]
fn list_marks_the_pages_read_and_shows_each_page_s_exercises() {
    use status_tutor::progress::{Progress, Store};
    let course = status_tutor::content::load(&status_tutor::content::embedded::files()).expect("course").course;
    let exercise = course.exercises.first().expect("an exercise");
    let page = &course.pages[exercise.page];
    let data = tempfile::tempdir().expect("a data folder");
    let (mut store, _, _) = Store::open(Some(data.path()), &course.id);
    let mut progress = Progress::default();
    progress.pages_read.insert(page.id.clone());
    progress.practice.done.insert(exercise.id.clone());
    // Exercises 2, 3 and 4 were checked: passing, failing, and passing but edited since.
    let workspace_dir = tempfile::tempdir().expect("a workspace");
    let workspace = status_tutor::practice::workspace::Workspace::new(workspace_dir.path());
    progress.practice.workspace = Some(workspace_dir.path().to_string_lossy().into_owned());
    for (index, passed, edited) in [(1, true, false), (2, false, false), (3, true, true)] {
        let exercise = &course.exercises[index];
        let file = status_tutor::practice::service::learner_file(&workspace, index, exercise);
        fs::create_dir_all(file.parent().expect("a folder")).expect("the folder");
        fs::write(&file, if edited { "edited since" } else { "as checked" }).expect("the file");
        let record = status_tutor::progress::CheckRecord {
            passed,
            at: "2026-11-19T08:00:00Z".into(),
            file: status_tutor::progress::checks::file_hash(b"as checked"),
        };
        status_tutor::practice::service::record_check(&mut progress.practice, &exercise.id, record);
    }
    assert!(store.save(&progress).is_none(), "saved");
    let output = Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .arg("list")
        .env("NO_COLOR", "1")
        .env("STATUS_TUTOR_DATA_DIR", data.path())
        .output()
        .expect("run status-tutor");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let line = |id: &str| text.lines().find(|l| l.contains(&format!("({id})"))).unwrap_or_default().to_string();
    assert!(line(&page.id).starts_with('✓'), "{text}");
    let unread = course.pages.iter().find(|p| p.id != page.id).expect("another page");
    assert!(!line(&unread.id).starts_with('✓'), "{text}");
    let practice = format!("practice ({}), done: {}", exercise.difficulty.label(), exercise.title);
    assert!(text.contains(&practice), "{text}");
    let states = [(1, "done, passing"), (2, "todo, failing"), (3, "done, changed since last check"), (4, "todo")];
    for (index, state) in states {
        let todo = &course.exercises[index];
        let level = todo.difficulty.label();
        assert!(text.contains(&format!("practice ({level}), {state}: {}", todo.title)), "{state}: {text}");
    }
    assert!(text.contains(&format!("1/{} pages read", course.pages.len())), "{text}");
    assert!(text.contains(&format!("3/{} exercises done, 1 passing now", course.exercises.len())), "{text}");
    // Each page's reading time, each section's total, the whole course's.
    let minutes = status_tutor::content::reading::minutes(u64::from(page.reading_seconds));
    assert!(line(&page.id).contains(&format!("  {minutes} min  ({})", page.id)), "{text}");
    let section = course.sections.iter().find(|s| s.pages.contains(&exercise.page)).expect("its section");
    let total: u32 = section.pages.iter().map(|&p| course.pages[p].reading_seconds).sum();
    let heading = text.lines().find(|l| l.starts_with(section.title.as_str())).expect("the section heading");
    let total = status_tutor::content::reading::minutes(u64::from(total));
    assert!(heading.contains(&format!("  {total} min")), "{heading}");
    assert!(text.lines().nth(1).is_some_and(|l| l.starts_with("about ") && l.contains("min of reading")), "{text}");
    assert!(!text.contains('\x1b'), "plain when piped");
}
