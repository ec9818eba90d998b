"""Status probes for the Django REST framework names in codes.toml ([[django]] entries whose
module is rest_framework.*): each raises or answers inside a real APIView."""

from __future__ import annotations


def _api_view(get, **attrs):
    from rest_framework.views import APIView

    body = {"get": lambda self, request, *a, **k: get(request)}
    body.update(attrs)
    return type("ProbeAPIView", (APIView,), body).as_view()


def _ok(request):
    from rest_framework.response import Response

    return Response({"ok": True})


def probes(name: str, obj, through_client, outcome_variant):
    """Variants for `name`, or None when there is no probe for it."""
    from rest_framework.authentication import BasicAuthentication, SessionAuthentication
    from rest_framework.exceptions import (
        APIException, MethodNotAllowed, Throttled, UnsupportedMediaType,
    )
    from rest_framework.permissions import IsAuthenticated

    if isinstance(obj, type) and issubclass(obj, APIException):
        def make():
            if obj is MethodNotAllowed:
                return obj("POST")
            if obj is Throttled:
                return obj(wait=60)
            if obj is UnsupportedMediaType:
                return obj("text/plain")
            return obj()

        def raising(request):
            raise make()

        variants = [outcome_variant(f"`raise {name}()` in an APIView (default authentication)",
                                    through_client(_api_view(raising)))]
        if name in ("NotAuthenticated", "AuthenticationFailed"):
            view = _api_view(raising, authentication_classes=[BasicAuthentication])
            variants.append(outcome_variant(
                f"`raise {name}()` with BasicAuthentication first",
                through_client(view), ("Basic", "challenge", "WWW-Authenticate")))
        return variants
    if name == "Response":
        return [outcome_variant("Response({'ok': True}) from an APIView", through_client(_api_view(_ok)))]
    if name == "APIView":
        return [
            outcome_variant("APIView with only get(), POST", through_client(_api_view(_ok), method="POST")),
            outcome_variant("APIView with only get(), GET", through_client(_api_view(_ok)), ("GET",)),
        ]
    if name in ("SessionAuthentication", "BasicAuthentication"):
        view = _api_view(_ok, authentication_classes=[obj], permission_classes=[IsAuthenticated])
        return [outcome_variant(f"IsAuthenticated with [{name}], anonymous GET", through_client(view))]
    if name == "IsAuthenticated":
        session = _api_view(_ok, authentication_classes=[SessionAuthentication],
                            permission_classes=[obj])
        basic = _api_view(_ok, authentication_classes=[BasicAuthentication],
                          permission_classes=[obj])
        return [
            outcome_variant("IsAuthenticated, SessionAuthentication first, anonymous", through_client(session)),
            outcome_variant("IsAuthenticated, BasicAuthentication first, anonymous", through_client(basic),
                            ("Basic", "challenge")),
        ]
    if name in ("AnonRateThrottle", "UserRateThrottle"):
        throttle = type("ProbeThrottle", (obj,), {"rate": "1/min"})
        view = _api_view(_ok, throttle_classes=[throttle])
        user = "anonymous" if name == "AnonRateThrottle" else "user"
        through_client(view, user=user)
        return [outcome_variant(f"{name} with rate 1/min, second request",
                                through_client(view, user=user, reset=False))]
    return None
