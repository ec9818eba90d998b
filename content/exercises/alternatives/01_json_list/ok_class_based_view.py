# ok: a class-based View with get(), charset on the Content-Type, HTTPStatus.OK written out
import json
from http import HTTPStatus

from django.http import HttpResponse
from django.views import View

from .models import Article


class ArticleListView(View):
    def get(self, request):
        rows = Article.objects.order_by("id")
        body = json.dumps([{"id": row.id, "title": row.title} for row in rows])
        return HttpResponse(body, status=HTTPStatus.OK, content_type="application/json; charset=utf-8")


article_list = ArticleListView.as_view()
