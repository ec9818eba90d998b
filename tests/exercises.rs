//! Practice exercises in the course format: the loader refuses a broken exercise file with
//! its file, line, column and message; the shipped exercises load, in lesson order.

use std::fs;
use std::path::Path;

use status_tutor::content::{Client, CourseFiles, FieldValue, Loaded, Problem, RequestBody, Severity, embedded, load};

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid"))
}

fn listing(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

const GOOD: &str = r#"id = "hello"
title = "Say hello"
page = "intro"
task = "Answer **201** with `Location`."
hints = ["First hint.", "Second, more concrete."]
difficulty = "warm-up"
models = ["Article"]
starter = '''
from django.http import HttpResponse

def hello(request):
    # TODO: answer it
    return HttpResponse("hi")
'''
solution = '''
from django.http import HttpResponse

def hello(request):
    response = HttpResponse("hi", status=201)
    response["Location"] = "/hello/1/"
    return response
'''

[[urls]]
path = "hello/"
view = "hello"
[[checks]]
method = "POST"
path = "/hello/"
user = "staff"
form = { name = "x" }
csrf = "token"
setup = ["article"]
status = 201
present_headers = ["Location"]
expect_headers = { "Content-Type" = "text/html; charset=utf-8" }
absent_headers = ["Allow"]
body_contains = ["hi"]

[[checks]]
path = "/hello/"
json = '{"a": 1}'
status = 405
expect_json = '{"error": "no"}'
"#;

/// The valid fixture course plus `exercises/<name>` holding `text`, loaded as `check` does.
fn load_with(files: &[(&str, &str)]) -> Result<Loaded, Vec<Problem>> {
    let temp = tempfile::tempdir().expect("a temporary folder");
    for sub in ["", "pages", "quiz"] {
        fs::create_dir_all(temp.path().join(sub)).expect("create the folder");
        for entry in fs::read_dir(fixture().join(sub)).expect("read the fixture").flatten() {
            if entry.path().is_file() {
                fs::copy(entry.path(), temp.path().join(sub).join(entry.file_name())).expect("copy");
            }
        }
    }
    fs::create_dir_all(temp.path().join("exercises")).expect("exercises folder");
    for (name, text) in files {
        fs::write(temp.path().join("exercises").join(name), text).expect("write the exercise");
    }
    CourseFiles::read_dir(temp.path()).and_then(|files| load(&files))
}

fn problems(files: &[(&str, &str)]) -> Vec<Problem> {
    match load_with(files) {
        Ok(_) => panic!("a broken exercise loaded"),
        Err(problems) => problems,
    }
}

/// Asserts exactly one problem, an error at `line:col` of the exercise file, mentioning `fragment`.
fn assert_only_error(files: &[(&str, &str)], file: &str, line: usize, col: usize, fragment: &str) {
    let problems = problems(files);
    assert_eq!(problems.len(), 1, "expected one problem; got:\n{}", listing(&problems));
    let p = &problems[0];
    assert!(p.file.ends_with(&format!("/exercises/{file}")), "{p}");
    assert!(p.message.contains(fragment), "`{p}` should mention `{fragment}`");
    assert_eq!((p.line, p.col, p.severity), (line, col, Severity::Error), "{p}");
}

fn edited(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "the edit must change something: {from}");
    GOOD.replacen(from, to, 1)
}

