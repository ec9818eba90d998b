"""Quiz questions send the learner to a page ("read: ..."): that page must teach the answer.
Proxy that a machine can check: every Django (or DRF, or settings) name a question's
explanation puts in a `code` span appears somewhere on its page (text or code). The
questions `redirect-unknown-name` (NoReverseMatch on no page) and `cheat-sheet-two-403s`
(CSRF_FAILURE_VIEW not on the cheat sheet) would have failed it."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

from harness.crossref import MODULES
from harness.report import Report

SPAN = re.compile(r"`([^`]+)`")
NAME = re.compile(r"^@?([A-Za-z_][A-Za-z0-9_]*)(\(.*\))?$")
EXTRA_MODULES = [
    "django.urls",
    "django.core.signals",
    "django.test",
    "rest_framework.exceptions",
    "rest_framework.response",
    "rest_framework.views",
    "rest_framework.permissions",
    "rest_framework.authentication",
    "rest_framework.throttling",
    "rest_framework.generics",
    "rest_framework.viewsets",
    "rest_framework.test",
    "rest_framework.status",
]


def _known_names() -> set[str]:
    names: set[str] = set()
    for module in MODULES + EXTRA_MODULES:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        names.update(n for n in dir(mod) if not n.startswith("_"))
    from django.conf import global_settings

    names.update(n for n in dir(global_settings) if n.isupper())
    return names


def _page_text(data) -> str:
    parts = []

    def walk(value):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(data)
    return "\n".join(parts)


def check_quiz_pages(content: Path, repo: Path, report: Report) -> int:
    """Returns how many questions were checked."""
    pages = {}
    for path in sorted((content / "pages").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue  # the page checks report it
        pages[data.get("id", path.stem)] = _page_text(data)
    known = _known_names()
    checked = 0
    for path in sorted((content / "quiz").glob("*.toml")):
        rel = str(path.relative_to(repo)) if path.is_relative_to(repo) else str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            report.fail(rel, f"TOML does not parse: {exc}")
            continue
        for question in data.get("question", []) or []:
            qid, page = question.get("id", "?"), question.get("page")
            text = pages.get(page)
            if text is None:
                continue  # `status-tutor check` reports an unknown page
            checked += 1
            missing = []
            for span in SPAN.findall(str(question.get("explanation", ""))):
                match = NAME.match(span.strip())
                if not match or match.group(1) not in known:
                    continue
                if not re.search(rf"\b{re.escape(match.group(1))}\b", text):
                    missing.append(match.group(1))
            where = f"{rel} question {qid}"
            # A type-the-code question is graded on its one `answer`: its text may not
            # promise that another code is accepted too (422-valid-json-bad-values once did).
            if question.get("kind") == "type_code":
                text_all = f"{question.get('prompt', '')} {question.get('explanation', '')}"
                for sentence in re.split(r"(?<=[.!?])\s", text_all):
                    if re.search(r"\baccept(ed|s)?\b", sentence, re.I) and not re.search(r"\bonly\b", sentence, re.I):
                        for other in re.findall(r"\b([1-5]\d\d)\b", sentence):
                            if int(other) != question.get("answer"):
                                report.fail(where, f"the text says {other} is accepted, but the grader "
                                                   f"accepts only {question.get('answer')}: {sentence.strip()!r}")
            if missing:
                report.fail(where, f"its page `{page}` never mentions {', '.join(f'`{m}`' for m in dict.fromkeys(missing))}, "
                                   "which the explanation relies on")
            else:
                report.ok(where, f"the names its explanation uses are on `{page}`")
    return checked
