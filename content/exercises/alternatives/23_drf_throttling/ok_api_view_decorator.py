# ok: an @api_view function with @throttle_classes
from rest_framework.decorators import api_view, throttle_classes
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle


@api_view(["GET"])
@throttle_classes([AnonRateThrottle])
def search(request):
    return Response({"results": []})


Search = search
