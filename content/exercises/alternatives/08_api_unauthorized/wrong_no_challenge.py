# wrong: the 401 has no WWW-Authenticate header, so the client is not told how to authenticate
from http import HTTPStatus

from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


def profile(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    username = TOKENS.get(token) if scheme.lower() == "bearer" else None
    if username is None:
        return JsonResponse({"error": "authentication required"}, status=HTTPStatus.UNAUTHORIZED)
    return JsonResponse({"username": username})
