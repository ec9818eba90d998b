# wrong: @require_GET (require_http_methods(["GET"])) refuses HEAD too
from django.http import HttpResponse
from django.views.decorators.http import require_GET, require_POST


@require_GET
def article_list(request):
    return HttpResponse("All articles")


@require_POST
def ping(request):
    return HttpResponse("pong")
