# ok: the token compared in constant time (secrets.compare_digest), integer statuses, headers=
import secrets

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Article

API_TOKEN = "demo-token"


@csrf_exempt
@require_POST
def api_ping(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token, API_TOKEN):
        return JsonResponse({"error": "token required"}, status=401,
                            headers={"WWW-Authenticate": 'Bearer realm="api"'})
    return JsonResponse({"pong": True})


@require_POST
@login_required
def add_note(request):
    note = Article(title=request.POST.get("title") or "note", author=request.user)
    note.save()
    return JsonResponse({"id": note.pk}, status=201)
