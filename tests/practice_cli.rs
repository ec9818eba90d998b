//! `status-tutor practice list|check|reset` as scripts use them: output lines, exit codes,
//! done marks. The check that runs Django needs the pinned venv (skipped deliberately with
//! STATUS_TUTOR_SKIP_DJANGO=1); the others use a fake interpreter.
use status_tutor::content::{embedded, load};
use status_tutor::practice::workspace::Workspace;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--workspace")
        .arg(dir.join("ws"))
        .env("STATUS_TUTOR_DATA_DIR", dir.join("data"))
        .env_remove("STATUS_TUTOR_PYTHON")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run status-tutor")
}

/// `status-tutor stats --json` on the same data: the standing of exercise `index`.
fn standing(dir: &Path, index: usize) -> String {
    let out = Command::new(BIN)
        .args(["stats", "--json"])
        .env("STATUS_TUTOR_DATA_DIR", dir.join("data"))
        .output()
        .expect("run status-tutor stats");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats --json is JSON");
    stats["exercises"][index]["standing"].as_str().unwrap_or("?").to_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn list_shows_every_exercise_as_todo_then_done() {
    let course = load(&embedded::files()).expect("course").course;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["practice", "list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with(&format!("Practice: 0/{} done", course.exercises.len())), "{text}");
    assert_eq!(text.lines().filter(|l| l.contains(" todo ")).count(), course.exercises.len(), "{text}");
    for exercise in &course.exercises {
        let line = text.lines().find(|l| l.contains(&format!("({})", exercise.id))).unwrap_or_default();
        assert!(line.contains(&format!(" {} ", exercise.difficulty.label())), "{line}");
    }
}

#[test]
fn without_django_check_exits_2_and_says_to_run_setup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let python = dir.path().join("python3");
    std::fs::write(&python, "#!/bin/sh\necho 'django-missing: No module named django' >&2\nexit 3\n").expect("script");
    std::fs::set_permissions(&python, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = run(dir.path(), &["practice", "check", "1", "--python", &python.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2), "the environment, not the learner's code");
    let text = stdout(&out);
    assert!(text.contains("ERROR") && text.contains("status-tutor practice setup"), "{text}");
    let json = run(dir.path(), &["practice", "check", "1", "--json", "--python", &python.to_string_lossy()]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one JSON document");
    assert_eq!(value["passed"], false);
    assert!(value["error"].as_str().is_some_and(|e| e.contains("setup")), "{value}");
    assert_eq!(standing(dir.path(), 0), "unchecked", "a missing Django says nothing about the code");
}

#[test]
fn an_unknown_exercise_is_an_error_that_points_to_the_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["practice", "check", "no-such-exercise"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("practice list"));
}

#[test]
fn reset_puts_the_starter_back() {
    let course = load(&embedded::files()).expect("course").course;
    let exercise = &course.exercises[0];
    let dir = tempfile::tempdir().expect("tempdir");
    // A check with no Python still prepares the workspace (and exits 2: the environment).
    assert_eq!(run(dir.path(), &["practice", "check", "1", "--python", "/nonexistent/python"]).status.code(), Some(2));
    let file = Workspace::new(&dir.path().join("ws")).file_for(1, &exercise.id);
    std::fs::write(&file, "my attempt").expect("write");
    // Without a terminal there is nobody to ask: it refuses unless --yes (as --reset-progress).
    let refused = run(dir.path(), &["practice", "reset", &exercise.id]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "my attempt", "nothing changed");
    let out = run(dir.path(), &["practice", "reset", &exercise.id, "--yes"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), exercise.starter);
}

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
    Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).lines().last().expect("path").trim()))
}

