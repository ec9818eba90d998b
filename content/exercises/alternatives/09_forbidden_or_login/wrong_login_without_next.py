# wrong: the login redirect drops ?next=/reports/, so the user lands elsewhere after logging in
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect


def reports(request):
    if not request.user.is_authenticated:
        return redirect("login")
    if not request.user.is_staff:
        raise PermissionDenied("staff only")
    return HttpResponse("Monthly reports")
