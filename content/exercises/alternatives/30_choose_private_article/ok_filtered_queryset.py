# ok: look the draft up in the user's own articles, Http404 raised by hand
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse

from .models import Article


@login_required
def draft_detail(request, article_id):
    article = Article.objects.filter(author=request.user, pk=article_id).first()
    if article is None:
        raise Http404("No such draft")
    return JsonResponse({"title": article.title})
