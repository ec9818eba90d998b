# wrong: UserRateThrottle, whose "user" rate the settings do not name (a 500)
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle
from rest_framework.views import APIView


class Search(APIView):
    throttle_classes = [UserRateThrottle]

    def get(self, request):
        return Response({"results": []})
