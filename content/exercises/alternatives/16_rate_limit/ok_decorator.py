# ok: the limit as a reusable decorator around a plain view, @require_safe outside it
from functools import wraps
from http import HTTPStatus

from django.core.cache import cache
from django.http import JsonResponse
from django.views.decorators.http import require_safe

LIMIT = 2
PERIOD = 60  # seconds


def rate_limited(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = f"search:{request.META.get('REMOTE_ADDR')}"
        cache.add(key, 0, timeout=PERIOD)  # opens the window on the first call
        if cache.incr(key) > LIMIT:
            return JsonResponse(
                {"error": "too many requests"},
                status=HTTPStatus.TOO_MANY_REQUESTS,
                headers={"Retry-After": str(PERIOD)},
            )
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@rate_limited
def search(request):
    return JsonResponse({"results": []})