#[test]
fn check_fails_the_starter_passes_the_solution_and_marks_it_done() {
    let Some(python) = django_python() else { return };
    let python = python.to_string_lossy().into_owned();
    let course = load(&embedded::files()).expect("course").course;
    let exercise = &course.exercises[1];
    let dir = tempfile::tempdir().expect("tempdir");
    let starter = run(dir.path(), &["practice", "check", &exercise.id, "--python", &python]);
    assert_eq!(starter.status.code(), Some(1), "{}", stdout(&starter));
    assert!(stdout(&starter).lines().any(|l| l.starts_with("FAIL ")), "{}", stdout(&starter));
    assert_eq!(standing(dir.path(), 1), "failing");
    let file = Workspace::new(&dir.path().join("ws")).file_for(2, &exercise.id);
    std::fs::write(&file, &exercise.solution).expect("write the solution");
    let solved = run(dir.path(), &["practice", "check", &exercise.id, "--python", &python]);
    assert!(solved.status.success(), "{}", stdout(&solved));
    let passes = stdout(&solved).lines().filter(|l| l.starts_with("PASS ")).count();
    assert_eq!(passes, exercise.checks.len(), "{}", stdout(&solved));
    let list = stdout(&run(dir.path(), &["practice", "list"]));
    assert!(list.lines().any(|l| l.contains(" done ") && l.contains(&exercise.id)), "{list}");
    assert!(list.lines().any(|l| l.contains("[passing]") && l.contains(&exercise.id)), "{list}");
    assert_eq!(standing(dir.path(), 1), "passing");
    std::fs::write(&file, format!("{}\n# an edit\n", exercise.solution)).expect("edit");
    assert_eq!(standing(dir.path(), 1), "changed", "edited since its last check");
}

#[test]
fn a_load_error_comes_first_and_the_learners_exit_is_theirs() {
    let Some(python) = django_python() else { return };
    let python = python.to_string_lossy().into_owned();
    let course = load(&embedded::files()).expect("course").course;
    let exercise = &course.exercises[0];
    let dir = tempfile::tempdir().expect("tempdir");
    let file = Workspace::new(&dir.path().join("ws")).file_for(1, &exercise.id);
    std::fs::create_dir_all(file.parent().expect("folder")).expect("folder");
    std::fs::write(&file, "def broken(:\n    pass\n").expect("a syntax error");
    let out = run(dir.path(), &["practice", "check", "1", "--python", &python]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("ERROR your file does not load: SyntaxError"), "the reason first:\n{text}");
    assert!(text.contains(&format!("None of the {} checks ran.", exercise.checks.len())), "{text}");
    assert!(!lines.iter().any(|l| l.starts_with("FAIL") || l.starts_with("SKIP")), "no not-run lines:\n{text}");
    let view = exercise.urls.first().map(|(_, name)| name.clone()).expect("a view");
    std::fs::write(&file, format!("import os\n\ndef {view}(request):\n    os._exit(4)\n")).expect("write");
    let out = run(dir.path(), &["practice", "check", "1", "--python", &python]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("Your code ended the run") && text.contains("os._exit(4)"), "{text}");
    assert!(!text.contains("the checker failed"), "{text}");
}

/// Two `practice check` started at once on a workspace that does not exist yet: both
/// prepare it (installing the checker is a rename, never a delete under the other's
/// feet), and neither says "cannot prepare the workspace".
#[test]
fn two_checks_at_once_prepare_a_new_workspace_without_failing() {
    let dir = tempfile::tempdir().expect("tempdir");
    // An interpreter that is missing: each run ends at once, after preparing.
    let python = dir.path().join("no-such-python");
    for round in 0..6 {
        let workspace = dir.path().join(format!("ws{round}"));
        let start = || {
            Command::new(BIN)
                .args(["practice", "check", "1", "--python"])
                .arg(&python)
                .arg("--workspace")
                .arg(&workspace)
                .env("STATUS_TUTOR_DATA_DIR", dir.path().join("data"))
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start status-tutor")
        };
        let (first, second) = (start(), start());
        for out in [first.wait_with_output().expect("first"), second.wait_with_output().expect("second")] {
            let all = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
            assert!(!all.contains("cannot prepare"), "round {round}: {all}");
            assert!(all.contains("Python could not start"), "round {round}: it got as far as running: {all}");
        }
        let checker = Workspace::new(&workspace).checker_dir();
        assert!(checker.join("VERSION").is_file(), "round {round}: the checker is installed");
        let beside: Vec<_> = std::fs::read_dir(checker.parent().expect("a parent"))
            .expect("the .status-tutor folder")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(beside, [std::ffi::OsString::from("checker")], "round {round}: nothing left beside it");
    }
}

