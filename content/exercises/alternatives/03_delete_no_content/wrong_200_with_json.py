# wrong: answers 200 with {"deleted": true} instead of 204 No Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["DELETE"])
def delete_article(request, article_id):
    get_object_or_404(Article, id=article_id).delete()
    return JsonResponse({"deleted": True})
