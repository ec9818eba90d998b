# ok: HttpResponse with json.dumps and an explicit application/json content type
import json

from django.http import HttpResponse

from .models import Article


def article_list(request):
    articles = [{"id": a.id, "title": a.title} for a in Article.objects.order_by("pk")]
    return HttpResponse(json.dumps(articles), content_type="application/json")
