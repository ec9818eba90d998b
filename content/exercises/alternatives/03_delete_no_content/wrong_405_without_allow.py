# wrong: the hand-written 405 has no Allow header (RFC 9110 says it MUST)
from http import HTTPStatus

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Article


def delete_article(request, article_id):
    if request.method != "DELETE":
        return HttpResponse("Method not allowed", status=HTTPStatus.METHOD_NOT_ALLOWED)
    get_object_or_404(Article, id=article_id).delete()
    return HttpResponse(status=HTTPStatus.NO_CONTENT)
