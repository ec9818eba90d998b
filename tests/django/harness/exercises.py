"""The practice exercises (content/exercises/*.toml), run through the shipped checker.

For every exercise: the starter fails at least one check, the reference solution passes
every check, and each wrong version of the solution (exercise_mutations.py, plus the ones
derived here: every `HTTPStatus.X` swapped for another, every `response["Header"] = ...`
removed) fails at least one. The hand-written alternatives stored beside the exercises
(exercise_alternatives.py) are judged too: every ok_ passes, every wrong_ loads and fails.
All versions go to ONE checker process
(`python -m status_tutor_checker --batch`), exactly as the Rust side runs it, one job each.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from harness import exercise_alternatives as alternatives
from harness.exercise_mutations import MUTATIONS
from harness.report import Report

CHECKER = Path(__file__).resolve().parents[3] / "src" / "practice" / "checker"
sys.path.insert(0, str(CHECKER))
from status_tutor_checker import JOB_VERSION  # noqa: E402
from status_tutor_checker.exchange import from_verify  # noqa: E402  (the one request model)

HEADER_LINE = re.compile(r'^(\s*)response\["([^"]+)"\]\s*=.*$', re.M)
STATUS_NAME = re.compile(r"HTTPStatus\.([A-Z_]+)")


def job(exercise: dict, view_file: Path) -> dict:
    """The job the Rust side builds (src/practice/job.rs) from the same TOML. For a
    test-writing exercise (kind = "tests") `view_file` is the learner's test module."""
    common = {
        "version": JOB_VERSION,
        "models": list(exercise.get("models", [])),
        "urls": [[u["path"], u["view"]] for u in exercise.get("urls", [])],
        "settings": dict(exercise.get("settings") or {}),
    }
    if exercise.get("kind") == "tests":
        return {
            **common, "kind": "tests", "test_file": str(view_file),
            "right_view": exercise.get("view", "").lstrip("\n"),
            "wrong_views": [{"description": w["description"].strip(), "source": w["source"].lstrip("\n")}
                            for w in exercise.get("wrong_views", [])],
        }
    return {
        **common, "kind": "view", "view_file": str(view_file),
        "checks": [from_verify(check) for check in exercise.get("checks", [])],
    }


def derived_mutations(solution: str) -> list[tuple[str, str, str]]:
    """Obvious wrong versions found in the text: another status, a header not set."""
    found = []
    for name in dict.fromkeys(STATUS_NAME.findall(solution)):
        other = "OK" if name != "OK" else "ACCEPTED"
        found.append((f"HTTPStatus.{name} -> {other} (derived)", f"HTTPStatus.{name}", f"HTTPStatus.{other}"))
    for match in HEADER_LINE.finditer(solution):
        found.append((f"{match.group(2)} not set (derived)", match.group(0), f"{match.group(1)}pass"))
    return found


def mutate(solution: str, old: str, new: str) -> str | None:
    if old not in solution:
        return None
    return solution.replace(old, new)


def run_batch(jobs: list[dict], cwd: Path) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(CHECKER), PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-m", "status_tutor_checker", "--batch"],
        input=json.dumps(jobs), capture_output=True, text=True, cwd=cwd, env=env, timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"checker exit {result.returncode}: {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout)


def summary(report: dict) -> str:
    if report["load_error"]:
        e = report["load_error"]
        return f"did not load: {e['kind']}: {e['message']}"
    lines = []
    for check in report["checks"]:
        if not check["passed"]:
            extra = ""
            if check.get("exception"):
                extra = f" [{check['exception']['kind']}: {check['exception']['message']}]"
            lines.append(f"{check['request']} -> " + "; ".join(check["differences"]) + extra)
    return " | ".join(lines)


