# wrong: a refused method is answered 400 Bad Request, not 405 with Allow
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_safe


@require_safe
def article_list(request):
    return HttpResponse("All articles")


def ping(request):
    if request.method != "POST":
        return HttpResponseBadRequest("POST only")
    return HttpResponse("pong")
