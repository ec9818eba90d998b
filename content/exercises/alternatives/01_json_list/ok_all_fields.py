# ok: every field of each article (values() without arguments): more keys per item than the task names
from django.http import JsonResponse

from .models import Article


def article_list(request):
    return JsonResponse(list(Article.objects.order_by("id").values()), safe=False)
