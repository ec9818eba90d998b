# ok: csrf_exempt called on the finished view instead of used as a decorator; add_note via a ModelForm
from http import HTTPStatus

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Article

API_TOKEN = "demo-token"


class NoteForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title"]


@require_POST
def _api_ping(request):
    if request.headers.get("Authorization") != f"Bearer {API_TOKEN}":
        response = JsonResponse({"error": "token required"}, status=HTTPStatus.UNAUTHORIZED)
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
    return JsonResponse({"pong": True})


api_ping = csrf_exempt(_api_ping)


@login_required
@require_POST
def add_note(request):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=HTTPStatus.BAD_REQUEST)
    note = form.save(commit=False)
    note.author = request.user
    note.save()
    return JsonResponse({"id": note.id}, status=HTTPStatus.CREATED)
