# ok: the comparison written by hand with Django's parse_etags/quote_etag (weak comparison, lists, *)
from django.http import HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import parse_etags, quote_etag
from django.views.decorators.http import require_safe

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


def weak(tag):
    return tag.removeprefix("W/")


@require_safe
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    tag = quote_etag(article_etag(request, article_id))
    sent = parse_etags(request.headers.get("If-None-Match", ""))
    if "*" in sent or weak(tag) in {weak(t) for t in sent}:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse({"id": article.id, "title": article.title})
    response["ETag"] = tag
    return response
