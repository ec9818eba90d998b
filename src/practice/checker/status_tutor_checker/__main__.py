"""`python -m status_tutor_checker`: runs one job and writes one report (JSON).

- `--job JOB --report REPORT`: the job from the file JOB, the report into REPORT. This is
  how status-tutor runs it: stdin is /dev/null and stdout/stderr go to a log, so nothing
  the learner's code does reaches a terminal.
- `--serve`: the warm server (see server.py).
- no arguments: a job on stdin, the report on stdout; `--batch` reads a JSON list of jobs
  and writes a list of reports (tests/django runs every exercise in one process with it).

Exit 0 whenever a report was written; 3 with `django-missing: ...` on stderr when Django
cannot be imported or is older than 5.2; 2 for a job that cannot be read.
"""

from __future__ import annotations

import json
import os
import sys

# What status-tutor looks for in the log when no report came: the learner's code ended
# the process itself, so the blame is theirs, not the checker's.
LEARNER_EXIT = "learner-exit:"
# No file this process writes (its log, its report) grows past this: a view that writes
# without end fills no disk.
FILE_CAP = 4 << 20


def detach() -> None:
    """A session of its own: no controlling terminal (the learner's code can neither draw on
    the tutorial's screen nor read its keys) and a process group that status-tutor kills
    whole at the end of the run. First thing, before any learner code can run."""
    try:
        os.setsid()
    except OSError:
        pass  # already a group leader (started so by the caller)
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_CAP, FILE_CAP))


def django_problem() -> str | None:
    """Why Django cannot run the checks here, or None."""
    try:
        import django
    except ImportError as exc:
        return (f"django-missing: {sys.executable} cannot import Django ({exc}); "
                "run `status-tutor practice setup`")
    if django.VERSION[:2] < (5, 2):
        # the exercises use 5.2 features (redirect's preserve_request); setup installs it
        return (f"django-missing: Django 5.2 is needed, {sys.executable} has "
                f"{django.get_version()}; run `status-tutor practice setup`")
    return None


def guard_exit() -> None:
    """`os._exit` called by the learner's code says so in the log before the process ends."""
    import posix

    real = os._exit

    def learner_exit(code=0):
        try:
            os.write(2, f"\n{LEARNER_EXIT} your code called os._exit({code!r})\n".encode())
        finally:
            real(code)

    os._exit = learner_exit
    posix._exit = learner_exit


def run_files(job_path: str, report_path: str) -> int:
    """Reads the job file, runs it, writes the report file; the exit code."""
    from .run import BadJob, run

    try:
        with open(job_path, encoding="utf-8") as f:
            job = json.load(f)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"bad-job: the job file cannot be read: {exc}\n")
        return 2
    guard_exit()
    try:
        report = run(job)
    except BadJob as exc:
        sys.stderr.write(f"bad-job: {exc}\n")
        return 2
    # Written whole to a new name, then renamed: a half-written report is never read.
    partial = report_path + ".partial"
    with open(partial, "w", encoding="utf-8") as f:
        json.dump(report, f)
    os.replace(partial, report_path)
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--serve"]:
        from .server import serve

        detach()
        return serve(run_files, django_problem)
    if len(argv) == 4 and argv[0] == "--job" and argv[2] == "--report":
        detach()
        problem = django_problem()
        if problem:
            sys.stderr.write(problem + "\n")
            return 3
        return run_files(argv[1], argv[3])
    # The report owns the real stdout; anything else written to fd 1 (a learner's
    # os.write, a C extension) goes to stderr instead of corrupting the JSON.
    real_stdout = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    problem = django_problem()
    if problem:
        sys.stderr.write(problem + "\n")
        return 3
    try:
        job = json.load(sys.stdin)
    except (ValueError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"bad-job: the job on stdin is not JSON: {exc}\n")
        return 2
    from .run import BadJob, run

    try:
        if argv == ["--batch"]:
            if not isinstance(job, list):
                raise BadJob("--batch expects a JSON list of jobs")
            result = [run(one) for one in job]
        else:
            result = run(job)
    except BadJob as exc:
        sys.stderr.write(f"bad-job: {exc}\n")
        return 2
    json.dump(result, real_stdout)
    real_stdout.write("\n")
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
