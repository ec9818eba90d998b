# ok: a class-based View with delete(); Django's http_method_not_allowed sends Allow: DELETE, OPTIONS
from http import HTTPStatus

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .models import Article


class DeleteArticleView(View):
    def delete(self, request, article_id):
        get_object_or_404(Article, pk=article_id).delete()
        return HttpResponse(status=HTTPStatus.NO_CONTENT)


delete_article = DeleteArticleView.as_view()
