//! The loader: broken fixtures (tests/fixtures/<case>/, each a small complete course broken
//! in one way) must be refused with the right file, line, column and message; the shipped
//! course must load cleanly, and the copy embedded in the binary must equal it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use status_tutor::content::load::{MAX_FILE_BYTES, MAX_PAGES};
use status_tutor::content::{CourseFiles, Loaded, Problem, QuestionKind, Severity, embedded, load};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_dir(case: &str) -> PathBuf {
    root().join("tests/fixtures").join(case)
}

/// Reads and validates a course folder, the way `check` and `--content` do.
fn load_dir(dir: &Path) -> Result<Loaded, Vec<Problem>> {
    CourseFiles::read_dir(dir).and_then(|files| load(&files))
}

fn listing(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

/// Every problem of a fixture that must not load.
fn problems(case: &str) -> Vec<Problem> {
    match load_dir(&fixture_dir(case)) {
        Ok(loaded) => panic!("fixture `{case}` loaded, but it is broken (warnings: {:?})", loaded.warnings),
        Err(problems) => problems,
    }
}

/// The problem in a file ending with `/suffix` whose message contains `fragment`.
fn find<'a>(problems: &'a [Problem], suffix: &str, fragment: &str) -> &'a Problem {
    problems
        .iter()
        .find(|p| p.file.ends_with(&format!("/{suffix}")) && p.message.contains(fragment))
        .unwrap_or_else(|| panic!("no problem in `{suffix}` mentioning `{fragment}`; got:\n{}", listing(problems)))
}

/// Asserts an error at `suffix:line:col` whose message contains `fragment`.
fn assert_error(problems: &[Problem], suffix: &str, line: usize, col: usize, fragment: &str) {
    let p = find(problems, suffix, fragment);
    assert_eq!((p.line, p.col), (line, col), "wrong location for `{p}`");
    assert_eq!(p.severity, Severity::Error, "`{p}` should be an error");
}

/// Asserts that `case` is refused with exactly one problem: an error at `suffix:line:col`.
fn assert_only_error(case: &str, suffix: &str, line: usize, col: usize, fragment: &str) {
    let problems = problems(case);
    assert_eq!(problems.len(), 1, "`{case}` should have exactly one problem; got:\n{}", listing(&problems));
    assert_error(&problems, suffix, line, col, fragment);
}

/// Copies a fixture into a fresh temporary folder, to be altered by the test.
fn copy_fixture(case: &str) -> tempfile::TempDir {
    let temp = tempfile::tempdir().expect("a temporary folder");
    for sub in ["", "pages", "quiz"] {
        let from = fixture_dir(case).join(sub);
        fs::create_dir_all(temp.path().join(sub)).expect("create the folder");
        for entry in fs::read_dir(&from).expect("read the fixture").flatten() {
            if entry.path().is_file() {
                fs::copy(entry.path(), temp.path().join(sub).join(entry.file_name())).expect("copy a fixture file");
            }
        }
    }
    temp
}

// ---------------------------------------------------------------- the fixtures themselves

#[test]
fn the_unbroken_fixture_loads_without_problems() {
    let loaded = load_dir(&fixture_dir("valid")).unwrap_or_else(|p| panic!("valid fixture refused:\n{}", listing(&p)));
    assert!(loaded.warnings.is_empty(), "warnings: {:?}", loaded.warnings);
    let course = loaded.course;
    assert_eq!(course.title, "Fixture course");
    assert_eq!(course.pages.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["intro", "not-found"]);
    assert_eq!(course.codes.iter().map(|c| c.code).collect::<Vec<_>>(), [200, 404]);
    assert_eq!(course.questions.len(), 3);
}

// ---------------------------------------------------------------- TOML and schema errors

