"""The checker engine's comparisons, case by case (content/README.md, "What a check
compares"): every response a client would treat the same passes, every other one fails.
Pure functions: no request is sent. Each row is (expected, received, should pass)."""

from __future__ import annotations

from decimal import Decimal

from harness.report import Report
from status_tutor_checker import effects, headers
from status_tutor_checker.exchange import chosen, compare, json_differences

URL = "http://testserver/api/articles/"

HEADERS = [
    # media types: type/subtype, parameters only when named
    ("Content-Type", "application/json", "application/json", True),
    ("Content-Type", "application/json", "application/json; charset=utf-8", True),
    ("Content-Type", "application/json", "Application/JSON", True),
    ("Content-Type", "text/html; charset=utf-8", "text/html; charset=UTF-8", True),
    ("Content-Type", "text/html; charset=utf-8", "text/html", False),
    ("Content-Type", "text/html; charset=utf-8", "text/html; charset=latin-1", False),
    ("Content-Type", "application/json", "text/json", False),
    ("Content-Type", "application/json", "application/problem+json", False),
    ("Content-Type", "application/json", "", False),
    # Allow: a set; OPTIONS always, HEAD beside GET may be added
    ("Allow", "GET, HEAD", "HEAD, GET", True),
    ("Allow", "GET, HEAD", "GET, HEAD, OPTIONS", True),
    ("Allow", "GET", "GET, HEAD", True),
    ("Allow", "POST", "POST, OPTIONS", True),
    ("Allow", "GET, POST", "GET, POST, HEAD, OPTIONS", True),
    ("Allow", "POST", "POST, HEAD", False),
    ("Allow", "POST", "GET, POST", False),
    ("Allow", "GET, HEAD", "GET", False),
    ("Allow", "DELETE", "", False),
    ("Allow", "GET", "get", False),
    # Location: the same target, relative or absolute; the query as decoded fields
    ("Location", "/api/articles/1/", "/api/articles/1/", True),
    ("Location", "/api/articles/1/", "http://testserver/api/articles/1/", True),
    ("Location", "/api/articles/1/", "http://TESTSERVER:80/api/articles/1/", True),
    ("Location", "/api/articles/1/", "1/", True),
    ("Location", "/accounts/login/?next=/reports/", "/accounts/login/?next=%2Freports%2F", True),
    ("Location", "/api/articles/1/", "/api/articles/2/", False),
    ("Location", "/api/articles/1/", "/api/articles/1", False),
    ("Location", "/api/articles/1/", "https://testserver/api/articles/1/", False),
    ("Location", "/api/articles/1/", "http://example.com/api/articles/1/", False),
    ("Location", "/accounts/login/?next=/reports/", "/accounts/login/", False),
    ("Location", "/api/articles/1/", "http://testserver:99999/api/articles/1/", False),
    # ETag: strong needs strong; weak compares weakly (RFC 9110 §8.8.3)
    ("ETag", '"1-Hello"', '"1-Hello"', True),
    ("ETag", '"1-Hello"', 'W/"1-Hello"', False),
    ("ETag", '"1-Hello"', "1-Hello", False),
    ("ETag", '"1-Hello"', '"1-hello"', False),
    ("ETag", 'W/"1-Hello"', '"1-Hello"', True),
    ("ETag", 'W/"1-Hello"', 'W/"1-Hello"', True),
    ("ETag", 'W/"1-Hello"', 'W/"2-Hello"', False),
    # WWW-Authenticate: a challenge with the scheme and the named parameters
    ("WWW-Authenticate", "Bearer", "Bearer", True),
    ("WWW-Authenticate", "Bearer", 'Bearer realm="api", error="invalid_token"', True),
    ("WWW-Authenticate", "Bearer", "bearer", True),
    ("WWW-Authenticate", 'Bearer realm="api"', "Bearer realm=api", True),
    ("WWW-Authenticate", 'Bearer realm="api"', 'Basic realm="x", Bearer realm="api"', True),
    ("WWW-Authenticate", "Bearer", 'Basic realm="api"', False),
    ("WWW-Authenticate", 'Bearer realm="api"', 'Bearer realm="other"', False),
    ("WWW-Authenticate", 'Bearer realm="api"', "Bearer", False),
    ("WWW-Authenticate", "Basic", "BasicAuth", False),
    # Retry-After: seconds as a number; other headers: the value, trimmed
    ("Retry-After", "60", "60", True),
    ("Retry-After", "60", "060", True),
    ("Retry-After", "60", "61", False),
    ("X-Frame-Options", "DENY", " DENY ", True),
    ("X-Frame-Options", "DENY", "SAMEORIGIN", False),
]

