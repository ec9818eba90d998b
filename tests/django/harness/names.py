"""Checks of the [[django]] entries in codes.toml: the name exists where the course says,
and it produces the status the course gives, proven with a tiny view where feasible."""

from __future__ import annotations

import datetime
import importlib
import io
from dataclasses import dataclass, field

from harness import project
from harness.report import Report

PERM = "tutorapp.change_article"
KINDS = {"class", "shortcut", "decorator", "exception", "mixin", "function"}


@dataclass
class Variant:
    label: str                 # how it was exercised, e.g. "anonymous GET"
    status: int | None
    keywords: tuple = ()       # a claim of this (non-default) status must mention one of these
    detail: str = ""           # e.g. the Location header seen

    def describe(self) -> str:
        need = f" (only with {' / '.join(self.keywords)})" if self.keywords else ""
        det = f", {self.detail}" if self.detail else ""
        return f"{self.label} -> {self.status}{det}{need}"


# ------------------------------------------------------------------ helpers

def through_client(view, *, method="GET", user="anonymous", headers=None, csrf="none",
                   setup=None, reset=True) -> project.Outcome:
    from django.test.utils import override_settings
    from django.urls import path

    urlconf = project.make_urlconf([path("probe/", view, name="probe")])
    with override_settings(ROOT_URLCONF=urlconf):
        return project.perform(method=method, path="/probe/", user=user, headers=headers,
                               csrf=csrf, setup=setup, reset=reset)


def through_client_path(view, path: str) -> project.Outcome:
    from django.test.utils import override_settings
    from django.urls import path as url_path

    urlconf = project.make_urlconf([url_path("probe/", view, name="probe")])
    with override_settings(ROOT_URLCONF=urlconf):
        return project.perform(path=path)


def outcome_variant(label, outcome: project.Outcome, keywords=()) -> Variant:
    detail = []
    for header in ("Location", "Allow", "ETag"):
        value = outcome.header(header)
        if value:
            detail.append(f"{header}: {value}")
    if outcome.exceptions and outcome.status == 500:
        detail.append("raised " + outcome.exceptions[0])
    return Variant(label, outcome.status, tuple(keywords), ", ".join(detail))


def ok_view(request, *args, **kwargs):
    from django.http import HttpResponse

    return HttpResponse("ok")


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/probe/")


# ------------------------------------------------------------------ probes

def probe_response_class(cls) -> list[Variant]:
    from django.http import (
        FileResponse, HttpResponseNotAllowed, JsonResponse, StreamingHttpResponse,
    )
    from django.http.response import HttpResponseRedirectBase

    if issubclass(cls, HttpResponseRedirectBase):
        variants = [Variant(f"{cls.__name__}('/target/')", cls("/target/").status_code)]
        try:
            variants.append(Variant(f"{cls.__name__}('/target/', preserve_request=True)",
                                    cls("/target/", preserve_request=True).status_code,
                                    ("preserve_request",)))
        except TypeError:
            pass
        return variants
    if issubclass(cls, HttpResponseNotAllowed):
        resp = cls(["GET"])
        return [Variant(f"{cls.__name__}(['GET'])", resp.status_code, (), f"Allow: {resp['Allow']}")]
    if issubclass(cls, JsonResponse):
        return [Variant(f"{cls.__name__}({{}})", cls({}).status_code)]
    if issubclass(cls, FileResponse):
        return [Variant(f"{cls.__name__}(BytesIO())", cls(io.BytesIO(b"")).status_code)]
    if issubclass(cls, StreamingHttpResponse):
        return [Variant(f"{cls.__name__}(iter([]))", cls(iter([])).status_code)]
    return [Variant(f"{cls.__name__}()", cls().status_code)]


def probe_exception(cls) -> list[Variant]:
    def view(request):
        try:
            exc = cls("probe")
        except TypeError:
            exc = cls()
        raise exc

    return [outcome_variant(f"`raise {cls.__name__}` in a view", through_client(view))]


