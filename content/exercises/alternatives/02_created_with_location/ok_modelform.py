# ok: a ModelForm validates the JSON data and saves the article
import json
from http import HTTPStatus

from django import forms
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Article


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title"]


@require_POST
def create_article(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        data = None
    form = ArticleForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        return JsonResponse({"error": "title required"}, status=HTTPStatus.BAD_REQUEST)
    article = form.save()
    response = JsonResponse({"id": article.pk, "title": article.title}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/articles/{article.pk}/"
    return response
