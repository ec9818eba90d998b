# ok: @require_safe and @login_required stacked, the staff test as a tiny helper
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.decorators.http import require_safe


def ensure_staff(user):
    if not user.is_staff:
        raise PermissionDenied("Only staff can read the reports.")


@require_safe
@login_required
def reports(request):
    ensure_staff(request.user)
    return HttpResponse("<h1>Monthly reports</h1>")
