# ok: RFC 6750 challenges: plain `Bearer` with no token, `error="invalid_token"` for a bad one
from http import HTTPStatus

from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


def unauthorized(challenge):
    response = JsonResponse({"error": "authentication required"}, status=HTTPStatus.UNAUTHORIZED)
    response["WWW-Authenticate"] = challenge
    return response


def profile(request):
    parts = request.META.get("HTTP_AUTHORIZATION", "").split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return unauthorized('Bearer realm="api"')
    username = TOKENS.get(parts[1])
    if username is None:
        return unauthorized('Bearer realm="api", error="invalid_token"')
    return JsonResponse({"username": username})
