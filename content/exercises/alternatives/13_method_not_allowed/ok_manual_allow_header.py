# ok: a hand-built 405 with HTTPStatus and the Allow header set explicitly
from http import HTTPStatus

from django.http import HttpResponse


def not_allowed(*methods):
    return HttpResponse(status=HTTPStatus.METHOD_NOT_ALLOWED, headers={"Allow": ", ".join(methods)})


def article_list(request):
    if request.method in ("GET", "HEAD"):
        return HttpResponse("All articles")
    return not_allowed("GET", "HEAD")


def ping(request):
    if request.method == "POST":
        return HttpResponse("pong")
    return not_allowed("POST")
