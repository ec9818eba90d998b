# wrong: get_object_or_404 answers Django's HTML 404 page, not JSON
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Article


def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    return JsonResponse({"id": article.id, "title": article.title})
