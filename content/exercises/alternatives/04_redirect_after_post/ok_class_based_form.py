# ok: class-based views and a Django Form that validates the message
from http import HTTPStatus

from django import forms
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.views import View


class ContactForm(forms.Form):
    message = forms.CharField()


class ContactView(View):
    def get(self, request):
        return HttpResponse("<form method=post>...</form>")

    def post(self, request):
        form = ContactForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest("Write a message.")
        return redirect("thanks")


class StartExportView(View):
    def post(self, request):
        response = HttpResponse(status=HTTPStatus.SEE_OTHER)
        response["Location"] = "/api/exports/1/status/"
        return response


def thanks(request):
    return HttpResponse("Thank you!")


contact = ContactView.as_view()
start_export = StartExportView.as_view()
