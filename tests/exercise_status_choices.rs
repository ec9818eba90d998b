//! A check that accepts several defensible statuses (`status = [400, 422]`), each with its
//! trade-off in `[checks.accepted.N]`: how it loads, and every malformed form refused by
//! `check` at its file, line and column.

use std::fs;
use std::path::Path;

use status_tutor::content::{CourseFiles, Loaded, Problem, Severity, embedded, load};

const CHOICE: &str = r#"id = "choose"
title = "Choose"
page = "intro"
difficulty = "warm-up"
task = "Refuse a product without a name."
hints = ["First hint.", "Second, more concrete."]
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
    assert!(problems.iter().any(|p| p.message.contains("an empty status list") && (p.line, p.col) == (29, 10)));
}

#[test]
fn a_status_listed_twice_points_at_the_second() {
    assert_only_error(&edited("status = [400, 422]", "status = [400, 422, 400]"), 29, 21, "listed twice");
}

#[test]
fn a_number_that_is_no_status_is_refused_where_it_is() {
    assert_only_error(&edited("status = [400, 422]", "status = [400, 422, 42]"), 29, 21, "not an HTTP status code");
    assert_only_error(&edited("status = [400, 422]", "status = [400, 422, 499]"), 29, 21, "not a registered");
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
    assert_eq!(at(not_accepted), (35, 1, Severity::Error));
    // and 422 is now listed without its why
    assert_eq!(at("say why a learner may choose it in [checks.accepted.422]"), (29, 16, Severity::Error));
}

#[test]
fn a_key_that_is_not_a_status_and_a_missing_why_are_errors() {
    let text = edited("status = 405", "status = 405\n[checks.accepted.gone]\nwhy = \"?\"");
    assert_only_error(&text, 42, 1, "the key is a status code");
    let text = edited("why = \"The general answer: the request is wrong.\"", "expect_json = '{}'");
    let problems = refused(&text);
    assert!(problems.iter().any(|p| p.message.contains("missing field `why`")), "{}", listing(&problems));
}

#[test]
fn a_body_is_stated_for_the_check_or_for_a_status_not_both() {
    let text = edited("absent_headers = [\"Location\"]", "expect_json = '{}'");
    assert_only_error(&text, 35, 1, "here or there, not both");
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
            // a task that names the code would make the choice a lookup
            for status in check.expect.statuses() {
                assert!(!exercise.task.contains(&format!("**{status}**")), "{} names {status}", exercise.id);
            }
        }
    }
}
