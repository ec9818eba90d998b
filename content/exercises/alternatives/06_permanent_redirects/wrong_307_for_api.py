# wrong: preserve_request without permanent is a temporary 307, not the 308 the task asks
from django.shortcuts import redirect


def old_about(request):
    return redirect("/about/", permanent=True)


def old_articles_api(request):
    return redirect("/api/v2/articles/", preserve_request=True)
