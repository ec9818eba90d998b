# ok: absolute Location URLs from request.build_absolute_uri, integer statuses set by hand
from django.http import HttpResponse


def moved(request, path, status):
    response = HttpResponse(status=status)
    response["Location"] = request.build_absolute_uri(path)
    return response


def old_about(request):
    return moved(request, "/about/", 301)


def old_articles_api(request):
    return moved(request, "/api/v2/articles/", 308)