#[test]
fn a_good_exercise_loads_with_every_field() {
    let loaded = load_with(&[("01_hello.toml", GOOD)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let course = loaded.course;
    let ex = &course.exercises[0];
    assert_eq!((ex.id.as_str(), ex.title.as_str()), ("hello", "Say hello"));
    assert_eq!(course.pages[ex.page].id, "intro");
    assert!(ex.starter.starts_with("from django.http"), "the leading newline is dropped: {:?}", ex.starter);
    assert_eq!(ex.hints.len(), 2);
    assert_eq!(ex.models, ["Article"]);
    assert_eq!(ex.urls, [("hello/".to_string(), "hello".to_string())]);
    let first = &ex.checks[0];
    assert_eq!(
        (first.request.method.as_str(), first.request.user, first.request.csrf_token),
        ("POST", Client::Staff, true)
    );
    assert_eq!(first.request.body, RequestBody::Form(vec![("name".into(), "x".into())]));
    assert_eq!(first.expect.present_headers, ["Location"]);
    assert_eq!(first.expect.body_contains, ["hi"]);
    let second = &ex.checks[1];
    assert_eq!((second.request.method.as_str(), second.request.user), ("GET", Client::Anonymous));
    assert_eq!(second.expect.json.as_deref(), Some(r#"{"error": "no"}"#));
    // The file the workspace writes for the learner, named as the exercise's TOML file.
    let dir = tempfile::tempdir().expect("a temporary workspace");
    let workspace = status_tutor::practice::workspace::Workspace::new(dir.path());
    assert_eq!(workspace.create(&course.exercises).expect("the workspace is created"), 1);
    assert!(workspace.exercises_dir().join("01_hello.py").is_file(), "the learner's file is 01_hello.py");
    assert_eq!(course.exercise_file_name(0).as_deref(), Some("01_hello.py"));
    assert_eq!(course.exercise_file_name(1), None);
}

#[test]
fn a_course_without_an_exercises_folder_has_none() {
    let files = CourseFiles::read_dir(fixture()).expect("read");
    assert!(load(&files).expect("loads").course.exercises.is_empty());
}

#[test]
fn the_file_name_must_match_the_lesson_order_and_the_id() {
    assert_only_error(&[("01_hi.toml", GOOD)], "01_hi.toml", 1, 6, "must be named 01_hello.toml");
    let second = GOOD.replace("id = \"hello\"", "id = \"say-hello\"");
    let problems = problems(&[("01_hello.toml", GOOD), ("03_say_hello.toml", &second)]);
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert!(problems[0].to_string().contains("03_say_hello.toml:1:6: this file must be named 02_say_hello.toml"));
}

#[test]
fn an_unknown_key_points_at_it() {
    let text = edited("status = 405\n", "status = 405\nexpect_header = \"x\"\n");
    let problems = problems(&[("01_hello.toml", &text)]);
    assert!(
        problems[0].to_string().contains("01_hello.toml:44:1: unknown field `expect_header`"),
        "{}",
        listing(&problems)
    );
}

#[test]
fn the_starter_needs_a_todo_and_the_solution_none() {
    let text = edited("# TODO: answer it", "# answer it");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 8, 11, "needs a `TODO`");
    let text = edited(
        "    response = HttpResponse(\"hi\", status=201)",
        "    # TODO\n    response = HttpResponse(\"hi\", status=201)",
    );
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 15, 12, "still has a `TODO`");
}

#[test]
fn a_first_hint_or_starter_comment_that_names_the_answer_is_refused() {
    // the checks expect 201 and 405
    let text = edited("\"First hint.\"", "\"Answer 201 here.\"");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 5, 10, "first hint gives the answer away (201)");
    let text = edited("\"First hint.\"", "\"Use `status.HTTP_405_METHOD_NOT_ALLOWED`.\"");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 5, 10, "`HTTP_405_...`");
    let text = edited("# TODO: answer it", "# TODO: answer it (HttpResponseNotAllowed for the rest)");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 12, 5, "starter comment gives the answer away");
    let text = edited(
        "from django.http import HttpResponse\n\ndef hello",
        "from django.http import HttpResponse, HttpResponseNotAllowed\n\ndef hello",
    );
    assert_only_error(
        &[("01_hello.toml", &text)],
        "01_hello.toml",
        8,
        11,
        "imports `HttpResponseNotAllowed` and does not use it",
    );
    // a status the checks do not expect, a later hint and the starter's code may name the code
    let text = edited("\"First hint.\"", "\"Not a 404: the page (l) says why.\"")
        .replacen("\"Second, more concrete.\"", "\"`HTTPStatus.CREATED` and a 405.\"", 1)
        .replacen(
            "    return HttpResponse(\"hi\")\n'''\nsolution",
            "    return HttpResponse(\"hi\", status=405)\n'''\nsolution",
            1,
        );
    assert!(text.contains("status=405)\n'''\nsolution"), "the starter's code was edited");
    let loaded = load_with(&[("01_hello.toml", &text)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert_eq!(loaded.course.exercises[0].hints[0], "Not a 404: the page (l) says why.");
}

#[test]
fn a_difficulty_is_a_known_level_and_ramps_within_a_section() {
    let text = edited("difficulty = \"warm-up\"", "difficulty = \"hard\"");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 6, 14, "warm-up");
    let loaded = load_with(&[("01_hello.toml", GOOD)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert_eq!(loaded.course.exercises[0].difficulty, status_tutor::content::Difficulty::WarmUp);
    // the list opens with a warm-up
    let core = edited("difficulty = \"warm-up\"", "difficulty = \"core\"");
    assert_only_error(&[("01_hello.toml", &core)], "01_hello.toml", 6, 14, "opens with a warm-up");
    // warm-up, core, then a warm-up again on a page of the same section
    let second = core.replacen("id = \"hello\"", "id = \"hello-two\"", 1);
    let third = GOOD.replacen("id = \"hello\"", "id = \"hello-three\"", 1);
    let files =
        [("01_hello.toml", GOOD), ("02_hello_two.toml", second.as_str()), ("03_hello_three.toml", third.as_str())];
    assert_only_error(&files, "03_hello_three.toml", 6, 14, "a warm-up exercise after a core one (`hello-two`)");
    let third = third.replacen("difficulty = \"warm-up\"", "difficulty = \"stretch\"", 1);
    let files =
        [("01_hello.toml", GOOD), ("02_hello_two.toml", second.as_str()), ("03_hello_three.toml", third.as_str())];
    let loaded = load_with(&files).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert_eq!(loaded.course.exercises.len(), 3);
}

#[test]
fn an_unknown_page_suggests_the_closest() {
    let text = edited("page = \"intro\"", "page = \"intr\"");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 3, 8, "did you mean `intro`?");
}

#[test]
fn two_or_three_hints() {
    let text = edited("hints = [\"First hint.\", \"Second, more concrete.\"]", "hints = [\"Only one.\"]");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 5, 9, "2 or 3 hints");
    let text = edited("\"Second, more concrete.\"]", "\"b\", \"c\", \"d\"]");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 5, 9, "this one has 4");
}

