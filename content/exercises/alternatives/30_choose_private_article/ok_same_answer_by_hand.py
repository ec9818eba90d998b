# ok: fetch by id, then answer the same 404 as for a missing id when the author differs
from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .models import Article

NOT_FOUND = {"error": "not found"}


@login_required
def draft_detail(request, article_id):
    try:
        article = Article.objects.get(id=article_id)
    except Article.DoesNotExist:
        return JsonResponse(NOT_FOUND, status=HTTPStatus.NOT_FOUND)
    if article.author_id != request.user.id:
        return JsonResponse(NOT_FOUND, status=HTTPStatus.NOT_FOUND)
    return JsonResponse({"title": article.title})
