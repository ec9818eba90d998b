# wrong: a 403 (PermissionDenied) instead of the 429
from django.core.cache import cache
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView


class Search(APIView):
    def get(self, request):
        key = f"search:{request.META.get('REMOTE_ADDR')}"
        cache.add(key, 0, timeout=60)
        if cache.incr(key) > 2:
            raise PermissionDenied("Request was throttled.")
        return Response({"results": []})
