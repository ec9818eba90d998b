# wrong (side effect): creates the article first, then answers 400 for the empty title
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Article


@require_POST
def create_article(request):
    data = json.loads(request.body)
    article = Article.objects.create(title=data.get("title", ""))
    if not article.title:
        return JsonResponse({"error": "title required"}, status=HTTPStatus.BAD_REQUEST)
    response = JsonResponse({"id": article.id, "title": article.title}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/articles/{article.id}/"
    return response
