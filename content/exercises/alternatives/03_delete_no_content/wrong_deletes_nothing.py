# wrong (side effect): finds the article and answers 204 but never calls delete()
from http import HTTPStatus

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["DELETE"])
def delete_article(request, article_id):
    get_object_or_404(Article, id=article_id)
    return HttpResponse(status=HTTPStatus.NO_CONTENT)
