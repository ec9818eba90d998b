# wrong: Retry-After is sent on the 200s too, where the task says it must not be
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
        response = JsonResponse({"error": "too many requests"}, status=HTTPStatus.TOO_MANY_REQUESTS)
    else:
        response = JsonResponse({"results": []})
    response["Retry-After"] = str(PERIOD)
    return response
