"""The minimal Django project the samples run in, configured in code.

Django 5.2, DEBUG=False, SQLite in memory, the full middleware stack with CSRF enforced,
users alice (not staff) and admin (staff + superuser), models Article and Product in the
``tutorapp`` test app, and the named URLs home (/), dashboard (/dashboard/) and
login (/accounts/login/) in every URLconf.
"""

from __future__ import annotations

import itertools
import logging
import sys
import types
from dataclasses import dataclass, field

import django
from django.conf import settings
from status_tutor_checker import exchange  # on sys.path via run.py

USERS = {
    # user key in the TOML -> (username, password, staff+superuser)
    "user": ("alice", "alice-password", False),
    "staff": ("admin", "admin-password", True),
}
USER_KINDS = ("anonymous", "user", "staff")
SETUP_ROWS = ("article", "article-2", "product", "product-2")
MODELS = ("Article", "Product")
BUILTIN_URL_NAMES = {"home": "/", "dashboard": "/dashboard/", "login": "/accounts/login/"}
PROBE_TEMPLATES = {
    "probe.html": "ok",
}

_configured = False
_url_counter = itertools.count(1)


def configure() -> None:
    global _configured
    if _configured:
        return
    settings.configure(
        DEBUG=False,
        SECRET_KEY="status-tutor-django-harness-not-a-secret",
        ALLOWED_HOSTS=["testserver"],
        DATABASES={
            "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
        },
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            "tutorapp.apps.TutorAppConfig",
            "rest_framework",
            "rest_framework.authtoken",  # Token model for TokenAuthentication samples
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
        ],
        ROOT_URLCONF="harness.project_urls",  # replaced per code block
        LOGIN_URL="/accounts/login/",
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [],
                "APP_DIRS": False,
                "OPTIONS": {
                    "loaders": [
                        ("django.template.loaders.locmem.Loader", dict(PROBE_TEMPLATES))
                    ],
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                    ],
                },
            }
        ],
        # Fast hashing: users are re-created before every request.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        # With ADMINS set, Django's default logging mails every django.request ERROR record
        # (a request may check how many mails it caused: expect_mails).
        ADMINS=[("Admin", "admin@example.com")],
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    _configured = True


# ---------------------------------------------------------------- database state

def flush() -> None:
    """Empty the data tables, ids restarting at 1 (no users either)."""
    from django.contrib.auth.models import User
    from django.contrib.sessions.models import Session
    from django.core.management.color import no_style
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from tutorapp.models import Article, Product

    tables = [
        Token._meta.db_table,
        Article._meta.db_table,
        Product._meta.db_table,
        User.groups.through._meta.db_table,
        User.user_permissions.through._meta.db_table,
        User._meta.db_table,
        Session._meta.db_table,
    ]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    connection.ops.execute_sql_flush(statements)


def reset_state() -> dict:
    """Empty the data tables (sequences reset) and create the two users again."""
    from django.contrib.auth.models import User

    flush()
    users = {}
    for key, (username, password, staff) in USERS.items():
        users[key] = User.objects.create_user(
            username=username,
            email=f"{username}@example.com",
            password=password,
            is_staff=staff,
            is_superuser=staff,
        )
    return users


def create_rows(setup: list[str], users: dict) -> None:
    from tutorapp.models import Article, Product

    for row in setup:
        if row == "article":
            Article.objects.create(id=1, title="Hello", content="World", author=users["user"])
        elif row == "article-2":
            Article.objects.create(id=2, title="Another", content="Second", author=users["staff"])
        elif row == "product":
            Product.objects.create(id=1, name="Widget")
        elif row == "product-2":
            Product.objects.create(id=2, name="Gizmo")
        else:  # validated before
            raise ValueError(row)


def clear_cache() -> None:
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


# ---------------------------------------------------------------- URL confs

def _builtin_view(name):
    from django.http import HttpResponse

    def view(request, *args, **kwargs):
        return HttpResponse(f"{name} page")

    view.__name__ = f"builtin_{name}"
    return view


RAISES = {
    # /raise/<code>/ (also under any prefix, e.g. /api/raise/404/) raises, so that a
    # sample's error handlers (verify.handlers) can be exercised.
    400: ("django.core.exceptions", "BadRequest"),
    403: ("django.core.exceptions", "PermissionDenied"),
    404: ("django.http", "Http404"),
    500: ("builtins", "RuntimeError"),
}


