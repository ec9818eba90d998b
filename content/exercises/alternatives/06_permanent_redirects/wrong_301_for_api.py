# wrong: a 301 for the API too, so a client may turn the POST into a GET
from django.shortcuts import redirect


def old_about(request):
    return redirect("/about/", permanent=True)


def old_articles_api(request):
    return redirect("/api/v2/articles/", permanent=True)
