# wrong: a retired promotion answers 404, so search engines keep retrying it
from django.http import Http404, HttpResponse

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


def promo(request, slug):
    if slug in CURRENT:
        return HttpResponse(CURRENT[slug])
    raise Http404("no such promotion")
