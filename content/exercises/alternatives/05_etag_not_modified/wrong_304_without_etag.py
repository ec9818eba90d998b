# wrong: a hand-made 304 that drops the ETag header (RFC 9110 §15.4.5: a 304 sends it)
from django.http import HttpResponseNotModified, JsonResponse
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
    tag = f'"{article_etag(request, article_id)}"'
    if request.headers.get("If-None-Match") == tag:
        return HttpResponseNotModified()
    response = JsonResponse({"id": article.id, "title": article.title})
    response["ETag"] = tag
    return response
