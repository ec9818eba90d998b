"""The throwaway Django project a learner's view runs in, configured in code.

DEBUG=False, SQLite in memory, the full middleware stack with CSRF enforced, users alice
(logged in, not staff) and admin (staff), the test models Article and Product, Django REST
framework with its `authtoken` app (DRF's default settings; an exercise may override
`REST_FRAMEWORK`, see `settings_for`), and the named URLs home (/), dashboard (/dashboard/)
and login (/accounts/login/).
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import types

USERS = {
    # user kind in a check -> (username, staff + superuser)
    "user": ("alice", False),
    "staff": ("admin", True),
}
SETUP_ROWS = ("article", "article-2", "product", "product-2", "token")
MODELS = ("Article", "Product")

_urlconfs = itertools.count(1)
# Whether this process made its in-memory tables. The warm server configures Django but
# never opens the database, so each forked child starts with none and makes its own.
_tables_made = False


def configure() -> None:
    """Settings, apps, and this process's in-memory tables (once)."""
    global _tables_made
    configure_settings()
    if _tables_made:
        return
    make_tables()
    _tables_made = True


def make_tables() -> None:
    """Every model's table (and its many-to-many tables) straight from the model: about five
    times faster than `migrate --run-syncdb`, paid on every run. What migrate adds after is
    left out: permission rows (no check gives a user one; superusers need none) and content
    types (made when first asked for)."""
    from django.apps import apps
    from django.db import connection

    with connection.schema_editor() as editor:
        for model in apps.get_models():
            opts = model._meta
            # a proxy (authtoken's TokenProxy) shares its parent's table; unmanaged and
            # swapped models have none of their own
            if opts.proxy or not opts.managed or opts.swapped:
                continue
            editor.create_model(model)


def configure_settings() -> None:
    """Settings and apps only, no database connection: safe to fork after."""
    import django
    from django.conf import settings

    if settings.configured:
        return
    # DRF is pinned beside Django (`practice setup` installs both); a Python with Django
    # alone still runs the plain-Django exercises, and a DRF one says what it cannot import.
    drf = ["rest_framework", "rest_framework.authtoken"] if has_drf() else []
    settings.configure(
        DEBUG=False,
        SECRET_KEY="status-tutor-practice-not-a-secret",
        ALLOWED_HOSTS=["testserver"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            *drf,  # rest_framework.authtoken: the Token model TokenAuthentication reads
            "status_tutor_checker.apps.PracticeConfig",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
        ],
        ROOT_URLCONF=make_urlconf([]),
        LOGIN_URL="/accounts/login/",
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": False,
            "OPTIONS": {"context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ]},
        }],
        # Tables straight from the models (make_tables, no migrations): the run starts faster.
        MIGRATION_MODULES={app: None for app in ("auth", "contenttypes", "sessions", "authtoken", "practice")},
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()


def flush() -> None:
    """Empty every table (users and tokens too), ids restarting at 1."""
    from django.core.management.color import no_style
    from django.db import connection

    tables = connection.introspection.django_table_names(only_existing=True)
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))


def has_drf() -> bool:
    import importlib.util

    return importlib.util.find_spec("rest_framework") is not None


def reset(setup: list) -> dict:
    """Empty every table, create the users and the rows a check asks for; returns the users.
    The cache is not cleared here but once per run, so checks can count (rate limits)."""
    from django.contrib.auth.models import User

    flush()
    users = {}
    for kind, (username, staff) in USERS.items():
        users[kind] = User.objects.create_user(
            username=username, email=f"{username}@example.com", password=f"{username}-password",
            is_staff=staff, is_superuser=staff,
        )
    from .models import Article, Product

    for row in setup:
        if row == "article":
            Article.objects.create(id=1, title="Hello", content="World", author=users["user"])
        elif row == "article-2":
            # a title that sorts before "Hello": ordering by title is not ordering by age
            Article.objects.create(id=2, title="Another", content="Second", author=users["staff"])
        elif row == "product":
            Product.objects.create(id=1, name="Widget", price="9.99")
        elif row == "product-2":
            Product.objects.create(id=2, name="Gizmo", price="4.50")
        elif row == "token" and has_drf():
            from rest_framework.authtoken.models import Token

            Token.objects.create(key="alice-token", user=users["user"])
    return users


def clear_cache() -> None:
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def _page(name):
    from django.http import HttpResponse

    def view(request, *args, **kwargs):
        return HttpResponse(f"{name} page")

    view.__name__ = f"builtin_{name}"
    return view


