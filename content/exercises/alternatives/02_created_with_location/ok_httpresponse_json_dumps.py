# ok: HttpResponse with json.dumps, charset on the Content-Type, a hand-written method check
import json
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseNotAllowed

from .models import Article


def json_response(data, status):
    return HttpResponse(json.dumps(data), status=status, content_type="application/json; charset=utf-8")


def create_article(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or not data.get("title"):
        return json_response({"error": "title required"}, HTTPStatus.BAD_REQUEST)
    article = Article(title=data["title"])
    article.save()
    response = json_response({"id": article.id, "title": article.title}, HTTPStatus.CREATED)
    response["Location"] = f"/api/articles/{article.id}/"
    return response
