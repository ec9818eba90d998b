# wrong: the 303 carries the status URL in its body, not in a Location header
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST


def thanks(request):
    return HttpResponse("Thank you!")


def contact(request):
    if request.method == "POST":
        if not request.POST.get("message"):
            return HttpResponseBadRequest("Write a message.")
        return redirect("thanks")
    return HttpResponse("<form method=post>...</form>")


@require_POST
def start_export(request):
    return JsonResponse({"status_url": "/api/exports/1/status/"}, status=HTTPStatus.SEE_OTHER)
