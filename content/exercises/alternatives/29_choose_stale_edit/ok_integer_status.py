# ok: compare then save in the view, the integer 409, HttpResponse with json.dumps
import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Article


def as_json(data, status=200):
    return HttpResponse(json.dumps(data), status=status, content_type="application/json")


@require_http_methods(["PUT"])
def update_title(request, article_id):
    article = get_object_or_404(Article, pk=article_id)
    data = json.loads(request.body)
    if data["old_title"] != article.title:
        return as_json({"current_title": article.title, "error": "the article changed"}, status=409)
    article.title = data["title"]
    article.save()
    return as_json({"title": article.title, "id": article.id})
