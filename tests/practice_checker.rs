//! The shipped checker against a real Django, through the Rust side of the contract:
//! jobs from `practice::job`, reports read by `practice::report`, the files from
//! `CHECKER_FILES` written into a workspace as the practice screen does.
//!
//! Needs the pinned Django (`tests/django/run.py --ensure-venv` creates target/django-venv
//! on first use); `STATUS_TUTOR_SKIP_DJANGO=1` skips these tests deliberately.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use status_tutor::content::{Exercise, ExerciseKind, embedded, load};
use status_tutor::practice::checker_files::CHECKER_FILES;
use status_tutor::practice::job::job_json;
use status_tutor::practice::report::Report;

const SKIP_VAR: &str = "STATUS_TUTOR_SKIP_DJANGO";

fn skipped() -> bool {
    let skip = std::env::var(SKIP_VAR).as_deref() == Ok("1");
    if skip {
        println!("{SKIP_VAR}=1: the practice checker is not run against Django");
    }
    skip
}

/// The pinned venv's Python, created once for all tests.
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let root = env!("CARGO_MANIFEST_DIR");
        let out = Command::new("python3")
            .args(["tests/django/run.py", "--ensure-venv"])
            .current_dir(root)
            .output()
            .unwrap_or_else(|e| panic!("could not start python3 ({e}); set {SKIP_VAR}=1 to skip"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "--ensure-venv failed: {stdout}{}", String::from_utf8_lossy(&out.stderr));
        PathBuf::from(stdout.lines().last().expect("the python path").trim())
    })
}

/// A workspace with the checker written into `.status-tutor/checker/`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in CHECKER_FILES {
        let file = dir.path().join(".status-tutor/checker").join(path);
        std::fs::create_dir_all(file.parent().expect("a parent")).expect("mkdir");
        std::fs::write(file, text).expect("write a checker file");
    }
    std::fs::create_dir_all(dir.path().join("exercises")).expect("mkdir exercises");
    dir
}

/// `python <flags> -m status_tutor_checker <args>` with `stdin`.
fn run_checker(python: &Path, workspace: &Path, flags: &[&str], args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(python)
        .args(flags)
        .args(["-m", "status_tutor_checker"])
        .args(args)
        .env("PYTHONPATH", workspace.join(".status-tutor/checker"))
        .current_dir(workspace)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the checker");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write the job");
    child.wait_with_output().expect("the checker finishes")
}

fn course_exercises() -> Vec<Exercise> {
    load(&embedded::files()).expect("the built-in course loads").course.exercises
}

