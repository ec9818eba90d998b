"""The throwaway Django project a learner's view runs in, configured in code.

DEBUG=False, SQLite in memory, the full middleware stack with CSRF enforced, users alice
(logged in, not staff) and admin (staff), the test models Article and Product, and the
named URLs home (/), dashboard (/dashboard/) and login (/accounts/login/).
"""

from __future__ import annotations

import itertools
import sys
import types

USERS = {
    # user kind in a check -> (username, staff + superuser)
    "user": ("alice", False),
    "staff": ("admin", True),
}
SETUP_ROWS = ("article", "article-2", "product", "product-2")
MODELS = ("Article", "Product")

_urlconfs = itertools.count(1)


def configure() -> None:
    import django
    from django.conf import settings

    if settings.configured:
        return
    settings.configure(
        DEBUG=False,
        SECRET_KEY="status-tutor-practice-not-a-secret",
        ALLOWED_HOSTS=["testserver"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
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
        # Tables straight from the models (no migration files to apply): the run starts faster.
        MIGRATION_MODULES={app: None for app in ("auth", "contenttypes", "sessions", "practice")},
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)


def reset(setup: list) -> dict:
    """Empty every table, create the users and the rows a check asks for; returns the users.
    The cache is not cleared here but once per run, so checks can count (rate limits)."""
    from django.contrib.auth.models import User
    from django.core.management.color import no_style
    from django.db import connection

    tables = connection.introspection.django_table_names(only_existing=True)
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))
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


def make_urlconf(routes: list) -> str:
    """A new URLconf module: `routes` [(route, view name, view)] first, each named after its
    view (so `redirect("thanks")` works), then the built-in named URLs."""
    from django.urls import path

    name = f"status_tutor_practice_urls_{next(_urlconfs)}"
    module = types.ModuleType(name)
    module.urlpatterns = [path(route, view, name=name) for route, name, view in routes] + [
        path("", _page("home"), name="home"),
        path("dashboard/", _page("dashboard"), name="dashboard"),
        path("accounts/login/", _page("login"), name="login"),
    ]
    sys.modules[name] = module
    return name