#[test]
fn a_toml_syntax_error_names_the_line_and_shows_it_with_a_caret() {
    // line 2: `title = "Introduction` with no closing quote; the string runs to the line's end
    let problems = problems("syntax-error");
    assert_eq!(problems.len(), 1, "a broken page must not also make its references unknown:\n{}", listing(&problems));
    assert_error(&problems, "pages/intro.toml", 2, 22, "expected `\"`");
    let excerpt = problems[0].excerpt.as_deref().expect("a syntax error has an excerpt");
    let lines: Vec<&str> = excerpt.lines().collect();
    assert_eq!(lines, ["   2 | title = \"Introduction", &format!("     | {}^", " ".repeat(21))]);
}

#[test]
fn an_unknown_field_points_at_its_key_not_at_the_block() {
    // `txt = ...` on line 8; the block header `[[blocks]]` is on line 6
    assert_only_error("unknown-field", "pages/intro.toml", 8, 1, "unknown field `txt`");
    let problems = problems("unknown-field");
    assert!(problems[0].message.contains("`text`"), "the message lists the expected fields: {}", problems[0]);
}

#[test]
fn a_wrong_type_names_the_value_and_what_was_expected() {
    assert_only_error("wrong-type", "pages/intro.toml", 2, 9, "invalid type: integer `5`, expected a string");
}

#[test]
fn an_unknown_block_kind_lists_the_known_ones() {
    let problems = problems("unknown-block-kind");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_error(&problems, "pages/intro.toml", 7, 8, "unknown variant `paragraf`");
    assert!(problems[0].message.contains("`paragraph`"), "{}", problems[0]);
}

#[test]
fn a_field_of_another_block_kind_is_refused() {
    assert_only_error(
        "field-of-other-kind",
        "pages/intro.toml",
        9,
        9,
        "`items` does not belong in a paragraph block (it takes: text)",
    );
}

// ---------------------------------------------------------------- pages and references

#[test]
fn a_duplicate_page_id_names_both_files() {
    // pages/intro-copy.toml sorts first, so pages/intro.toml is the duplicate
    let problems = problems("duplicate-page-id");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_error(&problems, "pages/intro.toml", 1, 6, "page id `intro` is also used by");
    assert!(problems[0].message.ends_with("pages/intro-copy.toml"), "{}", problems[0]);
}

#[test]
fn a_page_listed_twice_points_at_the_second_listing() {
    // pages = ["intro", "not-found", "intro"]: the second "intro" is at column 32
    assert_only_error("page-listed-twice", "course.toml", 8, 32, "page `intro` is listed twice");
}

#[test]
fn a_page_file_that_no_section_lists_is_refused() {
    assert_only_error("page-not-listed", "pages/extra.toml", 1, 6, "page `extra` is not listed in any section");
}

#[test]
fn an_unknown_page_in_course_toml_suggests_the_closest_id() {
    assert_only_error(
        "unknown-page-in-course",
        "course.toml",
        8,
        32,
        "no page has id `not-fund`; did you mean `not-found`?",
    );
}

#[test]
fn a_question_about_an_unknown_page_is_refused() {
    assert_only_error("unknown-page-in-question", "quiz/basics.toml", 19, 8, "no page has id `introduction`");
}

// ---------------------------------------------------------------- status codes

#[test]
fn a_response_status_missing_from_codes_toml_is_refused() {
    assert_only_error(
        "unknown-response-status",
        "pages/intro.toml",
        26,
        10,
        "status 201 is not described in codes.toml",
    );
}

#[test]
fn status_999_in_codes_toml_is_reported_once() {
    assert_only_error("status-999", "codes.toml", 20, 8, "999 is not an HTTP status code (they run from 100 to 599)");
}

#[test]
fn status_42_on_a_page_is_refused() {
    assert_only_error("status-42", "pages/not-found.toml", 4, 15, "42 is not an HTTP status code");
}

#[test]
fn a_reason_phrase_disagreeing_with_codes_toml_is_refused() {
    assert_only_error(
        "reason-disagrees",
        "pages/intro.toml",
        27,
        10,
        "reason `Okay` disagrees with codes.toml, which says 200 is `OK`",
    );
}

