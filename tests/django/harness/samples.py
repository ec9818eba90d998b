"""Checks of the code blocks in content/pages/*.toml."""

from __future__ import annotations

import http
import json
import re
import sys
import tomllib
import types
from dataclasses import dataclass
from pathlib import Path

from harness import drf, observed, project
from harness.pysource import check_commented_results, import_problems, syntax_error
from harness.report import Report
from status_tutor_checker.exchange import compare, from_verify

VERIFY_KEYS = {"fragment", "models", "urls", "requests", "handlers", "tests"}
HANDLER_CODES = {"400", "403", "404", "500"}
URL_KEYS = {"path", "view", "name"}
REQUEST_KEYS = {
    "method", "path", "user", "form", "json", "headers", "csrf", "setup",
    "status", "expect_headers", "absent_headers",
} | observed.OBSERVED_KEYS
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
CSRF_VALUES = {"token"}  # default: no token at all


@dataclass
class Stats:
    blocks_verified: int = 0       # runnable samples proven by requests
    requests_sent: int = 0
    fragments: int = 0             # marked fragments: syntax + import names only
    unmarked: int = 0              # python blocks without verify and without a status claim
    names_in_samples: int = 0


def _block_lines(text: str) -> list[int]:
    """Line numbers (1-based) of each [[blocks]] header, in order."""
    return [i + 1 for i, line in enumerate(text.splitlines()) if re.match(r"\s*\[\[blocks\]\]", line)]


def _parse_header(item: str):
    if ":" not in item:
        return None
    name, value = item.split(":", 1)
    return name.strip(), value.strip()


def _sanitize(text: str) -> str:
    return re.sub(r"[^0-9a-zA-Z_]", "_", text)


def _norm_body(text: str):
    try:
        return ("json", json.loads(text))
    except (ValueError, TypeError):
        return ("text", " ".join(text.split()))