def probe_redirect(fn):
    def view_for(**kwargs):
        return lambda request: fn("home", **kwargs)

    return [
        outcome_variant("redirect('home')", through_client(view_for())),
        outcome_variant("redirect('home', permanent=True)", through_client(view_for(permanent=True)),
                        ("permanent",)),
        outcome_variant("redirect('home', preserve_request=True)",
                        through_client(view_for(preserve_request=True)), ("preserve_request",)),
        outcome_variant("redirect('home', permanent=True, preserve_request=True)",
                        through_client(view_for(permanent=True, preserve_request=True)),
                        ("308",)),
    ]


def probe_get_or_404(fn):
    from tutorapp.models import Article

    def missing(request):
        fn(Article, id=999) if fn.__name__ == "get_object_or_404" else fn(Article, title="nope")
        return ok_view(request)

    def present(request):
        fn(Article, id=1) if fn.__name__ == "get_object_or_404" else fn(Article, title="Hello")
        return ok_view(request)

    return [
        outcome_variant(f"{fn.__name__}(Article, ...) on a missing row", through_client(missing)),
        outcome_variant(f"{fn.__name__}(Article, ...) on an existing row",
                        through_client(present, setup=["article"]), ("exist",)),
    ]


def probe_render(fn):
    return [outcome_variant("render(request, 'probe.html')",
                            through_client(lambda r: fn(r, "probe.html")))]


def probe_login_required(fn):
    return [
        outcome_variant("anonymous GET", through_client(fn(ok_view))),
        outcome_variant("logged-in GET", through_client(fn(ok_view), user="user"), ("logged-in", "logged in", "authenticated")),
    ]


def probe_permission_required(fn):
    return [
        outcome_variant(f"permission_required({PERM!r}), logged-in user without it",
                        through_client(fn(PERM)(ok_view), user="user")),
        outcome_variant(f"permission_required({PERM!r}), anonymous",
                        through_client(fn(PERM)(ok_view))),
        outcome_variant(f"permission_required({PERM!r}, raise_exception=True), logged-in user without it",
                        through_client(fn(PERM, raise_exception=True)(ok_view), user="user"),
                        ("raise_exception",)),
    ]


def probe_user_passes_test(fn):
    view = fn(lambda u: u.is_staff)(ok_view)
    return [
        outcome_variant("user_passes_test(is_staff), logged-in non-staff", through_client(view, user="user")),
        outcome_variant("user_passes_test(is_staff), anonymous", through_client(view)),
    ]


def probe_require_methods(fn, name):
    if name == "require_http_methods":
        view = fn(["GET"])(ok_view)
        return [
            outcome_variant("require_http_methods(['GET']), POST", through_client(view, method="POST", csrf="token")),
            outcome_variant("require_http_methods(['GET']), HEAD", through_client(view, method="HEAD")),
            outcome_variant("require_http_methods(['GET']), GET", through_client(view), ("allowed",)),
        ]
    view = fn(ok_view)
    wrong = {"require_GET": "POST", "require_POST": "GET", "require_safe": "POST"}[name]
    return [outcome_variant(f"{name}, {wrong}", through_client(view, method=wrong, csrf="token"))]


def probe_conditional(fn, name):
    stamp = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    if name in ("condition", "etag"):
        etag_func = lambda request, *a, **k: '"v1"'  # noqa: E731
        deco = fn(etag_func=etag_func) if name == "condition" else fn(etag_func)
        view = deco(ok_view)
        return [
            outcome_variant(f"{name}(etag_func -> \"v1\"), GET If-None-Match: \"v1\"",
                            through_client(view, headers={"If-None-Match": '"v1"'})),
            outcome_variant(f"{name}(etag_func -> \"v1\"), PUT If-Match: \"v0\"",
                            through_client(view, method="PUT", csrf="token", headers={"If-Match": '"v0"'}),
                            ("If-Match", "412", "precondition")),
        ]
    view = fn(lambda request, *a, **k: stamp)(ok_view)
    return [
        outcome_variant("last_modified(2024-01-01), GET If-Modified-Since: that date",
                        through_client(view, headers={"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"})),
        outcome_variant("last_modified(2024-01-01), PUT If-Unmodified-Since: a day earlier",
                        through_client(view, method="PUT", csrf="token",
                                       headers={"If-Unmodified-Since": "Sun, 31 Dec 2023 00:00:00 GMT"}),
                        ("If-Unmodified-Since", "412", "precondition")),
    ]


