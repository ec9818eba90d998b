# wrong: the 301 points at /about (no trailing slash), another URL than /about/
from http import HTTPStatus

from django.http import HttpResponse, HttpResponsePermanentRedirect


def old_about(request):
    return HttpResponsePermanentRedirect("/about")


def old_articles_api(request):
    return HttpResponse(status=HTTPStatus.PERMANENT_REDIRECT, headers={"Location": "/api/v2/articles/"})
