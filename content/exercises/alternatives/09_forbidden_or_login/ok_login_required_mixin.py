# ok: LoginRequiredMixin on a class-based view, PermissionDenied raised in get()
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.generic import View


class ReportsView(LoginRequiredMixin, View):
    def get(self, request):
        if not request.user.is_staff:
            raise PermissionDenied
        return HttpResponse("Monthly reports")


reports = ReportsView.as_view()
