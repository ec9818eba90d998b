# wrong: 401 for a logged-in user who is not the author: their credentials are fine, logging in again changes nothing
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Article


@login_required
def draft_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    if article.author != request.user:
        return JsonResponse({"error": "log in as the author"}, status=401)
    return JsonResponse({"title": article.title})