class PageChecker:
    def __init__(self, content_dir: Path, repo: Path, report: Report, stats: Stats):
        self.content_dir = content_dir
        self.repo = repo
        self.report = report
        self.stats = stats

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.repo))
        except ValueError:
            return str(path)

    def run(self) -> None:
        pages = sorted((self.content_dir / "pages").glob("*.toml"))
        if not pages:
            self.report.fail(self.rel(self.content_dir / "pages"), "no page files found")
        for path in pages:
            self.check_page(path)

    def check_page(self, path: Path) -> None:
        rel = self.rel(path)
        text = path.read_text(encoding="utf-8")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            self.report.fail(rel, f"TOML does not parse: {exc}")
            return
        lines = _block_lines(text)
        page_id = data.get("id", path.stem)
        for index, block in enumerate(data.get("blocks", []) or []):
            if not isinstance(block, dict) or block.get("kind") != "code":
                continue
            line = lines[index] if index < len(lines) else 0
            where = f"{rel}:{line} block {index + 1}"
            try:
                self.check_block(where, page_id, index + 1, block)
            except Exception as exc:  # a harness bug must not hide the other checks
                self.report.fail(where, f"harness error: {type(exc).__name__}: {exc}")

    # ------------------------------------------------------------------ one block

    def check_block(self, where: str, page_id: str, number: int, block: dict) -> None:
        language = block.get("language", "python")
        source = block.get("source", "")
        response = block.get("response") or {}
        verify = block.get("verify")
        claimed = response.get("status")

        if "reason" in response and isinstance(claimed, int):
            self.check_reason(where, claimed, response["reason"])

        if language != "python":
            if verify is not None:
                self.report.fail(where, f"[blocks.verify] on a `{language}` block: only Python samples can be verified")
            elif claimed is not None:
                self.report.note(where, f"`{language}` block claims {claimed}: not Python, not run")
            return

        if verify is None:
            if claimed is not None:
                self.report.fail(
                    where,
                    f"claims status {claimed} but has no [blocks.verify] "
                    "(add urls + requests, or fragment = \"reason\")",
                )
            if self.static_checks(where, source, "unmarked sample (no status claimed)"):
                self.stats.unmarked += 1
            return

        if not isinstance(verify, dict):
            self.report.fail(where, "[blocks.verify] must be a table")
            return
        unknown = set(verify) - VERIFY_KEYS
        if unknown:
            self.report.fail(where, f"unknown verify key(s): {', '.join(sorted(unknown))}")

        if "fragment" in verify:
            reason = verify["fragment"]
            if not isinstance(reason, str) or not reason.strip():
                self.report.fail(where, "verify.fragment must be a non-empty reason")
            extra = set(verify) & {"urls", "requests", "handlers", "tests"}
            if extra:
                self.report.fail(where, f"a fragment cannot also have {', '.join(sorted(extra))}")
            if self.static_checks(where, source, f"fragment ({reason})"):
                self.stats.fragments += 1
                problems, passes = check_commented_results(source)
                for problem in problems:
                    self.report.fail(where, f"fragment result comment: {problem}")
                if passes:
                    self.report.ok(where, f"fragment: {len(passes)} commented result(s) hold: "
                                          + "; ".join(passes))
            if claimed is not None:
                self.report.note(where, f"claims status {claimed} but is a fragment: no request proves it")
            return

        self.run_block(where, page_id, number, source, verify, response)

    def check_reason(self, where: str, code: int, reason: str) -> None:
        try:
            phrase = http.HTTPStatus(code).phrase
        except ValueError:
            self.report.fail(where, f"response status {code} is not an http.HTTPStatus")
            return
        if reason != phrase:
            self.report.fail(where, f"response reason: expected {phrase!r} (http.HTTPStatus), got {reason!r}")

    def static_checks(self, where: str, source: str, label: str) -> bool:
        err = syntax_error(source, where)
        if err:
            self.report.fail(where, f"{label}: Python syntax error, {err}")
            return False
        problems, notes, checked = import_problems(source)
        self.stats.names_in_samples += checked
        for note in notes:
            self.report.note(where, note)
        for problem in problems:
            self.report.fail(where, f"{label}: {problem}")
        if problems:
            return False
        self.report.ok(where, f"{label}: syntax ok, {checked} imported name(s) exist")
        return True

    # ------------------------------------------------------------------ runnable

    def load_module(self, where: str, page_id: str, number: int, source: str):
        name = f"tutorapp.sample_{_sanitize(page_id)}_{number}"
        module = types.ModuleType(name)
        module.__package__ = "tutorapp"
        module.__file__ = f"<{where}>"
        sys.modules[name] = module
        code = compile(source, f"<{where}>", "exec", dont_inherit=True)
        exec(code, module.__dict__)
        return module

    def run_block(self, where, page_id, number, source, verify, response) -> None:
        from django.test.utils import override_settings
        from django.urls import path as url_path

        report = self.report
        err = syntax_error(source, where)
        if err:
            report.fail(where, f"Python syntax error, {err}")
            return
        for model in verify.get("models", []) or []:
            if model not in project.MODELS:
                report.fail(where, f"verify.models: unknown test model {model!r} (have {', '.join(project.MODELS)})")
        urls = verify.get("urls") or []
        requests = verify.get("requests") or []
        handler_names = verify.get("handlers") or {}
        if not isinstance(handler_names, dict):
            report.fail(where, "verify.handlers must map \"400\"/\"403\"/\"404\"/\"500\" to function names")
            return
        if not urls and not handler_names:
            report.fail(where, "verify has neither `fragment` nor `urls`/`handlers`: nothing to mount")
            return
        test_names = verify.get("tests") or []
        if not isinstance(test_names, list):
            report.fail(where, "verify.tests must be a list of test class names")
            return
        if not requests and not test_names:
            report.fail(where, "verify has no `requests` (or `tests`): nothing is proven")
            return
        try:
            module = self.load_module(where, page_id, number, source)
        except Exception as exc:
            report.fail(where, f"sample does not load: {type(exc).__name__}: {exc}")
            return

        patterns = []
        mounted = []  # (route, view name, callable)
        for entry in urls:
            if not isinstance(entry, dict):
                report.fail(where, f"verify.urls entry must be a table: {entry!r}")
                return
            unknown = set(entry) - URL_KEYS
            if unknown:
                report.fail(where, f"verify.urls: unknown key(s) {', '.join(sorted(unknown))}")
            route, view_name = entry.get("path"), entry.get("view")
            if not isinstance(route, str) or route.startswith("/"):
                report.fail(where, f"verify.urls path must be a Django route without leading '/': {route!r}")
                return
            view = getattr(module, str(view_name), None)
            if view is None:
                report.fail(where, f"verify.urls: the sample defines no `{view_name}`")
                return
            if drf.is_viewset(view):
                for pattern, label in drf.viewset_patterns(route, view, entry.get("name")):
                    patterns.append(pattern)
                    mounted.append((route, label, pattern.callback))
                continue
            if isinstance(view, type) and hasattr(view, "as_view"):
                view = view.as_view()
            if not callable(view):
                report.fail(where, f"verify.urls: `{view_name}` is not a view")
                return
            patterns.append(url_path(route, view, name=entry.get("name")))
            mounted.append((route, view_name, view))

        handlers = {}
        for code, func_name in handler_names.items():
            func = getattr(module, str(func_name), None)
            if str(code) not in HANDLER_CODES:
                report.fail(where, f"verify.handlers: {code!r} is not one of {', '.join(sorted(HANDLER_CODES))}")
                return
            if not callable(func):
                report.fail(where, f"verify.handlers: the sample defines no function `{func_name}`")
                return
            handlers[str(code)] = func

        urlconf = project.make_urlconf(patterns, handlers)
        outcomes = []
        with override_settings(ROOT_URLCONF=urlconf):
            project.clear_cache()
            reached = set()
            for index, req in enumerate(requests, 1):
                outcome = self.run_request(where, index, req)
                if outcome is not None:
                    outcomes.append(outcome)
                reached.add(self.resolved_view(req))
            if test_names:
                from harness.testclasses import run_test_classes

                failed, passed = run_test_classes(module, test_names, reached)
                for line in failed:
                    report.fail(where, line)
                for line in passed:
                    report.ok(where, line)
        for route, view_name, view in mounted:
            if view not in reached:
                report.fail(where, f"view `{view_name}` is mounted at {route!r} but no request reaches it")
        self.note_unmounted(where, module, source,
                            {name for _, name, _ in mounted} | set(handler_names.values())
                            | {str(name) for name in test_names}
                            | {str(e.get("view")) for e in urls if isinstance(e, dict)})
        self.stats.blocks_verified += 1
        self.check_response_claim(where, response, outcomes)

    @staticmethod
    def resolved_view(req):
        from django.urls import Resolver404, resolve

        if not isinstance(req, dict):
            return None
        try:
            return resolve(str(req.get("path", "")).split("?")[0]).func
        except Resolver404:
            return None

    def note_unmounted(self, where, module, source: str, used: set) -> None:
        """A view the sample defines but no request exercises is not proven."""
        import inspect

        from django.views import View

        for name, obj in vars(module).items():
            if name.startswith("_") or name in used:
                continue
            if len(re.findall(rf"\b{re.escape(name)}\b", source)) > 1:
                continue  # used by the sample itself (a helper, an etag_func...)
            if getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(obj) and issubclass(obj, View):
                self.report.note(where, f"class-based view `{name}` is defined but not mounted")
            elif inspect.isfunction(inspect.unwrap(obj)):
                params = list(inspect.signature(inspect.unwrap(obj)).parameters)
                if params[:1] == ["request"]:
                    self.report.note(where, f"function `{name}(request, ...)` is defined but not mounted")

    def validate_request(self, req) -> list[str]:
        errs = []
        if not isinstance(req, dict):
            return [f"request must be a table, got {req!r}"]
        unknown = set(req) - REQUEST_KEYS
        if unknown:
            errs.append(f"unknown key(s) {', '.join(sorted(unknown))}")
        if str(req.get("method", "GET")).upper() not in METHODS:
            errs.append(f"method {req.get('method')!r} not one of {', '.join(sorted(METHODS))}")
        if not str(req.get("path", "")).startswith("/"):
            errs.append(f"path must start with '/': {req.get('path')!r}")
        if req.get("user", "anonymous") not in project.USER_KINDS:
            errs.append(f"user {req.get('user')!r} not one of {', '.join(project.USER_KINDS)}")
        if "csrf" in req and req["csrf"] not in CSRF_VALUES:
            errs.append(f"csrf {req.get('csrf')!r} not one of {', '.join(sorted(CSRF_VALUES))}")
        for row in req.get("setup", []) or []:
            if row not in project.SETUP_ROWS:
                errs.append(f"setup row {row!r} not one of {', '.join(project.SETUP_ROWS)}")
        if "form" in req and "json" in req:
            errs.append("give either form or json, not both")
        if "form" in req and not isinstance(req["form"], dict):
            errs.append("form must be a table")
        if not isinstance(req.get("status"), int):
            errs.append("status (int) is required")
        for key in ("headers", "expect_headers"):
            value = req.get(key, {})
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                errs.append(f"{key} must map header names to strings")
        absent = req.get("absent_headers", [])
        if not isinstance(absent, list) or not all(isinstance(v, str) for v in absent):
            errs.append("absent_headers must be a list of header names")
        errs.extend(observed.validate(req))
        return errs

    def run_request(self, where, index, req):
        report = self.report
        errs = self.validate_request(req)
        if errs:
            report.fail(where, f"request {index}: " + "; ".join(errs))
            return None
        method = str(req.get("method", "GET")).upper()
        user = req.get("user", "anonymous")
        csrf = req.get("csrf", "none")
        label = f"request {index} {method} {req['path']} ({user}{', csrf token' if csrf == 'token' else ''})"
        try:
            outcome = project.perform(
                method=method,
                path=req["path"],
                user=user,
                form=req.get("form"),
                json_body=req.get("json"),
                headers=req.get("headers"),
                csrf=csrf,
                setup=req.get("setup"),
            )
        except Exception as exc:
            report.fail(where, f"{label}: the request could not be made: {type(exc).__name__}: {exc}")
            return None
        self.stats.requests_sent += 1
        # the practice checker's comparison: samples and exercises are held to the same rules
        problems = compare(from_verify(req)["expect"], outcome.response)
        # and what else the request caused: logs, the signal, mails, the exception (observed.py)
        seen, observed_checks = observed.problems(req, outcome)
        problems.extend(seen)
        if problems:
            diag = outcome.diagnostics()
            report.fail(where, f"{label}: " + "; ".join(problems) + (f" [{diag}]" if diag else ""))
        else:
            checked = (len(req.get("expect_headers") or {}) + len(req.get("absent_headers") or [])
                       + len(req.get("present_headers") or []) + len(req.get("body_contains") or [])
                       + ("expect_json" in req) + observed_checks)
            extra = f", {checked} header check(s)" if checked else ""
            report.ok(where, f"{label}: {outcome.status}{extra}")
        return outcome

    def check_response_claim(self, where, response, outcomes) -> None:
        claimed = response.get("status")
        if claimed is None:
            return
        report = self.report
        matching = [o for o in outcomes if o.status == claimed]
        if not matching:
            got = ", ".join(str(o.status) for o in outcomes) or "none"
            report.fail(where, f"[blocks.response] claims {claimed} but no request returned it (got {got})")
            return
        problems = []
        headers = response.get("headers") or []
        for item in headers:
            parsed = _parse_header(item)
            if parsed is None:
                problems.append(f"response header {item!r} is not `Name: value`")
                continue
            name, value = parsed
            got = [o.header(name) for o in matching]
            if value not in got:
                shown = ", ".join(repr(g) for g in dict.fromkeys(got))
                problems.append(f"response header {name} claimed {value!r}, got {shown}")
        if problems:
            report.fail(where, "[blocks.response]: " + "; ".join(problems))
        else:
            extra = f" with {len(headers)} claimed header(s)" if headers else ""
            report.ok(where, f"[blocks.response] {claimed}{extra} matches a real request")
        body = response.get("body")
        if isinstance(body, str) and body.strip():
            want = _norm_body(body)
            gots = [_norm_body(o.body_text()) for o in matching]
            if want not in gots:
                report.note(
                    where,
                    f"[blocks.response] body {body.strip()[:80]!r} differs from the real body "
                    f"{matching[0].body_text().strip()[:80]!r}",
                )
