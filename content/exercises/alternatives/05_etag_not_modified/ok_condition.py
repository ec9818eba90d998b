# ok: @condition(etag_func=...) instead of @etag, behind require_http_methods(["GET", "HEAD"])
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import condition, require_http_methods

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_http_methods(["GET", "HEAD"])
@condition(etag_func=article_etag)
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    return JsonResponse({"id": article.id, "title": article.title})
