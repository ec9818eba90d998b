"""Run every check and print the summary. Called by tests/django/run.py inside the venv."""

from __future__ import annotations

import argparse
import io
import sys
import tomllib
from pathlib import Path

from harness import project
from harness.codes import check_codes
from harness.crossref import check_mentions
from harness.names import check_django_names
from harness.quizref import check_quiz_pages
from harness.report import Report
from harness.samples import PageChecker, Stats
from harness.tracing import check_tracing

SELFTEST = Path(__file__).resolve().parent.parent / "selftest"


def run_checks(content: Path, repo: Path, report: Report):
    """All checks of one course folder; returns (stats, names checked, codes checked)."""
    report.section("code samples (content/pages/*.toml)")
    stats = Stats()
    PageChecker(content, repo, report, stats).run()

    codes_path = content / "codes.toml"
    rel = str(codes_path.relative_to(repo)) if codes_path.is_relative_to(repo) else str(codes_path)
    names_checked = codes_checked = 0
    if not codes_path.exists():
        report.section("codes.toml")
        report.fail(rel, "missing: no [[code]] or [[django]] entries to check")
        return stats, names_checked, codes_checked
    try:
        codes = tomllib.loads(codes_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        report.section("codes.toml")
        report.fail(rel, f"TOML does not parse: {exc}")
        return stats, names_checked, codes_checked
    report.section("Django names ([[django]] in codes.toml)")
    names_checked = check_django_names(codes.get("django", []) or [], rel, report)
    report.section("reason phrases ([[code]] in codes.toml)")
    codes_checked = check_codes(codes.get("code", []) or [], rel, report)
    report.section("Django names named in page text")
    check_mentions(content, codes, repo, report)
    if (content / "quiz").is_dir():
        report.section("quiz questions: their page teaches the names they use")
        check_quiz_pages(content, repo, report)
        report.section("code-tracing questions: excerpt and answer come from a verified sample")
        check_tracing(content, repo, report)
    return stats, names_checked, codes_checked


def self_test(repo: Path, report: Report) -> None:
    """Run the checks on tests/django/selftest, a course with planted mistakes: each must be
    caught, and nothing else, or the harness itself is broken."""
    expected = [
        line.strip()
        for line in (SELFTEST / "expected-failures.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    inner = Report(out=io.StringIO())
    run_checks(SELFTEST / "content", repo, inner)
    from harness.exercises import check_exercises

    check_exercises(SELFTEST / "content", repo, inner)
    problems = []
    for want in expected:
        hits = [f for f in inner.failures if want in f]
        if len(hits) != 1:
            problems.append(f"expected one FAIL containing {want!r}, found {len(hits)}")
    for line in inner.failures:
        if not any(want in line for want in expected):
            problems.append(f"unexpected {line}")
    if inner.counts["pass"] == 0:
        problems.append("nothing passed")
    where = "tests/django/selftest"
    for problem in problems:
        report.fail(where, f"harness self-test: {problem}")
    if not problems:
        report.ok(where, f"harness self-test: all {len(expected)} planted mistakes caught, "
                         f"{inner.counts['pass']} correct claims passed")


def main(argv: list[str], repo: Path) -> int:
    parser = argparse.ArgumentParser(prog="tests/django/run.py",
                                     description="Verify the course's Django samples.")
    parser.add_argument("--content", type=Path, default=repo / "content",
                        help="course folder (default: content/)")
    parser.add_argument("--no-self-test", action="store_true",
                        help="skip the harness self-test on tests/django/selftest")
    args = parser.parse_args(argv)
    content = args.content.resolve()

    import django

    project.configure()
    report = Report()
    print(f"django harness: Django {django.get_version()} on Python {sys.version.split()[0]}, "
          f"course {content}")

    if not args.no_self_test:
        report.section("harness self-test (tests/django/selftest)")
        self_test(repo, report)
    report.section("the checker's comparisons (headers, JSON, column values)")
    from harness.comparisons import check_comparisons

    check_comparisons(report)
    stats, names_checked, codes_checked = run_checks(content, repo, report)
    report.section("practice exercises (content/exercises/*.toml, through the shipped checker)")
    from harness.exercises import check_exercises

    exercises_checked = check_exercises(content, repo, report)

    c = report.counts
    report.section("summary")
    print(f"verified by request: {stats.blocks_verified} sample(s), {stats.requests_sent} request(s)")
    print(f"syntax-only fragments: {stats.fragments}")
    if stats.unmarked:
        print(f"other Python samples (no status claimed, no verify): {stats.unmarked}, "
              "syntax + imports checked")
    print(f"django names checked: {names_checked} in codes.toml, "
          f"{stats.names_in_samples} imported names in fragments")
    print(f"codes checked: {codes_checked}")
    print(f"practice exercises checked: {exercises_checked}")
    if report.unverified:
        print(f"not verifiable (SKIP): {len(report.unverified)}")
        for line in report.unverified:
            print(f"  {line}")
    if c["note"]:
        print(f"notes: {c['note']}")
    print(f"failures: {c['fail']}")
    for line in report.failures:
        print(f"  {line}")
    print(f"{c['pass']} passed, {c['fail']} failed")
    return 1 if c["fail"] else 0
