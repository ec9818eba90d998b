# ok: QuerySet.delete() reports how many rows went; none deleted raises Http404
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_http_methods

from .models import Article


@require_http_methods(["DELETE"])
def delete_article(request, article_id):
    deleted, _ = Article.objects.filter(id=article_id).delete()
    if not deleted:
        raise Http404("no such article")
    return HttpResponse(status=204)
