"""Django REST framework support for the samples: a ViewSet named in verify.urls is mounted
through a SimpleRouter (list and detail routes), as a project would."""

from __future__ import annotations


def is_viewset(obj) -> bool:
    try:
        from rest_framework.viewsets import ViewSetMixin
    except ImportError:  # DRF not installed: nothing is a viewset
        return False
    return isinstance(obj, type) and issubclass(obj, ViewSetMixin)


def viewset_patterns(route: str, viewset, basename: str | None) -> list[tuple[object, str]]:
    """(URL pattern, label) for each route the router makes for `viewset` under `route`
    (`articles/` gives `articles/` and `articles/<pk>/`)."""
    from rest_framework.routers import SimpleRouter

    router = SimpleRouter()
    prefix = route.strip("/")
    router.register(prefix, viewset, basename=basename or prefix.replace("/", "-"))
    return [(pattern, f"{viewset.__name__} ({pattern.name})") for pattern in router.urls]
