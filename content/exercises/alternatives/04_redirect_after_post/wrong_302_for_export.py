# wrong: start_export uses redirect(), a 302, where the task asks for 303 See Other
from django.http import HttpResponse, HttpResponseBadRequest
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
    return redirect("/api/exports/1/status/")
