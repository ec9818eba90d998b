# ok: add_note as a class-based View with LoginRequiredMixin (CSRF kept); api_ping checks the method by hand
from http import HTTPStatus

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseNotAllowed, JsonResponse
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .models import Article

API_TOKEN = "demo-token"  # demo only: real APIs keep one token per client


@csrf_exempt
def api_ping(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.headers.get("Authorization") != f"Bearer {API_TOKEN}":
        return JsonResponse({"error": "token required"}, status=HTTPStatus.UNAUTHORIZED,
                            headers={"WWW-Authenticate": 'Bearer realm="api"'})
    return JsonResponse({"pong": True})


class AddNoteView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        note = Article.objects.create(title=request.POST.get("title", "note"), author=request.user)
        return JsonResponse({"id": note.id, "title": note.title}, status=HTTPStatus.CREATED)


add_note = AddNoteView.as_view()
