# wrong: json.dumps in a plain HttpResponse, so the 404 says Content-Type text/html
import json

from django.http import HttpResponseNotFound, JsonResponse

from .models import Article


def article_detail(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return HttpResponseNotFound(json.dumps({"error": "not found"}))
    return JsonResponse({"id": article.id, "title": article.title})
