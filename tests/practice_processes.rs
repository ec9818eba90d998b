//! The checker's processes, with the pinned Django (docs/practice.md, "The checker's
//! processes"): a process the learner's code starts dies with the run; the checker has no
//! terminal and reads nothing; a tampered or deleted checker file is put back before the
//! next run; `os._exit` is blamed on the learner's code; the warm server's runs share
//! nothing (module state, settings, rows). Each for a cold run and a warm one.
//! The terminal and signal cases, which need the binary, are in practice_signals.rs.
//! `STATUS_TUTOR_SKIP_DJANGO=1` skips them deliberately, like the other Django tests.
use serde_json::json;
use status_tutor::practice::checker_files::CHECKER_FILES;
use status_tutor::practice::report::Report;
use status_tutor::practice::runner::{Job, RunError, RunResult, run_checker};
use status_tutor::practice::warm::WarmPool;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn django_python() -> Option<PathBuf> {
    if std::env::var("STATUS_TUTOR_SKIP_DJANGO").as_deref() == Ok("1") {
        println!("STATUS_TUTOR_SKIP_DJANGO=1: skipped deliberately");
        return None;
    }
    let out = Command::new("python3")
        .args(["tests/django/run.py", "--ensure-venv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 tests/django/run.py --ensure-venv");
    assert!(out.status.success(), "no Django venv: {}", String::from_utf8_lossy(&out.stderr));
    Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).lines().last().expect("python path").trim()))
}

/// A workspace with the learner's file `view.py` holding `code`, and a job with one check:
/// `GET /v/` answers 200 with a body containing each of `contains`.
fn setup(python: &Path, dir: &Path, code: &str, contains: &[&str]) -> Job {
    let file = dir.join("view.py");
    std::fs::write(&file, code).expect("write the view");
    let job = json!({
        "version": status_tutor::practice::job::JOB_VERSION, "view_file": file, "models": ["Article"], "urls": [["v/", "view"]],
        "checks": [{
            "method": "GET", "path": "/v/", "user": "anonymous", "headers": {}, "form": null,
            "json": null, "csrf_token": false, "setup": [],
            "expect": {"status": 200, "headers": {}, "present_headers": [], "absent_headers": [],
                       "json": null, "body_contains": contains},
        }],
    });
    Job { python: python.to_path_buf(), workspace: dir.to_path_buf(), json: job.to_string() }
}

#[derive(Clone, Copy)]
enum How<'a> {
    Cold,
    Warm(&'a WarmPool),
}

fn run(how: How, job: &Job) -> RunResult {
    let timeout = Duration::from_secs(20);
    match how {
        How::Cold => run_checker(job, timeout, &AtomicBool::new(false)),
        How::Warm(pool) => pool.run(job, timeout, &AtomicBool::new(false)).expect("the warm server ran it"),
    }
}

fn passed(report: &Report) -> bool {
    report.load_error.is_none() && !report.checks.is_empty() && report.checks.iter().all(|c| c.passed)
}

