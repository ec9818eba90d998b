# wrong: a retired promotion answers a 200 page that says it ended: the status says it exists
from django.http import Http404, HttpResponse

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


def promo(request, slug):
    if slug in CURRENT:
        return HttpResponse(CURRENT[slug])
    if slug in RETIRED:
        return HttpResponse("This promotion has ended.")
    raise Http404("no such promotion")
