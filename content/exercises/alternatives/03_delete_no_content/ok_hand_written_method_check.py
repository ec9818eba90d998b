# ok: a hand-written method check with HttpResponseNotAllowed, try/except DoesNotExist
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseNotFound

from .models import Article


def delete_article(request, article_id):
    if request.method != "DELETE":
        return HttpResponseNotAllowed(["DELETE"])
    try:
        article = Article.objects.get(pk=article_id)
    except Article.DoesNotExist:
        return HttpResponseNotFound("no such article")
    article.delete()
    return HttpResponse(status=HTTPStatus.NO_CONTENT)