/// Waits (up to 20 s) for a file the learner's code writes, and returns it.
fn written(path: &Path) -> String {
    let started = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.ends_with('\n')
        {
            return text;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "{} never written", path.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether `pid` is gone (or a zombie nobody waits for) within 5 s.
fn dies(pid: &str) -> bool {
    let stat = format!("/proc/{}/stat", pid.trim());
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        match std::fs::read_to_string(&stat) {
            Err(_) => return true,
            Ok(text) if text.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')) => return true,
            Ok(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    false
}

fn each_way(test: impl Fn(How, &Path, &Path)) {
    let Some(python) = django_python() else { return };
    let cold = tempfile::tempdir().expect("tempdir");
    test(How::Cold, &python, cold.path());
    let pool = WarmPool::default();
    let warm = tempfile::tempdir().expect("tempdir");
    test(How::Warm(&pool), &python, warm.path());
}

#[test]
fn a_process_the_learners_code_starts_dies_with_the_run() {
    each_way(|how, python, dir| {
        let pid_file = dir.join("sleeper.pid");
        let code = format!(
            "import subprocess\nfrom django.http import HttpResponse\n\n\
             _sleeper = subprocess.Popen([\"sleep\", \"300\"])\n\
             with open({pid_file:?}, \"w\") as f:\n    f.write(f\"{{_sleeper.pid}}\\n\")\n\n\
             def view(request):\n    return HttpResponse(\"answered\")\n"
        );
        let job = setup(python, dir, &code, &["answered"]);
        let started = Instant::now();
        let report = run(how, &job).expect("a report, not a timeout: the sleeper holds no pipe we wait for");
        assert!(passed(&report), "{report:?}");
        assert!(started.elapsed() < Duration::from_secs(8), "took {:?}", started.elapsed());
        let pid = written(&pid_file);
        assert!(dies(&pid), "the view's child process {} outlived the run", pid.trim());
    });
}

#[test]
fn the_checker_has_no_terminal_its_own_session_and_nothing_on_stdin() {
    each_way(|how, python, dir| {
        let facts = dir.join("facts");
        let code = format!(
            "import os\nfrom django.http import HttpResponse\n\nfound = []\n\
             try:\n    open(\"/dev/tty\", \"w\").close()\n    found.append(\"tty\")\n\
             except OSError:\n    found.append(\"no-tty\")\n\
             found.append(\"own-session\" if os.getsid(0) == os.getpid() == os.getpgid(0) else \"shared-session\")\n\
             found.append(\"stdin-empty\" if os.read(0, 100) == b\"\" else \"stdin-data\")\n\
             with open({facts:?}, \"w\") as f:\n    f.write(\" \".join(found) + \"\\n\")\n\n\
             def view(request):\n    return HttpResponse(\"ok\")\n"
        );
        let job = setup(python, dir, &code, &["ok"]);
        let report = run(how, &job).expect("a report");
        assert!(passed(&report), "{report:?}");
        assert_eq!(written(&facts).trim(), "no-tty own-session stdin-empty");
    });
}

#[test]
fn a_checker_file_changed_or_deleted_by_learner_code_is_put_back_before_the_next_run() {
    each_way(|how, python, dir| {
        // The view is wrong (500); its module rewrites the checker's comparison to accept anything.
        let exchange = dir.join(".status-tutor/checker/status_tutor_checker/exchange.py");
        let code = format!(
            "from django.http import HttpResponse\n\n\
             with open({exchange:?}, \"a\") as f:\n    f.write(\"\\n\\ndef compare(*args, **kwargs):\\n    return []\\n\")\n\n\
             def view(request):\n    return HttpResponse(\"wrong\", status=500)\n"
        );
        let job = setup(python, dir, &code, &[]);
        for attempt in 0..2 {
            let report = run(how, &job).expect("a report");
            assert!(!passed(&report), "attempt {attempt}: a wrong view passed: {report:?}");
        }
        let shipped = CHECKER_FILES.iter().find(|(p, _)| p.ends_with("/exchange.py")).expect("exchange.py").1;
        // Deleted: the next run puts it back and still gives a verdict.
        std::fs::remove_file(dir.join(".status-tutor/checker/status_tutor_checker/run.py")).expect("delete run.py");
        std::fs::write(dir.join(".status-tutor/checker/django.py"), "raise SystemExit(7)\n").expect("a stray module");
        let fixed = setup(
            python,
            dir,
            "from django.http import HttpResponse\n\ndef view(request):\n    return HttpResponse('x')\n",
            &[],
        );
        let report = run(how, &fixed).expect("a report after the deletion");
        assert!(passed(&report), "{report:?}");
        // The learner code of the first runs appended again during its run: fixed before this one.
        assert!(std::fs::read_to_string(&exchange).expect("exchange.py").starts_with(shipped));
        assert!(!dir.join(".status-tutor/checker/django.py").exists(), "the stray module was removed");
    });
}

#[test]
fn learner_code_that_calls_os_exit_is_blamed_not_the_checker() {
    each_way(|how, python, dir| {
        for status in [3, 0] {
            let code = format!("import os\n\ndef view(request):\n    os._exit({status})\n");
            let job = setup(python, dir, &code, &[]);
            match run(how, &job) {
                Err(RunError::LearnerExit(why)) => assert!(why.contains(&format!("os._exit({status})")), "{why}"),
                other => panic!("expected the learner's exit, got {other:?}"),
            }
        }
    });
}

#[test]
fn the_warm_servers_runs_share_no_module_state_settings_or_rows() {
    let Some(python) = django_python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let parents = dir.path().join("parents");
    let code = format!(
        "import os\nfrom django.conf import settings\nfrom django.http import JsonResponse\n\
         from status_tutor_checker import project\nfrom .models import Article\n\n\
         project.LEAK = getattr(project, \"LEAK\", 0) + 1\n\
         settings.LEAKED = getattr(settings, \"LEAKED\", 0) + 1\n\
         Article.objects.create(title=\"made at import\")\n\
         with open({parents:?}, \"a\") as f:\n    f.write(f\"{{os.getppid()}}\\n\")\n\n\
         def view(request):\n    Article.objects.create(title=\"made by the view\")\n\
         \x20   return JsonResponse({{\"module\": project.LEAK, \"settings\": settings.LEAKED, \"rows\": Article.objects.count()}})\n"
    );
    let job = setup(&python, dir.path(), &code, &["\"module\": 1", "\"settings\": 1", "\"rows\": 1"]);
    let pool = WarmPool::default();
    for attempt in 0..3 {
        let report = run(How::Warm(&pool), &job).expect("a report");
        assert!(passed(&report), "attempt {attempt}: something of an earlier run was seen: {report:?}");
    }
    // Three runs, one server: the same parent each time, and not this test.
    let parents = std::fs::read_to_string(&parents).expect("parents");
    let parents: Vec<&str> = parents.lines().collect();
    assert_eq!(parents.len(), 3, "{parents:?}");
    assert!(parents.iter().all(|p| *p == parents[0]), "one warm server ran them: {parents:?}");
    assert_ne!(parents[0], std::process::id().to_string(), "they ran in the server's children");
}
