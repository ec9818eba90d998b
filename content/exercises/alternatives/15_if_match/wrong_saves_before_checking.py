# wrong (side effect): saves the PUT first and only then answers 412 for a stale If-Match
import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_http_methods(["GET", "HEAD", "PUT"])
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    current = f'"{article_etag(request, article_id)}"'
    if request.method == "PUT":
        article.title = json.loads(request.body)["title"]
        article.save()
        if request.headers.get("If-Match", current) != current:
            return HttpResponse(status=412)
    response = JsonResponse({"id": article.id, "title": article.title})
    response["ETag"] = current if request.method != "PUT" else f'"{article_etag(request, article_id)}"'
    return response
