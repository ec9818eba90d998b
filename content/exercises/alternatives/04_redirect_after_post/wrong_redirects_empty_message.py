# wrong: an empty message is redirected back to the form (302) instead of a 400
from http import HTTPStatus

from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST


def thanks(request):
    return HttpResponse("Thank you!")


def contact(request):
    if request.method == "POST":
        if not request.POST.get("message"):
            return redirect("contact")
        return redirect("thanks")
    return HttpResponse("<form method=post>...</form>")


@require_POST
def start_export(request):
    return HttpResponse(status=HTTPStatus.SEE_OTHER, headers={"Location": "/api/exports/1/status/"})