/// Runs `exercise`'s checks against `source`, one process, like the practice screen.
fn check(exercise: &Exercise, source: &str) -> Report {
    let ws = workspace();
    let file = ws.path().join("exercises/view.py");
    std::fs::write(&file, source).expect("write the view");
    let out = run_checker(python(), ws.path(), &[], &[], &job_json(exercise, &file));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "checker failed: {stdout}{}", String::from_utf8_lossy(&out.stderr));
    Report::parse(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn exercise(id: &str) -> Exercise {
    course_exercises().into_iter().find(|e| e.id == id).expect("the exercise exists")
}

#[test]
fn every_starter_fails_and_every_solution_passes_through_the_rust_job() {
    if skipped() {
        return;
    }
    let exercises = course_exercises();
    let ws = workspace();
    let mut jobs = Vec::new();
    for (i, ex) in exercises.iter().enumerate() {
        for (kind, source) in [("starter", &ex.starter), ("solution", &ex.solution)] {
            let file = ws.path().join("exercises").join(format!("{kind}-{i}.py"));
            std::fs::write(&file, source).expect("write");
            jobs.push(job_json(ex, &file));
        }
    }
    let out = run_checker(python(), ws.path(), &["-B"], &["--batch"], &format!("[{}]", jobs.join(",")));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let reports: Vec<Report> = serde_json::from_str(&stdout).expect("a list of reports");
    assert_eq!(reports.len(), exercises.len() * 2);
    for (ex, pair) in exercises.iter().zip(reports.chunks(2)) {
        let (starter, solution) = (&pair[0], &pair[1]);
        assert!(starter.load_error.is_none(), "{}: the starter must load: {:?}", ex.id, starter.load_error);
        assert!(!starter.all_passed(), "{}: the starter passes already", ex.id);
        assert!(solution.all_passed(), "{}: the solution fails: {:?}", ex.id, solution.checks);
        assert_eq!(solution.checks.len(), ex.verdicts());
        // a check answers with a status; a test-writing exercise's verdict says how the tests did
        let tests = matches!(ex.kind, ExerciseKind::Tests { .. });
        assert!(solution.checks.iter().enumerate().all(|(i, c)| c.index == i && (tests || c.status.is_some())));
        assert!(solution.checks.iter().all(|c| c.tests.is_some() == tests), "{}", ex.id);
    }
}

#[test]
fn a_failed_check_says_what_differed_and_shows_the_response() {
    if skipped() {
        return;
    }
    let ex = exercise("created-with-location");
    let no_location = ex.solution.replace("response[\"Location\"] = f\"/api/articles/{article.id}/\"", "pass");
    let report = check(&ex, &no_location);
    let first = &report.checks[0];
    assert!(!first.passed);
    assert_eq!(first.status, Some(201));
    assert_eq!(first.differences, ["missing header Location (expected Location: /api/articles/1/)"]);
    assert_eq!(first.header("content-type"), Some("application/json"));
    assert_eq!(first.body, r#"{"id": 1, "title": "Hi"}"#);
    assert_eq!(first.request, r#"POST /api/articles/ {"title": "Hi"} (CSRF token)"#);
    assert!(report.checks[1].passed);
}

#[test]
fn an_exception_shows_the_learners_frames_and_their_output() {
    if skipped() {
        return;
    }
    let ex = exercise("created-with-location");
    let source = "import json, os\nfrom django.http import JsonResponse\n\n\
                  def helper(data):\n    return data[\"title\"]\n\n\
                  def create_article(request):\n    print(\"got\", request.method)\n    os.write(1, b\"raw\\n\")\n    \
                  return JsonResponse({\"title\": helper(json.loads(request.body))})\n";
    let report = check(&ex, source);
    let failed = &report.checks[1]; // {"content": ...} has no title: KeyError
    assert_eq!(failed.status, Some(500));
    let exception = failed.exception.as_ref().expect("the exception");
    assert_eq!((exception.kind.as_str(), exception.message.as_str()), ("KeyError", "'title'"));
    let frames: Vec<(u32, &str)> = exception.frames.iter().map(|f| (f.line, f.function.as_str())).collect();
    assert_eq!(frames, [(10, "create_article"), (5, "helper")]);
    assert!(exception.frames[1].file.ends_with("exercises/view.py"));
    assert_eq!(exception.frames[1].text, "return data[\"title\"]");
    let prints = "got POST\n".repeat(ex.checks.len());
    assert_eq!(report.output, prints, "prints are captured; a raw write to fd 1 is not in the report");
}

#[test]
fn a_file_that_does_not_load_reports_where_and_runs_nothing() {
    if skipped() {
        return;
    }
    let ex = exercise("json-list");
    let report = check(&ex, "def article_list(request)\n    return None\n");
    let error = report.load_error.as_ref().expect("a load error");
    assert_eq!(error.kind, "SyntaxError");
    assert_eq!(error.frames.last().map(|f| f.line), Some(1));
    assert_eq!(report.checks.len(), ex.checks.len());
    assert!(report.checks.iter().all(|c| !c.passed && c.status.is_none()));

    let report = check(&ex, "import nothing_like_this\n");
    assert_eq!(report.load_error.as_ref().map(|e| e.kind.as_str()), Some("ModuleNotFoundError"));
    assert!(report.load_error.as_ref().is_some_and(|e| !e.message.contains("practice setup")));

    // A Python without DRF (simulated: the import is refused) is not blamed on the learner.
    let no_drf = "import sys\nsys.modules['rest_framework'] = None\nfrom rest_framework.views import APIView\n";
    let report = check(&ex, no_drf);
    let error = report.load_error.as_ref().expect("a load error");
    assert_eq!(error.kind, "ModuleNotFoundError");
    assert!(
        error.message.contains("no Django REST framework") && error.message.contains("practice setup"),
        "{}",
        error.message
    );

    let report = check(&ex, "def other(request):\n    pass\n");
    let error = report.load_error.as_ref().expect("missing view");
    assert_eq!(error.kind, "MissingView");
    assert!(error.message.contains("`article_list`"), "{}", error.message);
}

#[test]
fn output_is_capped_and_sys_exit_in_a_view_is_the_learners_error() {
    if skipped() {
        return;
    }
    let ex = exercise("json-list");
    let source = "import sys\nprint('x' * 100000)\n\ndef article_list(request):\n    sys.exit(3)\n";
    let report = check(&ex, source);
    assert!(report.output.len() < 4200, "{}", report.output.len());
    assert!(report.output.ends_with("[output cut at 4 KB]"));
    let first = &report.checks[0];
    assert!(!first.passed && first.status.is_none());
    assert_eq!(first.exception.as_ref().map(|e| e.kind.as_str()), Some("SystemExit"));
}

#[test]
fn a_bad_job_and_a_missing_django_fail_with_their_exit_codes() {
    if skipped() {
        return;
    }
    let ws = workspace();
    let out = run_checker(python(), ws.path(), &[], &[], "{\"version\": 1}");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("bad-job:"));
    assert!(out.stdout.is_empty());
    // -S: no site-packages, so no Django
    let out = run_checker(python(), ws.path(), &["-S"], &[], "{}");
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("django-missing:"));
}

#[test]
fn the_documented_example_exercise_is_solved_by_its_solution() {
    if skipped() {
        return;
    }
    let readme = include_str!("../content/README.md");
    let section = readme.split("## exercises/NN_slug.toml").nth(1).expect("the exercises section");
    let example = section.split("```toml\n").nth(1).and_then(|b| b.split("\n```").next()).expect("the example");
    let mut files = embedded::files();
    files.files.retain(|(rel, _)| !rel.starts_with("exercises/"));
    files.files.push(("exercises/01_created_with_location.toml".into(), example.to_string()));
    let ex = load(&files).expect("the example loads").course.exercises.remove(0);
    assert!(check(&ex, &ex.solution).all_passed());
    assert!(!check(&ex, &ex.starter).all_passed());
}

#[test]
fn other_idioms_pass_and_a_view_that_did_not_do_it_is_told_what_it_left() {
    if skipped() {
        return;
    }
    // an absolute Location, a charset on the media type, HTTPStatus as an int, a class-based view
    let created = "import json\nfrom django.http import HttpResponse\nfrom django.views import View\n\
                   from .models import Article\n\n\
                   class create_article(View):\n    def post(self, request):\n        \
                   title = json.loads(request.body or b'{}').get('title')\n        \
                   if not title:\n            \
                   return HttpResponse(json.dumps({'error': 'title required'}), status=400, \
                   content_type='application/json; charset=utf-8')\n        \
                   article = Article.objects.create(title=title)\n        \
                   response = HttpResponse(json.dumps({'title': title, 'id': article.pk}), status=201, \
                   content_type='application/json; charset=utf-8')\n        \
                   response['location'] = request.build_absolute_uri(f'{article.pk}/')\n        \
                   return response\n";
    let ex = exercise("created-with-location");
    let report = check(&ex, created);
    assert!(report.all_passed(), "{:?}", report.checks.iter().map(|c| &c.differences).collect::<Vec<_>>());

    // the 400 is right, but the article was created first
    let eager = ex
        .solution
        .replace("    if not title:\n", "    Article.objects.create(title=title or \"\")\n    if not title:\n");
    let report = check(&ex, &eager);
    let refused = &report.checks[1];
    assert_eq!(refused.status, Some(400));
    assert_eq!(
        refused.differences,
        [
            "Article: expected 0 row(s) after the request, found 1 (there are: id=1, title='', content='', author_id=None)"
        ]
    );

    // a 500 the view builds itself: the right text, but the error never reached Django
    let ex = exercise("server-error");
    let hidden = ex.solution.replace(
        "    average = sum(prices) / len(prices)\n",
        "    if not prices:\n        from django.http import HttpResponseServerError\n        \
         return HttpResponseServerError(\"<h1>Server Error (500)</h1>\")\n    average = sum(prices) / len(prices)\n",
    );
    let report = check(&ex, &hidden);
    let failed = &report.checks[1];
    assert_eq!(failed.status, Some(500));
    assert_eq!(failed.differences.len(), 1, "{:?}", failed.differences);
    assert!(failed.differences[0].contains("got_request_exception was not sent"), "{:?}", failed.differences);
}

/// tests/django proves every exercise (and its wrong versions) with jobs the harness builds
/// in Python from the same TOML; the app sends `job_json`'s. They must be the same jobs, or
/// the harness would prove checks (or views) the app never sends.
#[test]
fn the_rust_job_is_the_job_the_harness_proves() {
    if skipped() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = "import glob, json, sys, tomllib\n\
                  from pathlib import Path\n\
                  from harness.exercises import job\n\
                  out = [job(tomllib.load(open(f, 'rb')), Path('x.py'))\n       \
                  for f in sorted(glob.glob('content/exercises/*.toml'))]\n\
                  json.dump(out, sys.stdout)\n";
    let path = std::env::join_paths([root.join("src/practice/checker"), root.join("tests/django")]).expect("a path");
    let out = Command::new(python())
        .args(["-B", "-c", script])
        .env("PYTHONPATH", path)
        .current_dir(root)
        .output()
        .expect("run python");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let harness: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let exercises = course_exercises();
    assert_eq!(harness.len(), exercises.len());
    assert!(
        exercises.iter().any(|e| matches!(e.kind, ExerciseKind::Tests { .. })),
        "a test-writing exercise is compared too"
    );
    for (ex, from_harness) in exercises.iter().zip(harness) {
        let job: serde_json::Value = serde_json::from_str(&job_json(ex, Path::new("x.py"))).expect("job json");
        assert_eq!(job, from_harness, "{}: the Rust job and the harness disagree", ex.id);
    }
}

/// A test-writing exercise: every run of the learner's tests starts fresh (a forked process,
/// a new module, an empty database, an empty cache), so nothing one run leaves makes a test
/// of the next one fail and count as "caught"; and a wrong view that survives is named by
/// its mistake.
#[test]
fn learner_tests_run_fresh_against_each_view_and_a_survivor_is_named_by_its_mistake() {
    if skipped() {
        return;
    }
    let ex = exercise("test-created");
    let ExerciseKind::Tests { wrong_views, .. } = &ex.kind else { panic!("test-created writes tests") };
    let leaky = r#"
from django.core.cache import cache
from django.test import TestCase

from . import models
from .models import Article

RUNS = []


class Leaks(TestCase):
    def test_starts_fresh_and_leaves_state(self):
        self.assertEqual(RUNS, [])
        self.assertIsNone(cache.get("seen"))
        # a patched module outlives a fresh load of the test module: only a fresh process forgets it
        self.assertFalse(hasattr(models, "PATCHED"))
        models.PATCHED = True
        self.assertEqual(Article.objects.count(), 0)
        RUNS.append(1)
        cache.set("seen", 1)
        response = self.client.post("/api/articles/", {"title": "Hi"}, content_type="application/json")
        self.assertIn(response.status_code, (200, 201))
"#;
    let report = check(&ex, leaky);
    assert!(report.load_error.is_none(), "{:?}", report.load_error);
    assert_eq!(report.checks.len(), ex.verdicts());
    assert!(report.checks[0].passed, "the right view: {:?}", report.checks[0]);
    // The test never fails, so no wrong view is caught: each survived, named by its description.
    for (verdict, wrong) in report.checks[1..].iter().zip(wrong_views) {
        let run = verdict.tests.as_ref().expect("a test run");
        assert!(!verdict.passed && run.ran == 1 && run.failed.is_empty(), "state leaked into {verdict:?}");
        assert!(verdict.differences[0] == format!("no test caught this view: it {}", wrong.description), "{verdict:?}");
        assert!(!verdict.differences[0].contains("def "), "the code is never shown: {verdict:?}");
    }

    let solution = check(&ex, &ex.solution);
    assert!(solution.all_passed(), "{:?}", solution.checks);
    let caught = solution.checks[1].tests.as_ref().expect("a test run");
    assert!(!caught.failed.is_empty(), "the tests that caught it are named: {caught:?}");
}

#[test]
fn a_failing_learner_test_points_at_its_line_and_a_broken_test_file_runs_nothing() {
    if skipped() {
        return;
    }
    let ex = exercise("test-created");
    let failing = "from django.test import TestCase\n\n\nclass T(TestCase):\n    def test_x(self):\n        self.assertEqual(1, 2)\n\n    def test_y(self):\n        print(\"printed in a test\")\n";
    let report = check(&ex, failing);
    assert_eq!(report.output.matches("printed in a test").count(), ex.verdicts(), "{:?}", report.output);
    let right = &report.checks[0];
    assert!(!right.passed);
    assert_eq!(right.differences, ["T.test_x fails against the right view: AssertionError: 1 != 2"]);
    let frame = &right.exception.as_ref().expect("the failure").frames[0];
    assert_eq!((frame.line, frame.text.as_str()), (6, "self.assertEqual(1, 2)"));
    // a test failing on the right view catches nothing
    assert!(report.checks[1..].iter().all(|c| !c.passed));

    let exits = "import os\nfrom django.test import TestCase\n\n\nclass T(TestCase):\n    def test_x(self):\n        os._exit(3)\n";
    let report = check(&ex, exits);
    assert!(report.checks.iter().all(|c| !c.passed), "{:?}", report.checks);
    assert!(report.checks[0].differences[0].contains("did not finish"), "{:?}", report.checks[0]);

    let report = check(&ex, "def broken(:\n");
    assert_eq!(report.load_error.as_ref().map(|e| e.kind.as_str()), Some("SyntaxError"));
    assert!(report.checks.iter().all(|c| !c.passed && c.differences == ["not run: your file did not load"]));
}
