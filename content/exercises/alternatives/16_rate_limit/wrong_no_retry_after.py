# wrong: the 429 has no Retry-After, so the client does not know how long to wait
from http import HTTPStatus

from django.core.cache import cache
from django.http import JsonResponse

LIMIT = 2
PERIOD = 60  # seconds


def search(request):
    key = f"search:{request.META.get('REMOTE_ADDR')}"
    cache.add(key, 0, timeout=PERIOD)  # opens the window on the first call
    count = cache.incr(key)
    if count > LIMIT:
        return JsonResponse({"error": "too many requests"}, status=HTTPStatus.TOO_MANY_REQUESTS)
    return JsonResponse({"results": []})
