# ok: a class-based View with post(), the integer 201, headers= passed to JsonResponse
import json

from django.http import JsonResponse
from django.views import View

from .models import Article


class CreateArticleView(View):
    http_method_names = ["post"]

    def post(self, request):
        try:
            title = json.loads(request.body).get("title")
        except (ValueError, AttributeError):
            title = None
        if not title:
            return JsonResponse({"error": "title required"}, status=400)
        article = Article.objects.create(title=title)
        return JsonResponse(
            {"id": article.id, "title": article.title},
            status=201,
            headers={"Location": f"/api/articles/{article.id}/"},
        )


create_article = CreateArticleView.as_view()
