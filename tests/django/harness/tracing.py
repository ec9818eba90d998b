"""Code-tracing questions (tag `trace`): the prompt shows an excerpt of a verified sample
and one request; the answer must be what Django really answered. Proven here without
running anything new: every line of the excerpt is a line of the sample the question's
`anchor` names, and that sample's verified requests include one with the prompt's method
and path that the harness proved answers the question's `answer`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from harness.report import Report

SPAN = re.compile(r"`([^`]+)`", re.S)
REQUEST = re.compile(r"\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/\S*?)[`\s,.]")


def _anchored_block(page: dict, anchor) -> dict | None:
    blocks = page.get("blocks", []) or []
    if isinstance(anchor, int):
        return blocks[anchor] if 0 <= anchor < len(blocks) else None
    for block in blocks:
        if block.get("kind") == "code" and anchor in (block.get("caption"), block.get("id")):
            return block
    return None


def _excerpt_lines(prompt: str) -> list[str]:
    lines = []
    for span in SPAN.findall(prompt):
        if "\n" not in span:
            continue  # a name in the text, not the excerpt
        lines.extend(line.strip() for line in span.splitlines() if line.strip())
    return lines


def check_tracing(content: Path, repo: Path, report: Report) -> int:
    """Returns how many tracing questions were proven or failed."""
    pages = {}
    for path in sorted((content / "pages").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue
        pages[data.get("id", path.stem)] = data
    checked = 0
    for path in sorted((content / "quiz").glob("*.toml")):
        rel = str(path.relative_to(repo)) if path.is_relative_to(repo) else str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue  # quizref reports it
        for question in data.get("question", []) or []:
            if "trace" not in (question.get("tags") or []):
                continue
            checked += 1
            where = f"{rel} question {question.get('id', '?')}"
            if question.get("kind") != "type_code":
                report.fail(where, "a tracing question is type_code: its answer is the status a request gets")
                continue
            page = pages.get(question.get("page"))
            block = _anchored_block(page, question.get("anchor")) if page else None
            if block is None or block.get("kind") != "code":
                report.fail(where, "its `anchor` must name the verified code sample the excerpt comes from")
                continue
            source = {line.strip() for line in block.get("source", "").splitlines()}
            excerpt = _excerpt_lines(question.get("prompt", ""))
            if not excerpt:
                report.fail(where, "the prompt shows no multi-line code excerpt")
                continue
            foreign = [line for line in excerpt if line not in source]
            if foreign:
                report.fail(where, f"excerpt lines not in the sample: {foreign[:3]}")
                continue
            asked = set(REQUEST.findall(question.get("prompt", "") + " "))
            requests = (block.get("verify") or {}).get("requests", []) or []
            answer = question.get("answer")
            proven = [r for r in requests
                      if (r.get("method", "GET"), r.get("path")) in asked and r.get("status") == answer]
            if not proven:
                report.fail(where, f"no verified request of the sample with {sorted(asked)} answers {answer}")
                continue
            report.ok(where, f"excerpt from the sample, {answer} proven by its verified request")
    return checked
