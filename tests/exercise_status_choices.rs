//! A check that accepts several defensible statuses (`status = [400, 422]`), each with its
//! trade-off in `[checks.accepted.N]`: how it loads, and every malformed form refused by
//! `check` at its file, line and column.

use std::fs;
use std::path::Path;

use status_tutor::content::{CourseFiles, Loaded, Problem, Severity, embedded, load};

const CHOICE: &str = r#"id = "choose"
title = "Choose"
page = "intro"
task = "Refuse a product without a name."
hints = ["First hint.", "Second, more concrete."]
difficulty = "warm-up"
asks = "choose"
starter = '''
from django.http import JsonResponse

def create(request):
    # TODO: refuse it
    return JsonResponse({})
'''
solution = '''
from django.http import JsonResponse

def create(request):
    return JsonResponse({"errors": {"name": ["required"]}}, status=422)
'''

[[urls]]
path = "create/"
view = "create"

[[checks]]
method = "POST"
path = "/create/"
json = '{"name": ""}'
status = [400, 422]
absent_headers = ["Location"]

[checks.accepted.400]
why = "The general answer: the request is wrong."

[checks.accepted.422]
why = "The precise answer: the JSON is fine, its values are not."
expect_json = '{"errors": {}}'

[[checks]]
path = "/create/"
status = 405
"#;