def raising_view(request, code, prefix=""):
    import importlib

    from django.http import Http404

    if code not in RAISES:
        raise Http404(f"no built-in /raise/{code}/")
    module, name = RAISES[code]
    raise getattr(importlib.import_module(module), name)(f"raised by /raise/{code}/")


def builtin_patterns() -> list:
    from django.urls import path

    return [
        path("", _builtin_view("home"), name="home"),
        path("dashboard/", _builtin_view("dashboard"), name="dashboard"),
        path("accounts/login/", _builtin_view("login"), name="login"),
        path("raise/<int:code>/", raising_view),
        path("<path:prefix>/raise/<int:code>/", raising_view),
    ]


def make_urlconf(patterns: list, handlers: dict | None = None) -> str:
    """Register a new URLconf module (patterns first, then the built-in named URLs)."""
    name = f"tutor_urls_{next(_url_counter)}"
    module = types.ModuleType(name)
    module.urlpatterns = list(patterns) + builtin_patterns()
    for code, view in (handlers or {}).items():
        setattr(module, f"handler{code}", view)
    sys.modules[name] = module
    return name


# ---------------------------------------------------------------- requests

@dataclass
class Outcome:
    response: object = None
    status: int | None = None
    exceptions: list[str] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)
    # Every record as "LEVEL logger: first line" (django.request included), whether
    # got_request_exception fired, and how many mails (ADMINS) the request caused.
    all_logs: list[str] = field(default_factory=list)
    signal: bool = False
    mails: int = 0

    def header(self, name: str):
        if self.response is None:
            return None
        return self.response.headers.get(name)

    def body_text(self) -> str:
        resp = self.response
        if resp is None or getattr(resp, "streaming", False):
            return ""
        try:
            return resp.content.decode(resp.charset or "utf-8", "replace")
        except Exception:
            return ""

    def diagnostics(self) -> str:
        parts = []
        if self.exceptions:
            parts.append("view raised " + "; ".join(self.exceptions))
        if self.logs:
            parts.append("logged " + " | ".join(self.logs[:3]))
        return "; ".join(parts)


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[str] = []
        self.all_records: list[str] = []

    def emit(self, record):
        try:
            msg = record.getMessage()
        except Exception:
            msg = str(record.msg)
        line = f"{record.levelname} {record.name}: {msg.splitlines()[0] if msg else ''}"
        self.all_records.append(line)
        if record.name in ("django.request", "django.security.csrf"):
            return  # restates the status, already reported
        self.records.append(line)


def perform(
    *,
    method: str = "GET",
    path: str = "/",
    user: str = "anonymous",
    form: dict | None = None,
    json_body=None,
    headers: dict | None = None,
    csrf: str = "none",
    setup: list[str] | None = None,
    reset: bool = True,
) -> Outcome:
    """Send one request through the full stack, as the course's metadata describes it."""
    import json as jsonlib

    from django.core import mail
    from django.core.signals import got_request_exception

    users = reset_state() if reset else None
    if users is not None:
        create_rows(list(setup or []), users)
    # The request is built by the practice checker's engine: one request model for both.
    account = None
    if user != "anonymous":
        from django.contrib.auth.models import User

        account = User.objects.get(username=USERS[user][0])
    if json_body is not None and not isinstance(json_body, str):
        json_body = jsonlib.dumps(json_body)
    prepared = exchange.prepare(method=method, path=path, user=account, form=form, json_text=json_body,
                                headers=headers, csrf_token=csrf == "token")

    outcome = Outcome()

    mail.outbox = []

    def on_exception(sender, request=None, **kwargs):
        outcome.signal = True
        exc = sys.exc_info()[1]
        if exc is not None:
            outcome.exceptions.append(f"{type(exc).__name__}: {exc}")

    capture = _Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    got_request_exception.connect(on_exception)
    try:
        response = prepared.send()
    finally:
        got_request_exception.disconnect(on_exception)
        root.removeHandler(capture)
        root.setLevel(old_level)
    outcome.response = response
    outcome.status = response.status_code
    outcome.logs = capture.records
    outcome.all_logs = capture.all_records
    outcome.mails = len(getattr(mail, "outbox", []))
    return outcome
