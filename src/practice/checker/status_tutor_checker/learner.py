"""Loading the learner's file and describing what went wrong in it."""

from __future__ import annotations

import itertools
import linecache
import os
import sys
import traceback
import types

FRAMES = 3
_modules = itertools.count(1)


def frames(tb, view_file: str) -> list[dict]:
    """The traceback's last frames that are in the learner's file (outermost first)."""
    wanted = os.path.realpath(view_file)
    picked = []
    for frame in traceback.extract_tb(tb):
        if os.path.realpath(frame.filename) == wanted:
            picked.append({
                "file": view_file,
                "line": frame.lineno or 0,
                "function": frame.name,
                "text": (frame.line or "").strip(),
            })
    return picked[-FRAMES:]


def error(exc: BaseException, view_file: str) -> dict:
    found = frames(exc.__traceback__, view_file)
    if isinstance(exc, SyntaxError) and exc.lineno:
        found.append({
            "file": view_file,
            "line": exc.lineno,
            "function": "<module>",
            "text": (exc.text or "").strip(),
        })
        message = exc.msg
    elif isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] == "rest_framework":
        # Not the learner's mistake: this Python lacks the DRF the course pins.
        message = (f"{exc} - this Python has no Django REST framework; "
                   "`status-tutor practice setup` (S in practice) installs the pinned one")
    else:
        message = str(exc)
    return {"kind": type(exc).__name__, "message": message, "frames": found[-FRAMES:]}


class LoadError(Exception):
    def __init__(self, report: dict):
        super().__init__(report["message"])
        self.report = report


def load(view_file: str):
    """Executes the learner's file as a module of this package (so `from .models import
    Article` works). Raises LoadError with a report-ready error."""
    try:
        with open(view_file, encoding="utf-8") as f:
            source = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError({"kind": type(exc).__name__, "message": f"cannot read {view_file}: {exc}",
                         "frames": []}) from None
    linecache.checkcache(view_file)  # tracebacks quote the file as it is now
    return load_source(source, view_file)


def load_source(source: str, view_file: str):
    """Executes `source` as a new module of this package; `view_file` names it in tracebacks
    (for the views a test-writing exercise ships, a label such as `<wrong view 2>`)."""
    name = f"status_tutor_checker.exercise_{next(_modules)}"
    module = types.ModuleType(name)
    module.__file__ = view_file
    module.__package__ = "status_tutor_checker"
    sys.modules[name] = module
    try:
        code = compile(source, view_file, "exec", dont_inherit=True)
        exec(code, module.__dict__)
    except BaseException as exc:  # noqa: BLE001 - SystemExit in a learner file is their error too
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise LoadError(error(exc, view_file)) from None
    return module


def view(module, name: str, view_file: str):
    """The view function, class-based view or DRF ViewSet the URLconf mounts (project.patterns
    turns a class into its view)."""
    obj = getattr(module, name, None)
    if obj is None:
        raise LoadError({
            "kind": "MissingView",
            "message": f"{os.path.basename(view_file)} defines no `{name}`; the checks call it",
            "frames": [],
        })
    if isinstance(obj, type) and hasattr(obj, "as_view"):
        return obj
    if not callable(obj):
        raise LoadError({"kind": "MissingView", "message": f"`{name}` is not a view function",
                         "frames": []})
    return obj