fn listing(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

/// The valid fixture course plus `exercises/01_choose.toml` holding `text`.
fn load_with(text: &str) -> Result<Loaded, Vec<Problem>> {
    let fixture = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid"));
    let temp = tempfile::tempdir().expect("a temporary folder");
    for sub in ["", "pages", "quiz"] {
        fs::create_dir_all(temp.path().join(sub)).expect("create the folder");
        for entry in fs::read_dir(fixture.join(sub)).expect("read the fixture").flatten() {
            if entry.path().is_file() {
                fs::copy(entry.path(), temp.path().join(sub).join(entry.file_name())).expect("copy");
            }
        }
    }
    fs::create_dir_all(temp.path().join("exercises")).expect("exercises folder");
    fs::write(temp.path().join("exercises/01_choose.toml"), text).expect("write the exercise");
    CourseFiles::read_dir(temp.path()).and_then(|files| load(&files))
}

fn edited(from: &str, to: &str) -> String {
    assert!(CHOICE.contains(from), "the edit must change something: {from}");
    CHOICE.replacen(from, to, 1)
}

fn refused(text: &str) -> Vec<Problem> {
    match load_with(text) {
        Ok(_) => panic!("a broken exercise loaded"),
        Err(problems) => problems,
    }
}

/// Exactly one problem, an error at `line:col` of the exercise, mentioning `fragment`.
fn assert_only_error(text: &str, line: usize, col: usize, fragment: &str) {
    let problems = refused(text);
    assert_eq!(problems.len(), 1, "expected one problem; got:\n{}", listing(&problems));
    let p = &problems[0];
    assert!(p.file.ends_with("/exercises/01_choose.toml"), "{p}");
    assert!(p.message.contains(fragment), "`{p}` should mention `{fragment}`");
    assert_eq!((p.line, p.col, p.severity), (line, col, Severity::Error), "{p}");
}

#[test]
fn each_accepted_status_loads_in_order_with_its_why_and_its_own_body() {
    let loaded = load_with(CHOICE).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    let checks = &loaded.course.exercises[0].checks;
    let expect = &checks[0].expect;
    assert_eq!(expect.status, 400);
    assert_eq!(expect.statuses(), [400, 422]);
    assert_eq!(expect.accepted[0].why, "The general answer: the request is wrong.");
    assert_eq!(expect.accepted[0].extra.json, None);
    assert_eq!(expect.accepted[1].extra.json.as_deref(), Some(r#"{"errors": {}}"#));
    assert_eq!(expect.absent_headers, ["Location"], "what every answer carries stays on the check");
    // a single integer keeps working, with nothing to say
    assert_eq!((checks[1].expect.status, checks[1].expect.statuses()), (405, vec![405]));
    assert!(checks[1].expect.accepted.is_empty());
}

#[test]
fn one_status_may_say_why_it_is_the_answer() {
    let text = edited("status = 405", "status = 405\n[checks.accepted.405]\nwhy = \"Only POST is served.\"");
    let loaded = load_with(&text).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    let expect = &loaded.course.exercises[0].checks[1].expect;
    assert_eq!((expect.statuses(), expect.accepted[0].why.as_str()), (vec![405], "Only POST is served."));
}

#[test]
fn an_empty_list_accepts_nothing() {
    let text = edited("status = [400, 422]", "status = []");
    let problems = refused(&text);
    assert!(problems.iter().any(|p| p.message.contains("an empty status list") && (p.line, p.col) == (30, 10)));
}

#[test]
fn a_status_listed_twice_points_at_the_second() {
    assert_only_error(&edited("status = [400, 422]", "status = [400, 422, 400]"), 30, 21, "listed twice");
}

#[test]
fn a_number_that_is_no_status_is_refused_where_it_is() {
    assert_only_error(&edited("status = [400, 422]", "status = [400, 422, 42]"), 30, 21, "not an HTTP status code");
    assert_only_error(&edited("status = [400, 422]", "status = [400, 422, 499]"), 30, 21, "not a registered");
}

#[test]
fn feedback_for_a_status_the_check_does_not_accept_is_an_error() {
    let text = edited("[checks.accepted.422]", "[checks.accepted.412]");
    let problems = refused(&text);
    assert_eq!(problems.len(), 2, "{}", listing(&problems));
    let at = |fragment: &str| {
        let p = problems.iter().find(|p| p.message.contains(fragment)).expect(fragment);
        (p.line, p.col, p.severity)
    };
    let not_accepted = "feedback for 412, which this check does not accept (status = [400, 422])";
    assert_eq!(at(not_accepted), (36, 1, Severity::Error));
    // and 422 is now listed without its why
    assert_eq!(at("say why a learner may choose it in [checks.accepted.422]"), (30, 16, Severity::Error));
}

#[test]
fn a_key_that_is_not_a_status_and_a_missing_why_are_errors() {
    let text = edited("status = 405", "status = 405\n[checks.accepted.gone]\nwhy = \"?\"");
    assert_only_error(&text, 43, 1, "the key is a status code");
    let text = edited("why = \"The general answer: the request is wrong.\"", "expect_json = '{}'");
    let problems = refused(&text);
    assert!(problems.iter().any(|p| p.message.contains("missing field `why`")), "{}", listing(&problems));
}

#[test]
fn a_body_is_stated_for_the_check_or_for_a_status_not_both() {
    let text = edited("absent_headers = [\"Location\"]", "expect_json = '{}'");
    assert_only_error(&text, 36, 1, "here or there, not both");
}

#[test]
fn several_accepted_statuses_make_an_exercise_that_asks_to_choose() {
    let text = edited("asks = \"choose\"\n", "");
    assert_only_error(&text, 1, 6, "mark the exercise `asks = \"choose\"`");
    // choosing without a trade-off to show after the run is refused where `asks` is
    let text = edited("status = [400, 422]", "status = 400")
        .replacen("[checks.accepted.400]\nwhy = \"The general answer: the request is wrong.\"\n\n", "", 1)
        .replacen("[checks.accepted.422]\nwhy = \"The precise answer: the JSON is fine, its values are not.\"\nexpect_json = '{\"errors\": {}}'\n", "", 1);
    assert_only_error(&text, 7, 8, "explains its answers");
    assert_eq!(
        load_with(CHOICE).expect("loads").course.exercises[0].asks,
        status_tutor::content::Asks::Choose,
        "the field reaches the course"
    );
}

#[test]
fn an_exercise_that_asks_to_choose_keeps_the_codes_out_of_title_task_and_early_hints() {
    let three = r#"hints = ["First hint.", "Second, more concrete.", "Last: 422 with the errors."]"#;
    let base = edited(r#"hints = ["First hint.", "Second, more concrete."]"#, three);
    let with = |from: &str, to: &str| {
        assert!(base.contains(from), "the edit must change something: {from}");
        base.replacen(from, to, 1)
    };
    // the last hint may name the code
    load_with(&base).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
    assert_only_error(
        &with("title = \"Choose\"", "title = \"Choose 422\""),
        2,
        17,
        "the title gives the answer away (422)",
    );
    let task = with("task = \"Refuse a product without a name.\"", "task = \"Refuse it (HTTP_400_BAD_REQUEST).\"");
    assert_only_error(&task, 4, 20, "the task gives the answer away (`HTTP_400_...`, 400)");
    let hint = with("\"Second, more concrete.\"", "\"Second: not 405.\"");
    assert_only_error(&hint, 5, 38, "this hint gives the answer away (405)");
    // an exercise that tells the codes may name them anywhere but the first hint
    let told = CHOICE.replacen("asks = \"choose\"\n", "", 1).replacen("status = [400, 422]", "status = 422", 1);
    let told = told
        .replacen("[checks.accepted.400]\nwhy = \"The general answer: the request is wrong.\"\n\n", "", 1)
        .replacen("title = \"Choose\"", "title = \"Answer 422\"", 1);
    load_with(&told).unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
}

#[test]
fn an_exercise_that_asks_to_choose_practises_a_page_that_does_not_name_the_answer() {
    // not-found's page is about 404, which a check now expects: "Practises 404 Not Found"
    let text = edited("page = \"intro\"", "page = \"not-found\"").replacen("status = 405", "status = 404", 1);
    assert_only_error(&text, 3, 8, "its page `not-found` is about 404");
    // a status the checks do not expect may be the page's
    load_with(&edited("page = \"intro\"", "page = \"not-found\""))
        .unwrap_or_else(|p| panic!("refused:\n{}", listing(&p)));
}

/// Issue 23: at least four exercises let the learner choose between defensible codes, and
/// every accepted status of theirs says what choosing it means.
#[test]
fn the_shipped_course_lets_the_learner_choose_in_at_least_four_exercises() {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    let choosing: Vec<&str> = course
        .exercises
        .iter()
        .filter(|e| e.checks.iter().any(|c| c.expect.statuses().len() > 1))
        .map(|e| e.id.as_str())
        .collect();
    assert!(choosing.len() >= 4, "only {choosing:?} accept more than one status");
    for exercise in &course.exercises {
        for check in exercise.checks.iter().filter(|c| c.expect.statuses().len() > 1) {
            assert!(check.expect.accepted.iter().all(|a| !a.why.is_empty()), "{}", exercise.id);
            assert_eq!(exercise.asks, status_tutor::content::Asks::Choose, "{}", exercise.id);
            // a task that names the code would make the choice a lookup
            for status in check.expect.statuses() {
                assert!(!exercise.task.contains(&format!("**{status}**")), "{} names {status}", exercise.id);
            }
        }
    }
}
