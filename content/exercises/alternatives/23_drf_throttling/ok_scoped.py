# ok: a ScopedRateThrottle with the "search" scope the settings name
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView


class Search(APIView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "search"

    def get(self, request):
        return Response({"results": []})
