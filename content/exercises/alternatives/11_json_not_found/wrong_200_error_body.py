# wrong: the error is JSON but the status stays 200
from django.http import JsonResponse

from .models import Article


def article_detail(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return JsonResponse({"error": "not found"})
    return JsonResponse({"id": article.id, "title": article.title})
