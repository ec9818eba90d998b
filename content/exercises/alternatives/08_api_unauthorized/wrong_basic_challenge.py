# wrong: the challenge names the Basic scheme, but this API takes Bearer tokens
from http import HTTPStatus

from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


def profile(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    username = TOKENS.get(token) if scheme.lower() == "bearer" else None
    if username is None:
        response = JsonResponse({"error": "authentication required"}, status=HTTPStatus.UNAUTHORIZED)
        response["WWW-Authenticate"] = 'Basic realm="api"'
        return response
    return JsonResponse({"username": username})
