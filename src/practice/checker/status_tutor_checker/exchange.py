"""One request and what must come back: the engine shared by practice checks and by the
course's sample harness (tests/django/harness), so both read the same model the same way.

A check is a dict in the job format (src/practice/job.rs):
    {"method", "path", "user", "headers": {..}, "form": {..} | None, "json": str | None,
     "csrf_token": bool, "setup": [..], "expect": {"status": [..], "accepted": [..],
     "headers": {..}, "present_headers": [..], "absent_headers": [..], "json": str | None,
     "json_exact": bool, "body_contains": [..], "body_empty": bool, "signal": bool | None,
     "exception": str | None, "db": [..]}}
`status` lists every status that passes (a bare number is read as a list of one); each
`accepted` entry is {"status", "why", and the headers/body keys above}: the trade-off of
that answer and what a response with that status must carry besides the rest.
Headers are compared as HTTP means them (headers.py); the database and the signal after
the request by effects.py. Django is imported lazily: the module imports without Django
configured.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

from . import headers as header_meaning

USER_KINDS = ("anonymous", "user", "staff")
BODY_CAP = 500


@dataclass
class Prepared:
    """A test client (CSRF enforced, user logged in) and the request it will send."""

    client: object
    method: str
    path: str
    data: bytes = b""
    content_type: str = "application/octet-stream"
    extra: dict = field(default_factory=dict)

    def send(self):
        return self.client.generic(
            self.method, self.path, data=self.data, content_type=self.content_type, **self.extra
        )


def header_meta_name(name: str) -> str:
    key = name.strip().upper().replace("-", "_")
    if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        return key
    return "HTTP_" + key


def prepare(
    *,
    method: str = "GET",
    path: str = "/",
    user=None,
    form: dict | None = None,
    json_text: str | None = None,
    headers: dict | None = None,
    csrf_token: bool = False,
) -> Prepared:
    """The request as a client would send it: `user` is a User to log in (None: anonymous),
    `json_text` is sent as written (malformed on purpose is allowed), `form` is form-encoded
    (in the query string for GET/HEAD/OPTIONS). CSRF checks are enforced either way."""
    from django.conf import settings
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
    from django.test import Client

    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    prepared = Prepared(client=client, method=method.upper(), path=path)
    if csrf_token:
        secret = _get_new_csrf_string()
        client.cookies[settings.CSRF_COOKIE_NAME] = secret
        prepared.extra["HTTP_X_CSRFTOKEN"] = _mask_cipher_secret(secret)
    if form is not None:
        encoded = urlencode(form, doseq=True)
        if prepared.method in ("GET", "HEAD", "OPTIONS"):
            prepared.path = path + ("&" if "?" in path else "?") + encoded
        else:
            prepared.data = encoded.encode()
            prepared.content_type = "application/x-www-form-urlencoded"
    elif json_text is not None:
        prepared.data = json_text.encode()
        prepared.content_type = "application/json"
    for name, value in (headers or {}).items():
        meta = header_meta_name(name)
        if meta == "CONTENT_TYPE":
            prepared.content_type = value
        prepared.extra[meta] = value
    return prepared


def body_text(response) -> str:
    if response is None or getattr(response, "streaming", False):
        return ""
    try:
        return response.content.decode(response.charset or "utf-8", "replace")
    except Exception:  # a broken charset must not hide the status
        return ""


# ---------------------------------------------------------------- comparing

def request_url(response, fallback: str = "/") -> str:
    """The absolute URL the response answered, for resolving a relative Location."""
    request = getattr(response, "wsgi_request", None)
    if request is not None:
        try:
            return request.build_absolute_uri()
        except Exception:  # a learner's odd request object must not hide the status
            pass
    return "http://testserver" + fallback


def statuses(expect: dict) -> list[int]:
    """Every status `expect` accepts, in order."""
    status = expect.get("status")
    return list(status) if isinstance(status, list) else [status]


def one_of(items: list) -> str:
    """"400", "400 or 422", "400, 409 or 422"."""
    words = [str(i) for i in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def accepted_entry(expect: dict, status: int) -> dict | None:
    """The `accepted` entry for `status` (its why and what it must carry), or None."""
    for entry in expect.get("accepted") or []:
        if entry.get("status") == status:
            return entry
    return None


def chosen(expect: dict, status: int) -> dict | None:
    """For the report: the accepted status the response answered and its trade-off, when
    the check says why that answer may be chosen."""
    entry = accepted_entry(expect, status)
    return None if entry is None else {"status": status, "why": str(entry.get("why", ""))}


def compare(expect: dict, response) -> list[str]:
    """Every way `response` differs from `expect`, in words a learner reads; [] when it matches.
    A response with one of the accepted statuses must also carry what that status's own
    `accepted` entry states."""
    differences = []
    status = response.status_code
    accepted = statuses(expect)
    if status not in accepted:
        differences.append(f"expected status {one_of(accepted)}, got {status}")
    own = accepted_entry(expect, status)
    if own is not None:
        differences.extend(compare_carried(own, response))
    differences.extend(compare_carried(expect, response))
    return differences


def compare_carried(expect: dict, response) -> list[str]:
    """The headers and body `expect` states, whatever the status."""
    differences = []
    url = request_url(response)
    for name, value in (expect.get("headers") or {}).items():
        got = response.headers.get(name)
        if got is None:
            differences.append(f"missing header {name} (expected {name}: {value})")
        else:
            problem = header_meaning.difference(name, value, got, url)
            if problem:
                differences.append(problem)
    for name in expect.get("present_headers") or []:
        if response.headers.get(name) is None:
            differences.append(f"missing header {name}")
    for name in expect.get("absent_headers") or []:
        got = response.headers.get(name)
        if got is not None:
            differences.append(f"header {name} should be absent, got {got!r}")
    text = None
    if expect.get("json") is not None:
        text = body_text(response)
        want = json.loads(expect["json"])
        try:
            got = json.loads(text)
        except ValueError:
            shown = text.strip()[:60]
            differences.append(f"expected a JSON body, got {shown!r}" if shown else
                               "expected a JSON body, got an empty body")
        else:
            differences.extend(json_differences(want, got, exact=bool(expect.get("json_exact"))))
    for needle in expect.get("body_contains") or []:
        if text is None:
            text = body_text(response)
        if needle not in text:
            differences.append(f"body should contain {needle!r}")
    if expect.get("body_empty"):
        content = b"" if getattr(response, "streaming", False) else response.content
        if content:
            shown = body_text(response).strip()[:60]
            differences.append(f"the body should be empty, got {shown!r}")
    return differences


def _same_scalar(want, got) -> bool:
    # JSON true is not 1: bool is compared by type as well as value
    if isinstance(want, bool) or isinstance(got, bool):
        return type(want) is type(got) and want == got
    return want == got


def _label(path: str) -> str:
    return f"JSON field {path}" if path else "JSON body"


def json_differences(want, got, path: str = "", exact: bool = False) -> list[str]:
    """`want` must be a subset of `got`: objects may have more keys (none with `exact`);
    lists match item by item, in order. Key order never matters. `path` names where we are
    (`items[0].title`), empty for the whole body."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{_label(path)}: expected a JSON object, got {json.dumps(got)[:60]}"]
        out = []
        for key, value in want.items():
            inner = f"{path}.{key}" if path else str(key)
            if key not in got:
                out.append(f"{_label(inner)} is missing")
            else:
                out.extend(json_differences(value, got[key], inner, exact))
        if exact:
            for key in got:
                if key not in want:
                    inner = f"{path}.{key}" if path else str(key)
                    out.append(f"{_label(inner)} is not expected (exactly the keys {', '.join(want) or 'none'})")
        return out
    if isinstance(want, list):
        if not isinstance(got, list):
            return [f"{_label(path)}: expected a JSON list, got {json.dumps(got)[:60]}"]
        if len(want) != len(got):
            return [f"{_label(path)}: expected a list of {len(want)} item(s), got {len(got)}"]
        out = []
        for i, (w, g) in enumerate(zip(want, got)):
            out.extend(json_differences(w, g, f"{path}[{i}]", exact))
        return out
    if not _same_scalar(want, got):
        return [f"{_label(path)}: expected {json.dumps(want)}, got {json.dumps(got)[:60]}"]
    return []


