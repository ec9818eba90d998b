# ok: a queryset's values() turned into a list, JsonResponse with safe=False
from django.http import JsonResponse

from .models import Article


def article_list(request):
    articles = list(Article.objects.order_by("id").values("id", "title"))
    return JsonResponse(articles, safe=False)
