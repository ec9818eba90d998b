"""Alternative solutions of each exercise, written by hand: the proof that its checks are fair.

content/exercises/alternatives/<exercise file stem>/ holds
    ok_<style>.py       a correct solution in another idiomatic style: must pass every check;
    wrong_<mistake>.py  a plausible mistake: must load, and fail at least one check.
A check that accepts several statuses (`status = [400, 422]`) needs an ok_ answering each.
The first line of each file is a comment that says which: `# ok: <style>`,
`# wrong: <mistake>`, or `# wrong (side effect): <mistake>` when the response looks right
and only what the view did (the database, the exception reaching Django) is wrong.
exercises.py sends them to the shipped checker in the same batch as the other versions.
"""

from __future__ import annotations

import re
from pathlib import Path

FOLDER = "alternatives"
FIRST_LINE = re.compile(r"^# (ok|wrong|wrong \(side effect\)): \S")
KINDS = {"ok": "alternative-ok", "wrong": "alternative-wrong"}


def alternative_files(exercise: Path) -> list[Path]:
    """The ok_/wrong_ files stored for one exercise file, sorted (none: an empty list)."""
    folder = exercise.parent / FOLDER / exercise.stem
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.py") if p.name.startswith(("ok_", "wrong_")))


def stray_files(exercises: Path, stems: set[str]) -> list[Path]:
    """Files under alternatives/ that nothing runs: a folder with no exercise, or a name that
    is neither ok_*.py nor wrong_*.py (a typo must not silently drop a proof)."""
    root = exercises / FOLDER
    if not root.is_dir():
        return []
    strays = []
    for entry in sorted(root.iterdir()):
        if entry.name == "README.md":
            continue
        if not entry.is_dir() or entry.name not in stems:
            strays.append(entry)
            continue
        strays.extend(p for p in sorted(entry.iterdir()) if p.name != "__pycache__"
                      and not (p.suffix == ".py" and p.name.startswith(("ok_", "wrong_"))))
    return strays


def uncovered_statuses(job: dict, chosen: dict) -> list[str]:
    """Each status a check accepts must be answered by some ok_ alternative that passes, or
    nothing proves a learner choosing it passes. `chosen` maps a check's index to the
    statuses ok_ alternatives passed it with."""
    problems = []
    for index, check in enumerate(job.get("checks") or []):
        status = check["expect"]["status"]
        accepted = status if isinstance(status, list) else [status]
        if len(accepted) < 2:
            continue
        missing = [code for code in accepted if code not in chosen.get(index, set())]
        if missing:
            listed = ", ".join(str(code) for code in missing)
            problems.append(f"check {index + 1} accepts {listed} but no ok_ alternative answers it: "
                            "add one for each accepted status")
    return problems


def kind_of(path: Path) -> str:
    return KINDS["ok"] if path.name.startswith("ok_") else KINDS["wrong"]


def header_problem(path: Path, source: str) -> str | None:
    """What is wrong with the file's first line, or None: it must say the style or the mistake,
    and agree with the file name."""
    first = source.split("\n", 1)[0]
    match = FIRST_LINE.match(first)
    if not match:
        return ("the first line must be `# ok: <style>`, `# wrong: <mistake>` or "
                f"`# wrong (side effect): <mistake>`, not {first[:60]!r}")
    said_ok = match.group(1) == "ok"
    if said_ok != path.name.startswith("ok_"):
        return f"the first line says {match.group(1)!r} but the file is named {path.name}"
    return None


def judge(where: str, kind: str, name: str, result: dict, all_passed: bool, summary: str, report) -> None:
    """One alternative's verdict. `where` is the alternative's path, `name` its file name."""
    checks = result["checks"]
    if kind == KINDS["ok"]:
        if all_passed:
            report.ok(where, f"correct alternative passes all {len(checks)} checks")
        else:
            report.fail(where, f"correct alternative {name} is refused: {summary}")
    elif result["load_error"]:
        report.fail(where, f"wrong alternative {name} does not load, so it proves nothing: {summary}")
    elif all_passed:
        report.fail(where, f"wrong alternative {name} passes every check")
    else:
        report.ok(where, f"wrong alternative rejected: {how_tests_failed(checks) or summary[:160]}")


def how_tests_failed(checks: list) -> str | None:
    """For a test-writing exercise's wrong test module: how it failed, the right view refused
    or which wrong views it let through; None for a view exercise."""
    if not checks or checks[0].get("tests") is None:
        return None
    if not checks[0]["passed"]:
        return "its tests fail against the right view"
    missed = [str(c["index"]) for c in checks[1:] if not c["passed"]]
    return f"its tests let wrong view(s) {', '.join(missed)} through"
