//! The checker runner: timeout, cancellation, broken checkers, Django missing (with fake
//! interpreters, no Python needed), and one real run against the pinned Django.
use status_tutor::content::{Client, ClientRequest, Exchange, Exercise, Expectation, RequestBody};
use status_tutor::practice::checker_files::{CHECKER_FILES, CHECKER_VERSION};
use status_tutor::practice::job::job_json;
use status_tutor::practice::runner::{Job, RunError, run_checker};
use status_tutor::practice::session::all_passed;
use status_tutor::practice::workspace::Workspace;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// An executable shell script standing in for Python.
fn fake_python(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("fake-python");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn job(python: PathBuf, workspace: &Path) -> Job {
    Job { python, workspace: workspace.to_path_buf(), json: "{}".to_string() }
}

#[test]
fn a_view_that_never_answers_is_stopped_at_the_timeout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let python = fake_python(dir.path(), "cat >/dev/null; sleep 30");
    let started = Instant::now();
    let result = run_checker(&job(python, dir.path()), Duration::from_millis(300), &AtomicBool::new(false));
    assert_eq!(result, Err(RunError::Timeout));
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
}

#[test]
fn a_cancelled_run_stops_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let python = fake_python(dir.path(), "sleep 30");
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        flag.store(true, Ordering::Relaxed);
    });
    let started = Instant::now();
    let result = run_checker(&job(python, dir.path()), Duration::from_secs(20), &cancel);
    assert_eq!(result, Err(RunError::Cancelled));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn output_that_is_not_a_report_is_a_checker_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let python = fake_python(dir.path(), "echo 'Traceback (most recent call last):'");
    let result = run_checker(&job(python, dir.path()), Duration::from_secs(10), &AtomicBool::new(false));
    assert!(matches!(result, Err(RunError::Checker(_))), "{result:?}");
}

#[test]
fn a_huge_report_is_capped_not_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    // `-m status_tutor_checker --job JOB --report REPORT`: the report is $6.
    let python = fake_python(dir.path(), "head -c 2000000 /dev/zero > \"$6\"");
    let result = run_checker(&job(python, dir.path()), Duration::from_secs(10), &AtomicBool::new(false));
    match result {
        Err(RunError::Checker(why)) => assert!(why.contains("larger than"), "{why}"),
        other => panic!("expected a capped-output error, got {other:?}"),
    }
}

#[test]
fn django_missing_is_told_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let python = fake_python(dir.path(), "echo 'django-missing: No module named django' >&2; exit 3");
    let result = run_checker(&job(python, dir.path()), Duration::from_secs(10), &AtomicBool::new(false));
    assert_eq!(result, Err(RunError::DjangoMissing("No module named django".to_string())));
}

#[test]
fn a_missing_interpreter_is_no_python() {
    let dir = tempfile::tempdir().expect("tempdir");
    let result = run_checker(
        &job(dir.path().join("no-such-python"), dir.path()),
        Duration::from_secs(10),
        &AtomicBool::new(false),
    );
    assert!(matches!(result, Err(RunError::NoPython(_))), "{result:?}");
}

