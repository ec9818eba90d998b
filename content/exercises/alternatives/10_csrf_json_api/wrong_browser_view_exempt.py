# wrong: add_note is exempted too, so a forged cross-site form post creates notes
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


@csrf_exempt
@login_required
@require_POST
def add_note(request):
    article = Article.objects.create(title=request.POST.get("title", "note"), author=request.user)
    return JsonResponse({"id": article.id}, status=HTTPStatus.CREATED)
