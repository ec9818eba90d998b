//! Which Python runs the checks, and `practice setup`: a virtualenv with the pinned Django.
use super::workspace::Workspace;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The Django the course is verified against: the same pins as the test harness.
const REQUIREMENTS: &str = include_str!("../../tests/django/requirements.txt");

/// The requirement lines (`Django==5.2.19`, ...), comments left out.
pub fn pinned_requirements() -> Vec<&'static str> {
    REQUIREMENTS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The pinned Django version, for messages.
pub fn pinned_django() -> &'static str {
    pinned_requirements().into_iter().find_map(|l| l.strip_prefix("Django==")).unwrap_or("5.2")
}

/// A virtualenv's interpreter.
pub fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) { venv.join("Scripts").join("python.exe") } else { venv.join("bin").join("python") }
}

/// The interpreter that runs the checks: `--python` / `STATUS_TUTOR_PYTHON` (given as
/// `explicit`), else the workspace's `.venv`, else `python3` from the PATH.
pub fn find(explicit: Option<&Path>, workspace: &Workspace) -> PathBuf {
    if let Some(path) = explicit {
        return path.to_path_buf();
    }
    let venv = venv_python(&workspace.venv_dir());
    if venv.is_file() {
        return venv;
    }
    PathBuf::from(if cfg!(windows) { "python" } else { "python3" })
}

/// Runs a short Python snippet and returns its trimmed stdout, or None if it could not run.
fn ask(python: &Path, code: &str) -> Option<String> {
    let out = Command::new(python).args(["-c", code]).stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The Django version `python` imports, if any.
pub fn django_version(python: &Path) -> Option<String> {
    ask(python, "import django; print(django.get_version())")
}

/// `practice setup`: creates `<workspace>/.venv` with `base` (a Python 3.10+) and installs
/// the pinned Django with pip, whose progress goes to the terminal. If anything fails, a
/// virtualenv made by this call is removed again, so nothing else changed.
pub fn setup(base: &Path, workspace: &Workspace, out: &mut dyn Write) -> Result<PathBuf, String> {
    let venv = workspace.venv_dir();
    let python = venv_python(&venv);
    if let Some(version) = django_version(&python).filter(|v| v == pinned_django()) {
        let _ = writeln!(out, "Django {version} is already set up in {}", venv.display());
        return Ok(python);
    }
    let Some(ok) = ask(base, "import sys; print(sys.version_info >= (3, 10))") else {
        return Err(format!(
            "could not run {} (install Python 3.10 or newer, or name one with --python)",
            base.display()
        ));
    };
    if ok != "True" {
        return Err(format!("{} is older than Python 3.10; Django {} needs 3.10+", base.display(), pinned_django()));
    }
    let created = !venv.exists();
    if created {
        let _ = writeln!(out, "Creating {} ...", venv.display());
        std::fs::create_dir_all(workspace.root())
            .map_err(|e| format!("cannot create {}: {e}", workspace.root().display()))?;
        let status = Command::new(base).args(["-m", "venv"]).arg(&venv).stdin(Stdio::null()).status();
        if !status.is_ok_and(|s| s.success()) {
            let _ = std::fs::remove_dir_all(&venv);
            return Err(format!(
                "{} -m venv failed (on Debian and Ubuntu: apt install python3-venv); nothing was changed",
                base.display()
            ));
        }
    }
    let _ = writeln!(out, "Installing Django {} with pip ...", pinned_django());
    let status = Command::new(&python)
        .args(["-m", "pip", "install", "--disable-pip-version-check", "--retries", "2", "--timeout", "20"])
        .args(pinned_requirements())
        .stdin(Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => {
            let _ = writeln!(out, "Done: the checks will run with {}", python.display());
            Ok(python)
        }
        _ => {
            if created {
                let _ = std::fs::remove_dir_all(&venv);
            }
            Err(format!(
                "pip could not install Django {} (offline? pip's message is above); {}",
                pinned_django(),
                if created { "the new virtualenv was removed, nothing else changed" } else { "nothing else changed" }
            ))
        }
    }
}
