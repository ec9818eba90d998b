# ok: HttpResponseRedirect(reverse(...)) for the 302, a HttpResponseRedirect subclass for the 303
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_POST


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = HTTPStatus.SEE_OTHER


def thanks(request):
    return HttpResponse("Thank you!")


def contact(request):
    if request.method == "POST":
        if not request.POST.get("message"):
            return HttpResponseBadRequest("Write a message.")
        return HttpResponseRedirect(reverse("thanks"))
    return HttpResponse("<form method=post>...</form>")


@require_POST
def start_export(request):
    export_id = 1
    return HttpResponseSeeOther(f"/api/exports/{export_id}/status/")
