# wrong: the 429 says Content-Type application/json but its body is plain text, not a JSON error
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
        response = HttpResponse("Too many searches", status=HTTPStatus.TOO_MANY_REQUESTS,
                                content_type="application/json")
        response["Retry-After"] = str(PERIOD)
        return response
    return JsonResponse({"results": []})
