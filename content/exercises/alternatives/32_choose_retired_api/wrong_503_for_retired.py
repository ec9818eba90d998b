# wrong: 503, which says "try again later" for an API that will never come back
from http import HTTPStatus

from django.http import JsonResponse


def api_v1(request, rest):
    return JsonResponse({"use": "/api/v2/"}, status=HTTPStatus.SERVICE_UNAVAILABLE, headers={"Retry-After": "3600"})