# ---------------------------------------------------------------- describing

def describe(check: dict) -> str:
    """The request as one line, like the lessons' "the client sends" panel:
    `POST /articles/ {"title": "Hi"} (as user, CSRF token)`."""
    parts = [str(check.get("method", "GET")).upper(), str(check.get("path", "/"))]
    for name, value in (check.get("headers") or {}).items():
        parts.append(f"{name}: {value}")
    if check.get("form") is not None:
        parts.append(urlencode(check["form"], doseq=True))
    elif check.get("json") is not None:
        parts.append(check["json"])
    notes = []
    if check.get("user", "anonymous") != "anonymous":
        notes.append(f"as {check['user']}")
    if check.get("csrf_token"):
        notes.append("CSRF token")
    if notes:
        parts.append("(" + ", ".join(notes) + ")")
    return " ".join(parts)


def from_verify(req: dict) -> dict:
    """A `[[blocks.verify.requests]]` table of the course (TOML keys) in the job format."""
    body = req.get("json")
    status = req.get("status")
    listed = list(status) if isinstance(status, list) else [status]
    accepted = req.get("accepted") or {}
    return {
        "method": str(req.get("method", "GET")).upper(),
        "path": req.get("path", "/"),
        "user": req.get("user", "anonymous"),
        "headers": dict(req.get("headers") or {}),
        "form": req.get("form"),
        "json": body if body is None or isinstance(body, str) else json.dumps(body),
        "csrf_token": req.get("csrf") == "token",
        "setup": list(req.get("setup") or []),
        "expect": {
            "status": listed,
            "accepted": [from_verify_accepted(code, accepted[str(code)]) for code in listed
                         if str(code) in accepted],
            **carried(req),
            "signal": req.get("expect_signal"),
            "exception": req.get("expect_exception"),
            "db": [from_verify_db(model, rows) for model, rows in (req.get("expect_db") or {}).items()],
        },
    }


def from_verify_accepted(status: int, table: dict) -> dict:
    """One `[checks.accepted.N]` table (TOML keys) in the job format."""
    return {"status": status, "why": str(table.get("why", "")).strip(), **carried(table)}


def carried(table: dict) -> dict:
    """The headers and body a check or one accepted status states (TOML keys), in the job
    format: the part `compare_carried` compares."""
    exact = table.get("expect_json_exact")
    return {
        "headers": dict(table.get("expect_headers") or {}),
        "present_headers": list(table.get("present_headers") or []),
        "absent_headers": list(table.get("absent_headers") or []),
        "json": exact if exact is not None else table.get("expect_json"),
        "json_exact": exact is not None,
        "body_contains": list(table.get("body_contains") or []),
        "body_empty": bool(table.get("body_empty")),
    }


def from_verify_db(model: str, table: dict) -> dict:
    """One model's `[checks.expect_db.Model]` table (TOML keys) in the job format."""
    return {
        "model": model,
        "count": table.get("count"),
        "unchanged": bool(table.get("unchanged")),
        "rows": list(table.get("rows") or []),
        "absent": list(table.get("absent") or []),
    }
