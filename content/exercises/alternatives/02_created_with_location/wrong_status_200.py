# wrong: answers 200 OK after creating, not 201 Created
import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Article


@require_POST
def create_article(request):
    data = json.loads(request.body)
    if not data.get("title"):
        return JsonResponse({"error": "title required"}, status=400)
    article = Article.objects.create(title=data["title"])
    response = JsonResponse({"id": article.id, "title": article.title})
    response["Location"] = f"/api/articles/{article.id}/"
    return response
