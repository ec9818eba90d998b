# wrong: throttles from the second call
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView


class OncePerMinute(AnonRateThrottle):
    rate = "1/minute"


class Search(APIView):
    throttle_classes = [OncePerMinute]

    def get(self, request):
        return Response({"results": []})
