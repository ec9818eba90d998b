# wrong (side effect): the PUT changes the title in memory and answers it, but never save()s
import json

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
    article = get_object_or_404(Article, id=article_id)
    if request.method == "PUT":
        article.title = json.loads(request.body)["title"]
    return JsonResponse({"id": article.id, "title": article.title})
