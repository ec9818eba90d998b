"""A test-writing exercise (job kind "tests"): the learner's test module against the views.

The job names the learner's test file and ships the views: the right one (`right_view`) and
several wrong ones (`wrong_views`, each with a `description` of what makes it wrong). The
learner's TestCase classes run once against each view, every run from a fresh start, in a
forked child where the platform has fork (`isolated`): the view module and the test module
loaded anew, the database emptied (no users: tests create their own, as under `manage.py
test`), the cache cleared, the URLconf and the exercise's settings set again. The report has one verdict per view, in the format of a check
(report.rs):

- index 0, the right view: passes when every test passes (and there is at least one);
- index N, wrong view N: passes when it is *caught*: a test that passes against the right
  view fails (or errors) against it. A wrong view that no such test fails "survived", and
  the verdict says what the view gets wrong (its description), never its code.

Each verdict has `tests`: {"ran": n, "failed": [test names]}.
"""

from __future__ import annotations

import json
import os
import unittest
from contextlib import redirect_stderr, redirect_stdout

from . import REPORT_VERSION, learner, project
from .run import BadJob, CappedOutput, check_common

RIGHT = "your tests against the right view"


def _check_job(job) -> None:
    check_common(job)
    if not isinstance(job.get("test_file"), str):
        raise BadJob("test_file must be a path")
    if not isinstance(job.get("right_view"), str):
        raise BadJob("right_view must be Python source")
    wrong = job.get("wrong_views")
    if not isinstance(wrong, list) or not wrong or not all(
        isinstance(w, dict) and isinstance(w.get("source"), str) and isinstance(w.get("description"), str)
        for w in wrong
    ):
        raise BadJob("wrong_views must be a list of {description, source}")


class Outcome(unittest.TestResult):
    """Keeps each failing test's name and exception (the default keeps only text)."""

    def __init__(self, module_name: str):
        super().__init__()
        self.prefix = module_name + "."
        self.failed: list[tuple[str, BaseException]] = []
        self.passed: list[str] = []

    def name(self, test) -> str:
        return test.id().replace(self.prefix, "")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.failed.append((self.name(test), err[1]))

    def addError(self, test, err):
        super().addError(test, err)
        self.failed.append((self.name(test), err[1]))

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self.failed.append((self.name(test), err[1]))

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed.append(self.name(test))


_environment_ready = False


def _test_environment() -> None:
    """What `manage.py test` sets up once (the locmem mail outbox, template context on
    responses); a forked child inherits it from the process that did it."""
    global _environment_ready
    if not _environment_ready:
        from django.test.utils import setup_test_environment

        try:
            setup_test_environment()
        except RuntimeError:  # already set up by whoever imported us
            pass
        _environment_ready = True


def test_classes(module) -> list[type]:
    """The TestCase classes the learner's module defines (not those it imports)."""
    return [obj for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, unittest.TestCase)
            and obj.__module__ == module.__name__]


def run_once(job: dict, view_source: str, label: str) -> dict:
    """The learner's tests against one view, from a fresh start, as plain data:
    {"load_error": report | None, "problem": text | None, "ran": n,
     "failed": [[test name, first line of the error, error report]], "passed": [test names],
     "output": what the code printed}. `problem` says the view itself is broken."""
    result = {"load_error": None, "problem": None, "ran": 0, "failed": [], "passed": [], "output": ""}
    output = CappedOutput()
    with redirect_stdout(output), redirect_stderr(output):
        project.flush()
        project.clear_cache()
        try:
            views = learner.load_source(view_source, f"<{label}>")
            routes = [(route, name, learner.view(views, name, label)) for route, name in job["urls"]]
        except learner.LoadError as exc:
            result["problem"] = (f"the exercise's {label} does not load ({exc.report['kind']}: "
                                 f"{exc.report['message']}): a mistake in the course, not in your tests")
            return result
        with project.mounted(routes, job.get("settings"), views.__name__):
            try:
                module = learner.load(job["test_file"])
            except learner.LoadError as exc:
                result["load_error"] = exc.report
                return result
            outcome = Outcome(module.__name__)
            suite = unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromTestCase(cls)
                                       for cls in test_classes(module))
            suite.run(outcome)
    result["ran"] = outcome.testsRun
    result["failed"] = [[name, _last_line(exc), learner.error(exc, job["test_file"])] for name, exc in outcome.failed]
    result["passed"] = outcome.passed
    result["output"] = output.value()
    return result


