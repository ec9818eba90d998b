# wrong (side effect): get_or_create in a GET, so asking for a missing draft creates one for the user (200)
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .models import Article


@login_required
def draft_detail(request, article_id):
    article, _ = Article.objects.get_or_create(
        id=article_id, author=request.user, defaults={"title": "Untitled draft"}
    )
    return JsonResponse({"title": article.title})
