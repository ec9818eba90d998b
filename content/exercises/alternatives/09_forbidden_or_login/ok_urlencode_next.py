# ok: the login URL built with urlencode, so next is percent-encoded (%2Freports%2F)
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


def reports(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
    if not request.user.is_staff:
        raise PermissionDenied
    return HttpResponse("Monthly reports")
