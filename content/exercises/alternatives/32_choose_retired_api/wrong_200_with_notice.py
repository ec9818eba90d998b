# wrong: 200 with the notice in the body: a success status, so clients and caches take the notice as v1's answer
from django.http import JsonResponse


def api_v1(request, rest):
    return JsonResponse({"use": "/api/v2/", "detail": "v1 was switched off"})
