# ok: @require_safe and a JsonResponse subclass for the API's 404
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .models import Article


class JsonNotFound(JsonResponse):
    status_code = HTTPStatus.NOT_FOUND

    def __init__(self):
        super().__init__({"error": "not found"})


@require_safe
def article_detail(request, article_id):
    article = Article.objects.filter(pk=article_id).first()
    if not article:
        return JsonNotFound()
    return JsonResponse({"id": article.pk, "title": article.title})
