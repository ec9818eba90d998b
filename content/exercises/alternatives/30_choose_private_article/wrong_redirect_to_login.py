# wrong: another user's draft sends them to the login page (302), as if they were anonymous
from django.contrib.auth.views import redirect_to_login
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Article


@login_required
def draft_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    if article.author != request.user:
        return redirect_to_login(request.get_full_path())
    return JsonResponse({"title": article.title})
