# ok: a ModelForm validates and saves the PUT; @condition with the ETag function
import json
from http import HTTPStatus

from django import forms
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import condition, require_http_methods

from .models import Article


class TitleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title"]


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_http_methods(["GET", "HEAD", "PUT"])
@condition(etag_func=article_etag)
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    if request.method == "PUT":
        form = TitleForm(json.loads(request.body), instance=article)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors}, status=HTTPStatus.BAD_REQUEST)
        article = form.save()
    return JsonResponse({"id": article.id, "title": article.title})
