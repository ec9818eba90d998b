"""What a request caused besides its response: log records, the got_request_exception
signal, mails to ADMINS. Lets a sample prove what the page says about logging (the 500
page once claimed a caught exception returned as 500 is not logged; it is)."""

from __future__ import annotations

import json

OBSERVED_KEYS = {
    "expect_logs", "expect_signal", "expect_mails", "expect_exception",
    # compared by the practice checker's engine (samples.py); accepted here as request keys
    "expect_json", "expect_json_exact", "body_contains", "body_empty", "present_headers",
}


def validate(req: dict) -> list[str]:
    errs = []
    logs = req.get("expect_logs", [])
    if not isinstance(logs, list) or not all(isinstance(v, str) for v in logs):
        errs.append("expect_logs must be a list of texts, each found in a \"LEVEL logger: message\" line")
    if "expect_signal" in req and not isinstance(req["expect_signal"], bool):
        errs.append("expect_signal must be true or false")
    if "expect_mails" in req and (not isinstance(req["expect_mails"], int)
                                  or isinstance(req["expect_mails"], bool)
                                  or req["expect_mails"] < 0):
        errs.append("expect_mails must be a count (0 or more)")
    if "expect_json" in req:
        try:
            json.loads(req["expect_json"])
        except (TypeError, ValueError) as exc:
            errs.append(f"expect_json is not valid JSON: {exc}")
    for key in ("body_contains", "present_headers"):
        value = req.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errs.append(f"{key} must be a list of texts")
    if "expect_exception" in req and not isinstance(req["expect_exception"], str):
        errs.append("expect_exception must be an exception class name")
    return errs


def problems(req: dict, outcome) -> tuple[list[str], int]:
    """(problems, number of checks made) for one request's outcome."""
    found = []
    checks = 0
    logs = req.get("expect_logs") or []
    for want in logs:
        checks += 1
        if not any(want in line for line in outcome.all_logs):
            got = " | ".join(outcome.all_logs) or "nothing"
            found.append(f"log {want!r} expected, logged: {got}")
    if "expect_logs" in req and not logs and outcome.all_logs:
        checks += 1
        found.append("nothing expected in the log, logged: " + " | ".join(outcome.all_logs))
    if "expect_signal" in req:
        checks += 1
        if outcome.signal != req["expect_signal"]:
            sent = "sent" if outcome.signal else "not sent"
            found.append(f"got_request_exception expected {'sent' if req['expect_signal'] else 'not sent'}, was {sent}")
    if "expect_mails" in req:
        checks += 1
        if outcome.mails != req["expect_mails"]:
            found.append(f"mails to ADMINS expected {req['expect_mails']}, got {outcome.mails}")
    if "expect_exception" in req:
        checks += 1
        names = [e.split(":", 1)[0] for e in outcome.exceptions]
        if req["expect_exception"] not in names:
            found.append(f"the view should raise {req['expect_exception']}, raised: {', '.join(names) or 'nothing'}")
    return found, checks
