# ok: a class-based View whose get() is wrapped with method_decorator(etag(...))
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.http import etag

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


class ArticleDetailView(View):
    @method_decorator(etag(article_etag))
    def get(self, request, article_id):
        article = get_object_or_404(Article, id=article_id)
        return JsonResponse({"id": article.id, "title": article.title})


article_detail = ArticleDetailView.as_view()
