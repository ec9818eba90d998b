# ok: If-Match checked by hand (strong comparison, lists and * as RFC 9110 §13.1.1 says) before saving
import json
from http import HTTPStatus

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import parse_etags, quote_etag
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
    current = quote_etag(article_etag(request, article_id))
    if request.method == "PUT":
        if_match = request.headers.get("If-Match")
        if if_match is not None:
            sent = parse_etags(if_match)
            if "*" not in sent and current not in [t for t in sent if not t.startswith("W/")]:
                return HttpResponse(status=HTTPStatus.PRECONDITION_FAILED)
        article.title = json.loads(request.body)["title"]
        article.save()
        current = quote_etag(article_etag(request, article_id))
    response = JsonResponse({"id": article.id, "title": article.title})
    response["ETag"] = current
    return response
