# wrong: no conditional decorator: no ETag, and a stale If-Match overwrites the article
import json

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["GET", "HEAD", "PUT"])
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    if request.method == "PUT":
        article.title = json.loads(request.body)["title"]
        article.save()
    return JsonResponse({"id": article.id, "title": article.title})