/// "Created, with Location": POST a JSON body, answer 201 with a Location header.
pub fn created_exercise() -> Exercise {
    let post = |json: &str, status: u16, location: bool| Exchange {
        request: ClientRequest {
            method: "POST".into(),
            path: "/articles/".into(),
            user: Client::Anonymous,
            headers: vec![],
            body: RequestBody::Json(json.into()),
            csrf_token: false,
            setup: vec![],
        },
        expect: Expectation {
            status,
            headers: vec![],
            present_headers: if location { vec!["Location".into()] } else { vec![] },
            absent_headers: vec![],
            json: None,
            body_contains: vec![],
            ..Expectation::default()
        },
    };
    Exercise {
        id: "01_created".into(),
        title: "Created, with Location".into(),
        page: 0,
        task: "Answer 201 with `Location`.".into(),
        starter: "from django.http import JsonResponse\n\n\ndef create_article(request):\n    # TODO\n    return JsonResponse({})\n".into(),
        solution: SOLUTION.into(),
        hints: vec!["Status 201".into()],
        difficulty: status_tutor::content::Difficulty::Core,
        models: vec!["Article".into()],
        urls: vec![("articles/".into(), "create_article".into())],
        checks: vec![post(r#"{"title": "Hi"}"#, 201, true), post("{}", 400, false)],
        settings: vec![],
        kind: status_tutor::content::ExerciseKind::View,
        asks: status_tutor::content::Asks::Write,
    }
}

pub const SOLUTION: &str = r#"import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .models import Article


@csrf_exempt
def create_article(request):
    data = json.loads(request.body or b"{}")
    if "title" not in data:
        return JsonResponse({"error": "title required"}, status=400)
    article = Article.objects.create(title=data["title"])
    response = JsonResponse({"id": article.pk, "title": article.title}, status=201)
    response["Location"] = f"/articles/{article.pk}/"
    return response
"#;

/// The pinned Django's interpreter from the test harness (None when skipped deliberately).
fn django_python() -> Option<PathBuf> {
    if std::env::var("STATUS_TUTOR_SKIP_DJANGO").as_deref() == Ok("1") {
        return None;
    }
    let out = Command::new("python3")
        .args(["tests/django/run.py", "--ensure-venv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 tests/django/run.py --ensure-venv");
    assert!(out.status.success(), "no Django venv: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    Some(PathBuf::from(stdout.lines().last().expect("python path").trim()))
}

#[test]
fn the_real_checker_fails_the_starter_and_passes_the_solution() {
    let Some(python) = django_python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let workspace = Workspace::new(dir.path());
    let exercise = created_exercise();
    workspace.create(std::slice::from_ref(&exercise)).expect("create");
    workspace.install_checker(CHECKER_FILES, CHECKER_VERSION).expect("checker");
    let file = workspace.file_for(1, &exercise.id);
    let run = || {
        let job = Job { python: python.clone(), workspace: dir.path().to_path_buf(), json: job_json(&exercise, &file) };
        run_checker(&job, Duration::from_secs(30), &AtomicBool::new(false)).expect("a report")
    };
    let starter = run();
    assert!(!all_passed(&starter, 2), "{starter:?}");
    assert!(starter.checks[0].differences.iter().any(|d| d.contains("201")), "{starter:?}");
    std::fs::write(&file, SOLUTION).expect("write solution");
    let solved = run();
    assert!(all_passed(&solved, 2), "{solved:?}");
}

#[test]
fn quitting_stops_a_run_still_going() {
    use status_tutor::practice::runner::{ProcessRunner, RunId, Runner};
    let dir = tempfile::tempdir().expect("tempdir");
    let pid_file = dir.path().join("pid");
    let python = fake_python(dir.path(), &format!("echo $$ > {}; exec sleep 30", pid_file.display()));
    let (tx, rx) = std::sync::mpsc::channel();
    let mut runner = ProcessRunner::new(Arc::new(move |run, result| {
        let _ = tx.send((run, result));
    }));
    runner.start(RunId(1), job(python, dir.path()));
    let started = Instant::now();
    // The file exists before the shell has written the pid into it: wait for a whole line.
    let read_pid = || std::fs::read_to_string(&pid_file).ok().filter(|p| p.ends_with('\n'));
    while read_pid().is_none() && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let pid = read_pid().expect("the fake checker started");
    assert!(pid.trim().parse::<u32>().is_ok(), "a pid: {pid:?}");
    let proc_dir = PathBuf::from(format!("/proc/{}", pid.trim()));
    assert!(proc_dir.exists());
    drop(runner);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(!proc_dir.exists(), "the checker process is gone after the runner");
    assert_eq!(rx.try_recv(), Ok((RunId(1), Err(RunError::Cancelled))));
}
