# wrong: ping's hand-made 405 has no Allow header
from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def article_list(request):
    return HttpResponse("All articles")


def ping(request):
    if request.method != "POST":
        return HttpResponse("Method not allowed", status=405)
    return HttpResponse("pong")
