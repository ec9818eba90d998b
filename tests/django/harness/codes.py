"""Checks of the [[code]] entries in codes.toml against Python's http.HTTPStatus."""

from __future__ import annotations

import http

from harness.report import Report


def check_codes(entries: list, rel: str, report: Report) -> int:
    checked = 0
    seen = set()
    for index, entry in enumerate(entries, 1):
        code = entry.get("code")
        where = f"{rel} [[code]] {code if code is not None else f'#{index}'}"
        if not isinstance(code, int):
            report.fail(where, "code must be an integer")
            continue
        if code in seen:
            report.fail(where, "duplicate code")
        seen.add(code)
        checked += 1
        try:
            status = http.HTTPStatus(code)
        except ValueError:
            report.fail(where, f"{code} is not an http.HTTPStatus member")
            continue
        problems = []
        reason = entry.get("reason")
        if reason != status.phrase:
            problems.append(f"reason expected {status.phrase!r}, got {reason!r}")
        name = entry.get("http_status")
        if name != status.name:
            problems.append(f"http_status expected {status.name!r}, got {name!r}")
        if problems:
            report.fail(where, "; ".join(problems))
        else:
            report.ok(where, f"{status.phrase!r} = HTTPStatus.{status.name}")
    return checked
