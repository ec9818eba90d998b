# ok: hand-written: redirect_to_login for anonymous, HttpResponseForbidden for non-staff
from http import HTTPStatus

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseForbidden


def reports(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_staff:
        return HttpResponseForbidden("Staff only.")
    return HttpResponse("Monthly reports", status=HTTPStatus.OK)
