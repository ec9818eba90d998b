# wrong: json.dumps into a plain HttpResponse, so the Content-Type is text/html
import json

from django.http import HttpResponse

from .models import Article


def article_list(request):
    articles = [{"id": a.id, "title": a.title} for a in Article.objects.order_by("id")]
    return HttpResponse(json.dumps(articles))
