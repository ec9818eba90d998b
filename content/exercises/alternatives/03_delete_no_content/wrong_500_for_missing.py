# wrong: a bare .get() whose DoesNotExist escapes, so a missing article is a 500, not a 404
from http import HTTPStatus

from django.http import HttpResponse
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["DELETE"])
def delete_article(request, article_id):
    Article.objects.get(id=article_id).delete()
    return HttpResponse(status=HTTPStatus.NO_CONTENT)
