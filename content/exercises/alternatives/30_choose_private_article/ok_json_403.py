# ok: a JSON 403 for another user's draft, the id looked up first, the integer status
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse

from .models import Article


@login_required
def draft_detail(request, article_id):
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        raise Http404("No such draft")
    if article.author_id != request.user.pk:
        return JsonResponse({"error": "this draft is not yours"}, status=403)
    return JsonResponse({"title": article.title})
