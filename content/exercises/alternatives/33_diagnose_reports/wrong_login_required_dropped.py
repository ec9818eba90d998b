# wrong: login_required dropped, so an anonymous visitor gets 403 instead of the login page
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def reports(request):
    if not request.user.is_staff:
        raise PermissionDenied
    return HttpResponse("Monthly reports")
