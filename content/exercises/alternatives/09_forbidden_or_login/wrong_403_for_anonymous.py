# wrong: anonymous visitors get 403 too, instead of the redirect to the login page
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse


def reports(request):
    if not request.user.is_staff:
        raise PermissionDenied("staff only")
    return HttpResponse("Monthly reports")
