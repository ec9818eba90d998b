# ok: values() for the body and an API-style JSON 404, @etag on a plain function view
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import etag

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@etag(article_etag)
def article_detail(request, article_id):
    data = Article.objects.filter(id=article_id).values("id", "title").first()
    if data is None:
        return JsonResponse({"error": "not found"}, status=HTTPStatus.NOT_FOUND)
    return JsonResponse(data)