#[test]
fn the_view_must_be_defined_by_starter_and_solution() {
    let text = edited("view = \"hello\"", "view = \"greet\"");
    let problems = problems(&[("01_hello.toml", &text)]);
    assert_eq!(problems.len(), 2, "{}", listing(&problems));
    assert!(
        problems[0].to_string().contains("01_hello.toml:8:11: the starter does not define `greet`"),
        "{}",
        listing(&problems)
    );
    assert!(problems[1].to_string().contains(":15:12: the solution does not define `greet`"), "{}", listing(&problems));
    let text = edited("view = \"hello\"", "view = \"hello()\"");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 26, 8, "not a Python name");
}

#[test]
fn routes_and_request_paths_are_checked() {
    let text = edited("path = \"hello/\"", "path = \"/hello/\"");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 25, 8, "write `hello/`");
    let text = edited("path = \"/hello/\"\njson", "path = \"hello/\"\njson");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 41, 8, "starts with '/'");
}

#[test]
fn every_bad_check_field_is_reported_at_once() {
    let text = edited("method = \"POST\"", "method = \"FETCH\"")
        .replacen("user = \"staff\"", "user = \"root\"", 1)
        .replacen("status = 405", "status = 99", 1)
        .replacen("expect_json = '{\"error\": \"no\"}'", "expect_json = '{error}'", 1)
        .replacen("setup = [\"article\"]", "setup = [\"order\"]", 1)
        .replacen("models = [\"Article\"]", "models = [\"Order\"]", 1);
    let problems = problems(&[("01_hello.toml", &text)]);
    let shown = listing(&problems);
    for expected in [
        ":7:11: unknown test model `Order`",
        ":28:10: `FETCH` is not one of",
        ":30:8: `root` is not one of",
        ":33:10: unknown setup `order`",
        ":43:10: 99 is not an HTTP status code",
        ":44:15: this is not valid JSON",
    ] {
        assert!(shown.contains(expected), "missing `{expected}` in:\n{shown}");
    }
    assert_eq!(problems.len(), 6, "{shown}");
}

