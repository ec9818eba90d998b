# wrong: article_list's 405 lists POST in Allow although POST is exactly what it refuses
from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.http import require_POST


def article_list(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return HttpResponse("All articles")


@require_POST
def ping(request):
    return HttpResponse("pong")
