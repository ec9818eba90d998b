# ok: @etag(article_etag) instead of @condition, the JSON body read before saving
import json

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import etag, require_http_methods

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_http_methods(["GET", "HEAD", "PUT"])
@etag(article_etag)
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    if request.method == "PUT":
        data = json.loads(request.body)
        article.title = data["title"]
        article.save(update_fields=["title"])
    return JsonResponse({"id": article.id, "title": article.title})
