"""Comparing one response header as HTTP means it (RFC 9110), not byte for byte.

A check's `expect_headers` value is compared by the header's kind, so every response a
client would treat the same passes:
    Content-Type    type/subtype, case-free; a parameter (charset=...) only when the
                    expectation names it
    Allow           a set of methods, any order; OPTIONS may be added, and HEAD when GET
                    is expected (a server that does GET does HEAD)
    Location        both resolved against the request URL: `/x/` and `http://testserver/x/`
                    are the same target; the query is compared as its decoded fields
    ETag            an entity-tag: a strong expectation needs that strong tag; a weak one
                    (W/"x") compares weakly, so "x" and W/"x" both pass (RFC 9110 §8.8.3)
    WWW-Authenticate  one of the challenges has the expected scheme (case-free) and every
                    parameter the expectation names, with that value
    Retry-After     delay-seconds as a number
    anything else   the value with surrounding whitespace ignored
Header names are case-insensitive everywhere (Django's `response.headers` already is).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
QUOTED = r'"(?:[^"\\]|\\.)*"'
PARAM = re.compile(rf"\s*({TOKEN})\s*=\s*({TOKEN}|{QUOTED})\s*")
ENTITY_TAG = re.compile(r'^(W/)?("[^"]*")$')


def difference(name: str, want: str, got: str, request_url: str) -> str | None:
    """Why `got` is not what `want` means for header `name`; None when it is."""
    kind = name.strip().lower()
    compare = _COMPARERS.get(kind, _plain)
    return compare(name, want.strip(), got.strip(), request_url)


def _plain(name, want, got, _url):
    if want == got:
        return None
    return f"header {name}: expected {want!r}, got {got!r}"


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def media_type(value: str) -> tuple[str, dict[str, str]] | None:
    """("type/subtype" lowercased, {param: value}) or None when it is not a media type."""
    head, _, rest = value.partition(";")
    kind = head.strip().lower()
    if not re.fullmatch(rf"{TOKEN}/{TOKEN}", kind):
        return None
    params = {}
    for part in rest.split(";"):
        match = PARAM.fullmatch(part)
        if match:
            params[match.group(1).lower()] = _unquote(match.group(2))
    return kind, params


def _media(name, want, got, _url):
    wanted, parsed = media_type(want), media_type(got)
    if wanted is None or parsed is None or wanted[0] != parsed[0]:
        return f"header {name}: expected the media type {want!r}, got {got!r}"
    for param, value in wanted[1].items():
        have = parsed[1].get(param)
        # charset names are case-insensitive (RFC 9110 §8.3.2); other parameters are not
        same = have is not None and (have.lower() == value.lower() if param == "charset" else have == value)
        if not same:
            return f"header {name}: expected {param}={value} in the media type, got {got!r}"
    return None


def methods(value: str) -> set[str]:
    return {m.strip() for m in value.split(",") if m.strip()}


def _allow(name, want, got, _url):
    wanted, sent = methods(want), methods(got)
    missing = sorted(wanted - sent)
    optional = {"OPTIONS"} | ({"HEAD"} if "GET" in wanted else set())
    extra = sorted(sent - wanted - optional)
    if not missing and not extra:
        return None
    said = []
    if missing:
        said.append("missing " + ", ".join(missing))
    if extra:
        said.append("not allowed here: " + ", ".join(extra))
    return (f"header {name}: expected the methods {', '.join(sorted(wanted))} (any order; OPTIONS "
            f"may be added), got {got!r}: {'; '.join(said)}")


def _target(url: str, request_url: str) -> tuple:
    parts = urlsplit(urljoin(request_url, url))
    host = (parts.hostname or "").lower()
    port = parts.port
    if port == {"http": 80, "https": 443}.get(parts.scheme.lower()):
        port = None
    # the query as the fields it carries: `next=/x/` and `next=%2Fx%2F` say the same
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return parts.scheme.lower(), host, port, parts.path or "/", query


def _location(name, want, got, request_url):
    try:
        if _target(want, request_url) == _target(got, request_url):
            return None
    except ValueError:  # a malformed URL (bad port) is simply not the target
        pass
    return f"header {name}: expected a URL that resolves to {want!r}, got {got!r}"


def _etag(name, want, got, _url):
    wanted, sent = ENTITY_TAG.match(want), ENTITY_TAG.match(got)
    if sent is None:
        return f"header {name}: {got!r} is not an entity-tag (a quoted value, \"x\" or W/\"x\"), expected {want!r}"
    if wanted is None:
        return _plain(name, want, got, _url)
    if wanted.group(2) != sent.group(2):
        return f"header {name}: expected {want!r}, got {got!r}"
    if not wanted.group(1) and sent.group(1):
        return f"header {name}: expected the strong tag {want!r}, got the weak {got!r}"
    return None


def challenges(value: str) -> list[tuple[str, dict[str, str]]]:
    """The challenges of a WWW-Authenticate value: [(scheme lowercased, {param: value})]."""
    found: list[tuple[str, dict[str, str]]] = []
    rest = value
    while rest.strip():
        match = re.match(rf"\s*,?\s*({TOKEN})(?=\s|,|$)", rest)
        if match is None:
            break
        scheme, rest = match.group(1).lower(), rest[match.end():]
        params: dict[str, str] = {}
        while True:
            param = re.match(rf"\s*,?\s*({TOKEN})\s*=\s*({TOKEN}|{QUOTED})", rest)
            if param is None:
                token68 = re.match(r"\s*[A-Za-z0-9._~+/-]+=*(?=\s*(,|$))", rest)
                if token68 and not params:
                    rest = rest[token68.end():]
                break
            params[param.group(1).lower()] = _unquote(param.group(2))
            rest = rest[param.end():]
        found.append((scheme, params))
    return found


def _challenge(name, want, got, _url):
    wanted = challenges(want)
    if not wanted:
        return _plain(name, want, got, _url)
    scheme, params = wanted[0]
    for have_scheme, have in challenges(got):
        if have_scheme == scheme and all(have.get(k) == v for k, v in params.items()):
            return None
    return f"header {name}: expected a {want!r} challenge (scheme and the parameters named), got {got!r}"


def _retry_after(name, want, got, _url):
    if want.isdigit() and got.isdigit() and int(want) == int(got):
        return None
    return _plain(name, want, got, _url)


_COMPARERS = {
    "content-type": _media,
    "allow": _allow,
    "location": _location,
    "content-location": _location,
    "etag": _etag,
    "www-authenticate": _challenge,
    "proxy-authenticate": _challenge,
    "retry-after": _retry_after,
}
