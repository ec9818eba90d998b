# ok: hand-written method checks that answer HttpResponseNotAllowed (which sets Allow)
from django.http import HttpResponse, HttpResponseNotAllowed


def article_list(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return HttpResponse("All articles")


def ping(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return HttpResponse("pong")
