# wrong: a hand-counted 429 without Retry-After
from django.core.cache import cache
from rest_framework.response import Response
from rest_framework.views import APIView


class Search(APIView):
    def get(self, request):
        key = f"search:{request.META.get('REMOTE_ADDR')}"
        cache.add(key, 0, timeout=60)
        if cache.incr(key) > 2:
            return Response({"detail": "Request was throttled."}, status=429)
        return Response({"results": []})
