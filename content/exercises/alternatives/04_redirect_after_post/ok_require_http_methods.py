# ok: require_http_methods on both views, HttpResponseRedirect with a status_code changed to 303
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods


def thanks(request):
    return HttpResponse("Thank you!")


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    if request.method != "POST":
        return HttpResponse("<form method=post>...</form>")
    message = request.POST.get("message", "").strip()
    if not message:
        return HttpResponseBadRequest("Write a message.")
    return redirect("thanks")


@require_http_methods(["POST"])
def start_export(request):
    response = HttpResponseRedirect("/api/exports/1/status/")
    response.status_code = HTTPStatus.SEE_OTHER
    return response
