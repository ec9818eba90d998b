# ok: absolute Location URLs built with request.build_absolute_uri, integer 303
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST


def thanks(request):
    return HttpResponse("Thank you!")


def contact(request):
    if request.method == "POST":
        if not request.POST.get("message"):
            return HttpResponseBadRequest("Write a message.")
        return redirect(request.build_absolute_uri(reverse("thanks")))
    return HttpResponse("<form method=post>...</form>")


@require_POST
def start_export(request):
    export_id = 1
    location = request.build_absolute_uri(f"/api/exports/{export_id}/status/")
    return HttpResponse(status=303, headers={"Location": location})
