# wrong: takes the last word of Authorization whatever the scheme, so `Basic alice-token` gets in
from http import HTTPStatus

from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


def profile(request):
    token = request.headers.get("Authorization", "").split(" ")[-1]
    username = TOKENS.get(token)
    if username is None:
        response = JsonResponse({"error": "authentication required"}, status=HTTPStatus.UNAUTHORIZED)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
    return JsonResponse({"username": username})
