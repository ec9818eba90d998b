# wrong: a missing or unknown token answers 403 Forbidden; 401 is the status that asks for credentials
from http import HTTPStatus

from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


def profile(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    username = TOKENS.get(token) if scheme.lower() == "bearer" else None
    if username is None:
        return JsonResponse({"error": "authentication required"}, status=HTTPStatus.FORBIDDEN)
    return JsonResponse({"username": username})
