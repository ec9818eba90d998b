# ok: a match statement over the slug, @require_safe, integer statuses
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

CURRENT = {"winter-2026": "Winter sale: 20% off"}
RETIRED = {"summer-2024", "spring-2024"}


@require_safe
def promo(request, slug):
    match slug:
        case "summer-2024" | "spring-2024":
            return HttpResponse("This promotion has ended and will not come back.", status=410)
        case _ if slug in CURRENT:
            return HttpResponse(CURRENT[slug], status=200)
        case _:
            raise Http404("no such promotion")