def isolated(work, label: str) -> dict:
    """`work()` in a forked child where the platform can fork, so nothing one run changes
    (a module the tests patched, a setting, a row) reaches the next; its result comes back
    as JSON through a pipe. Without fork, in this process (fresh modules, emptied tables)."""
    if not hasattr(os, "fork"):
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        try:
            data = json.dumps(work())
        except BaseException as exc:  # noqa: BLE001 - anything the tests did is reported
            data = json.dumps({"crash": f"{type(exc).__name__}: {exc}"})
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    try:
        result = json.loads(data)
    except ValueError:
        result = {"crash": "the process ended before it reported (os._exit or a crash in your tests?)"}
    if "crash" in result:
        return {"load_error": None, "ran": 0, "failed": [], "passed": [], "output": "",
                "problem": f"your tests against {label} did not finish: {result['crash']}"}
    return result


def _verdict(index: int, request: str) -> dict:
    return {"index": index, "request": request, "passed": False, "status": None, "headers": [],
            "body": "", "differences": [], "exception": None, "tests": {"ran": 0, "failed": []}}


def _last_line(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def run(job) -> dict:
    """The report for a job of kind "tests"."""
    _check_job(job)
    project.configure()
    _test_environment()
    views = [(RIGHT, "the right view", job["right_view"], None)] + [
        (f"your tests against wrong view {n}", f"wrong view {n}", w["source"], w["description"])
        for n, w in enumerate(job["wrong_views"], start=1)
    ]
    report = {"version": REPORT_VERSION, "load_error": None, "checks": [], "output": ""}
    output = CappedOutput()
    right_passing: set[str] = set()
    for index, (request, label, source, description) in enumerate(views):
        verdict = _verdict(index, request)
        report["checks"].append(verdict)
        if report["load_error"] is not None:
            verdict["differences"] = ["not run: your file did not load"]
            continue
        result = isolated(lambda: run_once(job, source, label), label)
        output.write(result.get("output", ""))
        if result["load_error"] is not None:
            report["load_error"] = result["load_error"]
            verdict["differences"] = ["not run: your file did not load"]
            continue
        if result["problem"] is not None:
            verdict["differences"] = [result["problem"]]
            continue
        verdict["tests"] = {"ran": result["ran"], "failed": [name for name, _, _ in result["failed"]]}
        if description is None:
            _judge_right(verdict, result)
            right_passing = set(result["passed"])
        else:
            _judge_wrong(verdict, result, right_passing, description)
    report["output"] = output.value()
    return report


def _judge_right(verdict: dict, result: dict) -> None:
    if result["ran"] == 0:
        verdict["differences"] = ["no test ran: your file defines no TestCase class with a test_ method"]
        return
    for name, line, _ in result["failed"]:
        verdict["differences"].append(f"{name} fails against the right view: {line}")
    if result["failed"]:
        verdict["exception"] = result["failed"][0][2]
    verdict["passed"] = not result["failed"]


def _judge_wrong(verdict: dict, result: dict, right_passing: set[str], description: str) -> None:
    caught = [name for name, _, _ in result["failed"] if name in right_passing]
    verdict["tests"]["failed"] = caught
    if caught:
        verdict["passed"] = True
    elif result["ran"] == 0:
        verdict["differences"] = [f"no test ran, so nothing caught this view: it {description}"]
    else:
        # a test that fails against the right view too says nothing about this one
        verdict["differences"] = [f"no test caught this view: it {description}"]