def is_viewset(obj) -> bool:
    if not has_drf():
        return False
    from rest_framework.viewsets import ViewSetMixin

    return isinstance(obj, type) and issubclass(obj, ViewSetMixin)


def patterns(route: str, name: str, view) -> list:
    """The URL patterns for one mounted view: a view or class-based view at `route`, named
    after it (so `redirect("thanks")` works); a DRF ViewSet through a SimpleRouter, as a
    project mounts it: `api/notes/` gives `api/notes/` (`<name>-list`) and
    `api/notes/<pk>/` (`<name>-detail`)."""
    from django.urls import path

    if is_viewset(view):
        from rest_framework.routers import SimpleRouter

        router = SimpleRouter()
        router.register(route.strip("/"), view, basename=name)
        return list(router.urls)
    if isinstance(view, type) and hasattr(view, "as_view"):
        view = view.as_view()
    return [path(route, view, name=name)]


def settings_for(overrides: dict, module_name: str) -> dict:
    """An exercise's settings (`settings.REST_FRAMEWORK`, ...) for override_settings. A dotted
    path `views.NAME` in them names NAME in the module that holds the views (the learner's
    file, or the exercise's view for a test-writing exercise): EXCEPTION_HANDLER and the
    like can point at a function the learner writes."""

    def resolve(value):
        if isinstance(value, str) and value.startswith("views."):
            return module_name + value[len("views"):]
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        return value

    return {name: resolve(value) for name, value in (overrides or {}).items()}


# DRF copies these settings into class attributes when it is imported, so overriding
# REST_FRAMEWORK alone would not reach them: (module, class, attribute, setting).
_DRF_CLASS_SETTINGS = [
    ("rest_framework.views", "APIView", attr, setting) for attr, setting in (
        ("renderer_classes", "DEFAULT_RENDERER_CLASSES"),
        ("parser_classes", "DEFAULT_PARSER_CLASSES"),
        ("authentication_classes", "DEFAULT_AUTHENTICATION_CLASSES"),
        ("throttle_classes", "DEFAULT_THROTTLE_CLASSES"),
        ("permission_classes", "DEFAULT_PERMISSION_CLASSES"),
        ("content_negotiation_class", "DEFAULT_CONTENT_NEGOTIATION_CLASS"),
        ("metadata_class", "DEFAULT_METADATA_CLASS"),
        ("versioning_class", "DEFAULT_VERSIONING_CLASS"),
    )
] + [
    ("rest_framework.generics", "GenericAPIView", "filter_backends", "DEFAULT_FILTER_BACKENDS"),
    ("rest_framework.generics", "GenericAPIView", "pagination_class", "DEFAULT_PAGINATION_CLASS"),
    ("rest_framework.throttling", "SimpleRateThrottle", "THROTTLE_RATES", "DEFAULT_THROTTLE_RATES"),
]


@contextlib.contextmanager
def mounted(routes: list, overrides: dict, module_name: str):
    """The URLconf of `routes` and the exercise's settings in force (see `settings_for`),
    also where DRF copied them at import (`_DRF_CLASS_SETTINGS`), as if the project's
    settings.py had said them from the start. Everything is put back afterwards."""
    import importlib

    from django.test.utils import override_settings

    settings = settings_for(overrides, module_name)
    with override_settings(ROOT_URLCONF=make_urlconf(routes), **settings):
        saved = []
        try:
            if settings.get("REST_FRAMEWORK") and has_drf():
                from rest_framework.settings import api_settings

                for module, cls, attr, setting in _DRF_CLASS_SETTINGS:
                    owner = getattr(importlib.import_module(module), cls)
                    saved.append((owner, attr, owner.__dict__[attr]))
                    setattr(owner, attr, getattr(api_settings, setting))
            yield
        finally:
            for owner, attr, value in saved:
                setattr(owner, attr, value)


def make_urlconf(routes: list) -> str:
    """A new URLconf module: `routes` [(route, view name, view)] first (see `patterns`), then
    the built-in named URLs."""
    from django.urls import path

    name = f"status_tutor_practice_urls_{next(_urlconfs)}"
    module = types.ModuleType(name)
    module.urlpatterns = [p for route, view_name, view in routes for p in patterns(route, view_name, view)] + [
        path("", _page("home"), name="home"),
        path("dashboard/", _page("dashboard"), name="dashboard"),
        path("accounts/login/", _page("login"), name="login"),
    ]
    sys.modules[name] = module
    return name