JSON = [
    # (expected, received, exact, should pass)
    ({"id": 1}, {"id": 1, "title": "Hi"}, False, True),
    ({"id": 1}, {"id": 1, "title": "Hi"}, True, False),
    ({"id": 1, "title": "Hi"}, {"title": "Hi", "id": 1}, True, True),
    ({"a": {"b": 1}}, {"a": {"b": 1, "c": 2}}, True, False),
    ({"a": {"b": 1}}, {"a": {"b": 1, "c": 2}}, False, True),
    ([{"id": 1}, {"id": 2}], [{"id": 2}, {"id": 1}], False, False),
    ([{"id": 1}], [{"id": 1}, {"id": 2}], False, False),
    ({"pong": True}, {"pong": 1}, False, False),
    ({"n": 1}, {"n": 1.0}, False, True),
    ({"errors": {}}, {"errors": {"name": "required"}}, False, True),
    ({"errors": {}}, {"errors": ["name"]}, False, False),
    ({"error": "not found"}, {"detail": "not found"}, False, False),
]

VALUES = [
    # (expected column value, stored value, should pass)
    ("9.99", Decimal("9.99"), True),
    ("9.99", Decimal("9.990"), True),
    ("9.99", Decimal("10.00"), False),
    ("cheap", Decimal("1"), False),
    (1, 1, True),
    ("1", 1, True),
    (True, 1, False),
    ("Hi", "Hi", True),
    ("Hi", "hi", False),
]


class _Response:
    """What `compare` reads of a response: no Django needed."""

    def __init__(self, status: int, body: bytes = b""):
        self.status_code, self.content, self.headers = status, body, {}
        self.charset, self.streaming = "utf-8", False


# A check with several defensible answers: any accepted status passes, and a response with
# one of them must carry what that status's own entry states. Each row: (expect, status,
# body, the differences expected, the status reported as chosen).
CHOICE = {"status": [400, 422], "json": None, "accepted": [
    {"status": 400, "why": "general"},
    {"status": 422, "why": "precise", "json": '{"errors": {}}'},
]}
STATUSES = [
    ({"status": 409}, 409, b"", [], None),
    ({"status": [409]}, 412, b"", ["expected status 409, got 412"], None),
    (CHOICE, 400, b"", [], 400),
    (CHOICE, 422, b'{"errors": {"name": ["required"]}}', [], 422),
    (CHOICE, 422, b"{}", ["JSON field errors is missing"], 422),
    (CHOICE, 200, b"", ["expected status 400 or 422, got 200"], None),
    ({"status": [400, 409, 422]}, 201, b"", ["expected status 400, 409 or 422, got 201"], None),
]


def check_comparisons(report: Report) -> int:
    """Returns the number of cases checked."""
    where = "src/practice/checker/status_tutor_checker"
    wrong = []
    for name, want, got, passes in HEADERS:
        problem = headers.difference(name, want, got, URL)
        if (problem is None) != passes:
            wrong.append(f"{name}: expected {want!r} vs received {got!r} should "
                         f"{'pass' if passes else 'fail'} ({problem or 'passed'})")
    for want, got, exact, passes in JSON:
        found = json_differences(want, got, exact=exact)
        if (not found) != passes:
            wrong.append(f"JSON {want} vs {got} (exact={exact}) should {'pass' if passes else 'fail'}: {found}")
    for want, got, passes in VALUES:
        if effects.same_value(want, got) != passes:
            wrong.append(f"column value {want!r} vs stored {got!r} should {'pass' if passes else 'fail'}")
    for expect, status, body, differences, chose in STATUSES:
        found = compare(expect, _Response(status, body))
        picked = (chosen(expect, status) or {}).get("status")
        if found != differences or picked != chose:
            wrong.append(f"status {status} against {expect['status']}: expected {differences} "
                         f"(chosen {chose}), got {found} (chosen {picked})")
    for line in wrong:
        report.fail(where, f"comparison: {line}")
    total = len(HEADERS) + len(JSON) + len(VALUES) + len(STATUSES)
    if not wrong:
        report.ok(where, f"the checker's comparisons: all {total} cases as RFC 9110 and the README say")
    return total
