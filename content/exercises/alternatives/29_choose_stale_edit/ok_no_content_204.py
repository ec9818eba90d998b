# ok: 204 No Content after the save, the compare-and-save in one UPDATE, the clash as 409 with the current title
import json
from http import HTTPStatus

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["PUT"])
def update_title(request, article_id):
    data = json.loads(request.body)
    saved = Article.objects.filter(pk=article_id, title=data["old_title"]).update(title=data["title"])
    if saved:
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    current = Article.objects.filter(pk=article_id).values_list("title", flat=True).first()
    return JsonResponse({"current_title": current}, status=HTTPStatus.CONFLICT)