def probe_csrf(fn, name):
    view = fn(ok_view)
    return [outcome_variant(f"{name}, POST without a CSRF token", through_client(view, method="POST"))]


def probe_simple_decorator(fn, name, factory_args=None):
    deco = fn(*factory_args) if factory_args is not None else fn
    return [outcome_variant(f"{name}, GET", through_client(deco(ok_view)))]


def probe_mixin(cls, name):
    from django.views import View

    attrs = {"get": lambda self, request, *a, **k: ok_view(request)}
    if name == "PermissionRequiredMixin":
        attrs["permission_required"] = PERM
    if name == "UserPassesTestMixin":
        attrs["test_func"] = lambda self: self.request.user.is_staff
    view_cls = type(f"Probe{name}", (cls, View), attrs)
    view = view_cls.as_view()
    if name == "LoginRequiredMixin":
        return [outcome_variant("anonymous GET", through_client(view))]
    return [
        outcome_variant("logged-in user who fails the check", through_client(view, user="user")),
        outcome_variant("anonymous GET", through_client(view), ("anonymous", "logged-out", "not logged in")),
    ]


def probe_view_class(cls, name):
    if name == "RedirectView":
        return [
            outcome_variant("RedirectView.as_view(url='/target/')", through_client(cls.as_view(url="/target/"))),
            outcome_variant("RedirectView.as_view(url='/target/', permanent=True)",
                            through_client(cls.as_view(url="/target/", permanent=True)), ("permanent",)),
        ]
    if name == "TemplateView":
        return [outcome_variant("TemplateView(template_name='probe.html')",
                                through_client(cls.as_view(template_name="probe.html")))]
    view = type("ProbeGetOnly", (cls,), {"get": lambda self, request, *a, **k: ok_view(request)}).as_view()
    return [
        outcome_variant(f"{name} subclass with only get(), POST",
                        through_client(view, method="POST", csrf="token")),
        outcome_variant(f"{name} subclass with only get(), GET", through_client(view)),
    ]


def probe_default_view(fn, name):
    from django.core.exceptions import BadRequest, PermissionDenied
    from django.http import Http404

    req = _request()
    if name == "page_not_found":
        resp = fn(req, Http404("probe"))
    elif name == "server_error":
        resp = fn(req)
    elif name == "bad_request":
        resp = fn(req, BadRequest("probe"))
    elif name == "permission_denied":
        resp = fn(req, PermissionDenied("probe"))
    elif name == "csrf_failure":
        resp = fn(req, reason="probe")
    else:
        return None
    return [Variant(f"{name}(request, ...)", resp.status_code)]


def probes_for_csrf_middleware():
    return [
        outcome_variant("POST without a CSRF token (CsrfViewMiddleware on)", through_client(ok_view, method="POST")),
        outcome_variant("POST with a valid CSRF token", through_client(ok_view, method="POST", csrf="token"),
                        ("with a valid token", "with a token")),
    ]


