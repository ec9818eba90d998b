# ok: HttpResponse with json.dumps and Content-Type application/json; charset=utf-8
import json
from http import HTTPStatus

from django.http import HttpResponse

from .models import Article

JSON = "application/json; charset=utf-8"


def article_detail(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return HttpResponse(json.dumps({"error": "not found"}), status=HTTPStatus.NOT_FOUND, content_type=JSON)
    return HttpResponse(json.dumps({"id": article.id, "title": article.title}), content_type=JSON)
