# wrong (side effect): get_or_create in a GET, so asking for a missing article creates it (200)
from django.http import JsonResponse

from .models import Article


def article_detail(request, article_id):
    article, _ = Article.objects.get_or_create(id=article_id, defaults={"title": "Untitled"})
    return JsonResponse({"id": article.id, "title": article.title})
