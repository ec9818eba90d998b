# wrong: 410 with a Location header pointing at v2, which the task rules out
from http import HTTPStatus

from django.http import JsonResponse


def api_v1(request, rest):
    response = JsonResponse({"use": "/api/v2/"}, status=HTTPStatus.GONE)
    response["Location"] = "/api/v2/" + rest
    return response
