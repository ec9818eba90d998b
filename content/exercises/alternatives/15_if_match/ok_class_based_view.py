# ok: a class-based View, condition() applied to dispatch with method_decorator
import json

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.http import condition

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@method_decorator(condition(etag_func=article_etag), name="dispatch")
class ArticleDetailView(View):
    def get(self, request, article_id):
        article = get_object_or_404(Article, id=article_id)
        return JsonResponse({"id": article.id, "title": article.title})

    def put(self, request, article_id):
        article = get_object_or_404(Article, id=article_id)
        article.title = json.loads(request.body)["title"]
        article.save()
        return JsonResponse({"id": article.id, "title": article.title})


article_detail = ArticleDetailView.as_view()
