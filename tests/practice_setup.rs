//! `practice setup` when pip cannot reach PyPI: a clear error, and the virtualenv it made
//! is gone again (nothing else changed). Fake interpreters, no network.
use status_tutor::practice::python::{find, setup, venv_python};
use status_tutor::practice::workspace::Workspace;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn script(path: &Path, body: &str) {
    std::fs::write(path, format!("#!/bin/sh\n{body}\n")).expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// A Python 3.11 whose `-m venv DIR` makes a virtualenv whose pip always fails (offline).
fn offline_python(dir: &Path) -> PathBuf {
    let base = dir.join("python3.11");
    script(
        &base,
        r#"case "$1" in
  -c) echo True ;;
  -m) mkdir -p "$3/bin"; printf '#!/bin/sh\necho "ERROR: Could not find a version (offline)" >&2\nexit 1\n' > "$3/bin/python"; chmod +x "$3/bin/python" ;;
esac"#,
    );
    base
}

#[test]
fn offline_setup_fails_clearly_and_removes_the_virtualenv_it_made() {
    let dir = tempfile::tempdir().expect("tempdir");
    let workspace = Workspace::new(&dir.path().join("ws"));
    let mut out = Vec::new();
    let error = setup(&offline_python(dir.path()), &workspace, &mut out).expect_err("pip fails");
    assert!(error.contains("pip could not install Django"), "{error}");
    assert!(error.contains("removed"), "{error}");
    assert!(!workspace.venv_dir().exists(), "the virtualenv made by setup is gone");
}

#[test]
fn an_existing_virtualenv_is_kept_when_pip_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let workspace = Workspace::new(&dir.path().join("ws"));
    let python = venv_python(&workspace.venv_dir());
    std::fs::create_dir_all(python.parent().expect("bin")).expect("mkdir");
    script(&python, "exit 1");
    let error = setup(&offline_python(dir.path()), &workspace, &mut Vec::new()).expect_err("pip fails");
    assert!(error.contains("nothing else changed"), "{error}");
    assert!(python.exists(), "a virtualenv the learner had is left alone");
}

#[test]
fn an_old_python_is_refused_before_anything_is_created() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("python3.8");
    script(&old, "echo False");
    let workspace = Workspace::new(&dir.path().join("ws"));
    let error = setup(&old, &workspace, &mut Vec::new()).expect_err("too old");
    assert!(error.contains("older than Python 3.10"), "{error}");
    assert!(!workspace.root().exists());
}

#[test]
fn the_interpreter_is_the_flag_then_the_workspace_venv_then_python3() {
    let dir = tempfile::tempdir().expect("tempdir");
    let workspace = Workspace::new(dir.path());
    assert_eq!(find(None, &workspace), PathBuf::from("python3"));
    let venv = venv_python(&workspace.venv_dir());
    std::fs::create_dir_all(venv.parent().expect("bin")).expect("mkdir");
    script(&venv, "exit 0");
    assert_eq!(find(None, &workspace), venv);
    assert_eq!(find(Some(Path::new("/opt/py")), &workspace), PathBuf::from("/opt/py"));
}