#[test]
fn duplicate_ids_name_the_first_file() {
    let problems = problems(&[("01_hello.toml", GOOD), ("02_hello.toml", GOOD)]);
    let shown = listing(&problems);
    assert!(shown.contains("02_hello.toml:1:6: exercise id `hello` is also used by"), "{shown}");
}

#[test]
fn a_control_character_in_an_exercise_is_refused() {
    let text = edited("title = \"Say hello\"", "title = \"Say \\u001b[31mhello\"");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 2, 9, "control character U+001B (ESC)");
}

#[test]
fn the_shipped_exercises_cover_the_course_in_lesson_order() {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    assert!(course.exercises.len() >= 18, "only {} exercises", course.exercises.len());
    let pages: Vec<usize> = course.exercises.iter().map(|e| e.page).collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]), "exercises must follow the pages' order: {pages:?}");
    for (i, ex) in course.exercises.iter().enumerate() {
        assert!(ex.starter.contains("TODO"), "{}", ex.id);
        assert!((2..=3).contains(&ex.hints.len()), "{}", ex.id);
        assert!(ex.verdicts() >= 2, "{}: a run gives more than one verdict", ex.id);
        let name = course.exercise_file_name(i).expect("a file name");
        assert!(name.starts_with(&format!("{:02}_", i + 1)) && name.ends_with(".py"), "{name}");
    }
    let ids: Vec<&str> = course.exercises.iter().map(|e| e.id.as_str()).collect();
    let tests = course.exercises.iter().filter(|e| matches!(e.kind, status_tutor::content::ExerciseKind::Tests { .. }));
    assert!(tests.count() >= 4, "at least 4 exercises where the learner writes the tests");
    for topic in [
        "json-list",
        "created-with-location",
        "rest-resource",
        "csrf-json-api",
        "rate-limit",
        "drf-validation",
        "drf-token-auth",
        "drf-object-permission",
        "drf-throttling",
        "drf-viewset",
        "drf-exception-handler",
    ] {
        assert!(ids.contains(&topic), "missing {topic}: {ids:?}");
    }
}

#[test]
fn the_broken_exercise_fixture_reports_every_problem_with_its_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exercise-broken");
    let problems = match CourseFiles::read_dir(&dir).and_then(|files| load(&files)) {
        Ok(_) => panic!("the broken exercise loaded"),
        Err(problems) => problems,
    };
    let shown: Vec<String> = problems.iter().map(|p| p.to_string().replace(&dir.display().to_string(), "")).collect();
    assert_eq!(
        shown,
        [
            "/exercises/01_created.toml:6:9: an exercise has 2 or 3 hints, each more concrete; this one has 1",
            "/exercises/01_created.toml:7:11: the starter needs a `TODO` comment where the learner's work goes",
            "/exercises/01_created.toml:21:8: a Django route has no leading '/': write `things/`",
            "/exercises/01_created.toml:27:8: `yes` is not one of: token",
        ]
    );
}

/// The full example in content/README.md, as an exercise file.
pub fn readme_example() -> String {
    let readme = include_str!("../content/README.md");
    let section = readme.split("## exercises/NN_slug.toml").nth(1).expect("the exercises section");
    let block = section.split("```toml\n").nth(1).expect("a toml block");
    block.split("\n```").next().expect("the block's end").to_string()
}

#[test]
fn the_documented_example_is_a_valid_exercise() {
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files = CourseFiles::read_dir(&course).expect("the course");
    files.files.retain(|(rel, _)| !rel.starts_with("exercises/"));
    files.files.push(("exercises/01_created_with_location.toml".into(), readme_example()));
    let loaded = load(&files).unwrap_or_else(|p| panic!("the README example is refused:\n{}", listing(&p)));
    let ex = &loaded.course.exercises[0];
    assert_eq!((ex.id.as_str(), ex.checks.len(), ex.hints.len()), ("created-with-location", 2, 3));
}

