"""Run every check and print the summary. Called by tests/django/run.py inside the venv."""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from harness import project
from harness.codes import check_codes
from harness.crossref import check_mentions
from harness.names import check_django_names
from harness.report import Report
from harness.samples import PageChecker, Stats


def main(argv: list[str], repo: Path) -> int:
    parser = argparse.ArgumentParser(prog="tests/django/run.py", description=__doc__)
    parser.add_argument("--content", type=Path, default=repo / "content",
                        help="course folder (default: content/)")
    args = parser.parse_args(argv)
    content = args.content.resolve()

    import django

    project.configure()
    report = Report()
    print(f"django harness: Django {django.get_version()} on Python {sys.version.split()[0]}, "
          f"course {content}")

    report.section("code samples (content/pages/*.toml)")
    stats = Stats()
    PageChecker(content, repo, report, stats).run()

    codes_path = content / "codes.toml"
    rel = str(codes_path.relative_to(repo)) if codes_path.is_relative_to(repo) else str(codes_path)
    names_checked = codes_checked = 0
    if not codes_path.exists():
        report.section("codes.toml")
        report.fail(rel, "missing: no [[code]] or [[django]] entries to check")
    else:
        try:
            codes = tomllib.loads(codes_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            report.section("codes.toml")
            report.fail(rel, f"TOML does not parse: {exc}")
            codes = None
        if codes is not None:
            report.section("Django names ([[django]] in codes.toml)")
            names_checked = check_django_names(codes.get("django", []) or [], rel, report)
            report.section("reason phrases ([[code]] in codes.toml)")
            codes_checked = check_codes(codes.get("code", []) or [], rel, report)
            report.section("Django names named in page text")
            check_mentions(content, codes, repo, report)

    c = report.counts
    report.section("summary")
    print(f"verified by request: {stats.blocks_verified} sample(s), {stats.requests_sent} request(s)")
    print(f"syntax-only fragments: {stats.fragments}")
    if stats.unmarked:
        print(f"other Python samples (no status claimed, no verify): {stats.unmarked}, syntax + imports checked")
    print(f"django names checked: {names_checked} in codes.toml, "
          f"{stats.names_in_samples} imported names in fragments")
    print(f"codes checked: {codes_checked}")
    if report.unverified:
        print(f"not verifiable (SKIP): {len(report.unverified)}")
        for line in report.unverified:
            print(f"  {line}")
    if c["note"]:
        print(f"notes: {c['note']}")
    print(f"failures: {c['fail']}")
    if report.failures:
        for line in report.failures:
            print(f"  {line}")
    print(f"{c['pass']} passed, {c['fail']} failed")
    return 1 if c["fail"] else 0
