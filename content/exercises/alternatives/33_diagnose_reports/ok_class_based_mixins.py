# ok: a class-based View with LoginRequiredMixin and UserPassesTestMixin (403 for a signed-in user), GET and HEAD
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import HttpResponse
from django.views import View


class ReportsView(LoginRequiredMixin, UserPassesTestMixin, View):
    http_method_names = ["get", "head"]

    def test_func(self):
        return self.request.user.is_staff

    def get(self, request):
        return HttpResponse("Monthly reports")


reports = ReportsView.as_view()
