# ok: (planted: says ok, answers 200, must be reported as refused)
from django.http import HttpResponse


def made(request):
    return HttpResponse("made", headers={"Location": "/made/1/"})
