# ok: the ETag function returns the value already quoted; Django keeps a quoted ETag as it is
from django.http import Http404, JsonResponse
from django.views.decorators.http import etag, require_safe

from .models import Article


def article_etag(request, article_id):
    article = Article.objects.filter(id=article_id).first()
    return None if article is None else f'"{article.id}-{article.title}"'


@require_safe
@etag(article_etag)
def article_detail(request, article_id):
    try:
        article = Article.objects.get(pk=article_id)
    except Article.DoesNotExist:
        raise Http404("no such article")
    return JsonResponse({"id": article.id, "title": article.title})
