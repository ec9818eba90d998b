#!/usr/bin/env python3
"""Verify every Django sample of the status-tutor course against a real Django.

Entry point. Outside the harness virtualenv it creates one (target/django-venv, or
$CARGO_TARGET_DIR/django-venv), installs the pinned requirements from PyPI, and re-executes
itself with the virtualenv's Python. Inside it, it runs the checks in harness/.

    python3 tests/django/run.py            # from the repository root (any cwd works)
    python3 tests/django/run.py --content DIR
    python3 tests/django/run.py --ensure-venv   # only create/reuse the venv; its python is the last stdout line
    STATUS_TUTOR_SKIP_DJANGO=1 ...          # skip deliberately (prints that it skipped)

Exit status: 0 all checks passed, 1 a check failed, 2 the harness could not run
(no Django could be installed, bad arguments).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
REQUIREMENTS = HERE / "requirements.txt"
SKIP_VAR = "STATUS_TUTOR_SKIP_DJANGO"
INSIDE_VAR = "STATUS_TUTOR_DJANGO_HARNESS_VENV"


def venv_dir() -> Path:
    override = os.environ.get("STATUS_TUTOR_DJANGO_VENV")
    if override:
        return Path(override).resolve()
    target = os.environ.get("CARGO_TARGET_DIR")
    base = Path(target) if target else REPO / "target"
    if not base.is_absolute():
        base = REPO / base
    return (base / "django-venv").resolve()


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def requirements_stamp() -> str:
    data = REQUIREMENTS.read_bytes() + sys.version.encode()
    return hashlib.sha256(data).hexdigest()


def die_no_django(detail: str) -> "NoReturn":  # type: ignore[name-defined]
    sys.stderr.write(
        "\nERROR: Django could not be installed, so the course's Django samples were NOT verified.\n"
        f"{detail}\n"
        f"The harness needs PyPI (pip install -r {REQUIREMENTS.relative_to(REPO)}) the first time\n"
        f"it runs; it then reuses {venv_dir()}.\n"
        f"To skip this check deliberately (for example offline), set {SKIP_VAR}=1.\n"
    )
    sys.exit(2)


def ensure_venv() -> Path:
    venv = venv_dir()
    python = venv_python(venv)
    stamp = venv / ".status-tutor-requirements"
    wanted = requirements_stamp()
    if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return python

    venv.parent.mkdir(parents=True, exist_ok=True)
    lock_path = venv.parent / "django-venv.lock"
    with open(lock_path, "w") as lock:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        except ImportError:  # not POSIX: no concurrent runs expected
            pass
        # Another run may have finished the job while we waited.
        if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
            return python
        if venv.exists() and not python.exists():
            shutil.rmtree(venv)
        if not python.exists():
            print(f"django harness: creating virtualenv {venv}", flush=True)
            result = subprocess.run(
                [sys.executable, "-m", "venv", str(venv)],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                die_no_django(
                    f"`{sys.executable} -m venv {venv}` failed:\n{result.stderr.strip()}"
                )
        print(f"django harness: pip install -r {REQUIREMENTS.name}", flush=True)
        result = subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-input",
                "--retries",
                "2",
                "--timeout",
                "30",
                "-r",
                str(REQUIREMENTS),
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-8:])
            die_no_django(f"pip install failed (exit {result.returncode}):\n{tail}")
        stamp.write_text(wanted + "\n")
    return python


def main() -> int:
    if sys.argv[1:] == ["--ensure-venv"]:
        # For Rust tests that need a Django (practice checker): progress lines, then the path.
        print(ensure_venv(), flush=True)
        return 0
    if os.environ.get(SKIP_VAR) == "1":
        print(
            f"django harness: SKIPPED deliberately ({SKIP_VAR}=1): "
            "the course's Django samples were not verified."
        )
        return 0
    if os.environ.get(INSIDE_VAR) != "1":
        python = ensure_venv()
        env = dict(os.environ)
        env[INSIDE_VAR] = "1"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        args = [str(python), str(Path(__file__).resolve()), *sys.argv[1:]]
        sys.stdout.flush()
        if os.name == "nt":
            return subprocess.call(args, env=env)
        os.execve(str(python), args, env)
    try:
        import django  # noqa: F401
    except ImportError:
        die_no_django(f"{sys.executable} has no Django although the virtualenv was set up.")
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(HERE))
    # The practice checker's request engine, shared with the sample harness.
    sys.path.insert(0, str(REPO / "src" / "practice" / "checker"))
    from harness.main import main as harness_main

    return harness_main(sys.argv[1:], repo=REPO)


if __name__ == "__main__":
    sys.exit(main())
