"""Django names the pages mention in `code` spans, cross-checked against codes.toml."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

from harness.report import Report

MODULES = [
    "django.http",
    "django.shortcuts",
    "django.views.decorators.http",
    "django.views.decorators.csrf",
    "django.views.decorators.cache",
    "django.contrib.auth.decorators",
    "django.contrib.auth.mixins",
    "django.contrib.auth.views",
    "django.core.exceptions",
    "django.views.defaults",
    "django.views.generic",
    "django.middleware.csrf",
    "django.middleware.common",
]
IDENT = re.compile(r"^@?([A-Za-z_][A-Za-z0-9_]*)(\(.*\))?$")


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("source", "verify", "response"):
                yield from _texts(item)


def check_mentions(content: Path, codes: dict, repo: Path, report: Report) -> int:
    known = {(e.get("name")) for e in codes.get("django", []) or []}
    exports = {}
    for module in MODULES:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        for name in dir(mod):
            if not name.startswith("_"):
                exports.setdefault(name, module)
    mentioned: dict[str, set[str]] = {}
    for path in sorted((content / "pages").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue  # reported by the sample checks
        for text in _texts(data):
            for span in re.findall(r"`([^`]+)`", text):
                m = IDENT.match(span.strip())
                if m:
                    mentioned.setdefault(m.group(1), set()).add(path.stem)
    missing = 0
    for name in sorted(mentioned):
        pages = ", ".join(sorted(mentioned[name]))
        if name in known:
            continue
        module = exports.get(name)
        looks_django = re.match(r"(HttpResponse\w*|require_\w+|get_\w+_or_404|\w+Mixin)$", name)
        if module and (name[0].isupper() or looks_django or "_" in name):
            if name in {"path", "include", "reverse", "settings"}:
                continue
            missing += 1
            report.note("content/codes.toml",
                        f"`{name}` ({module}) is named on {pages} but has no [[django]] entry, "
                        "so its status is not checked")
        elif not module and looks_django and name.startswith("HttpResponse"):
            report.note("content/pages",
                        f"`{name}` is named on {pages} but does not exist in Django "
                        "(fine only if the page says so)")
    return missing
