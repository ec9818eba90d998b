# wrong: every slug that is not current answers 410, even one that never existed
from django.http import HttpResponse, HttpResponseGone

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


def promo(request, slug):
    if slug in CURRENT:
        return HttpResponse(CURRENT[slug])
    return HttpResponseGone("This promotion has ended.")
