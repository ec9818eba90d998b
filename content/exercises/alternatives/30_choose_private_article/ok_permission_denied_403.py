# ok: 403 by PermissionDenied for another user's draft: honest that it exists, which the task leaves to the learner
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Article


@login_required
def draft_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    if article.author != request.user:
        raise PermissionDenied
    return JsonResponse({"title": article.title})
