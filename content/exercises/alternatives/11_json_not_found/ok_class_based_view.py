# ok: a class-based View with get() and values() for the body
from http import HTTPStatus

from django.http import JsonResponse
from django.views import View

from .models import Article


class ArticleDetailView(View):
    def get(self, request, article_id):
        data = Article.objects.filter(id=article_id).values("id", "title").first()
        if data is None:
            return JsonResponse({"error": "not found"}, status=HTTPStatus.NOT_FOUND)
        return JsonResponse(data)


article_detail = ArticleDetailView.as_view()
