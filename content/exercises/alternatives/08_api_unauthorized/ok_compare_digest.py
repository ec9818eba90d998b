# ok: each known token compared in constant time (hmac.compare_digest), a JsonResponse subclass for 401
import hmac
from http import HTTPStatus

from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


class JsonUnauthorized(JsonResponse):
    status_code = HTTPStatus.UNAUTHORIZED

    def __init__(self):
        super().__init__({"error": "authentication required"})
        self["WWW-Authenticate"] = 'Bearer realm="api"'


def user_for(header):
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    for known, username in TOKENS.items():
        if hmac.compare_digest(known.encode(), token.strip().encode()):
            return username
    return None


def profile(request):
    username = user_for(request.headers.get("Authorization", ""))
    if username is None:
        return JsonUnauthorized()
    return JsonResponse({"username": username})
