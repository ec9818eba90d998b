# ok: a JsonResponse subclass for 429 that always carries Retry-After
from http import HTTPStatus

from django.core.cache import cache
from django.http import JsonResponse

LIMIT = 2
PERIOD = 60  # seconds


class JsonTooManyRequests(JsonResponse):
    status_code = HTTPStatus.TOO_MANY_REQUESTS

    def __init__(self, retry_after, **kwargs):
        super().__init__({"error": "too many requests", "retry_after": retry_after}, **kwargs)
        self["Retry-After"] = str(retry_after)


def search(request):
    key = f"search:{request.META.get('REMOTE_ADDR')}"
    cache.add(key, 0, timeout=PERIOD)  # opens the window on the first call
    count = cache.incr(key)
    if count > LIMIT:
        return JsonTooManyRequests(PERIOD)
    return JsonResponse({"results": []})
