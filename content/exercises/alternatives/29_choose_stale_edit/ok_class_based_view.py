# ok: a class-based View with put(), the clash found with select_for_update in a transaction
import json
from http import HTTPStatus

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .models import Article


class TitleView(View):
    http_method_names = ["put"]

    def put(self, request, article_id):
        data = json.loads(request.body)
        with transaction.atomic():
            article = get_object_or_404(Article.objects.select_for_update(), id=article_id)
            if article.title != data["old_title"]:
                return JsonResponse({"current_title": article.title}, status=HTTPStatus.CONFLICT)
            article.title = data["title"]
            article.save(update_fields=["title"])
        return JsonResponse({"title": article.title})


update_title = TitleView.as_view()
