# wrong: the 401 is a text page, not the JSON error the task names
from http import HTTPStatus

from django.http import HttpResponse, JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


def profile(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    username = TOKENS.get(token) if scheme.lower() == "bearer" else None
    if username is None:
        response = HttpResponse("Authentication required", status=HTTPStatus.UNAUTHORIZED)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
    return JsonResponse({"username": username})
