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
    more = _more_probes(name, obj, through_client, outcome_variant)
    if more is not None:
        return more
    if name in ("AnonRateThrottle", "UserRateThrottle"):
        throttle = type("ProbeThrottle", (obj,), {"rate": "1/min"})
        view = _api_view(_ok, throttle_classes=[throttle])
        user = "anonymous" if name == "AnonRateThrottle" else "user"
        through_client(view, user=user)
        return [outcome_variant(f"{name} with rate 1/min, second request",
                                through_client(view, user=user, reset=False))]
    return None


def _more_probes(name: str, obj, through_client, outcome_variant):
    """Permissions, token authentication, scoped throttles, validators, pagination and
    @api_view: each inside the smallest view that shows its status."""
    from django.contrib.auth.models import User
    from rest_framework import generics, serializers
    from rest_framework.authentication import BasicAuthentication, SessionAuthentication
    from rest_framework.permissions import IsAuthenticated

    if name == "IsAuthenticatedOrReadOnly":
        session = _api_view(_ok, authentication_classes=[SessionAuthentication], permission_classes=[obj],
                            post=lambda self, request: _ok(request))
        basic = _api_view(_ok, authentication_classes=[BasicAuthentication], permission_classes=[obj],
                          post=lambda self, request: _ok(request))
        return [
            outcome_variant("IsAuthenticatedOrReadOnly, anonymous GET", through_client(session), ("GET", "read")),
            outcome_variant("IsAuthenticatedOrReadOnly, SessionAuthentication first, anonymous POST",
                            through_client(session, method="POST")),
            outcome_variant("IsAuthenticatedOrReadOnly, BasicAuthentication first, anonymous POST",
                            through_client(basic, method="POST"), ("Basic", "challenge")),
        ]
    if name == "DjangoModelPermissions":
        view = type("ProbeList", (generics.ListCreateAPIView,), {
            "queryset": User.objects.all(), "permission_classes": [obj],
            "serializer_class": type("ProbeUserSerializer", (serializers.ModelSerializer,),
                                     {"Meta": type("Meta", (), {"model": User, "fields": ["username"]})}),
        }).as_view()
        return [
            outcome_variant("DjangoModelPermissions, user without add_user, POST",
                            through_client(view, method="POST", user="user", csrf="token")),
            outcome_variant("DjangoModelPermissions, user, GET", through_client(view, user="user"),
                            ("GET", "read")),
        ]
    if name == "TokenAuthentication":
        view = _api_view(_ok, authentication_classes=[obj], permission_classes=[IsAuthenticated])
        return [outcome_variant("IsAuthenticated with [TokenAuthentication], anonymous GET", through_client(view))]
    if name == "ScopedRateThrottle":
        throttle = type("ProbeScoped", (obj,), {"THROTTLE_RATES": {"probe": "1/min"}})
        view = _api_view(_ok, throttle_classes=[throttle], throttle_scope="probe")
        through_client(view)
        return [outcome_variant("ScopedRateThrottle, scope rate 1/min, second request",
                                through_client(view, reset=False))]
    if name == "UniqueValidator":
        class Unique(serializers.Serializer):
            username = serializers.CharField(validators=[obj(queryset=User.objects.all())])

        def taken(request):
            from rest_framework.response import Response

            serializer = Unique(data={"username": "alice"})
            serializer.is_valid(raise_exception=True)
            return Response(serializer.data)

        return [outcome_variant("UniqueValidator, a taken username", through_client(_api_view(taken)))]
    if name == "PageNumberPagination":
        paginator = type("ProbePages", (obj,), {"page_size": 1})
        view = type("ProbeList", (generics.ListAPIView,), {
            "queryset": User.objects.order_by("id"), "pagination_class": paginator,
            "serializer_class": type("ProbeUserSerializer", (serializers.ModelSerializer,),
                                     {"Meta": type("Meta", (), {"model": User, "fields": ["username"]})}),
        }).as_view()

        def page_nine(request, *args, **kwargs):
            request.GET = request.GET.copy()
            request.GET["page"] = "9"
            return view(request, *args, **kwargs)

        return [outcome_variant("PageNumberPagination, ?page=9 past the end", through_client(page_nine))]
    if name == "api_view":
        from rest_framework.response import Response

        view = obj(["GET"])(lambda request: Response({"ok": True}))
        return [
            outcome_variant("@api_view([\"GET\"]), POST", through_client(view, method="POST")),
            outcome_variant("@api_view([\"GET\"]), HEAD", through_client(view, method="HEAD"), ("HEAD",)),
        ]
    return None
