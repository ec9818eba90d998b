# wrong (side effect): answers 409 for the clash, but has already saved the new title
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
    current = article.title
    article.title = data["title"]
    article.save()
    if data["old_title"] != current:
        return JsonResponse({"current_title": current}, status=HTTPStatus.CONFLICT)
    return JsonResponse({"title": article.title})
