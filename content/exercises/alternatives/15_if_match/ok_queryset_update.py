# ok: QuerySet.update() for the PUT, then the row read back; a bad body is a 400
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import condition, require_http_methods

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_http_methods(["GET", "HEAD", "PUT"])
@condition(etag_func=article_etag)
def article_detail(request, article_id):
    if request.method == "PUT":
        try:
            title = json.loads(request.body)["title"]
        except (ValueError, KeyError, TypeError):
            return JsonResponse({"error": "send a title"}, status=HTTPStatus.BAD_REQUEST)
        Article.objects.filter(id=article_id).update(title=title)
    article = get_object_or_404(Article, id=article_id)
    return JsonResponse({"id": article.id, "title": article.title})