def check_exercises(content: Path, repo: Path, report: Report) -> int:
    """Returns the number of exercises checked."""
    files = sorted((content / "exercises").glob("*.toml"))
    if not files:
        return 0

    def rel(path: Path) -> str:
        return str(path.relative_to(repo)) if path.is_relative_to(repo) else str(path)

    runs = []  # (where, kind, label, job, the exercise file)
    # exercise file -> {check index: statuses an ok_ alternative passed with}
    chosen_by_ok: dict[str, dict[int, set]] = {}
    with tempfile.TemporaryDirectory(prefix="status-tutor-exercises-") as tmp:
        work = Path(tmp)
        for path in files:
            where = rel(path)
            try:
                exercise = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                report.fail(where, f"TOML does not parse: {exc}")
                continue
            ex_id = exercise.get("id", path.stem)
            solution = exercise.get("solution", "")
            versions = [("starter", "starter", exercise.get("starter", "")),
                        ("solution", "solution", solution)]
            listed = MUTATIONS.get(ex_id)
            if not listed:
                report.fail(where, f"no wrong solutions listed for `{ex_id}` in harness/exercise_mutations.py")
                listed = []
            for what, old, new in list(listed) + derived_mutations(solution):
                mutated = mutate(solution, old, new)
                if mutated is None:
                    report.fail(where, f"mutation {what!r}: {old!r} is not in the solution")
                    continue
                versions.append(("mutation", what, mutated))
            for n, (kind, label, source) in enumerate(versions):
                view_file = work / f"{path.stem}.{n}.py"
                view_file.write_text(source, encoding="utf-8")
                runs.append((where, kind, label, job(exercise, view_file), where))
            for alt in alternatives.alternative_files(path):
                source = alt.read_text(encoding="utf-8")
                problem = alternatives.header_problem(alt, source)
                if problem:
                    report.fail(rel(alt), problem)
                runs.append((rel(alt), alternatives.kind_of(alt), alt.name, job(exercise, alt), where))
            chosen_by_ok[where] = {}
        for stray in alternatives.stray_files(content / "exercises", {p.stem for p in files}):
            report.fail(rel(stray), "not run: alternatives/<exercise stem>/ holds only ok_*.py and wrong_*.py")
        try:
            results = run_batch([r[3] for r in runs], work)
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
            report.fail(rel(content / "exercises"), f"the checker did not run: {exc}")
            return 0

    for (where, kind, label, _, exercise_where), result in zip(runs, results):
        checks = result["checks"]
        passed = sum(1 for c in checks if c["passed"])
        all_passed = result["load_error"] is None and checks and passed == len(checks)
        if kind in alternatives.KINDS.values():
            alternatives.judge(where, kind, label, result, all_passed, summary(result), report)
            if kind == alternatives.KINDS["ok"] and all_passed:
                for check in checks:
                    chosen_by_ok[exercise_where].setdefault(check["index"], set()).add(check.get("status"))
        elif kind == "solution":
            if all_passed:
                report.ok(where, f"solution passes all {len(checks)} checks")
            else:
                report.fail(where, f"solution fails: {summary(result)}")
        elif kind == "starter":
            if all_passed:
                report.fail(where, "the starter already passes every check: nothing to do")
            elif result["load_error"]:
                report.fail(where, f"the starter does not load: {summary(result)}")
            else:
                report.ok(where, f"starter fails {len(checks) - passed} of {len(checks)} checks")
        elif all_passed:
            report.fail(where, f"wrong solution passes every check: {label}")
        elif result["load_error"]:
            # a wrong solution that does not even load proves nothing about the checks
            report.fail(where, f"wrong solution ({label}) does not load: {summary(result)}")
        else:
            report.ok(where, f"wrong solution rejected ({label}): {summary(result)[:160]}")
    for where, kind, _, run_job, _ in runs:
        if kind == "solution" and where in chosen_by_ok:
            problems = alternatives.uncovered_statuses(run_job, chosen_by_ok[where])
            for problem in problems:
                report.fail(where, problem)
            several = [c for c in run_job.get("checks") or [] if len(c["expect"]["status"]) > 1]
            if several and not problems:
                report.ok(where, f"every status its {len(several)} multi-status check(s) accept is answered by a passing ok_ alternative")
            del chosen_by_ok[where]
    return len(files)
