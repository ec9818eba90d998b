"""`python -m status_tutor_checker --serve`: the warm checker.

Django is imported and configured once, here; each job then runs in a child forked from
this process, so a run costs no Python start and no Django set-up. The child is forked
ahead of its run and makes its own in-memory tables while it waits (no learner code yet);
on the request it imports the learner's module fresh, runs the checks and exits: nothing
of one run (the module, rows, settings it changed) reaches the next. This process never
runs learner code and never opens the database.

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


def standby(requests: int, run_files) -> None:
    """A child forked ahead of its run (the save has not happened yet): it takes a session of
    its own (no terminal, its own process group), stdin and stdout from /dev/null, and makes
    its in-memory tables, all before any learner code. Then it waits for its one request on
    `requests`, sends stdout and stderr into the run's log, runs the job and exits."""
    code = 70
    unprepared = None
    try:
        for name in ("SIGTERM", "SIGHUP"):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        try:
            from . import project

            project.configure()
            rehearse(project)
        except BaseException:  # noqa: BLE001 - told in the run's log, once there is one
            unprepared = traceback.format_exc()
        line = b""
        while not line.endswith(b"\n"):
            chunk = os.read(requests, 65536)
            if not chunk:
                _exit(0)  # the server is gone, or stopped this child unused
            line += chunk
        request = json.loads(line)
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        # (the file size limit is the server's, inherited)
        if unprepared:
            sys.stderr.write(unprepared)
        else:
            code = run_files(request["job"], request["report"])
    except BaseException:  # noqa: BLE001 - whatever happened, the parent hears an exit code
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            _exit(code)


def rehearse(project) -> None:
    """One request to the built-in home page, as a check sends it: what a first request
    imports and caches lazily (middleware, sessions, auth, the test client) is then ready.
    The tables are emptied after, and every check empties them again anyway."""
    from django.core.management.color import no_style
    from django.db import connection
    from django.test import Client

    project.reset([])
    Client().get("/")
    # and empty again: the learner's module, imported before the first check, sees no rows
    tables = connection.introspection.django_table_names(only_existing=True)
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))


class Standby:
    """The next run's child, forked and prepared while the learner is still typing."""

    def __init__(self, run_files):
        self.run_files = run_files
        self.next = None  # (pid, the write end of its request pipe)

    def fork(self) -> None:
        if self.next is not None:
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(write)
            standby(read, self.run_files)
        os.close(read)
        self.next = (pid, write)

    def dispatch(self, line: bytes) -> int:
        """Hands `line` to the prepared child (forking one if there is none, or again if it
        died waiting); its pid."""
        for _ in range(2):
            self.fork()
            pid, write = self.next
            self.next = None
            try:
                os.write(write, line + b"\n")
                return pid
            except OSError:
                stop_group(pid)
                os.waitpid(pid, 0)
            finally:
                os.close(write)
        raise RuntimeError("no child could be prepared")

    def stop(self) -> None:
        if self.next is not None:
            pid, write = self.next
            self.next = None
            os.close(write)
            stop_group(pid)


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
    ahead = Standby(run_files)

    def stop(signum, frame):
        # status-tutor is going (a signal it got): the run goes with it.
        for pid in running:
            stop_group(pid)
        ahead.stop()
        _exit(0)

    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), stop)
    ahead.fork()
    say("ready")
    while True:
        line = control.line()
        if line is None:
            ahead.stop()
            return 0
        try:
            timeout = float(json.loads(line)["timeout"])
        except (ValueError, KeyError, TypeError) as exc:
            say(f"bad-request: {exc}")
            continue
        pid = ahead.dispatch(line)
        running.append(pid)
        say(f"started {pid}")
        code = wait(pid, timeout, control)
        running.remove(pid)
        say(f"exited {pid} {code}")
        if not control.ended:
            ahead.fork()  # the next run's child gets ready while the learner types
