# ok: a class-based View with get(), HttpResponseNotFound for the unknown slug
from django.http import HttpResponse, HttpResponseGone, HttpResponseNotFound
from django.views import View

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


class PromoView(View):
    def get(self, request, slug):
        if slug in CURRENT:
            return HttpResponse(CURRENT[slug])
        if slug in RETIRED:
            return HttpResponseGone("This promotion has ended.")
        return HttpResponseNotFound("No such promotion.")


promo = PromoView.as_view()
