# ok: function view behind @require_safe, the list built in a loop, JsonResponse(safe=False)
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .models import Article


@require_safe
def article_list(request):
    result = []
    for article in Article.objects.all().order_by("id"):
        result.append({"id": article.id, "title": article.title})
    return JsonResponse(result, safe=False)
