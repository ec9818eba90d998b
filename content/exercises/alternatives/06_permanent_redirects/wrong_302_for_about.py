# wrong: redirect() without permanent=True is a temporary 302, not a 301
from django.shortcuts import redirect


def old_about(request):
    return redirect("/about/")


def old_articles_api(request):
    return redirect("/api/v2/articles/", permanent=True, preserve_request=True)
