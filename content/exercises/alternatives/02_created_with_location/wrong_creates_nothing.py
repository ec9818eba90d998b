# wrong (side effect): answers 201 with a Location but never saves the article
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
    article = Article(title=data["title"])
    new_id = Article.objects.count() + 1
    response = JsonResponse({"id": new_id, "title": article.title}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/articles/{new_id}/"
    return response
