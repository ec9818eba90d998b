# ok: a throttle class with its own rate of two a minute
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle


class SearchThrottle(AnonRateThrottle):
    rate = "2/min"


class Search(GenericAPIView):
    throttle_classes = (SearchThrottle,)

    def get(self, request):
        return Response({"results": []})
