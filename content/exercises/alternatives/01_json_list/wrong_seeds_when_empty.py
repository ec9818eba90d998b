# wrong (side effect): a GET that writes: it creates a sample article when there is none
from django.http import JsonResponse

from .models import Article


def article_list(request):
    if not Article.objects.exists():
        Article.objects.create(title="Welcome")
    articles = [{"id": a.id, "title": a.title} for a in Article.objects.order_by("id")]
    return JsonResponse(articles, safe=False)