#[test]
fn a_list_item_glued_to_the_line_above_in_a_task_is_a_warning() {
    let text =
        edited("task = \"Answer **201** with `Location`.\"", "task = \"\"\"\nTwo things:\n- one\n\n- two\n\"\"\"");
    let loaded = load_with(&[("01_hello.toml", &text)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    let shown = listing(&loaded.warnings);
    assert_eq!(loaded.warnings.len(), 1, "{shown}");
    assert!(
        shown.contains("01_hello.toml:4:8: warning: a `- ` item in a task needs a blank line before it"),
        "{shown}"
    );
    assert_eq!(loaded.course.exercises.len(), 1, "a warning does not drop the exercise");
}

#[test]
fn a_task_that_promises_a_write_needs_a_check_of_the_database() {
    let text = edited("task = \"Answer **201** with `Location`.\"", "task = \"It creates a greeting: **201**.\"");
    let loaded = load_with(&[("01_hello.toml", &text)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    let shown = listing(&loaded.warnings);
    assert!(shown.contains("01_hello.toml:4:8: warning: the task says the view creates, saves or deletes"), "{shown}");
    assert_eq!(loaded.course.exercises.len(), 1);
    let checked = text.replacen(
        "body_contains = [\"hi\"]",
        "body_contains = [\"hi\"]\nexpect_db = { Article = { count = 1 } }",
        1,
    );
    let loaded = load_with(&[("01_hello.toml", &checked)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert!(loaded.warnings.is_empty(), "{}", listing(&loaded.warnings));
}

#[test]
fn a_check_states_rows_the_signal_and_exact_json() {
    let text = edited(
        "body_contains = [\"hi\"]",
        "body_contains = [\"hi\"]\nexpect_signal = false\nexpect_db = { Article = { count = 1, rows = [{ id = 1, title = \"Hi\" }] }, \
         Product = { unchanged = true, absent = [{ price = \"0.00\", id = 2 }] } }",
    )
    .replacen("expect_json = '{\"error\": \"no\"}'", "expect_json_exact = '{\"error\": \"no\"}'\nexpect_exception = \"ZeroDivisionError\"", 1);
    let loaded = load_with(&[("01_hello.toml", &text)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    let ex = &loaded.course.exercises[0];
    let first = &ex.checks[0].expect;
    assert_eq!(first.signal, Some(false));
    assert!(!first.json_exact && first.json.is_none());
    let models: Vec<&str> = first.db.iter().map(|d| d.model.as_str()).collect();
    assert_eq!(models, ["Article", "Product"]);
    let article = &first.db[0];
    assert_eq!((article.count, article.unchanged), (Some(1), false));
    assert_eq!(
        article.rows,
        [vec![("id".to_string(), FieldValue::Integer(1)), ("title".to_string(), FieldValue::Text("Hi".into()))]]
    );
    let product = &first.db[1];
    assert_eq!((product.count, product.unchanged, product.rows.len()), (None, true, 0));
    assert_eq!(product.absent[0].len(), 2);
    let second = &ex.checks[1].expect;
    assert!(second.json_exact);
    assert_eq!(second.json.as_deref(), Some(r#"{"error": "no"}"#));
    assert_eq!((second.exception.as_deref(), second.signal), (Some("ZeroDivisionError"), None));
}

#[test]
fn a_row_expectation_names_known_models_columns_and_values() {
    let text = edited(
        "body_contains = [\"hi\"]",
        "body_contains = [\"hi\"]\nexpect_db = { Order = { count = 1 }, Article = { rows = [{ titel = \"Hi\" }, { id = 1.5 }] }, \
         Product = {} }",
    );
    let shown = listing(&problems(&[("01_hello.toml", &text)]));
    for expected in [
        "unknown test model `Order`",
        "Article has no column `titel` (columns: id, title, content, author_id)",
        "write a decimal as text",
        "expect_db.Product states nothing",
    ] {
        assert!(shown.contains(expected), "missing `{expected}` in:\n{shown}");
    }
    let text = edited(
        "absent_headers = [\"Allow\"]",
        "absent_headers = [\"Allow\"]\nexpect_db = { Article = { count = -1 } }",
    );
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 38, 35, "a row count is 0 or more");
}

#[test]
fn json_is_at_least_or_exactly_and_an_empty_body_is_only_checked_where_one_can_arrive() {
    let text =
        edited("expect_json = '{\"error\": \"no\"}'", "expect_json = '{\"error\": \"no\"}'\nexpect_json_exact = '{}'");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 45, 21, "not both");
    let text = edited("status = 405", "status = 204\nbody_empty = true");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 43, 10, "body_empty proves nothing");
    let text = edited("status = 405", "status = 200\nbody_empty = true");
    let loaded = load_with(&[("01_hello.toml", &text)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert!(loaded.course.exercises[0].checks[1].expect.body_empty);
    let text = edited("status = 405", "status = 405\nexpect_logs = [\"ERROR django.request\"]");
    assert_only_error(&[("01_hello.toml", &text)], "01_hello.toml", 41, 8, "does not read logs or mails");
}

const TESTS_KIND: &str = r#"id = "test-hello"
kind = "tests"
title = "Test hello"
page = "intro"
task = "Write the tests."
hints = ["First hint.", "Second, more concrete."]
difficulty = "warm-up"
starter = '''
from django.test import TestCase

# TODO: test it
'''
solution = '''
from django.test import TestCase


class HelloTests(TestCase):
    def test_201(self):
        self.assertEqual(self.client.get("/hello/").status_code, 201)
'''
view = '''
def hello(request):
    return HttpResponse(status=201)
'''

[settings.REST_FRAMEWORK]
EXCEPTION_HANDLER = "views.handler"

[[wrong_views]]
description = "answers 200"
source = '''
def hello(request):
    return HttpResponse()
'''

[[wrong_views]]
description = "answers 202"
source = '''
def hello(request):
    return HttpResponse(status=202)
'''

[[urls]]
path = "hello/"
view = "hello"
"#;

#[test]
fn a_test_writing_exercise_loads_with_its_views_and_settings() {
    use status_tutor::content::ExerciseKind;
    let loaded =
        load_with(&[("01_test_hello.toml", TESTS_KIND)]).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let ex = &loaded.course.exercises[0];
    let ExerciseKind::Tests { right_view, wrong_views } = &ex.kind else { panic!("kind = \"tests\"") };
    assert!(right_view.starts_with("def hello(request):"), "{right_view:?}");
    assert_eq!(wrong_views.iter().map(|w| w.description.as_str()).collect::<Vec<_>>(), ["answers 200", "answers 202"]);
    assert_eq!((ex.checks.len(), ex.verdicts()), (0, 3));
    assert_eq!(ex.settings, [("REST_FRAMEWORK".to_string(), r#"{"EXCEPTION_HANDLER":"views.handler"}"#.to_string())]);
    // a view exercise keeps the default kind and gives one verdict per check
    let view = load_with(&[("01_hello.toml", GOOD)]).expect("loads").course;
    assert_eq!((view.exercises[0].kind.clone(), view.exercises[0].verdicts()), (ExerciseKind::View, 2));
}

#[test]
fn a_test_writing_exercise_is_refused_without_its_views_or_with_checks() {
    let no_view =
        TESTS_KIND.replacen("view = '''\ndef hello(request):\n    return HttpResponse(status=201)\n'''\n", "", 1);
    assert_only_error(&[("01_test_hello.toml", &no_view)], "01_test_hello.toml", 1, 6, "needs `view`");
    let one_wrong =
        TESTS_KIND.replacen("[[wrong_views]]\ndescription = \"answers 202\"", "[[nothing]]\ndescription = \"x\"", 1);
    assert!(problems(&[("01_test_hello.toml", &one_wrong)])[0].message.contains("unknown field `nothing`"));
    let one_wrong = {
        let start = TESTS_KIND.find("[[wrong_views]]\ndescription = \"answers 202\"").expect("second");
        let end = TESTS_KIND.find("[[urls]]").expect("urls");
        format!("{}{}", &TESTS_KIND[..start], &TESTS_KIND[end..])
    };
    let problems_found = problems(&[("01_test_hello.toml", &one_wrong)]);
    assert!(
        problems_found.iter().any(|p| p.message.contains("2 to 8 [[wrong_views]]")),
        "{}",
        listing(&problems_found)
    );
    let with_check = format!("{TESTS_KIND}\n[[checks]]\npath = \"/hello/\"\nstatus = 201\n");
    let found = problems(&[("01_test_hello.toml", &with_check)]);
    assert!(found.iter().any(|p| p.message.contains("has no [[checks]]")), "{}", listing(&found));
    let undefined =
        TESTS_KIND.replacen("def hello(request):\n    return HttpResponse()", "def other(request):\n    return 1", 1);
    let found = problems(&[("01_test_hello.toml", &undefined)]);
    assert!(
        found.iter().any(|p| p.message.contains("the wrong view 1 does not define `hello`")),
        "{}",
        listing(&found)
    );
    let same = TESTS_KIND.replacen("    return HttpResponse()\n", "    return HttpResponse(status=201)\n", 1);
    let found = problems(&[("01_test_hello.toml", &same)]);
    assert!(found.iter().any(|p| p.message.contains("this wrong view is the right view")), "{}", listing(&found));
}

#[test]
fn views_belong_to_the_tests_kind_and_settings_to_a_short_list() {
    let text = GOOD.replacen("[[urls]]", "wrong_views = []\n\n[[urls]]", 1);
    let found = problems(&[("01_hello.toml", &text)]);
    assert!(found.iter().any(|p| p.message.contains("belong to a test-writing exercise")), "{}", listing(&found));
    let text = TESTS_KIND.replacen("[settings.REST_FRAMEWORK]", "[settings.DEBUG]", 1);
    let found = problems(&[("01_test_hello.toml", &text)]);
    assert!(found.iter().any(|p| p.message.contains("`DEBUG` cannot be set")), "{}", listing(&found));
}

/// A course that reorders its exercises renumbers their files: the learner's work under
/// the old number moves to the new name instead of being left behind beside a fresh
/// starter; a file already at the new name is never replaced.
#[test]
fn a_renumbered_exercise_keeps_the_learners_file() {
    let course = load(&embedded::files()).expect("the built-in course").course;
    let dir = tempfile::tempdir().expect("a temporary workspace");
    let workspace = status_tutor::practice::workspace::Workspace::new(dir.path());
    let exercises = workspace.exercises_dir();
    fs::create_dir_all(&exercises).expect("the exercises folder");
    let (first, second) = (&course.exercises[0], &course.exercises[1]);
    let moved = |index: usize| course.exercise_file_name(index).expect("a file name");
    let module = |name: &str| name.split_once('_').expect("NN_module").1.to_string();
    // The first exercise's work sits under an old number; the second has both.
    fs::write(exercises.join(format!("14_{}", module(&moved(0)))), "# my work\n").expect("old file");
    fs::write(exercises.join(format!("15_{}", module(&moved(1)))), "# old work\n").expect("old file");
    fs::write(exercises.join(moved(1)), "# current work\n").expect("current file");
    workspace.create(&course.exercises).expect("the workspace is created");
    assert_eq!(fs::read_to_string(exercises.join(moved(0))).expect("moved"), "# my work\n", "{}", first.id);
    assert!(!exercises.join(format!("14_{}", module(&moved(0)))).exists(), "the old name is gone");
    assert_eq!(fs::read_to_string(exercises.join(moved(1))).expect("kept"), "# current work\n", "{}", second.id);
    assert!(exercises.join(format!("15_{}", module(&moved(1)))).exists(), "nothing is replaced");
}
