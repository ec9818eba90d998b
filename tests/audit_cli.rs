//! `status-tutor audit` end to end: the fixture project's findings, exit codes, JSON,
//! rule selection, and bad inputs (syntax errors, non-UTF-8, symlink loops, big files,
//! no Django, skipped folders).
use std::process::{Command, Output};

const PROJECT: &str = "tests/fixtures/audit-project";

fn audit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .arg("audit")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `file:line:col: rule` of each line of output.
fn places(output: &Output) -> Vec<String> {
    stdout(output).lines().map(|l| l.split(": ").take(2).collect::<Vec<_>>().join(": ")).collect()
}

#[test]
fn the_fixture_project_gives_its_findings_sorted_and_exit_1() {
    let output = audit(&[PROJECT]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        places(&output),
        [
            "shop/api.py:13:20: create-200",
            "shop/api.py:14:16: serializer-errors-200",
            "shop/broken.py:10:12: allow-missing",
            "shop/latin1.py:5:12: www-authenticate-missing",
            "shop/views.py:10:2: login-required-api",
            "shop/views.py:23:16: allow-missing",
            "shop/views.py:25:12: no-content-body",
            "shop/views.py:28:2: csrf-exempt-session",
        ]
    );
    let first = stdout(&output).lines().nth(2).unwrap_or_default().to_string();
    assert!(
        first.ends_with("Use HttpResponseNotAllowed(methods). [lesson: 405-method-not-allowed]"),
        "piped output is plain, with the page id: {first}"
    );
    let err = stderr(&output);
    assert!(err.contains("shop/broken.py: could not read fully (the parser lost track near line 5)"), "{err}");
    assert!(err.contains("shop/latin1.py: not UTF-8"), "{err}");
    assert!(err.trim_end().ends_with("8 findings in 5 Python files (11 rules checked)"), "{err}");
    // .gitignore'd, hidden, venv and node_modules files hold a 405 each and are never read.
    assert!(!stdout(&output).contains("skipped.py"));
}

#[test]
fn json_has_one_object_per_finding_with_the_source_line() {
    let output = audit(&[PROJECT, "--json", "--select", "allow-missing"]);
    assert_eq!(output.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let findings = findings.as_array().expect("an array");
    assert_eq!(findings.len(), 2);
    let first = &findings[0];
    assert_eq!(first["file"], "shop/broken.py");
    assert_eq!(first["line"], 10);
    assert_eq!(first["col"], 12);
    assert_eq!(first["rule"], "allow-missing");
    assert_eq!(first["page"], "405-method-not-allowed");
    assert_eq!(first["source"], "    return HttpResponse(status=405)");
    assert!(first["message"].as_str().is_some_and(|m| m.contains("Allow")));
}

#[test]
fn select_and_ignore_choose_the_rules() {
    let only = audit(&[PROJECT, "--select", "allow-missing,no-content-body"]);
    assert_eq!(
        places(&only),
        [
            "shop/broken.py:10:12: allow-missing",
            "shop/views.py:23:16: allow-missing",
            "shop/views.py:25:12: no-content-body"
        ]
    );
    let without = audit(&[PROJECT, "--ignore", "allow-missing"]);
    assert_eq!(places(&without).len(), 6);
    assert!(!stdout(&without).contains("allow-missing"));
    // Test code is left out unless asked for.
    let with_tests = audit(&[PROJECT, "--select", "allow-missing", "--tests"]);
    assert!(places(&with_tests).contains(&"shop/tests.py:5:12: allow-missing".to_string()), "{}", stdout(&with_tests));
    let none = audit(&[PROJECT, "--select", "put-reads-post"]);
    assert_eq!(none.status.code(), Some(0), "no findings is exit 0");
    assert!(stdout(&none).is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let unknown = audit(&[PROJECT, "--select", "allow-missin"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown rule \"allow-missin\""), "{}", stderr(&unknown));
    let missing = audit(&["tests/fixtures/no-such-project"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no such file or folder"));
    let no_terminal = audit(&[PROJECT, "--tui"]);
    assert_eq!(no_terminal.status.code(), Some(2));
    assert!(stderr(&no_terminal).contains("--tui needs a terminal"));
}

#[test]
fn a_folder_without_django_says_so() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("script.py"), "print('hello')\n").expect("write");
    let output = audit(&[dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("no file here imports django"), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_big_files_end_quietly() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let app = dir.path().join("app");
    std::fs::create_dir(&app).expect("mkdir");
    std::os::unix::fs::symlink(dir.path(), app.join("loop")).expect("symlink");
    std::os::unix::fs::symlink(app.join("views.py"), app.join("self.py")).expect("symlink");
    let view = "from django.http import HttpResponse\n\ndef v(request):\n    return HttpResponse(status=405)\n";
    std::fs::write(app.join("views.py"), view).expect("write");
    let mut big = view.to_string();
    big.push_str(&"# filler line\n".repeat(200_000));
    std::fs::write(app.join("big.py"), big).expect("write");
    // A .gitignore counts even where there is no .git.
    std::fs::write(dir.path().join(".gitignore"), "ignored/\n").expect("write");
    std::fs::create_dir(dir.path().join("ignored")).expect("mkdir");
    std::fs::write(dir.path().join("ignored/views.py"), view).expect("write");
    let output = audit(&[dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(places(&output), ["app/views.py:4:12: allow-missing"], "{}", stderr(&output));
    assert!(stderr(&output).contains("app/big.py: skipped, larger than 2 MiB"), "{}", stderr(&output));
}

#[test]
fn one_file_can_be_audited_and_control_characters_are_escaped() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("evil\u{1b}]0;x\u{7}.py");
    std::fs::write(
        &path,
        "from django.http import HttpResponse\ndef v(request):\n    return HttpResponse(status=405)\n",
    )
    .expect("write");
    let output = audit(&[dir.path().to_str().expect("utf-8 path")]);
    let out = stdout(&output);
    assert!(!out.contains('\u{1b}') && out.contains("evil\\u{1b}]0;x\\u{7}.py:3:12"), "{out}");
    let single = audit(&[path.to_str().expect("utf-8 path"), "--json"]);
    assert_eq!(single.status.code(), Some(1));
    assert!(!stdout(&single).contains('\u{1b}'));
}

#[test]
fn deeply_nested_and_broken_code_is_noted_not_fatal() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let nested = format!("from django.http import HttpResponse\nx = {} def\n", "[".repeat(300_000));
    std::fs::write(dir.path().join("nested.py"), nested).expect("write");
    let calls = format!("from django.http import HttpResponse\nx = {}\n", "f(".repeat(100_000));
    std::fs::write(dir.path().join("calls.py"), calls).expect("write");
    let output = audit(&[dir.path().to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("nested.py: could not read fully") && err.contains("calls.py: could not read fully"), "{err}");
}
