# wrong: the staff check fixed, but @require_GET kept, so the monitor's HEAD still gets 405
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
@login_required
def reports(request):
    if not request.user.is_staff:
        raise PermissionDenied
    return HttpResponse("Monthly reports")
