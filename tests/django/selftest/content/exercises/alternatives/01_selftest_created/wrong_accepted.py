# wrong: (planted: correct code labelled wrong, must be reported as passing)
from django.http import HttpResponse


def made(request):
    return HttpResponse("made", status=201, headers={"Location": "/made/1/"})