def probes_for(module: str, name: str, obj):
    from django.http.response import HttpResponseBase
    from django.views import View

    if module.startswith("rest_framework"):
        from harness.drfnames import probes

        return probes(name, obj, through_client, outcome_variant)

    if isinstance(obj, type):
        if issubclass(obj, HttpResponseBase):
            return probe_response_class(obj)
        if issubclass(obj, BaseException):
            return probe_exception(obj)
        if name in ("LoginRequiredMixin", "PermissionRequiredMixin", "UserPassesTestMixin"):
            return probe_mixin(obj, name)
        if issubclass(obj, View):
            return probe_view_class(obj, name)
        if name == "CsrfViewMiddleware":
            return probes_for_csrf_middleware()
        if name == "CommonMiddleware":
            return [outcome_variant("GET /probe (no slash; /probe/ exists), APPEND_SLASH on",
                                    through_client_path(ok_view, "/probe"))]
        return None
    simple = {
        "csrf_exempt": None, "ensure_csrf_cookie": None, "requires_csrf_token": None,
        "never_cache": None, "gzip_page": None, "vary_on_cookie": None,
        "xframe_options_deny": None, "xframe_options_sameorigin": None,
        "xframe_options_exempt": None, "login_not_required": None,
        "cache_page": (60,), "cache_control": None, "vary_on_headers": ("Accept",),
    }
    if name == "redirect":
        return probe_redirect(obj)
    if name == "redirect_to_login":
        return [outcome_variant("redirect_to_login(request.get_full_path())",
                                through_client(lambda r: obj(r.get_full_path())))]
    if name in ("get_object_or_404", "get_list_or_404"):
        return probe_get_or_404(obj)
    if name == "render":
        return probe_render(obj)
    if name == "login_required":
        return probe_login_required(obj)
    if name == "permission_required":
        return probe_permission_required(obj)
    if name == "user_passes_test":
        return probe_user_passes_test(obj)
    if name in ("require_http_methods", "require_GET", "require_POST", "require_safe"):
        return probe_require_methods(obj, name)
    if name in ("condition", "etag", "last_modified"):
        return probe_conditional(obj, name)
    if name == "csrf_protect":
        return probe_csrf(obj, name)
    if name == "cache_control":
        return [outcome_variant("cache_control(max_age=60), GET", through_client(obj(max_age=60)(ok_view)))]
    if name in simple:
        return probe_simple_decorator(obj, name, simple[name])
    if name in ("page_not_found", "server_error", "bad_request", "permission_denied", "csrf_failure"):
        return probe_default_view(obj, name)
    return None


def kind_problem(kind: str, obj) -> str | None:
    is_class = isinstance(obj, type)
    if kind == "exception":
        if not (is_class and issubclass(obj, BaseException)):
            return "kind = \"exception\" but it is not an exception class"
    elif kind in ("class", "mixin"):
        if not is_class:
            return f"kind = \"{kind}\" but it is not a class"
    elif kind in ("decorator", "shortcut", "function"):
        if is_class or not callable(obj):
            return f"kind = \"{kind}\" but it is not a function"
    return None


def check_django_names(entries: list, rel: str, report: Report) -> int:
    """Returns how many names were checked."""
    checked = 0
    seen = set()
    for index, entry in enumerate(entries, 1):
        name = entry.get("name", "")
        module = entry.get("module", "")
        where = f"{rel} [[django]] {name or f'#{index}'}"
        if (module, name) in seen:
            report.fail(where, f"duplicate entry for {module}.{name}")
        seen.add((module, name))
        try:
            mod = importlib.import_module(module)
        except Exception as exc:
            report.fail(where, f"module `{module}` does not import: {type(exc).__name__}: {exc}")
            continue
        if not hasattr(mod, name):
            report.fail(where, f"`{module}` has no name `{name}` in Django {_django_version()}")
            continue
        obj = getattr(mod, name)
        checked += 1
        kind = entry.get("kind")
        problem = kind_problem(kind, obj) if kind in KINDS else (
            f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}" if kind is not None else None)
        if problem:
            report.fail(where, problem)
        status = entry.get("status")
        if status is None:
            report.ok(where, f"exists in {module} (no status claimed)")
            continue
        try:
            variants = probes_for(module, name, obj)
        except Exception as exc:
            report.fail(where, f"exists; probing its status failed: {type(exc).__name__}: {exc}")
            continue
        if not variants:
            report.skip(where, f"exists in {module}; status {status} NOT verified (no probe for this name)")
            continue
        text = f"{name} {entry.get('summary', '')}".lower()
        match = None
        for variant in variants:
            if variant.status != status:
                continue
            if not variant.keywords or any(k.lower() in text for k in variant.keywords):
                match = variant
                break
        if match:
            report.ok(where, f"exists in {module}; status {status} confirmed: {match.describe()}")
        else:
            real = "; ".join(v.describe() for v in variants)
            report.fail(where, f"status expected {status} (codes.toml), real Django: {real}")
    return checked


def _django_version() -> str:
    import django

    return django.get_version()
