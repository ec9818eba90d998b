# wrong: contact answers the thank-you page itself (200) after the POST, so a reload re-sends it
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_POST


def thanks(request):
    return HttpResponse("Thank you!")


def contact(request):
    if request.method == "POST":
        if not request.POST.get("message"):
            return HttpResponseBadRequest("Write a message.")
        return thanks(request)
    return HttpResponse("<form method=post>...</form>")


@require_POST
def start_export(request):
    return HttpResponse(status=HTTPStatus.SEE_OTHER, headers={"Location": "/api/exports/1/status/"})
