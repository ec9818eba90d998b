"""Running one job: load the learner's file, mount its views, send every check."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout

from . import JOB_VERSION, REPORT_VERSION, effects, exchange, learner, project

OUTPUT_CAP = 4096


class BadJob(Exception):
    """The job itself is malformed: a bug on the status-tutor side, not the learner's."""


class CappedOutput(io.TextIOBase):
    """What the learner's code prints, kept up to OUTPUT_CAP characters."""

    def __init__(self):
        self.parts: list[str] = []
        self.size = 0
        self.cut = False

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        room = OUTPUT_CAP - self.size
        if len(text) > room:
            text, self.cut = text[:max(room, 0)], True
        if text:
            self.parts.append(text)
            self.size += len(text)
        return len(text)

    def value(self) -> str:
        return "".join(self.parts) + ("\n[output cut at 4 KB]" if self.cut else "")


KINDS = ("view", "tests")
SETTINGS = ("REST_FRAMEWORK",)


def check_common(job) -> None:
    """What every kind of job has: its version, kind, routes, models and settings."""
    if not isinstance(job, dict) or job.get("version") != JOB_VERSION:
        raise BadJob(f"expected a job object with version {JOB_VERSION}")
    if job.get("kind", "view") not in KINDS:
        raise BadJob(f"unknown kind {job.get('kind')!r}")
    urls = job.get("urls")
    if not isinstance(urls, list) or not all(
        isinstance(u, list) and len(u) == 2 and all(isinstance(x, str) for x in u) for u in urls
    ):
        raise BadJob("urls must be a list of [route, view name]")
    for model in job.get("models") or []:
        if model not in project.MODELS:
            raise BadJob(f"unknown model {model!r}")
    settings = job.get("settings") or {}
    if not isinstance(settings, dict) or not all(k in SETTINGS and isinstance(v, dict) for k, v in settings.items()):
        raise BadJob(f"settings must be an object of {', '.join(SETTINGS)} (each an object)")


def _check_job(job) -> None:
    check_common(job)
    if not isinstance(job.get("view_file"), str):
        raise BadJob("view_file must be a path")
    checks = job.get("checks")
    if not isinstance(checks, list):
        raise BadJob("checks must be a list")
    for check in checks:
        if not isinstance(check, dict) or not isinstance(check.get("expect"), dict):
            raise BadJob("each check needs an `expect` object")
        if check.get("user", "anonymous") not in exchange.USER_KINDS:
            raise BadJob(f"unknown user {check.get('user')!r}")
        _check_statuses(check["expect"])
        for row in check.get("setup") or []:
            if row not in project.SETUP_ROWS:
                raise BadJob(f"unknown setup row {row!r}")
        db = check["expect"].get("db") or []
        if not isinstance(db, list) or not all(isinstance(e, dict) and e.get("model") in project.MODELS for e in db):
            raise BadJob("expect.db must be a list of {model: Article | Product, ...}")


def _check_statuses(expect: dict) -> None:
    """`status`: a number or a non-empty list of them; `accepted`: an entry per listed status."""
    status = expect.get("status")
    listed = status if isinstance(status, list) else [status]
    if not listed or not all(isinstance(s, int) and not isinstance(s, bool) for s in listed):
        raise BadJob("expect.status must be a number or a non-empty list of numbers")
    accepted = expect.get("accepted") or []
    if not isinstance(accepted, list) or not all(
        isinstance(a, dict) and a.get("status") in listed and isinstance(a.get("why", ""), str) for a in accepted
    ):
        raise BadJob("expect.accepted must be a list of {status: one of expect.status, why: text, ...}")


def run(job) -> dict:
    """The report for one job (see src/practice/report.rs). Raises BadJob for a malformed job.
    A job of kind "tests" runs the learner's tests against the exercise's views (testrun.py)."""
    if isinstance(job, dict) and job.get("kind") == "tests":
        from . import testrun

        return testrun.run(job)
    return run_views(job)


def run_views(job) -> dict:
    """The learner's views against the exercise's checks."""
    _check_job(job)
    project.configure()
    view_file = job["view_file"]
    output = CappedOutput()
    report = {"version": REPORT_VERSION, "load_error": None, "checks": [], "output": ""}
    with redirect_stdout(output), redirect_stderr(output):
        try:
            module = learner.load(view_file)
            routes = [(route, name, learner.view(module, name, view_file)) for route, name in job["urls"]]
        except learner.LoadError as exc:
            report["load_error"] = exc.report
            routes = None
        if routes is None:
            for index, check in enumerate(job["checks"]):
                report["checks"].append(_not_run(index, check))
        else:
            project.clear_cache()
            with project.mounted(routes, job.get("settings"), module.__name__):
                for index, check in enumerate(job["checks"]):
                    report["checks"].append(run_check(index, check, view_file))
    report["output"] = output.value()
    return report


def _not_run(index: int, check: dict) -> dict:
    return {
        "index": index, "request": exchange.describe(check), "passed": False, "status": None,
        "headers": [], "body": "", "differences": ["not run: your file did not load"],
        "exception": None, "chosen": None,
    }


def run_check(index: int, check: dict, view_file: str) -> dict:
    from django.core.signals import got_request_exception

    result = _not_run(index, check)
    result["differences"] = []
    caught = []

    def on_exception(sender, request=None, **kwargs):
        exc = sys.exc_info()[1]
        if exc is not None:
            caught.append(exc)

    got_request_exception.connect(on_exception)
    try:
        users = project.reset(list(check.get("setup") or []))
        db = check["expect"].get("db") or []
        before = effects.snapshot(db)
        prepared = exchange.prepare(
            method=check.get("method", "GET"),
            path=check.get("path", "/"),
            user=users.get(check.get("user", "anonymous")),
            form=check.get("form"),
            json_text=check.get("json"),
            headers=check.get("headers"),
            csrf_token=bool(check.get("csrf_token")),
        )
        response = prepared.send()
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - SystemExit from a view is the learner's too
        result["differences"] = [f"no response: {type(exc).__name__}: {exc}"]
        result["exception"] = learner.error(exc, view_file)
        return result
    finally:
        got_request_exception.disconnect(on_exception)
    result["status"] = response.status_code
    result["headers"] = [[k, v] for k, v in response.headers.items()]
    result["body"] = exchange.body_text(response)[: exchange.BODY_CAP]
    result["differences"] = exchange.compare(check["expect"], response)
    result["chosen"] = exchange.chosen(check["expect"], response.status_code)
    result["differences"] += effects.signal_differences(check["expect"], caught)
    try:
        result["differences"] += effects.db_differences(db, before)
    except Exception as exc:  # noqa: BLE001 - e.g. a transaction the view left broken
        result["differences"].append(f"the database could not be read after the request: {type(exc).__name__}: {exc}")
    result["passed"] = not result["differences"]
    if caught:
        result["exception"] = learner.error(caught[-1], view_file)
    return result
