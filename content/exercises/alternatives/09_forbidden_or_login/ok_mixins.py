# ok: class-based view with UserPassesTestMixin (anonymous: login redirect, logged in: 403)
from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import HttpResponse
from django.views import View


class ReportsView(UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.is_staff

    def get(self, request):
        return HttpResponse("Monthly reports")


reports = ReportsView.as_view()
