# ok: HttpResponse(status=HTTPStatus.GONE) instead of HttpResponseGone
from http import HTTPStatus

from django.http import Http404, HttpResponse

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


def promo(request, slug):
    if slug in RETIRED:
        return HttpResponse("This promotion has ended.", status=HTTPStatus.GONE)
    if slug not in CURRENT:
        raise Http404("no such promotion")
    return HttpResponse(CURRENT[slug])
