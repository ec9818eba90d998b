# ok: a reusable token_required decorator, HttpResponse with json.dumps and a charset, @require_safe
import json
from functools import wraps
from http import HTTPStatus

from django.http import HttpResponse
from django.views.decorators.http import require_safe

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}
JSON = "application/json; charset=utf-8"


def token_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        auth = request.headers.get("Authorization", "")
        token = auth[len("Bearer "):] if auth[:len("Bearer ")].lower() == "bearer " else None
        username = TOKENS.get(token) if token else None
        if username is None:
            response = HttpResponse(json.dumps({"error": "authentication required"}),
                                    status=HTTPStatus.UNAUTHORIZED, content_type=JSON)
            response["WWW-Authenticate"] = "Bearer"
            return response
        request.token_username = username
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@token_required
def profile(request):
    return HttpResponse(json.dumps({"username": request.token_username}), content_type=JSON)
