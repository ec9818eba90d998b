# ok: try/except Article.DoesNotExist, the integer 404
from django.http import JsonResponse

from .models import Article


def article_detail(request, article_id):
    try:
        article = Article.objects.get(pk=article_id)
    except Article.DoesNotExist:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse({"id": article.id, "title": article.title})
