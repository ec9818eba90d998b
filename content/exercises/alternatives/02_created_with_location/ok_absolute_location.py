# ok: an absolute Location built with request.build_absolute_uri (RFC 9110 allows either form)
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Article


@require_POST
def create_article(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        data = {}
    title = data.get("title") if isinstance(data, dict) else None
    if not title:
        return JsonResponse({"error": "title required"}, status=HTTPStatus.BAD_REQUEST)
    article = Article.objects.create(title=title)
    response = JsonResponse({"id": article.id, "title": article.title}, status=HTTPStatus.CREATED)
    response["Location"] = request.build_absolute_uri(f"/api/articles/{article.id}/")
    return response
