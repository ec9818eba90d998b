# wrong (side effect): get_or_create in a GET, so asking for a missing article creates it (200)
from django.http import JsonResponse
from django.views.decorators.http import etag, require_safe

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    if article is None:
        return None
    return f"{article.id}-{article.title}"


@require_safe
@etag(article_etag)
def article_detail(request, article_id):
    article, _ = Article.objects.get_or_create(id=article_id, defaults={"title": "Untitled"})
    return JsonResponse({"id": article.id, "title": article.title})
