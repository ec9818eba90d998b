# wrong (side effect): add_note builds the note but never save()s it, yet answers 201
from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Article

API_TOKEN = "demo-token"


@csrf_exempt
@require_POST
def api_ping(request):
    if request.headers.get("Authorization") != f"Bearer {API_TOKEN}":
        response = JsonResponse({"error": "token required"}, status=HTTPStatus.UNAUTHORIZED)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
    return JsonResponse({"pong": True})


@login_required
@require_POST
def add_note(request):
    note = Article(title=request.POST.get("title", "note"), author=request.user)
    return JsonResponse({"id": note.id, "title": note.title}, status=HTTPStatus.CREATED)
