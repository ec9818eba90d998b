# wrong: 200 after the save with an empty body, where a 200 carries the saved title (no body is what 204 says)
import json
from http import HTTPStatus

from django.http import HttpResponse, JsonResponse
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
    article.save()
    return HttpResponse(status=HTTPStatus.OK)