#[test]
fn a_code_sample_claiming_a_status_without_verify_is_only_a_warning() {
    let loaded = load_dir(&fixture_dir("missing-verify"))
        .unwrap_or_else(|p| panic!("a missing [blocks.verify] must not stop the course:\n{}", listing(&p)));
    assert_eq!(loaded.warnings.len(), 1, "{}", listing(&loaded.warnings));
    let warning = find(&loaded.warnings, "pages/intro.toml", "claims status 200 but has no [blocks.verify]");
    assert_eq!((warning.line, warning.col, warning.severity), (16, 8, Severity::Warning));
    assert!(warning.to_string().contains(":16:8: warning: "), "{warning}");
    assert_eq!(loaded.course.pages[0].blocks.len(), 3, "the sample is still on the page");
}

// ---------------------------------------------------------------- questions

#[test]
fn a_single_question_with_no_correct_choice_is_refused() {
    assert_only_error("single-no-correct", "quiz/basics.toml", 5, 11, "no choice is marked `correct = true`");
}

#[test]
fn a_single_question_with_two_correct_choices_is_refused() {
    assert_only_error("single-two-correct", "quiz/basics.toml", 5, 11, "exactly one correct choice; 2 are marked");
}

#[test]
fn a_question_with_one_choice_is_refused() {
    assert_only_error("one-choice", "quiz/basics.toml", 5, 11, "at least 2 choices");
}

#[test]
fn duplicate_choices_are_refused_whatever_their_case() {
    // "404 Not Found" then "404 not found" on line 7
    assert_only_error("duplicate-choices", "quiz/basics.toml", 7, 12, "choice `404 not found` appears twice");
}

#[test]
fn a_true_false_answer_must_be_a_boolean() {
    assert_only_error(
        "true-false-number",
        "quiz/basics.toml",
        17,
        10,
        "a true_false answer is `true` or `false`, not integer",
    );
}

#[test]
fn a_type_code_answer_outside_100_to_599_is_refused() {
    assert_only_error("type-code-out-of-range", "quiz/basics.toml", 26, 10, "600 is not an HTTP status code");
}

// ---------------------------------------------------------------- empty texts, version

#[test]
fn an_empty_title_is_refused() {
    assert_only_error("empty-title", "pages/not-found.toml", 2, 9, "the title is empty");
}

#[test]
fn a_blank_prompt_is_refused() {
    assert_only_error("empty-prompt", "quiz/basics.toml", 16, 10, "the prompt is empty");
}

#[test]
fn an_empty_code_sample_is_refused() {
    assert_only_error("empty-code", "pages/intro.toml", 18, 10, "the code is empty");
}

#[test]
fn an_unsupported_format_version_is_refused() {
    assert_only_error(
        "format-version-2",
        "course.toml",
        1,
        18,
        "format_version 2 is not supported; this release of status-tutor reads format_version 1",
    );
}

#[test]
fn a_missing_codes_toml_is_named() {
    // with a trailing slash, as a shell completes a folder name
    let dir = format!("{}/", fixture_dir("missing-codes").display());
    let problems = load_dir(Path::new(&dir)).expect_err("no codes.toml");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_error(&problems, "codes.toml", 1, 1, "this file is missing");
    assert!(!problems[0].file.contains("//"), "a clean path: {}", problems[0].file);
}

// ---------------------------------------------------------------- control characters

#[test]
fn a_raw_esc_byte_is_refused_at_its_column_and_not_echoed() {
    // summary = "The target <ESC>[31m...": the ESC is the 23rd character of line 3
    assert_only_error("raw-esc", "pages/not-found.toml", 3, 23, "control character U+001B (ESC) is not allowed");
    let problems = problems("raw-esc");
    let excerpt = problems[0].excerpt.as_deref().expect("an excerpt");
    assert!(excerpt.contains("The target "), "{excerpt}");
    assert!(!excerpt.contains('\u{1b}'), "the excerpt must not carry the ESC to the terminal: {excerpt:?}");
}

