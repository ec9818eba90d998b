# wrong: a permanent redirect to v2, which sends v1 clients to answers of another shape
from django.shortcuts import redirect


def api_v1(request, rest):
    return redirect("/api/v2/" + rest, permanent=True)
