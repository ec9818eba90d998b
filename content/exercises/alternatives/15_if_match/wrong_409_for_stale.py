# wrong: a stale If-Match answers 409 Conflict instead of 412 Precondition Failed
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import etag, require_http_methods

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_http_methods(["GET", "HEAD"])
@etag(article_etag)
def read_article(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    return JsonResponse({"id": article.id, "title": article.title})


def article_detail(request, article_id):
    if request.method != "PUT":
        return read_article(request, article_id)
    article = get_object_or_404(Article, id=article_id)
    if request.headers.get("If-Match") != f'"{article_etag(request, article_id)}"':
        return JsonResponse({"error": "edited by someone else"}, status=HTTPStatus.CONFLICT)
    article.title = json.loads(request.body)["title"]
    article.save()
    return JsonResponse({"id": article.id, "title": article.title})