#[test]
fn an_escaped_esc_in_a_string_is_refused() {
    assert_only_error("escaped-esc", "pages/not-found.toml", 3, 11, "control character U+001B (ESC)");
}

#[test]
fn an_escaped_bel_in_a_string_is_refused() {
    assert_only_error("escaped-bel", "quiz/basics.toml", 18, 15, "control character U+0007 (BEL)");
}

#[test]
fn an_escaped_c1_control_in_a_string_is_refused() {
    assert_only_error("escaped-c1", "codes.toml", 13, 11, "control character U+009B (a C1 control)");
}

// ---------------------------------------------------------------- limits

#[test]
fn a_file_over_one_mib_is_refused_with_a_clear_message() {
    let dir = copy_fixture("valid");
    let page = dir.path().join("pages/not-found.toml");
    let mut text = fs::read_to_string(&page).expect("read the page");
    let padding = MAX_FILE_BYTES as usize + 1 - text.len();
    text.push_str(&format!("#{}", "x".repeat(padding - 1)));
    assert_eq!(text.len() as u64, MAX_FILE_BYTES + 1);
    fs::write(&page, text).expect("write the page");

    let problems = load_dir(dir.path()).expect_err("a file over 1 MiB must be refused");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_error(&problems, "pages/not-found.toml", 1, 1, "larger than 1024 KiB");
}

#[test]
fn a_file_of_exactly_one_mib_is_accepted() {
    let dir = copy_fixture("valid");
    let page = dir.path().join("pages/not-found.toml");
    let mut text = fs::read_to_string(&page).expect("read the page");
    let padding = MAX_FILE_BYTES as usize - text.len();
    text.push_str(&format!("#{}", "x".repeat(padding - 1)));
    fs::write(&page, text).expect("write the page");

    if let Err(problems) = load_dir(dir.path()) {
        panic!("a file of exactly 1 MiB is allowed:\n{}", listing(&problems));
    }
}

#[test]
fn an_oversized_embedded_file_is_refused_too() {
    let mut files = CourseFiles::read_dir(&fixture_dir("valid")).expect("the valid fixture");
    files.origin = "<built-in>".to_string();
    let (_, text) = files.files.iter_mut().find(|(name, _)| name == "quiz/basics.toml").expect("the quiz file");
    text.push_str(&"#".repeat(MAX_FILE_BYTES as usize));

    let problems = load(&files).expect_err("an oversized file must be refused");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_error(&problems, "quiz/basics.toml", 1, 1, "larger than 1024 KiB");
}

#[test]
fn a_course_of_more_than_10_000_pages_is_refused() {
    let dir = copy_fixture("valid");
    // the fixture has 2 pages; these make MAX_PAGES + 1
    for i in 0..MAX_PAGES - 1 {
        fs::write(dir.path().join(format!("pages/p{i}.toml")), "").expect("write a page");
    }
    let problems = CourseFiles::read_dir(dir.path()).expect_err("10,001 pages must be refused");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_error(&problems, "pages", 1, 1, "10001 pages is more than the 10000 a course may have");
}

#[test]
fn a_course_of_exactly_10_000_pages_is_read() {
    let dir = copy_fixture("valid");
    for i in 0..MAX_PAGES - 2 {
        fs::write(dir.path().join(format!("pages/p{i}.toml")), "").expect("write a page");
    }
    let files = CourseFiles::read_dir(dir.path()).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert_eq!(files.files.iter().filter(|(name, _)| name.starts_with("pages/")).count(), MAX_PAGES);
}

// ---------------------------------------------------------------- all problems at once

