# wrong: any logged-in user may read any draft
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Article


@login_required
def draft_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    return JsonResponse({"title": article.title})
