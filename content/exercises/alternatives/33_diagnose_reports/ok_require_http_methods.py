# ok: require_http_methods(["GET", "HEAD"]) and HttpResponseForbidden built in the view
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.http import require_http_methods


@require_http_methods(["GET", "HEAD"])
@login_required
def reports(request):
    if not request.user.is_staff:
        return HttpResponseForbidden("Staff only")
    return HttpResponse("Monthly reports")