/// The same race inside one process, many times: threads installing the checker in a
/// fresh workspace all succeed, and the checker ends up whole.
#[test]
fn installing_the_checker_from_many_threads_at_once_never_fails() {
    use status_tutor::practice::checker_files::{CHECKER_FILES, CHECKER_VERSION};
    let dir = tempfile::tempdir().expect("tempdir");
    for round in 0..20 {
        let workspace = Workspace::new(&dir.path().join(format!("ws{round}")));
        std::thread::scope(|scope| {
            let installs: Vec<_> =
                (0..4).map(|_| scope.spawn(|| workspace.install_checker(CHECKER_FILES, CHECKER_VERSION))).collect();
            for install in installs {
                install.join().expect("no panic").unwrap_or_else(|e| panic!("round {round}: {e}"));
            }
        });
        assert!(!workspace.install_checker(CHECKER_FILES, CHECKER_VERSION).expect("intact"), "round {round}: whole");
    }
}

/// A checker file the learner's code changed is put back, through the same rename.
#[test]
fn a_changed_checker_is_replaced_whole() {
    use status_tutor::practice::checker_files::{CHECKER_FILES, CHECKER_VERSION};
    let dir = tempfile::tempdir().expect("tempdir");
    let workspace = Workspace::new(dir.path());
    assert!(workspace.install_checker(CHECKER_FILES, CHECKER_VERSION).expect("installed"));
    let (first, text) = CHECKER_FILES[0];
    std::fs::write(workspace.checker_dir().join(first), "tampered").expect("write");
    std::fs::write(workspace.checker_dir().join("stray.py"), "import os").expect("write");
    assert!(workspace.install_checker(CHECKER_FILES, CHECKER_VERSION).expect("reinstalled"));
    assert_eq!(std::fs::read_to_string(workspace.checker_dir().join(first)).expect("read"), text);
    assert!(!workspace.checker_dir().join("stray.py").exists());
}

/// The learner's file `practice check` reads is the one the workspace wrote, named as
/// the course names it (one algorithm for both).
#[test]
fn check_reads_the_file_the_workspace_wrote() {
    let course = load(&embedded::files()).expect("course").course;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["practice", "check", "1", "--json", "--python", "/no/such/python"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let file = PathBuf::from(value["file"].as_str().expect("the file"));
    assert!(file.is_file(), "{}", file.display());
    let name = course.exercise_file_name(0).expect("a name");
    assert_eq!(file.file_name().and_then(|n| n.to_str()), Some(name.as_str()));
}

/// Issue 23: an exercise that asks the learner to choose names no status in the list, and
/// `practice check` says what was accepted, with the trade-off of the one chosen, only once
/// the view has answered.
#[test]
fn a_choose_exercise_says_what_was_accepted_only_after_its_run() {
    let course = load(&embedded::files()).expect("course").course;
    let (index, exercise) =
        course.exercises.iter().enumerate().find(|(_, e)| e.id == "choose-wrong-format").expect("the exercise");
    assert!(exercise.asks.hides_status());
    let dir = tempfile::tempdir().expect("tempdir");
    let list = stdout(&run(dir.path(), &["practice", "list"]));
    let line = list.lines().find(|l| l.contains("(choose-wrong-format)")).expect("listed");
    for status in exercise.checks.iter().flat_map(|c| c.expect.statuses()) {
        assert!(!line.contains(&status.to_string()), "the title names {status}: {line}");
    }
    let Some(python) = django_python() else { return };
    let python = python.to_string_lossy().into_owned();
    let starter = stdout(&run(dir.path(), &["practice", "check", &exercise.id, "--python", &python]));
    assert!(!starter.contains("expected 4"), "no status is called expected:\n{starter}");
    assert!(starter.lines().any(|l| l.starts_with("FAIL ") && l.contains("-> got 201")), "{starter}");
    assert!(starter.contains("accepted: 422 or 400"), "{starter}");
    let file = Workspace::new(&dir.path().join("ws")).file_for(index + 1, &exercise.id);
    std::fs::write(&file, &exercise.solution).expect("write the solution");
    let solved = stdout(&run(dir.path(), &["practice", "check", &exercise.id, "--python", &python]));
    assert_eq!(solved.lines().filter(|l| l.starts_with("PASS ")).count(), exercise.checks.len(), "{solved}");
    assert!(solved.contains("-> 422 ") && solved.contains("accepted: 422 or 400"), "{solved}");
    assert!(solved.contains("you chose 422: Precise"), "the trade-off of the chosen one:\n{solved}");
}
