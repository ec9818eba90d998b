# wrong: answers DRF's {"detail": "Not found."}, not the {"error": "not found"} the task names
from http import HTTPStatus

from django.http import JsonResponse

from .models import Article


def article_detail(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return JsonResponse({"detail": "Not found."}, status=HTTPStatus.NOT_FOUND)
    return JsonResponse({"id": article.id, "title": article.title})
