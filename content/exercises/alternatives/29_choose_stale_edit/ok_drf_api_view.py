# ok: a DRF @api_view, request.data and status.HTTP_409_CONFLICT
from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .models import Article


@api_view(["PUT"])
def update_title(request, article_id):
    article = get_object_or_404(Article, id=article_id)
    if request.data["old_title"] != article.title:
        return Response({"current_title": article.title}, status=status.HTTP_409_CONFLICT)
    article.title = request.data["title"]
    article.save()
    return Response({"title": article.title})
