# wrong: the 429 is an HTML text page, not the JSON error the task asks for
from http import HTTPStatus

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse

LIMIT = 2
PERIOD = 60  # seconds


def search(request):
    key = f"search:{request.META.get('REMOTE_ADDR')}"
    cache.add(key, 0, timeout=PERIOD)  # opens the window on the first call
    count = cache.incr(key)
    if count > LIMIT:
        response = HttpResponse("Too many requests", status=HTTPStatus.TOO_MANY_REQUESTS)
        response["Retry-After"] = str(PERIOD)
        return response
    return JsonResponse({"results": []})
