# ok: an API-style JSON 404 for a missing article, HTTPStatus names throughout
from http import HTTPStatus

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["DELETE"])
def delete_article(request, article_id):
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return JsonResponse({"error": "not found"}, status=HTTPStatus.NOT_FOUND)
    article.delete()
    return HttpResponse(status=HTTPStatus.NO_CONTENT)
