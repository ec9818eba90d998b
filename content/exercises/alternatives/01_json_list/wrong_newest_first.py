# wrong: newest first (order_by("-id")), the task asks for oldest first
from django.http import JsonResponse

from .models import Article


def article_list(request):
    articles = [{"id": a.id, "title": a.title} for a in Article.objects.order_by("-id")]
    return JsonResponse(articles, safe=False)
