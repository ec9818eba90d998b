# ok: require_http_methods(["HEAD", "GET"]) and (["POST"]): the Allow order differs, same set
from django.http import HttpResponse
from django.views.decorators.http import require_http_methods


@require_http_methods(["HEAD", "GET"])
def article_list(request):
    return HttpResponse("All articles")


@require_http_methods(["POST"])
def ping(request):
    return HttpResponse("pong")