#[test]
fn several_problems_are_all_reported_in_one_run() {
    let problems = problems("several-problems");
    assert_error(&problems, "course.toml", 1, 18, "format_version 2 is not supported");
    assert_error(&problems, "pages/intro.toml", 8, 1, "unknown field `txt`");
    assert_error(&problems, "pages/not-found.toml", 2, 9, "the title is empty");
    assert_error(&problems, "quiz/basics.toml", 19, 8, "no page has id `introduction`");
    assert_error(&problems, "quiz/basics.toml", 26, 10, "600 is not an HTTP status code");
    assert_eq!(problems.len(), 5, "nothing else:\n{}", listing(&problems));
    let order: Vec<(&str, usize)> = problems.iter().map(|p| (p.file.as_str(), p.line)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "problems come sorted by file and line");
}

#[test]
fn problems_print_as_file_line_col_message() {
    let problems = problems("wrong-type");
    let expected = format!(
        "{}:2:9: invalid type: integer `5`, expected a string",
        fixture_dir("wrong-type").join("pages/intro.toml").display()
    );
    assert_eq!(problems[0].to_string(), expected);
}

// ---------------------------------------------------------------- the shipped course

fn shipped() -> Loaded {
    load_dir(&root().join("content")).unwrap_or_else(|p| panic!("the shipped course is refused:\n{}", listing(&p)))
}

#[test]
fn the_shipped_course_loads_with_no_errors_and_no_warnings() {
    let loaded = shipped();
    assert!(loaded.warnings.is_empty(), "warnings:\n{}", listing(&loaded.warnings));
}

/// Read without the loader, so a loader bug cannot hide a missing or unlisted page.
#[test]
fn every_listed_page_exists_and_every_page_file_is_listed() {
    let course: toml::Table =
        fs::read_to_string(root().join("content/course.toml")).expect("course.toml").parse().expect("valid TOML");
    let listed: Vec<String> = course["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["pages"].as_array().expect("pages").iter())
        .map(|p| p.as_str().expect("a page id").to_string())
        .collect();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "a page is listed twice: {listed:?}");

    let mut files = BTreeSet::new();
    for entry in fs::read_dir(root().join("content/pages")).expect("content/pages").flatten() {
        let page: toml::Table =
            fs::read_to_string(entry.path()).expect("a page file").parse().expect("a page is valid TOML");
        let id = page["id"].as_str().expect("a page id").to_string();
        assert_eq!(entry.path().file_stem().and_then(|s| s.to_str()), Some(id.as_str()), "file named after its id");
        files.insert(id);
    }
    let listed: BTreeSet<String> = listed.into_iter().collect();
    assert_eq!(listed.difference(&files).collect::<Vec<_>>(), Vec::<&String>::new(), "listed but missing");
    assert_eq!(files.difference(&listed).collect::<Vec<_>>(), Vec::<&String>::new(), "files not listed");
    assert_eq!(shipped().course.pages.len(), files.len());
}

#[test]
fn the_embedded_course_equals_the_content_folder_file_by_file() {
    let by_name = |files: CourseFiles| files.files.into_iter().collect::<BTreeMap<String, String>>();
    let on_disk = by_name(CourseFiles::read_dir(&root().join("content")).expect("content/"));
    let embedded = by_name(embedded::files());
    assert_eq!(embedded.keys().collect::<Vec<_>>(), on_disk.keys().collect::<Vec<_>>());
    for (name, text) in &embedded {
        assert!(text == &on_disk[name], "{name}: the embedded copy differs from content/{name} (rebuild)");
    }
    assert!(on_disk.len() > 30, "course.toml, codes.toml, pages and quizzes: {:?}", on_disk.keys());
}

#[test]
fn the_embedded_course_loads_cleanly() {
    let loaded = load(&embedded::files()).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert!(loaded.warnings.is_empty(), "warnings:\n{}", listing(&loaded.warnings));
}

