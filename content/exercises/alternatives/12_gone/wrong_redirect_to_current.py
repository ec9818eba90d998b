# wrong: retired promotions redirect (302) to the current one instead of answering 410
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


def promo(request, slug):
    if slug in CURRENT:
        return HttpResponse(CURRENT[slug])
    if slug in RETIRED:
        return redirect("promo", slug="winter-2026")
    raise Http404("no such promotion")
