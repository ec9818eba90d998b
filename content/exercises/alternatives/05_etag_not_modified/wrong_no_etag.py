# wrong: no conditional decorator: no ETag is sent and a matching If-None-Match still gets 200
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_safe
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    return JsonResponse({"id": article.id, "title": article.title})
