"""Runs the test classes a sample defines (verify.tests): the testing page's samples are
Django / DRF test cases, and the harness proves that they pass against the real stack."""

from __future__ import annotations

import io
import logging
import unittest

from harness import project

_environment_ready = False


def run_test_classes(module, names: list, reached: set) -> tuple[list[str], list[str]]:
    """Run each named TestCase of `module`; returns (failures, passes) as report lines.
    Views the tests' requests resolve to are added to `reached`."""
    global _environment_ready
    from django.core.signals import request_started
    from django.test.utils import setup_test_environment
    from django.urls import Resolver404, resolve

    if not _environment_ready:
        setup_test_environment()
        _environment_ready = True

    failures: list[str] = []
    passes: list[str] = []

    def on_request(sender, environ=None, **kwargs):
        try:
            reached.add(resolve((environ or {}).get("PATH_INFO", "")).func)
        except Resolver404:
            pass

    # Requests the tests make log 4xx/5xx on django.request: keep them off stderr.
    quiet = logging.NullHandler()
    root = logging.getLogger()
    root.addHandler(quiet)
    request_started.connect(on_request)
    try:
        for name in names:
            cls = getattr(module, str(name), None)
            if not (isinstance(cls, type) and issubclass(cls, unittest.TestCase)):
                failures.append(f"verify.tests: the sample defines no test class `{name}`")
                continue
            project.flush()  # tests start from an empty database, as in `manage.py test`
            suite = unittest.defaultTestLoader.loadTestsFromTestCase(cls)
            stream = io.StringIO()
            result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
            problems = result.failures + result.errors
            for test, trace in problems:
                last = [line for line in trace.strip().splitlines() if line.strip()][-1]
                failures.append(f"test {test.id().rsplit('.', 1)[-1]} ({name}) failed: {last.strip()}")
            if result.testsRun == 0:
                failures.append(f"test class `{name}` has no tests")
            elif not problems:
                passes.append(f"test class `{name}`: {result.testsRun} test(s) pass")
    finally:
        request_started.disconnect(on_request)
        root.removeHandler(quiet)
    return failures, passes
