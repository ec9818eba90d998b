# wrong: sets the ETag header by hand without the quotes an entity-tag needs (1-Hello)
from django.http import HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .models import Article


@require_safe
def article_detail(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    tag = f"{article.id}-{article.title}"
    if request.headers.get("If-None-Match", "").strip('"') == tag:
        response = HttpResponseNotModified()
    else:
        response = JsonResponse({"id": article.id, "title": article.title})
    response["ETag"] = tag
    return response