#[test]
fn the_quiz_bank_holds_50_questions_and_the_source_question() {
    let course = shipped().course;
    assert!(course.questions.len() >= 50, "only {} questions", course.questions.len());
    let prompt = "Which status code should you return after successfully creating a new resource?";
    let question = course.questions.iter().find(|q| q.prompt == prompt).expect("the source's own question");
    let QuestionKind::Single { choices } = &question.kind else {
        panic!("a single-choice question, not {:?}", question.kind);
    };
    let correct: Vec<&str> = choices.iter().filter(|c| c.correct).map(|c| c.text.as_str()).collect();
    assert_eq!(correct.len(), 1, "{choices:?}");
    assert!(correct[0].starts_with("201"), "the correct answer is 201, not {correct:?}");
    assert_eq!(course.pages[question.page].id, "201-created");
}

#[test]
fn a_course_without_sections_is_refused() {
    let dir = copy_fixture("valid");
    fs::write(
        dir.path().join("course.toml"),
        "format_version = 1\nid = \"fixture\"\ntitle = \"Fixture course\"\nsections = []\n",
    )
    .expect("write course.toml");
    let problems = load_dir(dir.path()).expect_err("no sections is an error");
    assert_error(&problems, "course.toml", 3, 9, "no sections");
}

#[test]
fn the_cheat_sheet_lists_every_code_the_course_describes() {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    let sheet = &course.pages[course.page_index("cheat-sheet").expect("a cheat sheet")];
    let listed: BTreeSet<String> = sheet
        .blocks
        .iter()
        .filter_map(|b| match b {
            status_tutor::content::Block::Table { rows, .. } => Some(rows.iter().map(|r| r[0].clone())),
            _ => None,
        })
        .flatten()
        .collect();
    let described: BTreeSet<String> = course.codes.iter().map(|c| c.code.to_string()).collect();
    assert_eq!(listed, described);
}

#[test]
fn verified_requests_become_exchanges_on_the_code_sample() {
    use status_tutor::content::{Block, Client, RequestBody};
    let course = load_dir(&root().join("content")).expect("the shipped course loads").course;
    let page = &course.pages[course.page_index("201-created").expect("201 page")];
    let sample = page
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Code(c) if c.caption.as_deref().is_some_and(|t| t.starts_with("A common mistake")) => Some(c),
            _ => None,
        })
        .expect("the source's verified sample on the 201 page");
    let first = &sample.verified[0];
    assert_eq!(first.request.method, "POST");
    assert_eq!(first.request.path, "/articles/");
    assert_eq!(first.request.user, Client::Anonymous);
    assert!(first.request.csrf_token);
    assert!(matches!(&first.request.body, RequestBody::Form(f) if f.iter().any(|(k, v)| k == "title" && v == "Hello")));
    assert_eq!(first.expect.status, 201);
    assert!(!sample.verified[1].request.csrf_token, "the second request goes without a token");
    assert_eq!(sample.verified[1].expect.status, 403);
}

#[test]
fn a_page_that_does_not_parse_gives_its_questions_no_anchor_errors_elsewhere() {
    let course = copy_fixture("valid");
    let page = course.path().join("pages/not-found.toml");
    let text = fs::read_to_string(&page).expect("read the page");
    fs::write(&page, format!("{text}\n[[[broken\n")).expect("break the page");
    let quiz = course.path().join("quiz/basics.toml");
    let text = fs::read_to_string(&quiz).expect("read the quiz");
    // The first question is about the broken page; anchor it to a heading of that page.
    let anchored = text.replacen("page = \"not-found\"", "page = \"not-found\"\nanchor = \"No such heading here\"", 1);
    fs::write(&quiz, anchored).expect("anchor a question");
    let problems = load_dir(course.path()).expect_err("a broken page fails the course");
    let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(
        errors.iter().all(|p| p.file.ends_with("not-found.toml")),
        "only the broken page is reported:\n{}",
        listing(&problems)
    );
}
