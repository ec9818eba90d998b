# ok: JSON answers for all three cases, JsonResponse with HTTPStatus names
from http import HTTPStatus

from django.http import JsonResponse

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


def promo(request, slug):
    if slug in CURRENT:
        return JsonResponse({"slug": slug, "text": CURRENT[slug]})
    if slug in RETIRED:
        return JsonResponse({"error": "this promotion has ended"}, status=HTTPStatus.GONE)
    return JsonResponse({"error": "no such promotion"}, status=HTTPStatus.NOT_FOUND)
