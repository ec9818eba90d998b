# wrong: a logged-in browser session is accepted in place of a token (200 without Authorization)
from http import HTTPStatus

from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


def profile(request):
    if request.user.is_authenticated:
        return JsonResponse({"username": request.user.username})
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    username = TOKENS.get(token) if scheme.lower() == "bearer" else None
    if username is None:
        response = JsonResponse({"error": "authentication required"}, status=HTTPStatus.UNAUTHORIZED)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
    return JsonResponse({"username": username})
