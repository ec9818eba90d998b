# wrong: a logged-in non-staff user is redirected home (302) instead of 403 Forbidden
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect


@login_required
def reports(request):
    if not request.user.is_staff:
        return redirect("home")
    return HttpResponse("Monthly reports")
