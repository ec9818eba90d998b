# wrong: the ETag is only the id, so it does not change when the title does ("1", not "1-Hello")
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import etag, require_safe

from .models import Article


def article_etag(request, article_id):
    return str(article_id) if Article.objects.filter(id=article_id).exists() else None


@require_safe
@etag(article_etag)
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    return JsonResponse({"id": article.id, "title": article.title})
