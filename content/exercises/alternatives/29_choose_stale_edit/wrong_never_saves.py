# wrong (side effect): answers 200 with the new title but never saves it
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["PUT"])
def update_title(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    data = json.loads(request.body)
    if data["old_title"] != article.title:
        return JsonResponse({"current_title": article.title}, status=HTTPStatus.CONFLICT)
    article.title = data["title"]
    return JsonResponse({"title": article.title})
