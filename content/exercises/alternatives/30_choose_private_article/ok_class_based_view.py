# ok: a class-based View with LoginRequiredMixin, get_object_or_404 on request.user's articles
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .models import Article


class DraftDetailView(LoginRequiredMixin, View):
    def get(self, request, article_id):
        article = get_object_or_404(request.user.article_set, pk=article_id)
        return JsonResponse({"title": article.title, "id": article.id})


draft_detail = DraftDetailView.as_view()
