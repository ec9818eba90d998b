# ok: a class-based View that checks the limit in dispatch() before any handler runs
from http import HTTPStatus

from django.core.cache import cache
from django.http import JsonResponse
from django.views import View

LIMIT = 2
PERIOD = 60  # seconds


class SearchView(View):
    def dispatch(self, request, *args, **kwargs):
        key = f"search:{request.META.get('REMOTE_ADDR')}"
        cache.add(key, 0, timeout=PERIOD)  # opens the window on the first call
        if cache.incr(key) > LIMIT:
            response = JsonResponse({"error": "too many requests"}, status=HTTPStatus.TOO_MANY_REQUESTS)
            response.headers["Retry-After"] = str(PERIOD)
            return response
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return JsonResponse({"results": []})


search = SearchView.as_view()
