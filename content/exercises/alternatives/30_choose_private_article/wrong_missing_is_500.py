# wrong: a missing id raises DoesNotExist, so it becomes a 500 instead of a 404
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse

from .models import Article


@login_required
def draft_detail(request, article_id):
    article = Article.objects.get(id=article_id)
    if article.author != request.user:
        raise Http404
    return JsonResponse({"title": article.title})
