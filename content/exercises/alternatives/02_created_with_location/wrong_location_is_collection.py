# wrong: Location points at the collection (/api/articles/), not at the new article
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Article


@require_POST
def create_article(request):
    data = json.loads(request.body)
    if not data.get("title"):
        return JsonResponse({"error": "title required"}, status=HTTPStatus.BAD_REQUEST)
    article = Article.objects.create(title=data["title"])
    response = JsonResponse({"id": article.id, "title": article.title}, status=HTTPStatus.CREATED)
    response["Location"] = request.path
    return response
