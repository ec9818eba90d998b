"""`python -m status_tutor_checker --serve`: the warm checker.

Django is imported and configured once, here; each job then runs in a child forked from
this process, so a run costs a fork instead of a Python start and a Django set-up. The
child imports the learner's module fresh, makes its own in-memory tables, runs the checks
and exits: nothing of one run (the module, rows, settings it changed) reaches the next.
This process never runs learner code and never opens the database.

Protocol, one line each way: status-tutor writes a JSON request
`{"job": path, "report": path, "log": path, "timeout": seconds}`; this process answers
`started PID`, then `exited PID CODE` (CODE negative for a signal) once the child and its
whole process group are gone. At start it says `ready`, or `django-missing: ...` and
exits 3. End of input ends it, and a run still going.
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import time
import traceback

# The real `os._exit`, before a child's guard wraps it for the learner's code.
_exit = os._exit


class Control:
    """Lines from status-tutor on stdin, read without Python's buffering so select works."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buffer = b""
        self.ended = False

    def fill(self) -> None:
        chunk = os.read(self.fd, 65536)
        if chunk:
            self.buffer += chunk
        else:
            self.ended = True

    def line(self) -> bytes | None:
        """The next line, blocking; None at the end of input."""
        while b"\n" not in self.buffer:
            if self.ended:
                return None
            self.fill()
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line


def say(text: str) -> None:
    os.write(1, (text + "\n").encode())


def warm_up() -> None:
    """What every run needs, imported once here (never the learner's code, never the database)."""
    from . import exchange, learner, project, run  # noqa: F401

    project.configure_settings()
    import django.db.backends.sqlite3.base  # noqa: F401
    import django.test  # noqa: F401
    import django.test.utils  # noqa: F401
    import django.views.generic  # noqa: F401
    import django.shortcuts  # noqa: F401
    import django.views.decorators.csrf  # noqa: F401
    import django.views.decorators.http  # noqa: F401
    try:  # Django REST framework, when the interpreter has it
        import rest_framework.decorators  # noqa: F401
        import rest_framework.response  # noqa: F401
        import rest_framework.views  # noqa: F401
    except Exception:  # noqa: BLE001 - anything DRF raises here only means no DRF
        pass


def child(request: dict, run_files) -> None:
    """The forked child: a session of its own (no terminal, its own process group), stdin
    from /dev/null, stdout and stderr into the log; runs the job, then exits."""
    code = 70
    try:
        for name in ("SIGTERM", "SIGHUP"):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        os.setsid()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        # (the file size limit is the server's, inherited)
        code = run_files(request["job"], request["report"])
    except BaseException:  # noqa: BLE001 - whatever happened, the parent hears an exit code
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            _exit(code)


def stop_group(pid: int) -> None:
    for kill in (os.killpg, os.kill):  # os.kill: a child stopped before its setsid
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def wait(pid: int, timeout: float, control: Control) -> int:
    """Waits for the child to exit (or the timeout, or the end of input), stops its whole
    process group while the child's pid is still reserved, reaps it; the exit code."""
    deadline = time.monotonic() + timeout
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    try:
        while not control.ended:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            watched = [control.fd] + ([pidfd] if pidfd is not None else [])
            ready, _, _ = select.select(watched, [], [], left if pidfd is not None else min(left, 0.003))
            if control.fd in ready:
                control.fill()
            if pidfd is not None and pidfd in ready:
                break
            # Without a pidfd: has it exited? (WNOWAIT leaves it a zombie, its pid reserved)
            if pidfd is None and os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT):
                break
    finally:
        if pidfd is not None:
            os.close(pidfd)
    stop_group(pid)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def serve(run_files, django_problem) -> int:
    """The server's loop; `run_files` runs one job in a child (see __main__)."""
    problem = django_problem()
    if problem:
        say(problem)
        return 3
    warm_up()
    control = Control(0)
    running = []

    def stop(signum, frame):
        # status-tutor is going (a signal it got): the run goes with it.
        for pid in running:
            stop_group(pid)
        _exit(0)

    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), stop)
    say("ready")
    while True:
        line = control.line()
        if line is None:
            return 0
        try:
            request = json.loads(line)
            timeout = float(request["timeout"])
        except (ValueError, KeyError, TypeError) as exc:
            say(f"bad-request: {exc}")
            continue
        pid = os.fork()
        if pid == 0:
            child(request, run_files)
        running.append(pid)
        say(f"started {pid}")
        code = wait(pid, timeout, control)
        running.remove(pid)
        say(f"exited {pid} {code}")
