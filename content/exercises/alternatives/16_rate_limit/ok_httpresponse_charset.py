# ok: HttpResponse with json.dumps, application/json; charset=utf-8, headers= and the integer 429
import json

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse

LIMIT = 2
PERIOD = 60  # seconds


def search(request):
    key = f"search:{request.META.get('REMOTE_ADDR')}"
    cache.add(key, 0, timeout=PERIOD)  # opens the window on the first call
    count = cache.incr(key)
    if count > LIMIT:
        return HttpResponse(
            json.dumps({"error": "too many requests"}),
            status=429,
            content_type="application/json; charset=utf-8",
            headers={"Retry-After": str(PERIOD)},
        )
    return JsonResponse({"results": []})
