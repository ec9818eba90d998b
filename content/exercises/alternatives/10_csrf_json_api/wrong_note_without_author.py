# wrong (side effect): the note is saved without its author (the logged-in user)
from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Article

API_TOKEN = "demo-token"  # demo only: real APIs keep one token per client


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
    article = Article.objects.create(title=request.POST.get("title", "note"))
    return JsonResponse({"id": article.id}, status=HTTPStatus.CREATED)
