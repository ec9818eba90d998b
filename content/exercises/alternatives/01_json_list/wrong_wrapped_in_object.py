# wrong: the list is wrapped in an object ({"articles": [...]}), not the JSON list the task names
from django.http import JsonResponse

from .models import Article


def article_list(request):
    articles = [{"id": a.id, "title": a.title} for a in Article.objects.order_by("id")]
    return JsonResponse({"articles": articles})
